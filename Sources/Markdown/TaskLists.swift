import CCmark

/// Whether a list item's text starts with a task marker, `[ ]` or `[x]` (`[X]`) followed by a space or tab; returns
/// whether it is checked.
func taskMarker(_ text: String) -> Bool? {
    let scalars = Array(text.unicodeScalars.prefix(4))
    guard scalars.count == 4, scalars[0] == "[", scalars[2] == "]", scalars[3] == " " || scalars[3] == "\t" else { return nil }
    switch scalars[1] {
    case " ": return false
    case "x", "X": return true
    default: return nil
    }
}

/// Turns list items that start with `[ ]` or `[x]` into task list items (GFM spec 0.29 §5.3), in place in cmark's
/// tree: the marker becomes a disabled checkbox, as cmark-gfm renders it, inside a `<label>` holding the item's first
/// paragraph.
func markTaskListItems(in root: OpaquePointer) {
    var markers: [(text: OpaquePointer, checked: Bool)] = []
    let iterator = cmark_iter_new(root)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        let node = cmark_iter_get_node(iterator)!
        guard event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_ITEM,
              let paragraph = cmark_node_first_child(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
              let checked = taskMarker(String(cString: cmark_node_get_literal(text))) else { continue }
        markers.append((text, checked))
    }
    cmark_iter_free(iterator)
    for (text, checked) in markers {
        let literal = String(cString: cmark_node_get_literal(text))
        cmark_node_set_literal(text, String(literal.unicodeScalars.dropFirst(3)))
        // The item's first paragraph labels its checkbox (axe: form elements must have labels).
        let label = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(label, checked ? "<label><input type=\"checkbox\" checked=\"\" disabled=\"\" />"
                                               : "<label><input type=\"checkbox\" disabled=\"\" />")
        cmark_node_set_on_exit(label, "</label>")
        let paragraph = cmark_node_parent(text)!
        while let child = cmark_node_first_child(paragraph) {
            cmark_node_unlink(child)
            cmark_node_append_child(label, child)
        }
        cmark_node_append_child(paragraph, label)
    }
}
