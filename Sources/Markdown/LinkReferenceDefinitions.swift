import CCmark

/// The link reference definitions of a document (`[label]: /url "title"`) as Markdown text: text parsed apart from
/// the document, such as a table cell, is parsed with them after it, so `[label]` resolves there as it does in the
/// document (cmark-gfm's behaviour; plain cmark has already used them up).
///
/// A definition starts a paragraph (cmark keeps the paragraph's lines, or drops it when it held only definitions), at
/// the top level of the document; each candidate is parsed alone, and only the lines cmark takes as definitions count.
/// Definitions inside block quotes and list items are not found.
func linkReferenceDefinitions(in root: OpaquePointer, lines: [Substring]) -> String {
    guard lines.contains(where: { $0.contains("]:") }) else { return "" }
    var covered = Array(repeating: false, count: lines.count + 1)   // by a block that is not a paragraph, 1-based
    var paragraphStarts: Set<Int> = []
    var child = cmark_node_first_child(root)
    while let node = child {
        child = cmark_node_next(node)
        let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
        guard first >= 1, last >= first, last <= lines.count else { continue }
        if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
            paragraphStarts.insert(first)
        } else {
            for line in first...last { covered[line] = true }
        }
    }
    var definitions: [Substring] = []
    var number = 1
    while number <= lines.count {
        let line = lines[number - 1]
        let indent = line.prefix { $0 == " " }.count
        guard !covered[number], indent <= 3, line.dropFirst(indent).hasPrefix("["), !line.dropFirst(indent).hasPrefix("[^"),
              paragraphStarts.contains(number) || !isInParagraph(number, paragraphStarts: paragraphStarts, lines: lines)
        else { number += 1; continue }
        var end = number
        while end < lines.count, !covered[end + 1], !lines[end].allSatisfy({ $0 == " " || $0 == "\t" }) { end += 1 }
        // The definitions are the longest run of the paragraph's first lines that cmark reads as nothing but
        // definitions (cmark's own positions would not tell: a paragraph's start line counts them).
        var taken = 0
        for count in 1...(end - number + 1) {
            let chunk = lines[(number - 1)..<(number - 1 + count)].joined(separator: "\n")
            let document = cmark_parse_document(chunk, chunk.utf8.count, 0)!
            if cmark_node_first_child(document) == nil { taken = count }
            cmark_node_free(document)
        }
        definitions += lines[(number - 1)..<(number - 1 + taken)]
        number += max(taken, 1)
    }
    return definitions.joined(separator: "\n")
}

/// Whether line `number` continues a paragraph that started on an earlier line (no blank line between).
private func isInParagraph(_ number: Int, paragraphStarts: Set<Int>, lines: [Substring]) -> Bool {
    var previous = number - 1
    while previous >= 1, !lines[previous - 1].allSatisfy({ $0 == " " || $0 == "\t" }) {
        if paragraphStarts.contains(previous) { return true }
        previous -= 1
    }
    return false
}
