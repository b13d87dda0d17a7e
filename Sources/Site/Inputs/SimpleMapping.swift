/// A flat YAML mapping written the plain way — a translations file's `key: text` lines — read without the YAML
/// parser, which takes a few milliseconds for a file of 300 lines, on the serial start of every build.
///
/// Every line is empty, a comment starting in column 1, or `key: value` starting in column 1; a key is an ASCII
/// letter followed by letters, digits, `_`, `.` or `-`, at most once; a value is a plain scalar as front matter's
/// fast reading takes it (`simpleScalar`, which may also start with `$` or `(` here: "$ billions"), or in double quotes (`""` too), where `\"`, `\\`, `\/`, `\n`, `\t` and `\uXXXX`
/// (not a surrogate) are the escapes read. At least one key.
///
/// Anything else gives nil — single quotes, other escapes, block scalars, indentation, a repeated key, a trailing
/// comment, a character YAML treats specially — and the caller parses the text with Yams, which reads every text
/// this accepts as the same strings (a test checks this on generated files and on explainer's own) and reports the
/// rest with positions.
func simpleFlatMapping(_ text: String) -> [String: String]? {
    var strings: [String: String] = [:]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let bytes = line.utf8
        guard let first = bytes.first else { continue }
        // A comment ends at a line break, and YAML also breaks lines at U+0085, U+2028 and U+2029.
        if first == UInt8(ascii: "#") {
            guard isPlainText(line) else { return nil }
            continue
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), isSimpleKey(line[..<colon]) else { return nil }
        var start = bytes.index(after: colon)
        guard start < bytes.endIndex, bytes[start] == UInt8(ascii: " ") else { return nil }
        while start < bytes.endIndex, bytes[start] == UInt8(ascii: " ") { start = bytes.index(after: start) }
        let value = line[start...]
        let text: String
        if value == "\"\"" {
            text = ""  // Chinese puts no space between a label and what it labels: `space: ""`
        } else if value.utf8.first == UInt8(ascii: "\""), value.utf8.contains(UInt8(ascii: "\\")) {
            guard let unescaped = unescapedDoubleQuoted(value) else { return nil }
            text = unescaped
        } else {
            guard let scalar = simpleScalar(value, alsoFirst: [UInt8(ascii: "$"), UInt8(ascii: "(")]) else { return nil }
            text = scalar.text
        }
        guard strings.updateValue(text, forKey: String(line[..<colon])) == nil else { return nil }
    }
    return strings.isEmpty ? nil : strings
}

/// An ASCII letter, then letters, digits, `_`, `.` or `-`: a key YAML reads as exactly its characters.
private func isSimpleKey(_ key: Substring) -> Bool {
    func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
    guard let first = key.utf8.first, isLetter(first) else { return false }
    return key.utf8.allSatisfy { byte in
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}

/// The text of a double-quoted scalar with escapes (`"ch.\u00a0{n}"`), or nil if it holds an escape not read here,
/// an unescaped quote before its end, or a character `isPlainText` refuses.
private func unescapedDoubleQuoted(_ value: Substring) -> String? {
    let scalars = Array(value.unicodeScalars)
    guard scalars.count >= 3, scalars.first == "\"", scalars.last == "\"" else { return nil }
    var result = String.UnicodeScalarView()
    var index = 1
    while index < scalars.count - 1 {
        let scalar = scalars[index]
        if scalar == "\"" { return nil }
        guard scalar == "\\" else {
            result.append(scalar)
            index += 1
            continue
        }
        guard index + 1 < scalars.count - 1 else { return nil }
        switch scalars[index + 1] {
        case "\"": result.append("\"")
        case "\\": result.append("\\")
        case "/": result.append("/")
        case "n": result.append("\n")
        case "t": result.append("\t")
        case "u":
            guard index + 5 < scalars.count - 1,
                  let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
                  scalars[(index + 2)...(index + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }),
                  let decoded = Unicode.Scalar(code) else { return nil }
            result.append(decoded)
            index += 6
            continue
        default: return nil
        }
        index += 2
    }
    let raw = value.dropFirst().dropLast()
    guard isPlainText(raw) else { return nil }
    return String(result)
}
