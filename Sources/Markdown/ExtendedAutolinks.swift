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
        // The tests read cmark's own bytes: a String is made only for text that may hold an address.
        let bytes = literalBytes(node)
        guard mayHoldExtendedAutolink(bytes) else { continue }
        let literal = String(decoding: bytes, as: UTF8.self)
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

/// Whether UTF-8 text may hold an extended autolink, a quick test on its bytes before `findExtendedAutolinks`:
/// every autolink has a '.' (www., a domain, an e-mail's domain) or "://", and each needs "://" (a URL), "www"
/// (followed by '.' or '…') or an e-mail address's "@" (see `mayHoldEmailAt`) in these bytes: the typographic
/// characters read back as ASCII make none of them.
func mayHoldExtendedAutolink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, !bytes.isEmpty,
          memchr(base, Int32(UInt8(ascii: ".")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: ":")), bytes.count) != nil
    else { return false }
    return containsBytes(bytes, "://") || containsBytes(bytes, "www") || mayHoldEmailAt(bytes)
}

/// Whether the text has an "@" right after a byte an e-mail address's local part can end with: an ASCII letter or
/// digit, ".", "+", "-", "_", or the last byte of a non-ASCII character ("…", "–" and "—" read back as periods and
/// hyphens). A citation's "[@key" or "; @key" has none.
private func mayHoldEmailAt(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

private func insertText(_ text: String, before node: OpaquePointer) {
    let inserted = cmark_node_new(CMARK_NODE_TEXT)!
    cmark_node_set_literal(inserted, text)
    cmark_node_insert_before(node, inserted)
}
