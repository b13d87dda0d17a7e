import CCmark

/// The text nodes of cmark's tree that are not inside a link or an image, in document order: where the GFM extensions
/// (extended autolinks, footnote references) may turn text into links without nesting one link in another.
func textNodesOutsideLinks(of root: OpaquePointer) -> [OpaquePointer] {
    var texts: [OpaquePointer] = []
    let iterator = cmark_iter_new(root)
    var linkDepth = 0
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        let node = cmark_iter_get_node(iterator)!
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE: linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
        case CMARK_NODE_TEXT where linkDepth == 0: texts.append(node)
        default: break
        }
    }
    cmark_iter_free(iterator)
    return texts
}
