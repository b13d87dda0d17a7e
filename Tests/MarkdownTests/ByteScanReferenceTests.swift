import Testing
@testable import Markdown

/// The parse stage's byte scans against simple references, on text generated from pieces that exercise their edges
/// (ASCII words, spaces and controls, typographic punctuation, other characters, addresses, citations). Seeded, so a
/// failure names a case that repeats.
@Suite struct ByteScanReferences {
    /// A small linear congruential generator: the same texts on every run.
    struct Texts {
        var state: UInt64
        let pieces: [String]

        mutating func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }

        mutating func text(maxPieces: Int) -> String {
            var text = ""
            for _ in 0..<(next() % (maxPieces + 1)) { text += pieces[next() % pieces.count] }
            return text
        }
    }

    @Test func autolinkPrefilterAgreesWithTheStringTestsAndMissesNoAutolink() {
        var texts = Texts(state: 3, pieces: ["www", "ww", "w.", ".", ":", "://", ":/", "@", "a@", ".@", "+@", "-@", "_@",
                                             " @", "[@key]", "é@", "—@", "…", "x", "example", "com", "http", "https",
                                             " ", "\t", "\n", "’", "(", ")", "<", "a.b@c.d", "www.example.org"])
        var seen = 0
        for _ in 0..<5_000 {
            let text = texts.text(maxPieces: 10)
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer(mayHoldExtendedAutolink)
            // The tests as they were, on the String.
            let hasDot = bytes.contains(UInt8(ascii: ".")) || bytes.contains(UInt8(ascii: ":"))
            let emailAt = bytes.indices.contains { index in
                guard index > 0, bytes[index] == UInt8(ascii: "@") else { return false }
                let before = bytes[index - 1]
                return before >= 0x80 || before.isASCIIAlphanumeric || "+-._".utf8.contains(before)
            }
            let expected = hasDot && (text.utf8.contains("://") || text.utf8.contains("www") || emailAt)
            #expect(fast == expected, "\(text.debugDescription)")
            // Without a '.' or ':' byte the text is skipped, as it always was: "www…" reads back as "www..." but is
            // left as text.
            if hasDot, !findExtendedAutolinks(in: text).isEmpty {
                seen += 1
                #expect(fast, "\(text.debugDescription)")
            }
        }
        #expect(seen > 200)
    }

    @Test func plainProseWordsCountLikeSplittingOnWhitespaceAndRefuseWhatIsNotPlainProse() {
        var texts = Texts(state: 5, pieces: ["a", "word", "longer words here", " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}",
                                             "\r", "\u{1C}", "\u{1F}", "\u{7F}", "’", "‘", "“", "”", "—", "–", "…", "é",
                                             "\u{A0}", "\u{2028}", "\u{85}", "\u{2019}s", "12345678", "!", "~"])
        var plain = 0
        for round in 0..<20_000 {
            let text = texts.text(maxPieces: round % 3 == 0 ? 40 : 8)
            let bytes = Array(text.utf8)
            let expected = bytes.withUnsafeBufferPointer(isPlainProse)
                ? text.split(whereSeparator: { $0.isWhitespace }).count : nil
            // Every alignment of the eight-byte steps: the text at each offset into a larger buffer.
            let shift = round % 8
            let padded = Array(repeating: UInt8(ascii: "x"), count: shift) + bytes
            let words = padded.withUnsafeBufferPointer { plainProseWords(UnsafeBufferPointer(rebasing: $0[shift...])) }
            #expect(words == expected, "\(text.debugDescription)")
            if expected != nil { plain += 1 }
        }
        #expect(plain > 2_000)
    }

    /// Phrases sharing their first two bytes, a one-letter phrase, phrases starting with a digit or punctuation and one
    /// with an uppercase second letter: the byte scan, which skips word starts by their first two bytes, links what the
    /// `Character` scan links.
    @Test func termScanBySecondByteLinksWhatTheCharacterScanLinks() {
        let terms = AutolinkTerms([
            AutolinkTerm(phrases: ["coupon", "coupons"], href: "g#c", title: "c"),
            AutolinkTerm(phrases: ["collateral", "co-op"], href: "g#k", title: "k"),
            AutolinkTerm(phrases: ["x"], href: "g#x", title: "x"),
            AutolinkTerm(phrases: ["3x leverage", "(a)"], href: "g#3", title: "3"),
            AutolinkTerm(phrases: ["iPhone", "cost basis"], href: "g#i", title: "i"),
        ])
        var texts = Texts(state: 9, pieces: ["coupon", "Coupons", "COLLATERAL", "co-op", "co", "c", "x", "X", "xy", "3x",
                                             "3x leverage", "(a)", "(a", "iphone", "IPHONE", "cost", "cost basis", "basis",
                                             " ", "  ", ",", ".", "’", "—", "é", "[@k]", "-", "1", "\n"])
        var linked = 0
        for round in 0..<5_000 {
            let text = texts.text(maxPieces: 12)
            var byBytes = InlineScanner(citations: true, terms: terms)
            var byCharacters = InlineScanner(citations: true, terms: terms)
            let scanned = Array(text.utf8).withUnsafeBufferPointer { byBytes.scan($0, linkTerms: round % 5 != 0) }
            var expected: [InlinePiece]? = byCharacters.scanCharacters(text, linkTerms: round % 5 != 0)
            if expected!.allSatisfy({ if case .text = $0 { true } else { false } }) { expected = nil }
            #expect(scanned == expected, "\(text.debugDescription)")
            if scanned?.contains(where: { if case .term = $0 { true } else { false } }) == true { linked += 1 }
        }
        #expect(linked > 1_000)
    }

    @Test func byteSearchFromTheRarestByteFindsWhatTryingEveryOffsetFinds() {
        var texts = Texts(state: 13, pieces: ["n", "ne", "nex", "next", "ext", "x", "e", "www", "ww", "w", ":", ":/", "://",
                                             "[", "[^", "^", "&", "&#", "#", ".", ".m", ".md", "md", " ", "é", "—", "\r"])
        var found = 0
        for round in 0..<10_000 {
            let text = texts.text(maxPieces: 8)
            let bytes = Array(text.utf8)
            let shift = round % 8
            let padded = Array(repeating: UInt8(ascii: "n"), count: shift) + bytes
            for needle: StaticString in ["next", "www", "://", "[^", "&#", ".md", "x", "\"></a>"] {
                let fast = padded.withUnsafeBufferPointer { containsBytes(UnsafeBufferPointer(rebasing: $0[shift...]), needle) }
                let expected = text.utf8.contains(needle.description)
                #expect(fast == expected, "\(needle) in \(text.debugDescription)")
                if expected { found += 1 }
            }
        }
        #expect(found > 10_000)
    }

    @Test func asciiTestEightBytesAtATimeAgreesWithTestingEachByte() {
        var texts = Texts(state: 15, pieces: ["a", "abcdefgh", " ", "\t", "\r", "\n", "\u{7F}", "é", "’", "\u{0}", "\r\n"])
        var ascii = 0
        for round in 0..<10_000 {
            let bytes = Array(texts.text(maxPieces: 12).utf8)
            let shift = round % 8
            let padded = Array(repeating: UInt8(ascii: "a"), count: shift) + bytes
            let fast = padded.withUnsafeBufferPointer { isASCIIWithoutCarriageReturn(UnsafeBufferPointer(rebasing: $0[shift...])) }
            let expected = bytes.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") }
            #expect(fast == expected, "\(bytes)")
            if expected { ascii += 1 }
        }
        #expect(ascii > 2_000)
    }

    @Test func wordEndsEightBytesAtATimeAreWhereTestingEachByteEnds() {
        // Every byte value, so each side of each range is crossed.
        var state: UInt64 = 21
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for round in 0..<20_000 {
            let alphabet: [UInt8] = round % 2 == 0 ? Array(0...255) : Array("aZ09 .-/:@[`{é".utf8)
            let bytes = (0..<(next() % 40)).map { _ in next() % 3 == 0 ? alphabet[next() % alphabet.count] : UInt8(ascii: "m") }
            let start = bytes.isEmpty ? 0 : next() % bytes.count
            var expected = start
            while expected < bytes.count, bytes[expected].isASCIIAlphanumeric { expected += 1 }
            #expect(bytes.withUnsafeBufferPointer { endOfASCIIAlphanumerics($0, from: start) } == expected, "\(bytes) from \(start)")
        }
    }
}

private extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}

private extension String.UTF8View {
    /// Whether the bytes hold `needle`'s bytes, by trying every offset.
    func contains(_ needle: String) -> Bool {
        let bytes = Array(self), pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains { Array(bytes[$0..<($0 + pattern.count)]) == pattern }
    }
}
