import Markdown

/// A paragraph after a chapter's last footnote definition, at the end of the file, with only blank lines between
/// them: most likely the note's second paragraph written without the four spaces that keep it in the note (trial 13
/// S7). As written, it is the chapter's last paragraph, shown above the takeaway, and the note is cut short. A
/// warning at the paragraph; `lineOffset` turns body lines into file lines.
func footnoteContinuationWarning(_ body: String, file: String, lineOffset: Int) -> Diagnostic? {
    // `[^` by bytes: most chapters have no notes (Foundation's search cost 3 % of a build).
    guard containsBytes(body, "[^") else { return nil }
    let lines = splitLines(body).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    let states = fenceStates(lines)
    var lastDefinition: (index: Int, label: Substring)? = nil
    var blocksAfter = false   // a heading, fence or table after the last definition: not the end of the file's notes
    for (index, line) in lines.enumerated() {
        if states[index] == .fence { blocksAfter = true }
        guard states[index] == .text, line.prefix(while: { $0 == " " }).count < 4 else { continue }
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("[^"), let close = trimmed.firstIndex(of: "]"),
           trimmed[trimmed.index(after: close)...].first == ":" {
            lastDefinition = (index, trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close])
            blocksAfter = false
        } else if "#|<>".contains(trimmed.first ?? " ") {
            blocksAfter = true
        }
    }
    guard let definition = lastDefinition, !blocksAfter else { return nil }
    // The definition's own lines, then blank lines and indented ones (its later paragraphs, written right).
    var index = definition.index + 1
    while index < lines.count, !lines[index].allSatisfy({ $0 == " " || $0 == "\t" }) { index += 1 }
    while index < lines.count, lines[index].allSatisfy({ $0 == " " || $0 == "\t" })
            || lines[index].hasPrefix("    ") || lines[index].hasPrefix("\t") { index += 1 }
    // Link reference definitions (`[dwd]: https://…`) often end a file after its notes: they are not a paragraph.
    while index < lines.count, isLinkReferenceDefinition(lines[index]) || lines[index].allSatisfy({ $0 == " " || $0 == "\t" }) {
        index += 1
    }
    guard index < lines.count else { return nil }
    return Diagnostic(file: file, line: index + 1 + lineOffset, column: 1,
                      message: "this paragraph comes after the footnote [^\(definition.label)], at the end of the file: "
                          + "the page shows it as the chapter's last paragraph, not as part of the note",
                      hint: "if it is the note's next paragraph, indent it by four spaces; if it is the chapter's text, "
                          + "put the footnote's definition after it (definitions usually go at the end of the file)",
                      severity: .warning)
}

/// `[label]: destination` with at most three spaces before it (not a footnote's `[^label]:`).
private func isLinkReferenceDefinition(_ line: Substring) -> Bool {
    let trimmed = line.drop { $0 == " " }
    guard line.count - trimmed.count < 4, trimmed.first == "[", trimmed.dropFirst().first != "^",
          let close = trimmed.firstIndex(of: "]") else { return false }
    return trimmed[trimmed.index(after: close)...].first == ":"
}
