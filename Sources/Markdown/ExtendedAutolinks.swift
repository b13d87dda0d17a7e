import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Links bare URLs, `www.` addresses and e-mail addresses in text (GFM's extended autolinks), in place in cmark's
/// tree; text inside links and images is left alone. See `findExtendedAutolinks`.
func linkBareAddresses(in root: OpaquePointer) {
    let texts = textNodesOutsideLinks(of: root)
    for node in texts {
        let literal = String(cString: cmark_node_get_literal(node))
        // Every autolink has a '.' (www., a domain, an e-mail's domain) or "://": skip text without either cheaply.
        guard containsByte(literal, UInt8(ascii: ".")) || containsByte(literal, UInt8(ascii: ":")) else { continue }
        // And each needs "://" (a URL), "www" (followed by '.' or '…') or an e-mail address's "@" in these bytes: the
        // typographic characters read back as ASCII make none of them.
        guard containsBytes(literal, "://") || containsBytes(literal, "www") || mayHoldEmailAt(literal) else { continue }
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

/// Whether the text has an "@" right after a byte an e-mail address's local part can end with: an ASCII letter or
/// digit, ".", "+", "-", "_", or the last byte of a non-ASCII character ("…", "–" and "—" read back as periods and
/// hyphens). A citation's "[@key" or "; @key" has none.
private func mayHoldEmailAt(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return false }
        var position = 1
        while position < bytes.count, let found = memchr(base + position, Int32(UInt8(ascii: "@")), bytes.count - position) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let before = bytes[at - 1]
            if before >= 0x80 || isASCIIAlphanumeric(before)
                || before == UInt8(ascii: ".") || before == UInt8(ascii: "+") || before == UInt8(ascii: "-") || before == UInt8(ascii: "_") {
                return true
            }
            position = at + 1
        }
        return false
    }
}

private func insertText(_ text: String, before node: OpaquePointer) {
    let inserted = cmark_node_new(CMARK_NODE_TEXT)!
    cmark_node_set_literal(inserted, text)
    cmark_node_insert_before(node, inserted)
}
