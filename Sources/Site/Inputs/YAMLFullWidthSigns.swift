/// YAML's signs typed by a Japanese or Chinese input method: a key's full-width colon (`title："…"`, `kind：line`), a
/// full-width space after a key's colon (`kind:　bar`) and a full-width dash as a list's marker (`－ {type: line}`).
/// YAML reads none of them as its sign, so the line becomes text, an unknown key or an error a line later
/// (trial 15 S11). The first one, as (line, column, sign, the ASCII form to write).
func fullWidthYAMLSign(_ text: String) -> (line: Int, column: Int, sign: Character, write: String)? {
    // U+FF1A ： is EF BC 9A, U+FF0D － EF BC 8D, U+3000 E3 80 80: most files have none of these lead bytes.
    guard text.utf8.contains(where: { $0 == 0xEF || $0 == 0xE3 }) else { return nil }
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let indentation = line.prefix { $0 == " " }
        var rest = line.dropFirst(indentation.count)
        if rest.first == "\u{FF0D}", rest.dropFirst().first == " " || rest.dropFirst().first == "\u{3000}" {
            return (index + 1, indentation.count + 1, "\u{FF0D}", "- ")
        }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        let key = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
        guard !key.isEmpty else { continue }
        let after = rest.dropFirst(key.count)
        let column = line.count - rest.count + key.count + 1
        if after.first == "\u{FF1A}" {
            return (index + 1, column, "\u{FF1A}", "\(key): ")
        }
        if after.first == ":", after.dropFirst().first == "\u{3000}" {
            return (index + 1, column + 1, "\u{3000}", "\(key): ")
        }
    }
    return nil
}
