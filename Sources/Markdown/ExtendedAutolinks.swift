import CCmark

/// Links bare URLs, `www.` addresses and e-mail addresses in text (GFM's extended autolinks), in place in cmark's
/// tree; text inside links and images is left alone. See `findExtendedAutolinks`.
func linkBareAddresses(in root: OpaquePointer) {
    let texts = textNodesOutsideLinks(of: root)
    for node in texts {
        let literal = String(cString: cmark_node_get_literal(node))
        // Every autolink has a '.' (www., a domain, an e-mail's domain) or "://": skip text without either cheaply.
        guard containsByte(literal, UInt8(ascii: ".")) || containsByte(literal, UInt8(ascii: ":")) else { continue }
        // And each needs "://" (a URL), "www" (followed by '.' or '…') or "@" (an e-mail address) in these bytes: the
        // typographic characters read back as ASCII make none of them.
        guard containsBytes(literal, "://") || containsBytes(literal, "www") || containsBytes(literal, "@") else { continue }
        let links = findExtendedAutolinks(in: literal)
        guard !links.isEmpty else { continue }
        let scalars = Array(literal.unicodeScalars)
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var position = 0
        for link in links {
            if position < link.range.lowerBound { insertText(text(position..<link.range.lowerBound), before: node) }
            let anchor = cmark_node_new(CMARK_NODE_LINK)!
            cmark_node_set_url(anchor, link.destination)
            let label = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(label, link.text)
            cmark_node_append_child(anchor, label)
            cmark_node_insert_before(node, anchor)
            position = link.range.upperBound
        }
        if position < scalars.count { insertText(text(position..<scalars.count), before: node) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}

private func insertText(_ text: String, before node: OpaquePointer) {
    let inserted = cmark_node_new(CMARK_NODE_TEXT)!
    cmark_node_set_literal(inserted, text)
    cmark_node_insert_before(node, inserted)
}
