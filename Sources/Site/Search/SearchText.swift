#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text a reader sees in a piece of page HTML, for the search index: tags dropped (a block-level tag separates
/// words, an inline one does not), note and footnote markers (`<sup class="cite">`, `<sup class="footnote-ref">`),
/// footnotes' links back to the text ("↩"), comments, scripts, styles and inline SVG left out, character references
/// decoded, runs of white space made one space.
func searchText(fromHTML html: String) -> String {
    var html = html
    return html.withUTF8 { searchText(fromHTML: $0) }
}

/// `searchText(fromHTML:)` on the HTML's UTF-8 bytes (the index reads every page, so it does not copy them into
/// scalars); the patterns it looks for are ASCII, so matching bytes matches characters.
func searchText(fromHTML html: UnsafeBufferPointer<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(html.count)
    var pendingSpace = false
    // After a left-out note marker, a space before punctuation was the marker's ("risk [@key]." → "risk.").
    var afterSkip = false
    func emit(_ scalar: Unicode.Scalar) {
        if scalar.isASCII { emitASCII(UInt8(scalar.value)); return }
        if scalar == "\u{A0}" || scalar == "\u{202F}" {
            pendingSpace = true
            return
        }
        afterSkip = false
        if pendingSpace && !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        out.append(contentsOf: UTF8.encode(scalar)!)
    }
    func emitASCII(_ byte: UInt8) {
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
            pendingSpace = true
            return
        }
        if afterSkip && (byte == 0x2E || byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x21 || byte == 0x3F || byte == 0x29) {
            pendingSpace = false
        }
        afterSkip = false
        if pendingSpace && !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        out.append(byte)
    }
    let count = html.count
    var index = 0
    let skipped = skippedElements
    // Letters match either case (ASCII only: no other character lowercases to one of these patterns' letters).
    func starts(_ text: [UInt8], at position: Int) -> Bool {
        guard position + text.count <= count else { return false }
        for (offset, byte) in text.enumerated() {
            var have = html[position + offset]
            if have >= 0x41 && have <= 0x5A { have += 0x20 }
            if have != byte { return false }
        }
        return true
    }
    // Each place of the pattern's first byte (a '<' or '>', never a letter) found by memchr.
    func find(_ text: [UInt8], from position: Int) -> Int? {
        guard let base = html.baseAddress else { return nil }
        var position = position
        let first = Int32(text[0])
        while position < count, let hit = memchr(base + position, first, count - position) {
            let found = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if starts(text, at: found) { return found }
            position = found + 1
        }
        return nil
    }
    let close: [UInt8] = [0x3E]
    scan: while index < count {
        let byte = html[index]
        if byte == 0x3C {
            for (open, closing) in skipped where starts(open, at: index) {
                guard let end = find(closing, from: index + open.count) else { break scan }
                index = end + closing.count
                afterSkip = true
                continue scan
            }
            let end = find(close, from: index) ?? count
            if isBlockTag(UnsafeBufferPointer(rebasing: html[min(index + 1, end)..<end])) { pendingSpace = true }
            index = end + 1
        } else if byte == 0x26, let (decoded, length) = characterReference(html, at: index) {
            for part in decoded.unicodeScalars { emit(part) }
            index += length
        } else if byte < 0x80 {
            emitASCII(byte)
            index += 1
            // The rest of a run of visible ASCII goes out as it is: after a visible byte no space is pending.
            if byte > 0x20 {
                let start = index
                while index < count {
                    let next = html[index]
                    guard next > 0x20 && next < 0x80 && next != 0x3C && next != 0x26 else { break }
                    index += 1
                }
                if index > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: html[start..<index])) }
            }
        } else {
            var length = 2
            if byte >= 0xF0 { length = 4 } else if byte >= 0xE0 { length = 3 }
            if length == 2 && byte == 0xC2 && html[index + 1] == 0xA0 {
                pendingSpace = true
            } else {
                afterSkip = false
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: html[index..<(index + length)]))
            }
            index += length
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// Elements whose whole content is skipped, with the tag that ends them; ASCII, lowercase.
private let skippedElements: [(open: [UInt8], close: [UInt8])] = [
    ("<sup class=\"cite\"", "</sup>"), ("<sup class=\"footnote-ref\"", "</sup>"), ("<a class=\"backref\"", "</a>"), ("<!--", "-->"), ("<script", "</script>"), ("<style", "</style>"), ("<svg", "</svg>"),
].map { (Array($0.utf8), Array($1.utf8)) }

/// Tags that separate the words on either side (without a space in the HTML, "a</p><p>b" is still two words).
private let blockTags: Set<String> = [
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]

/// Whether a tag, from the text after its `<` (`/p`, `h2 id="x"`), is one of `blockTags`: its name is its letters
/// and digits after any `/`, lowercased.
private func isBlockTag(_ tag: UnsafeBufferPointer<UInt8>) -> Bool {
    // The name packed into a number, six bits a letter or digit (none is longer than ten), looked up without making
    // a String.
    var packed: UInt64 = 0
    var length = 0
    var name: [UInt8] { (0..<length).map { unpackedTagByte(packed >> (6 * UInt64(length - 1 - $0))) } }
    var index = 0
    while index < tag.count && tag[index] == 0x2F { index += 1 }
    while index < tag.count {
        var byte = tag[index]
        if byte >= 0x80 {
            // A name with other letters (never a block tag's, unless one lowercases to ASCII): the slow way.
            return blockTags.contains(tagName(Array(String(decoding: UnsafeBufferPointer(rebasing: tag[index...]), as: UTF8.self).unicodeScalars)[...], prefix: name))
        }
        if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
        guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) else { break }
        packed = packed << 6 | packedTagByte(byte)
        length += 1
        index += 1
        if length > 10 { return false }
    }
    return packedBlockTags.contains(packed)
}

/// `blockTags`, each name packed as `isBlockTag` packs it (names are lowercase ASCII letters and digits, one to ten).
private let packedBlockTags: Set<UInt64> = Set(blockTags.map { name in name.utf8.reduce(UInt64(0)) { $0 << 6 | packedTagByte($1) } })

/// A lowercase ASCII letter or digit as six bits: digits 1…10, letters 11…36 (never 0, so lengths differ).
private func packedTagByte(_ byte: UInt8) -> UInt64 {
    byte <= 0x39 ? UInt64(byte - 0x30 + 1) : UInt64(byte - 0x61 + 11)
}

private func unpackedTagByte(_ bits: UInt64) -> UInt8 {
    let value = UInt8(bits & 0x3F)
    return value <= 10 ? value - 1 + 0x30 : value - 11 + 0x61
}

/// The lowercased name of a tag from the text after its `<` (`/p`, `h2 id="x"` → `p`, `h2`), after `prefix`.
private func tagName(_ tag: ArraySlice<Unicode.Scalar>, prefix: [UInt8] = []) -> String {
    var name = String.UnicodeScalarView()
    name.append(contentsOf: String(decoding: prefix, as: UTF8.self).unicodeScalars)
    for scalar in prefix.isEmpty ? tag.drop(while: { $0 == "/" }) : tag {
        guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { break }
        name.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }
    return String(name)
}

/// A character reference at `index` (`&amp;`, `&#39;`, `&#x2019;`, a few named ones): its text and length in bytes.
/// Its name is at most ten characters.
private func characterReference(_ html: UnsafeBufferPointer<UInt8>, at index: Int) -> (String, Int)? {
    var end = index + 1, characters = 1
    while end < html.count, characters <= 10, html[end] != 0x3B {
        end += 1
        while end < html.count && html[end] & 0xC0 == 0x80 { end += 1 }
        characters += 1
    }
    guard end < html.count, html[end] == 0x3B else { return nil }
    let name = String(decoding: UnsafeBufferPointer(rebasing: html[(index + 1)..<end]), as: UTF8.self)
    let length = end - index + 1
    if name.hasPrefix("#") {
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (String(scalar), length)
    }
    guard let text = namedReferences[name] else { return nil }
    return (text, length)
}

private let namedReferences: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
    "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "times": "×", "minus": "−",
]
