/// One `[^label]: …` footnote definition taken out of a document's source.
struct FootnoteDefinition: Equatable {
    /// As written; labels match case-insensitively (see `footnoteKey`).
    var label: String
    /// The definition's Markdown: the text after `]:`, then its lines indented by four spaces with those removed
    /// (blank lines between them kept, so the body's line n is the file's line `line + n - 1`).
    var body: String
    /// 1-based line of `[^label]:`.
    var line: Int
}

/// How footnote labels compare: case-insensitively, with runs of whitespace as one space.
func footnoteKey(_ label: String) -> String {
    label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Takes GFM footnote definitions out of Markdown source, before cmark reads it (cmark would read `[^1]: text` as a
/// link reference definition, or as a paragraph). Each definition's lines become empty lines, so every other line
/// keeps its number. Lines in fenced code are never definitions. The first definition of a label wins.
func extractFootnoteDefinitions(_ text: String) -> (text: String, definitions: [FootnoteDefinition]) {
    guard containsBytes(text, "[^"), text.contains("[^") else { return (text, []) }
    var lines = splitLines(text).map(String.init)
    var definitions: [FootnoteDefinition] = []
    var fence: (marker: Character, length: Int)?
    var index = 0
    while index < lines.count {
        let line = lines[index]
        let indent = line.prefix { $0 == " " }.count
        let trimmed = line.dropFirst(indent)
        if let open = fence {
            let run = trimmed.prefix { $0 == open.marker }.count
            if indent < 4, run >= open.length, trimmed.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) { fence = nil }
            index += 1
            continue
        }
        if indent < 4, let marker = trimmed.first, marker == "`" || marker == "~" {
            let run = trimmed.prefix { $0 == marker }.count
            if run >= 3 { fence = (marker, run); index += 1; continue }
        }
        guard indent < 4, let (label, rest) = definitionStart(trimmed) else { index += 1; continue }
        var body = [String(rest.drop { $0 == " " || $0 == "\t" })]
        var end = index + 1
        var pendingBlanks = 0
        // Lines indented by four belong to the definition, as do the blank lines between them; a line right after
        // the first paragraph's text continues it (a lazy continuation line) unless it starts another definition.
        while end < lines.count {
            let next = lines[end]
            if next.allSatisfy({ $0 == " " || $0 == "\t" }) { pendingBlanks += 1; end += 1; continue }
            let nextIndent = next.prefix { $0 == " " }.count
            if nextIndent >= 4 || next.hasPrefix("\t") {
                body += Array(repeating: "", count: pendingBlanks)
                body.append(next.hasPrefix("\t") ? String(next.dropFirst()) : String(next.dropFirst(4)))
                pendingBlanks = 0
                end += 1
            } else if pendingBlanks == 0, nextIndent < 4, definitionStart(next.dropFirst(nextIndent)) == nil,
                      body.count == 1 || !body.last!.isEmpty {
                body.append(String(next))
                end += 1
            } else {
                break
            }
        }
        let taken = end - pendingBlanks
        // A label defined again is kept too, so it can be reported; the first definition is the one used.
        definitions.append(FootnoteDefinition(label: label, body: body.joined(separator: "\n") + "\n", line: index + 1))
        for blanked in index..<taken { lines[blanked] = "" }
        index = taken
    }
    return (lines.joined(separator: "\n"), definitions)
}

/// `[^label]:` at the start of `line`: the label and the rest of the line.
private func definitionStart(_ line: Substring) -> (String, Substring)? {
    guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else { return nil }
    let label = line[line.index(line.startIndex, offsetBy: 2)..<close]
    let after = line[line.index(after: close)...]
    guard !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "[" }), after.hasPrefix(":") else { return nil }
    return (String(label), after.dropFirst())
}

/// The places of `[^label]` references in text, for labels that `isDefined` accepts: ranges of the text's Unicode
/// scalars and the label as written.
func footnoteReferences(in text: String, isDefined: (String) -> Bool) -> [(range: Range<Int>, label: String)] {
    let scalars = Array(text.unicodeScalars)
    var found: [(Range<Int>, String)] = []
    var index = 0
    while index + 3 < scalars.count {
        guard scalars[index] == "[", scalars[index + 1] == "^" else { index += 1; continue }
        var end = index + 2
        while end < scalars.count, scalars[end] != "]", scalars[end] != "[", !scalars[end].properties.isWhitespace { end += 1 }
        if end < scalars.count, scalars[end] == "]", end > index + 2 {
            let label = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
            if isDefined(label) {
                found.append((index..<(end + 1), label))
                index = end + 1
                continue
            }
        }
        index += 1
    }
    return found
}
