import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns paragraphs that hold GFM tables into tables, in place in cmark's tree.
///
/// Plain cmark reads a table as a paragraph and has already unescaped `\|` and smartened the delimiter row's dashes,
/// so each paragraph's own source lines are read again (`TableSource`); each cell's text is parsed as inline Markdown
/// with the document's options. A paragraph right after the table that starts with `Table:` (as Pandoc writes) becomes
/// its caption. Each table sits in a wrapper that scrolls sideways on narrow screens and can be reached by keyboard.
/// - Parameter lines: the lines of the text `root` was parsed from.
/// - Parameter definitions: link reference definitions from outside `lines` (a box's document), for the cells.
/// Returns what a top-level document's tables would lose or show as written (see `MarkdownProblem`), at its lines.
@discardableResult
func buildTables(in root: OpaquePointer, lines: [Substring], flags: Int32, definitions outer: String = "") -> [MarkdownProblem] {
    var problems: [MarkdownProblem] = []
    var definitions: String?   // the document's own, found when the first table is
    var paragraphs: [OpaquePointer] = []
    let iterator = cmark_iter_new(root)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        let node = cmark_iter_get_node(iterator)!
        if event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { paragraphs.append(node) }
    }
    cmark_iter_free(iterator)
    // Nodes change only after the walk, as cmark's iterator requires.
    var captions: Set<OpaquePointer> = []   // paragraphs already taken (and freed) as a caption
    for paragraph in paragraphs where !captions.contains(paragraph) {
        let source = paragraphLines(paragraph, in: lines)
        guard source.contains(where: { containsByte($0, UInt8(ascii: "|")) && $0.contains("|") }) else { continue }
        let line = Int(cmark_node_get_start_line(paragraph))
        guard let table = TableSource.find(in: source) else {
            // Every line a row of cells, but no line of dashes under the first: a table without its delimiter row.
            if source.count >= 2, source.allSatisfy({ let row = TableSyntax.trimmingSpace($0); return row.hasPrefix("|") && row.hasSuffix("|") && row.count > 1 }) {
                problems.append(MarkdownProblem(kind: .tableWithoutDelimiterRow, line: line, column: 1))
            }
            continue
        }
        for (row, cells) in table.overlong.sorted(by: { $0.key < $1.key }) {
            problems.append(MarkdownProblem(kind: .tableRowTooLong(cells: cells, header: table.header.count),
                                            line: line + table.leadingLines + 2 + row, column: 1))
        }
        if table.leadingLines > 0 {
            let text = source[..<table.leadingLines].joined(separator: "\n")
            let document = cmark_parse_document(text, text.utf8.count, flags)!
            protectEscapedTildes(in: document, parsedFrom: text)
            cmark_consolidate_text_nodes(document)
            while let child = cmark_node_first_child(document) {
                cmark_node_unlink(child)
                cmark_node_insert_before(paragraph, child)
            }
            cmark_node_free(document)
        }
        if definitions == nil {
            definitions = [outer, linkReferenceDefinitions(in: root, lines: lines)].filter { !$0.isEmpty }.joined(separator: "\n")
        }
        let tableNode = makeTable(table, flags: flags, definitions: definitions ?? "")
        if let next = cmark_node_next(paragraph), let caption = takeCaption(next) {
            captions.insert(next)
            cmark_node_prepend_child(tableNode, caption.node)
            cmark_node_set_on_enter(tableNode, tableOpening(label: caption.text))
        }
        cmark_node_replace(paragraph, tableNode)
        cmark_node_free(paragraph)
    }
    return problems
}

/// The lines a paragraph was written on, without the block quote markers and indentation of its containers.
private func paragraphLines(_ paragraph: OpaquePointer, in lines: [Substring]) -> [Substring] {
    let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
    guard first >= 1, last >= first, last <= lines.count else { return [] }
    var quotes = 0
    var parent = cmark_node_parent(paragraph)
    while let node = parent {
        if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
        parent = cmark_node_parent(node)
    }
    var result: [Substring] = []
    for number in first...last {
        var line = lines[number - 1]
        if number == first {
            // cmark's column is 1-based in bytes.
            let skip = min(max(Int(cmark_node_get_start_column(paragraph)) - 1, 0), line.utf8.count)
            line = Substring(line.utf8.dropFirst(skip))
        } else {
            for _ in 0..<quotes {
                let rest = line.drop { $0 == " " || $0 == "\t" }
                guard rest.first == ">" else { break }
                line = rest.dropFirst()
            }
            line = line.drop { $0 == " " || $0 == "\t" }
        }
        result.append(line)
    }
    return result
}

/// The opening of a table's wrapper: a focusable region (so keyboard users can scroll it), named by the caption or,
/// without one, by the column headings. A captioned table gets its id later (`numberTable`).
private func tableOpening(label: String, id: String? = nil) -> String {
    tableWrapPrefix + "role=\"region\" tabindex=\"0\" aria-label=\"\(escapeHTML(label.replacing(String(escapedTilde), with: "~")))\">\n<table"
        + (id.map { " id=\"\(escapeHTML($0))\"" } ?? "") + ">"
}

private let tableWrapPrefix = "<div class=\"table-wrap\" "
private let captionOpening = "<caption>"

/// The caption of a table `buildTables` made, if `node` is one with a `Table:` caption.
func captionOfTable(_ node: OpaquePointer) -> OpaquePointer? {
    guard cmark_node_get_type(node) == CMARK_NODE_CUSTOM_BLOCK, let opening = cmark_node_get_on_enter(node),
          String(cString: opening).hasPrefix(tableWrapPrefix), let caption = cmark_node_first_child(node),
          cmark_node_get_type(caption) == CMARK_NODE_CUSTOM_INLINE, let captionEnter = cmark_node_get_on_enter(caption),
          String(cString: captionEnter) == captionOpening else { return nil }
    return caption
}

/// The id a caption asks for at its end, Pandoc's way (`Table: Runs by decade {#table-runs}`), taken out of its text.
func takeRequestedID(from caption: OpaquePointer) -> String? {
    guard let last = cmark_node_last_child(caption), cmark_node_get_type(last) == CMARK_NODE_TEXT else { return nil }
    let literal = String(cString: cmark_node_get_literal(last))
    guard let match = literal.firstMatch(of: /[ \t]*\{#([A-Za-z][A-Za-z0-9_:.-]*)\}[ \t]*$/) else { return nil }
    cmark_node_set_literal(last, String(literal[..<match.range.lowerBound]))
    return String(match.1)
}

/// Gives a captioned table its id and the slot for its number (`RenderedMarkdown.placeholder(forTable:)`), which
/// the site fills with "Table 6.1.".
func numberTable(_ node: OpaquePointer, caption: OpaquePointer, id: String, index: Int, label: String) {
    cmark_node_set_on_enter(node, tableOpening(label: label, id: id))
    cmark_node_set_on_enter(caption, captionOpening + "<span class=\"table-number\">"
                                + RenderedMarkdown.placeholder(forTable: index) + "</span> ")
}

private func makeTable(_ table: TableSource, flags: Int32, definitions: String) -> OpaquePointer {
    let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
    cmark_node_set_on_enter(node, tableOpening(label: "Table: " + table.header.filter { !$0.isEmpty }.joined(separator: ", ")))
    cmark_node_set_on_exit(node, "</table>\n</div>")
    let rows = [table.header] + table.rows
    // An empty first heading stands above a column of row names (`| | Book | Market |`): that column's cells head
    // their rows, as a figure's data table's first column does.
    let namesRows = table.header.count > 1 && !(table.header.first?.contains(where: { !$0.isWhitespace }) ?? true)
    for (rowIndex, row) in rows.enumerated() {
        for (column, text) in row.enumerated() {
            // An empty heading (above a column of row names) is a plain cell: a `<th>` with no text names nothing,
            // and screen readers announce it as an empty header.
            let tag = rowIndex == 0 && text.contains(where: { !$0.isWhitespace }) ? "th"
                : rowIndex > 0 && column == 0 && namesRows ? "th scope=\"row\"" : "td"
            var opening = "<\(tag)\(alignmentAttribute(table.alignments[column]))>"
            var closing = "</\(tag.prefix { $0 != " " })>\n"
            if column == 0 {
                opening = (rowIndex == 0 ? "<thead>\n" : rowIndex == 1 ? "<tbody>\n" : "") + "<tr>\n" + opening
            }
            if column == row.count - 1 {
                closing += "</tr>\n"
                if rowIndex == 0 { closing += "</thead>\n" }
                if rowIndex == rows.count - 1, rowIndex > 0 { closing += "</tbody>\n" }
            }
            let cell = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            cmark_node_set_on_enter(cell, opening)
            cmark_node_set_on_exit(cell, closing)
            appendInlines(of: text, to: cell, flags: flags, definitions: definitions)
            cmark_node_append_child(node, cell)
        }
    }
    return node
}

/// cmark-gfm's `style` form of alignment (its `TABLE_PREFER_STYLE_ATTRIBUTES` option): `align` is obsolete in HTML5.
private func alignmentAttribute(_ alignment: TableAlignment) -> String {
    switch alignment {
    case .none: ""
    case .left: " style=\"text-align: left\""
    case .center: " style=\"text-align: center\""
    case .right: " style=\"text-align: right\""
    }
}

/// Parses `text` as the inline content of one paragraph and appends it to `parent`.
///
/// A cell's text is never a block: one that cmark would read as a list item, heading, quote and so on (`1. Step`)
/// is parsed again with its marker escaped, and failing that kept as literal text.
/// `definitions` (link reference definitions) are parsed after it, so its `[label]` links resolve.
func appendInlines(of text: String, to parent: OpaquePointer, flags: Int32, definitions: String = "") {
    guard !text.isEmpty else { return }
    for candidate in [text, escapingBlockMarker(text)] {
        let parsed = definitions.isEmpty ? candidate : candidate + "\n\n" + definitions
        let document = cmark_parse_document(parsed, parsed.utf8.count, flags)!
        protectEscapedTildes(in: document, parsedFrom: parsed)
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_first_child(document), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              cmark_node_next(paragraph) == nil else { continue }
        cmark_consolidate_text_nodes(document)
        while let child = cmark_node_first_child(paragraph) {
            cmark_node_unlink(child)
            cmark_node_append_child(parent, child)
        }
        return
    }
    let literal = cmark_node_new(CMARK_NODE_TEXT)!
    cmark_node_set_literal(literal, text)
    cmark_node_append_child(parent, literal)
}

/// `text` with a backslash before the character that makes it a block: its first one if that is ASCII punctuation,
/// or the one after its leading digits (an ordered list's `.` or `)`).
private func escapingBlockMarker(_ text: String) -> String {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    let rest = text.dropFirst(digits.count)
    guard let marker = rest.first, marker.isASCII, marker.isPunctuation || marker.isSymbol else { return text }
    return digits + "\\" + rest
}

/// The length in characters of a caption's `Table:` (or `table:`), with French typography's space before the colon
/// (`Table : …`, a space or a no-break space); nil if the text does not start with one.
func captionPrefixLength(_ text: Substring) -> Int? {
    guard text.hasPrefix("Table") || text.hasPrefix("table") else { return nil }
    let spaces = text.dropFirst(5).prefix { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" }
    return text.dropFirst(5 + spaces.count).first == ":" ? 5 + spaces.count + 1 : nil
}

/// A `Table: …` paragraph's content as a `<caption>`, and its plain text; removes the paragraph.
private func takeCaption(_ paragraph: OpaquePointer) -> (node: OpaquePointer, text: String)? {
    guard cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH, let first = cmark_node_first_child(paragraph),
          cmark_node_get_type(first) == CMARK_NODE_TEXT else { return nil }
    let literal = String(cString: cmark_node_get_literal(first))
    guard let prefix = captionPrefixLength(Substring(literal)) else { return nil }
    let rest = literal.dropFirst(prefix).drop { $0 == " " || $0 == "\t" }
    if rest.isEmpty {
        cmark_node_unlink(first)
        cmark_node_free(first)
    } else {
        cmark_node_set_literal(first, String(rest))
    }
    let caption = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
    cmark_node_set_on_enter(caption, captionOpening)
    cmark_node_set_on_exit(caption, "</caption>\n")
    while let child = cmark_node_first_child(paragraph) {
        cmark_node_unlink(child)
        cmark_node_append_child(caption, child)
    }
    cmark_node_unlink(paragraph)
    cmark_node_free(paragraph)
    return (caption, inlineText(caption))
}
