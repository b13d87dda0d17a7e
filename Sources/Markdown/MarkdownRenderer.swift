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
    let root = text.withCString { cmark_parse_document($0, strlen($0), flags) }!
    defer { cmark_node_free(root) }
    cmark_consolidate_text_nodes(root)

    let containers = expandContainers(root, options: options, flags: flags)
    var transformer = TreeTransformer(containerLines: containers, options: options, sourceLines: splitLines(text))
    transformer.collect(root)
    transformer.apply()

    let rawHTML = cmark_render_html(root, flags)!
    defer { free(rawHTML) }
    let html = addHeadingIDs(String(cString: rawHTML), ids: transformer.headings.map(\.id))
    return RenderedMarkdown(html: html, headings: transformer.headings, blocks: transformer.blocks,
                            citations: transformer.citations, links: transformer.links, wordCount: transformer.wordCount)
}

/// Inserts ids into the n-th `<hN>` tag; cmark renders headings in document order without attributes.
func addHeadingIDs(_ html: String, ids: [String]) -> String {
    guard !ids.isEmpty else { return html }
    let bytes = Array(html.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + ids.count * 16)
    var next = 0, copied = 0, index = 0
    // Copies runs of bytes untouched; only an opening `<hN>` tag (cmark writes them bare) is rewritten.
    while next < ids.count, index + 3 < bytes.count {
        if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
           (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: ">") {
            out.append(contentsOf: bytes[copied..<index])
            out.append(contentsOf: "<h".utf8)
            out.append(bytes[index + 2])
            out.append(contentsOf: " id=\"".utf8)
            out.append(contentsOf: escapeHTML(ids[next]).utf8)
            out.append(contentsOf: "\">".utf8)
            next += 1
            index += 4
            copied = index
        } else {
            index += 1
        }
    }
    out.append(contentsOf: bytes[copied...])
    return String(decoding: out, as: UTF8.self)
}

/// Replaces container fences by custom blocks holding their parsed body; returns each block's fence line.
func expandContainers(_ root: OpaquePointer, options: MarkdownOptions, flags: Int32) -> [OpaquePointer: Int] {
    guard !options.containerFences.isEmpty else { return [:] }
    var found: [(OpaquePointer, MarkdownOptions.Container)] = []
    let iterator = cmark_iter_new(root)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        let node = cmark_iter_get_node(iterator)!
        guard event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { continue }
        let info = String(cString: cmark_node_get_fence_info(node)).split(separator: " ").first.map(String.init) ?? ""
        if let container = options.containerFences[info] { found.append((node, container)) }
    }
    cmark_iter_free(iterator)
    var lines: [OpaquePointer: Int] = [:]
    for (node, container) in found {
        let body = cmark_node_get_literal(node)!
        let document = cmark_parse_document(body, strlen(body), flags)!
        cmark_consolidate_text_nodes(document)
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, container.open)
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
