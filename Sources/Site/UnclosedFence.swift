import Markdown

/// A fenced block (```` ``` ```` or `~~~`, a chart, a careful box) still open at the end of the chapter: CommonMark
/// runs it to the end of the file, so everything after it is swallowed (a "Careful" box holding the rest of the
/// chapter). Legal Markdown, so a warning, at the line where the fence opened. `lineOffset` turns body lines into
/// file lines.
func unclosedFenceWarning(_ body: String, file: String, lineOffset: Int) -> Diagnostic? {
    var open: (marker: Substring, line: Int, info: Substring)? = nil
    for (index, line) in splitLines(body).enumerated() {
        // Block quotes and list items indent their fences; both sides of a fence are found the same way.
        var text = line.drop { $0 == " " }
        while text.first == ">" { text = text.dropFirst().drop { $0 == " " } }
        let marker = text.prefix { $0 == "`" || $0 == "~" }
        guard marker.count >= 3, Set(marker).count == 1 else { continue }
        let rest = text.dropFirst(marker.count)
        if let current = open {
            if marker.first == current.marker.first, marker.count >= current.marker.count, rest.allSatisfy({ $0 == " " }) {
                open = nil
            }
        } else if !(marker.first == "`" && rest.contains("`")) {
            open = (marker, index + 1, rest.drop { $0 == " " })
        }
    }
    guard let open else { return nil }
    let what = open.info.isEmpty ? "fence \(open.marker)" : "fence \(open.marker)\(open.info.split(separator: " ").first!)"
    return Diagnostic(file: file, line: open.line + lineOffset, column: 1,
                      message: "the \(what) is never closed: everything after it, to the end of the file, is inside it",
                      hint: "close it with a line \(open.marker) where the block ends", severity: .warning)
}
