import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders CommonMark to HTML through libcmark, with heading ids, intercepted fenced blocks,
/// numbered citations and first-use term links.
///
/// cmark's safe mode is on (raw HTML is replaced by a comment), UTF-8 is validated and, by default,
/// punctuation is made typographic. The cmark tree never escapes this function.
public func renderMarkdown(_ text: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
    var flags = CMARK_OPT_VALIDATE_UTF8
    if options.smartPunctuation { flags |= CMARK_OPT_SMART }
    if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }
    // Footnote definitions are taken out first: cmark would read them as link reference definitions.
    let (markdown, footnotes) = extractFootnoteDefinitions(text)
    // The whole text, even past a NUL byte (cmark turns NUL into U+FFFD): `strlen` would stop there.
    let root = markdown.withCString { cmark_parse_document($0, markdown.utf8.count, flags) }!
    defer { cmark_node_free(root) }
    protectEscapedTildes(in: root, parsedFrom: markdown)
    cmark_consolidate_text_nodes(root)

    let lines = splitLines(text)
    // A box's tables see the document's link reference definitions too (before buildTables changes the tree).
    let definitions = options.containerFences.isEmpty || !(containsByte(text, UInt8(ascii: "|")) && text.contains("|")) ? "" : linkReferenceDefinitions(in: root, lines: lines)
    let tableProblems = buildTables(in: root, lines: lines, flags: flags)
    var containers = expandContainers(root, options: options, flags: flags, definitions: definitions)
    let footnoted = addFootnotes(footnotes, to: root, flags: flags, label: options.footnotesLabel, backLabel: options.backToTextLabel)
    containers.merge(footnoted.lines) { box, _ in box }
    applyGFMInlineExtensions(root)
    var transformer = TreeTransformer(containerLines: containers, options: options, sourceLines: lines)
    transformer.footnoteLabels = footnotes.map(\.label)
    transformer.problems = tableProblems + footnoteProblems(footnotes, referred: footnoted.referred)
    transformer.collect(root)
    transformer.apply()

    // The footnotes list is the document's last block: everything above saw it there (its citations are numbered
    // after the text's, its words counted, its links collected). It is rendered on its own, so that a template can
    // place it apart from the body; body then list are the bytes the whole document renders to.
    if let section = footnoted.section { cmark_node_unlink(section) }
    defer { if let section = footnoted.section { cmark_node_free(section) } }
    let ids = transformer.headings.map(\.id)
    let body = renderHTML(root, flags: flags, ids: ids)
    let footnotesHTML = footnoted.section.map { renderHTML($0, flags: flags, ids: Array(ids.dropFirst(body.idsUsed))).html } ?? ""
    return RenderedMarkdown(html: body.html, footnotes: footnotesHTML, headings: transformer.headings, blocks: transformer.blocks,
                            citations: transformer.citations, links: transformer.links, wordCount: transformer.wordCount,
                            cjkCharacterCount: transformer.cjkCharacterCount,
                            problems: transformer.problems, tables: transformer.tables,
                            possibleCitations: transformer.possibleCitations)
}

/// A label defined twice (only the first definition is used) and definitions nothing refers to (published nowhere).
func footnoteProblems(_ definitions: [FootnoteDefinition], referred: Set<String>) -> [MarkdownProblem] {
    var first: [String: Int] = [:]
    return definitions.compactMap { definition in
        let key = footnoteKey(definition.label)
        if let line = first[key] {
            return MarkdownProblem(kind: .duplicateFootnote(definition.label, firstLine: line), line: definition.line, column: 1)
        }
        first[key] = definition.line
        return referred.contains(key) ? nil
            : MarkdownProblem(kind: .unusedFootnote(definition.label), line: definition.line, column: 1)
    }
}

/// `node` (the document, or a block taken out of it) as HTML, with `ids` given to its headings in order; also how
/// many of them it took.
private func renderHTML(_ node: OpaquePointer, flags: Int32, ids: [String]) -> (html: String, idsUsed: Int) {
    let rawHTML = cmark_render_html(node, flags)!
    defer { free(rawHTML) }
    var used = 0
    let html = addHeadingIDs(UnsafeBufferPointer(start: UnsafeRawPointer(rawHTML).assumingMemoryBound(to: UInt8.self),
                                                 count: strlen(rawHTML)), ids: ids, used: &used)
    return (html, used)
}

/// Inserts ids into the n-th `<hN>` tag; cmark renders headings in document order without attributes. Reads cmark's
/// output where it lies and writes the page's text once: `memchr` finds each `<`, runs between are copied whole.
/// `used` is set to how many ids found their tag.
func addHeadingIDs(_ html: UnsafeBufferPointer<UInt8>, ids: [String], used: inout Int) -> String {
    used = 0
    guard !ids.isEmpty, let base = html.baseAddress else { return String(decoding: html, as: UTF8.self) }
    let escaped = ids.map(escapeHTML)
    let capacity = html.count + escaped.reduce(0) { $0 + $1.utf8.count + " id=\"\"".utf8.count }
    return String(unsafeUninitializedCapacity: capacity) { out in
        var written = 0
        func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            (out.baseAddress! + written).update(from: source, count: bytes.count)
            written += bytes.count
        }
        func copy(_ text: String) {
            var text = text
            text.withUTF8 { copy($0) }
        }
        var next = 0, copied = 0, index = 0
        let count = html.count
        // Only an opening `<hN>` tag (cmark writes them bare) is rewritten.
        while next < ids.count, index + 3 < count, let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) {
            let position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            guard position + 3 < count else { break }
            if html[position + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[position + 2]),
               html[position + 3] == UInt8(ascii: ">") {
                copy(UnsafeBufferPointer(rebasing: html[copied..<position]))
                copy("<h")
                copy(UnsafeBufferPointer(rebasing: html[(position + 2)..<(position + 3)]))
                copy(" id=\"")
                copy(escaped[next])
                copy("\">")
                next += 1
                index = position + 4
                copied = index
            } else {
                index = position + 1
            }
        }
        copy(UnsafeBufferPointer(rebasing: html[copied...]))
        used = next
        return written
    }
}

/// Replaces container fences by custom blocks holding their parsed body; returns each block's fence line.
func expandContainers(_ root: OpaquePointer, options: MarkdownOptions, flags: Int32,
                      definitions: String = "") -> [OpaquePointer: Int] {
    guard !options.containerFences.isEmpty else { return [:] }
    var found: [(OpaquePointer, MarkdownOptions.Container, String)] = []
    let iterator = cmark_iter_new(root)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        let node = cmark_iter_get_node(iterator)!
        guard event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { continue }
        let words = String(cString: cmark_node_get_fence_info(node)).split(separator: " ")
        let info = words.first.map(String.init) ?? ""
        if let container = options.containerFences[info] {
            found.append((node, container, words.dropFirst().joined(separator: " ")))
        }
    }
    cmark_iter_free(iterator)
    var lines: [OpaquePointer: Int] = [:]
    for (node, container, argument) in found {
        let body = cmark_node_get_literal(node)!
        let document = cmark_parse_document(body, strlen(body), flags)!
        protectEscapedTildes(in: document, parsedFrom: String(cString: body))
        cmark_consolidate_text_nodes(document)
        buildTables(in: document, lines: splitLines(String(cString: body)), flags: flags, definitions: definitions)
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, container.openWithArgument.map { $0(argument) } ?? container.open)
        cmark_node_set_on_exit(block, container.close)
        while let child = cmark_node_first_child(document) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_free(document)
        lines[block] = Int(cmark_node_get_start_line(node))
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }
    return lines
}
