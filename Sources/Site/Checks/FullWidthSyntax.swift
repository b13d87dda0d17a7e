import Markdown

/// Markdown syntax typed in full-width forms, as a Japanese or Chinese input method types it without a writer noticing:
/// `［@key］`, `[＠key]`, `＠key`, `[＾note]`, a heading `＃＃ 猛暑`, an id `｛＃große-hitze｝`, a link `[대출]（a.md）`, a table
/// row `｜ 파리 ｜ 30.1 ｜`. Markdown reads none of them, so the page shows them as text (the citation gets no note, the
/// heading is a paragraph, the id is part of its text, the link is not one, the row is one cell).
/// Warnings at the character, with the ASCII form; code fences are passed over. `lineOffset` turns body lines into file
/// lines.
func fullWidthSyntaxWarnings(_ body: String, file: String, lineOffset: Int) -> [Diagnostic] {
    // Full-width forms (U+FF01–U+FF5E) are EF BC xx or EF BD xx in UTF-8: most chapters have none.
    guard body.utf8.contains(0xEF) else { return [] }
    var warnings: [Diagnostic] = []
    let lines = splitLines(body)
    let states = fenceStates(lines)
    for (index, line) in lines.enumerated() {
        guard states[index] == .text, line.utf8.contains(0xEF) else { continue }
        let trimmed = line.drop { $0 == " " }
        func warn(_ column: Int, _ written: String, _ ascii: String, _ what: String) {
            warnings.append(Diagnostic(file: file, line: index + 1 + lineOffset, column: column,
                                       message: "'\(written)' is written with full-width \(what), which Markdown does not read: "
                                           + "the page shows it as text",
                                       hint: "write \(ascii) with ASCII characters (switch the input method to half-width, "
                                           + "or to direct input, for Markdown's signs)",
                                       severity: .warning))
        }
        // `＃＃ 猛暑`: a heading's hashes.
        if trimmed.first == "＃" {
            let hashes = trimmed.prefix { $0 == "＃" || $0 == "#" }
            let rest = trimmed.dropFirst(hashes.count)
            if rest.first == " " || rest.first == "\u{3000}" {
                warn(line.count - trimmed.count + 1, String(hashes), String(repeating: "#", count: hashes.count) + " and a space",
                     "hash signs for a heading")
            }
        }
        // `｜ 파리 ｜ 30.1 ｜`: a table row's bars.
        if trimmed.first == "｜", trimmed.count(where: { $0 == "｜" }) >= 2 {
            warn(line.count - trimmed.count + 1, "｜", "|", "vertical bars for a table row")
        }
        let characters = Array(line)
        var position = 0
        while position < characters.count {
            let character = characters[position]
            let next = position + 1 < characters.count ? characters[position + 1] : nil
            // `［@key］`, `[＠key]`, `［＠key, S. 4］`: a citation; `[＾note]`: a footnote.
            // (A label or key starts with a letter or digit: ［＾＾］ is a face, not a footnote.)
            let afterNext = position + 2 < characters.count ? characters[position + 2] : nil
            if ((character == "［" && (next == "@" || next == "＠" || next == "^" || next == "＾"))
                || (character == "[" && (next == "＠" || next == "＾"))), afterNext?.isLetter == true || afterNext?.isNumber == true {
                let end = characters[position...].firstIndex { $0 == "］" || $0 == "]" } ?? min(characters.count - 1, position + 1)
                let written = String(characters[position...end])
                let ascii = "[" + written.dropFirst().dropLast(characters[end] == "］" || characters[end] == "]" ? 1 : 0)
                    .replacingOccurrences(of: "＠", with: "@").replacingOccurrences(of: "＾", with: "^") + "]"
                let footnote = next == "^" || next == "＾"
                warn(position + 1, written, ascii, footnote ? "signs for a footnote" : "signs for a citation")
                position = end + 1
                continue
            }
            // `＠dwd-2023` in prose: a citation's at sign. Only a key of the usual form (a letter first, a digit in it: an
            // author and a year), not after a letter or digit: ＠ is also Japanese for "at … each" (りんご＠100円), an
            // e-mail address's sign (info＠example.jp) and a handle's (＠JMA_kishou) (recheck 13).
            let previous = position > 0 ? characters[position - 1] : nil
            if character == "＠", !(previous.map { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? false),
               let key = citationKey(characters, from: position + 1), key.first?.isLetter == true, key.contains(where: \.isNumber) {
                warn(position + 1, "＠" + key, "[@\(key)]", "at sign for a citation")
                position += 1 + key.count
                continue
            }
            // `[대출]（20-le-credit.md）`, `［대출］(…)`: a link's brackets or parentheses, around what looks like an address.
            if (character == "］" && (next == "(" || next == "（")) || (character == "]" && next == "（"),
               let open = characters[..<position].lastIndex(where: { $0 == "[" || $0 == "［" }),
               let close = characters[(position + 2)...].firstIndex(where: { $0 == ")" || $0 == "）" }) {
                let target = String(characters[(position + 2)..<close])
                if !target.isEmpty, !target.contains(" "),
                   target.contains(".md") || target.contains("/") || target.hasPrefix("#") || target.hasPrefix("http") {
                    let written = String(characters[open...close])
                    warn(open + 1, written, "[\(String(characters[(open + 1)..<position]))](\(target))", "brackets or parentheses for a link")
                    position = close + 1
                    continue
                }
            }
            // `｛＃größe-und-dauer｝`, `{＃id}`, `｛#id｝`: a heading's id.
            if (character == "｛" && (next == "#" || next == "＃")) || (character == "{" && next == "＃") {
                let end = characters[position...].firstIndex { $0 == "｝" || $0 == "}" } ?? position + 1
                let written = String(characters[position...end])
                let id = written.dropFirst(2).dropLast(characters[end] == "｝" || characters[end] == "}" ? 1 : 0)
                warn(position + 1, written, "{#\(id)}", "braces or hash sign for an id")
                position = end + 1
                continue
            }
            position += 1
        }
    }
    return warnings
}

/// The citation key starting at `start` (letters, digits, `-`, `_`, `.`, `:`, with a letter or digit, not ending in
/// punctuation), if there is one of two characters or more.
private func citationKey(_ characters: [Character], from start: Int) -> String? {
    var end = start
    while end < characters.count, characters[end].isASCII,
          characters[end].isLetter || characters[end].isNumber || "-_.:".contains(characters[end]) { end += 1 }
    while end > start, ".:-".contains(characters[end - 1]) { end -= 1 }
    guard end - start >= 2, characters[start..<end].contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
    return String(characters[start..<end])
}
