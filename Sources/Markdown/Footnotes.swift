import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns `[^label]` references to the given definitions into numbered footnote references and adds the footnotes, in
/// order of first reference, as a list at the end of the document (as cmark-gfm does; `renderMarkdown` renders that
/// list apart, as `RenderedMarkdown.footnotes`). References to labels without a definition stay text, and definitions
/// nobody refers to are left out.
///
/// Footnotes are numbered 1, 2, 3 … per document, apart from the citations' source notes; a reference is a bare
/// superscript number where a citation is a bracketed one. Each footnote ends with a link back to its first
/// reference. Returns each footnote's list item with the line its definition starts on, less one, so that lines inside
/// it count from there (as for container boxes), the keys (`footnoteKey`) of the labels referred to, and the list (the
/// root's last child, for the caller to render apart from the text; nil when no footnote is referred to).
/// `label` names the list for screen readers and `backLabel` each link back, in the page's language.
func addFootnotes(_ definitions: [FootnoteDefinition], to root: OpaquePointer, flags: Int32, label: String = "Footnotes",
                  backLabel: String = "Back to the text")
    -> (lines: [OpaquePointer: Int], referred: Set<String>, section: OpaquePointer?) {
    guard !definitions.isEmpty else { return ([:], [], nil) }
    let byKey = Dictionary(definitions.map { (footnoteKey($0.label), $0) }, uniquingKeysWith: { first, _ in first })
    let texts = textNodesOutsideLinks(of: root)

    var numbers: [String: Int] = [:]   // by key, in order of first reference
    var order: [FootnoteDefinition] = []
    for node in texts {
        let literal = String(cString: cmark_node_get_literal(node))
        guard literal.contains("[^") else { continue }
        let references = footnoteReferences(in: literal) { byKey[footnoteKey($0)] != nil }
        guard !references.isEmpty else { continue }
        let scalars = Array(literal.unicodeScalars)
        func insertText(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, String(String.UnicodeScalarView(scalars[range])))
            cmark_node_insert_before(node, text)
        }
        var position = 0
        for reference in references {
            insertText(position..<reference.range.lowerBound)
            let key = footnoteKey(reference.label)
            let html: String
            if let number = numbers[key] {
                html = "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\">\(number)</a></sup>"
            } else {
                let number = order.count + 1
                numbers[key] = number
                order.append(byKey[key]!)
                html = "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"fnref-\(number)\">\(number)</a></sup>"
            }
            let marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            cmark_node_set_on_enter(marker, html)
            cmark_node_insert_before(node, marker)
            position = reference.range.upperBound
        }
        insertText(position..<scalars.count)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
    guard !order.isEmpty else { return ([:], [], nil) }

    let section = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
    cmark_node_set_on_enter(section, "<section class=\"footnotes notes\" aria-label=\"\(escapeHTML(label))\">\n<ol>")
    cmark_node_set_on_exit(section, "</ol>\n</section>")
    var lines: [OpaquePointer: Int] = [:]
    for (index, definition) in order.enumerated() {
        let number = index + 1
        let item = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(item, "<li id=\"fn-\(number)\">")
        cmark_node_set_on_exit(item, "</li>")
        let document = cmark_parse_document(definition.body, definition.body.utf8.count, flags)!
        protectEscapedTildes(in: document, parsedFrom: definition.body)
        cmark_consolidate_text_nodes(document)
        buildTables(in: document, lines: splitLines(definition.body), flags: flags)
        while let child = cmark_node_first_child(document) {
            cmark_node_unlink(child)
            cmark_node_append_child(item, child)
        }
        cmark_node_free(document)
        let backLink = "<a class=\"backref\" href=\"#fnref-\(number)\" aria-label=\"\(escapeHTML(backLabel))\">↩</a>"
        if let last = cmark_node_last_child(item), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH {
            let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            cmark_node_set_on_enter(link, " " + backLink)
            cmark_node_append_child(last, link)
        } else {
            let link = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(link, backLink)
            cmark_node_append_child(item, link)
        }
        cmark_node_append_child(section, item)
        lines[item] = definition.line - 1
    }
    cmark_node_append_child(root, section)
    return (lines, Set(numbers.keys), section)
}
