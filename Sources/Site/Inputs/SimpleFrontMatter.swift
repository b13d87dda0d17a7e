/// Front matter written the plain way, read without the YAML parser, which costs more than rendering the rest of a
/// short chapter: every line is empty or `key: value` at the start of the line, each key one of `FrontMatter.keys`
/// at most once, `title` present; a text value is plain words (starting with a letter, digit or non-ASCII character;
/// no `:`, `#`, tab or trailing space) or in double quotes without `"` or `\` inside; `draft` is `true` or `false`;
/// `date`, `updated` and `factsAsOf` are `YYYY-MM-DD`; `authors` is one name.
///
/// Anything else gives nil — comments, escapes, single quotes, block scalars, indentation, unknown, repeated or missing
/// keys, an empty value, a character YAML treats specially — and the caller parses the lines with Yams, which reads
/// every text this accepts as the same values (a test checks this on generated front matter) and reports the rest
/// with positions.
func simpleFrontMatter(_ lines: ArraySlice<Substring>) -> FrontMatter? {
    var matter = FrontMatter(title: "")
    var seen: UInt32 = 0   // bit n: FrontMatter.keys[n] has been read
    for (index, line) in zip(lines.indices, lines) where !line.isEmpty {
        let bytes = line.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let key = line[..<colon]
        guard let number = frontMatterKeyNumber(key), seen & 1 << number == 0 else { return nil }
        seen |= 1 << number
        var start = bytes.index(after: colon)
        guard start < bytes.endIndex, bytes[start] == UInt8(ascii: " ") else { return nil }
        while start < bytes.endIndex, bytes[start] == UInt8(ascii: " ") { start = bytes.index(after: start) }
        guard let value = simpleScalar(line[start...]) else { return nil }
        switch FrontMatter.keys[number] {
        case "title": matter.title = value.text
        case "question": matter.question = value.text
        case "summary": matter.summary = value.text
        case "takeaway": matter.takeaway = value.text
        case "description": matter.description = value.text
        case "authors": matter.authors = [value.text]
        case "image":
            matter.image = value.text
            matter.imageLine = index + 1
        case "date", "updated", "factsAsOf":
            guard isISODate(value.text) else { return nil }
            if key == "date" { matter.date = value.text } else if key == "updated" { matter.updated = value.text }
            else { matter.factsAsOf = value.text }
        case "draft":
            guard !value.quoted, value.text == "true" || value.text == "false" else { return nil }
            matter.draft = value.text == "true"
        default:
            return nil  // extra: a mapping, for the YAML parser
        }
    }
    if let date = matter.date, let updated = matter.updated, updated < date { return nil }
    return seen & 1 << frontMatterKeyNumber("title")! != 0 ? matter : nil
}

/// The place of `key` in `FrontMatter.keys`, or nil: an ASCII key compared by its bytes (first by length), any other
/// by String equality, as a `Set<Substring>` and `==` compared it.
private func frontMatterKeyNumber(_ key: Substring) -> Int? {
    let bytes = key.utf8
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return FrontMatter.keys.firstIndex { $0 == key } }
    let count = bytes.count
    return FrontMatter.keys.firstIndex { $0.utf8.count == count && $0.utf8.elementsEqual(bytes) }
}

/// A non-empty plain or double-quoted scalar that YAML reads as exactly its characters, or nil. A plain one starts
/// with a letter, a digit, a non-ASCII character or one of `alsoFirst` (characters that are no YAML indicator).
func simpleScalar(_ value: Substring, alsoFirst: [UInt8] = []) -> (text: String, quoted: Bool)? {
    let bytes = value.utf8
    guard let first = bytes.first, let last = bytes.last else { return nil }
    if first == UInt8(ascii: "\"") {
        guard bytes.count > 2, last == UInt8(ascii: "\"") else { return nil }
        let inner = value.dropFirst().dropLast()
        guard inner.utf8.allSatisfy({ $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }), isPlainText(inner) else {
            return nil
        }
        return (String(inner), true)
    }
    let startsWell = first >= 0x80 || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z"))
        || alsoFirst.contains(first)
    guard startsWell, last != UInt8(ascii: " "),
          bytes.allSatisfy({ $0 != UInt8(ascii: ":") && $0 != UInt8(ascii: "#") }), isPlainText(value) else {
        return nil
    }
    return (String(value), false)
}

/// Whether every character is printable and none is one YAML reads as a line break, tab or byte-order mark: ASCII
/// 0x20–0x7E, or from U+00A0 on except U+2028, U+2029, U+FEFF and the non-characters U+FFFE and U+FFFF.
func isPlainText(_ text: Substring) -> Bool {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return true }
    return text.unicodeScalars.allSatisfy { scalar in
        switch scalar.value {
        case 0x20..<0x7F: true
        case 0xA0..<0xD800: scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: scalar.value != 0xFEFF
        case 0x10000...: true
        default: false
        }
    }
}
