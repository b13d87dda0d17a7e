/// A piece of a text node after scanning for citations and glossary terms.
enum InlinePiece: Equatable {
    case text(String)
    /// Keys with their locators (`p. 403` in `[@key, p. 403]`), nil where none is given.
    case citation(keys: [String], locators: [String?])
    case term(index: Int, text: String)
}

/// Splits text into plain runs, `[@key; @key2]` citations (each key optionally with a locator, `[@a, p. 403; @b]`)
/// and first uses of terms. The spaces before a citation are left out, so its note mark stays with the word before it.
///
/// Terms match case-insensitively (each `Character` lowercased when that gives one `Character`), as whole words (a
/// Chinese character or kana is a word's edge on either side of it; `_` is not, as in an identifier: `spi_3_meses`),
/// longest phrase first (the first of equally long ones), each term once. Text that `isPlainProse` accepts (ASCII
/// without "\r", and the typographic punctuation of smart quotes) is scanned byte by byte: there every character is
/// its own `Character`, and the only non-ASCII ones are neither letters, digits, whitespace nor anything a citation
/// or an ASCII phrase can contain, so the result is the same as the `Character` scan, which costs far more (grapheme
/// breaking and Unicode properties for every character) and which other text takes.
struct InlineScanner {
    var citations: Bool
    private let terms: AutolinkTerms
    /// Whether each term (by index) has been linked already: an array, since it is read at every word start.
    private var usedTerms: [Bool]

    init(citations: Bool, terms: AutolinkTerms) {
        self.citations = citations
        self.terms = terms
        usedTerms = Array(repeating: false, count: terms.terms.count)
    }

    /// The pieces of UTF-8 text, or nil when it has no citation and no term to link (it stays as it is).
    /// `plainProse` is `isPlainProse(bytes)` when the caller knows it already.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, linkTerms: Bool, plainProse: Bool? = nil) -> [InlinePiece]? {
        let pieces: [InlinePiece]
        // A phrase with a non-ASCII character could match typographic punctuation only in the `Character` scan.
        if plainProse ?? isPlainProse(bytes), terms.allPhrasesASCII || bytes.allSatisfy({ $0 < 0x80 }) {
            pieces = scanBytes(bytes, linkTerms: linkTerms)
        } else {
            pieces = scanCharacters(String(decoding: bytes, as: UTF8.self), linkTerms: linkTerms)
        }
        return pieces.contains(where: { if case .text = $0 { false } else { true } }) ? pieces : nil
    }

    /// `scan` by `Character`, for any text.
    mutating func scanCharacters(_ text: String, linkTerms: Bool) -> [InlinePiece] {
        let characters = Array(text)
        var pieces: [InlinePiece] = []
        var plain = ""
        var index = 0
        let lowered = characters.map { Character($0.lowercased().count == 1 ? $0.lowercased() : String($0)) }
        while index < characters.count {
            if citations, characters[index] == "[", let (keys, locators, end) = citation(in: characters, at: index) {
                // The note mark keeps to the word before it (`back [@key].` reads "back¹."), as Pandoc writes it.
                while plain.last == " " || plain.last == "\t" { plain.removeLast() }
                if !plain.isEmpty { pieces.append(.text(plain)); plain = "" }
                pieces.append(.citation(keys: keys, locators: locators))
                index = end
                continue
            }
            if linkTerms, isWordStart(characters, index), let (term, length, used) = termMatch(lowered, at: index) {
                if used {
                    plain.append(contentsOf: characters[index..<(index + length)])
                    index += length
                    continue
                }
                if !plain.isEmpty { pieces.append(.text(plain)); plain = "" }
                usedTerms[term] = true
                pieces.append(.term(index: term, text: String(characters[index..<(index + length)])))
                index += length
                continue
            }
            plain.append(characters[index])
            index += 1
        }
        if !plain.isEmpty { pieces.append(.text(plain)) }
        return pieces
    }

    /// `scan` for text that `isPlainProse` accepts, byte by byte; phrases can start only at ASCII bytes. Text without a
    /// citation or a term gives no pieces.
    private mutating func scanBytes(_ bytes: UnsafeBufferPointer<UInt8>, linkTerms: Bool) -> [InlinePiece] {
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var pieces: [InlinePiece] = []
        var plainStart = 0
        var index = 0
        while index < bytes.count {
            if citations, bytes[index] == UInt8(ascii: "["), let (keys, locators, end) = citation(in: bytes, at: index) {
                // The note mark keeps to the word before it, as in `scanCharacters`.
                var plainEnd = index
                while plainEnd > plainStart, bytes[plainEnd - 1] == UInt8(ascii: " ") || bytes[plainEnd - 1] == UInt8(ascii: "\t") {
                    plainEnd -= 1
                }
                if plainStart < plainEnd { pieces.append(.text(text(plainStart..<plainEnd))) }
                pieces.append(.citation(keys: keys, locators: locators))
                index = end
                plainStart = end
                continue
            }
            if linkTerms, bytes[index] < 0x80,
               index == 0 || !(isASCIIAlphanumeric(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "_")),
               let (term, length, used) = termMatch(bytes, at: index) {
                if used {
                    index += length
                    continue
                }
                if plainStart < index { pieces.append(.text(text(plainStart..<index))) }
                usedTerms[term] = true
                pieces.append(.term(index: term, text: text(index..<(index + length))))
                index += length
                plainStart = index
                continue
            }
            // The rest of a word holds no word start and no "[": nothing above can match there.
            if isASCIIAlphanumeric(bytes[index]) {
                index = endOfASCIIAlphanumerics(bytes, from: index + 1)
                continue
            }
            index += 1
        }
        // Text with no citation and no term stays as it is (`scan` answers nil): no String of it is made.
        if !pieces.isEmpty, plainStart < bytes.count { pieces.append(.text(text(plainStart..<bytes.count))) }
        return pieces
    }

    /// `[@a]`, `[@a; @b]` (or `,` between keys) or `[@a, p. 403; @b, ch. 2]` starting at `start`; returns the keys,
    /// their locators and the index after `]`. A locator is the text after a key's comma up to the next `;` or `]`.
    private func citation(in characters: [Character], at start: Int) -> ([String], [String?], Int)? {
        var index = start + 1
        var keys: [String] = []
        var locators: [String?] = []
        while true {
            while index < characters.count, characters[index] == " " { index += 1 }
            guard index < characters.count, characters[index] == "@" else { return nil }
            index += 1
            var key = ""
            while index < characters.count, isKeyCharacter(characters[index]) { key.append(characters[index]); index += 1 }
            guard !key.isEmpty else { return nil }
            keys.append(key)
            locators.append(nil)
            while index < characters.count, characters[index] == " " { index += 1 }
            guard index < characters.count else { return nil }
            if characters[index] == "]" { return (keys, locators, index + 1) }
            if characters[index] == ";" { index += 1; continue }
            guard characters[index] == "," else { return nil }
            index += 1
            while index < characters.count, characters[index] == " " { index += 1 }
            if index < characters.count, characters[index] == "@" { continue }
            var locator = ""
            while index < characters.count, !";][@".contains(characters[index]) { locator.append(characters[index]); index += 1 }
            guard index < characters.count, characters[index] == "]" || characters[index] == ";" else { return nil }
            while let last = locator.last, last == " " { locator.removeLast() }
            guard !locator.isEmpty else { return nil }
            locators[locators.count - 1] = locator
            if characters[index] == "]" { return (keys, locators, index + 1) }
            index += 1
        }
    }

    /// Whether a citation as the scanner reads one (`[@a]`, `[@a, p. 4; @b]`) starts at `start`, the index of a `[`.
    func isCitation(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) { return citation(in: bytes, at: start) != nil }
        let characters = Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        return citation(in: characters, at: 0) != nil
    }

    /// `citation(in:at:)` on the bytes of plain prose (a locator may hold typographic punctuation).
    private func citation(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> ([String], [String?], Int)? {
        var index = start + 1
        var keys: [String] = []
        var locators: [String?] = []
        func isStop(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ";") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "@")
        }
        while true {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "@") else { return nil }
            index += 1
            let keyStart = index
            while index < bytes.count, isCitationKeyByte(bytes[index]) { index += 1 }
            guard index > keyStart else { return nil }
            keys.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<index]), as: UTF8.self))
            locators.append(nil)
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "]") { return (keys, locators, index + 1) }
            if bytes[index] == UInt8(ascii: ";") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "@") { continue }
            let locatorStart = index
            while index < bytes.count, !isStop(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "]") || bytes[index] == UInt8(ascii: ";") else { return nil }
            var locatorEnd = index
            while locatorEnd > locatorStart, bytes[locatorEnd - 1] == UInt8(ascii: " ") { locatorEnd -= 1 }
            guard locatorEnd > locatorStart else { return nil }
            locators[locators.count - 1] = String(decoding: UnsafeBufferPointer(rebasing: bytes[locatorStart..<locatorEnd]), as: UTF8.self)
            if bytes[index] == UInt8(ascii: "]") { return (keys, locators, index + 1) }
            index += 1
        }
    }

    private func isKeyCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_"
            || character == "." || character == ":")
    }

    /// Whether a word may start at `index`: after no letter or digit, or where a Chinese character or kana meets the
    /// character before (Chinese and Japanese write no spaces between words: 「發行分券」 holds the term 分券).
    private func isWordStart(_ characters: [Character], _ index: Int) -> Bool {
        index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == "_")
            || isHanOrKana(characters[index - 1]) || isHanOrKana(characters[index])
    }

    /// The longest phrase matching at `index` and ending at a word boundary (before no letter or digit, where a
    /// Chinese character or kana meets the next character, or between Hangul: a Korean particle, 변동금리는), and
    /// whether its term is linked already (`used`): then the phrase is passed over whole, so that a shorter term
    /// inside it is not linked there (證券 inside a second 證券化, "default" inside "probability of default").
    private func termMatch(_ lowered: [Character], at index: Int) -> (term: Int, length: Int, used: Bool)? {
        guard let candidates = terms.phrasesByFirstCharacter[lowered[index]] else { return nil }
        var best: (term: Int, length: Int, used: Bool)?
        for (term, phrase) in candidates {
            let end = index + phrase.count
            guard end <= lowered.count, lowered[index..<end].elementsEqual(phrase) else { continue }
            if end < lowered.count, lowered[end] == "_" { continue }
            if end < lowered.count, lowered[end].isLetter || lowered[end].isNumber,
               !isHanOrKana(lowered[end]), !isHanOrKana(lowered[end - 1]),
               !(isHangul(lowered[end - 1]) && isHangul(lowered[end])) { continue }
            best = longer(best, (term, phrase.count, usedTerms[term]))
        }
        return best
    }

    /// The longer of two matches; of two as long, the one whose term is not linked yet.
    private func longer(_ best: (term: Int, length: Int, used: Bool)?, _ match: (term: Int, length: Int, used: Bool))
        -> (term: Int, length: Int, used: Bool) {
        guard let best else { return match }
        return match.length > best.length || (match.length == best.length && best.used && !match.used) ? match : best
    }

    /// `termMatch` on ASCII bytes, comparing them lowercased.
    private func termMatch(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (term: Int, length: Int, used: Bool)? {
        let first = lowercased(bytes[index])
        guard terms.mayStartPhrase(first, index + 1 < bytes.count ? lowercased(bytes[index + 1]) : 0) else { return nil }
        let candidates = terms.asciiPhrasesByFirstByte[Int(first)]
        guard !candidates.isEmpty else { return nil }
        var best: (term: Int, length: Int, used: Bool)?
        for (term, phrase) in candidates {
            let end = index + phrase.count
            // The first byte matched already (the candidates are by it); most phrases differ at the next one.
            guard end <= bytes.count, phrase.withUnsafeBufferPointer({ phrase in
                var offset = 1
                while offset < phrase.count, lowercased(bytes[index + offset]) == phrase[offset] { offset += 1 }
                return offset == phrase.count
            }) else { continue }
            // An identifier's part is no word (`spi` in `spi_3_meses`).
            if end < bytes.count, isASCIIAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "_") { continue }
            best = longer(best, (term, phrase.count, usedTerms[term]))
        }
        return best
    }
}

private func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
}

/// The index of the first byte at or after `start` that is not an ASCII letter or digit (`bytes.count` if none):
/// eight bytes at a time, where each byte's "is a letter or digit" is worked out in its top bit (on the low seven
/// bits, so that no sum carries into the next byte; a byte with its top bit set is neither) and the first byte that is
/// not is found by counting trailing zeros; the last few bytes one by one.
func endOfASCIIAlphanumerics(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress else { return start }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    var index = start
    while index + 8 <= bytes.count {
        let chunk = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let low = chunk & ~high
        // b + (0x80 - n) reaches the top bit exactly when b >= n (b below 0x80).
        let digits = (low &+ ones &* 0x50) & ~(low &+ ones &* 0x46)          // 0x30 ... 0x39
        let folded = low | ones &* 0x20                                      // 'A'...'Z' onto 'a'...'z'
        let letters = (folded &+ ones &* 0x1F) & ~(folded &+ ones &* 0x05)   // 0x61 ... 0x7A
        let stops = (~(digits | letters) | chunk) & high
        if stops != 0 { return index + stops.trailingZeroBitCount / 8 }
        index += 8
    }
    while index < bytes.count, isASCIIAlphanumeric(base[index]) { index += 1 }
    return index
}
