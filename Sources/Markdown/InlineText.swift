import CCmark

/// The text of inline nodes, as a screen reader would read it: headings (for their ids), table captions, an image's alt text.
func inlineText(_ node: OpaquePointer) -> String {
    var text = ""
    var child = cmark_node_first_child(node)
    while let current = child {
        switch cmark_node_get_type(current) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += String(cString: cmark_node_get_literal(current))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
        default: text += inlineText(current)
        }
        child = cmark_node_next(current)
    }
    return text
}
