import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An image alone in its paragraph, with a title (`![A queue outside a bank](images/q.png "Depositors queue, 1933")`),
/// is a figure: the image and, under it, the title as its caption. The title moves to the caption (not also a
/// tooltip); an image inside a sentence, or without a title, stays as cmark renders it.
func titledImage(inParagraph paragraph: OpaquePointer) -> OpaquePointer? {
    guard let image = cmark_node_first_child(paragraph), cmark_node_next(image) == nil,
          cmark_node_get_type(image) == CMARK_NODE_IMAGE,
          let title = cmark_node_get_title(image), title.pointee != 0 else { return nil }
    return image
}

/// Replaces `paragraph` by `<figure class="image">` holding `image` and a `<figcaption>` with its title, which gets
/// the same typographic quotes and dashes as the prose when `smart` (cmark's smart punctuation).
func makeFigure(ofParagraph paragraph: OpaquePointer, image: OpaquePointer, smart: Bool) {
    let title = String(cString: cmark_node_get_title(image))
    let caption = smart ? smartPunctuated(title) : escapeHTML(title)
    cmark_node_set_title(image, "")
    let figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
    cmark_node_set_on_enter(figure, "<figure class=\"image\">")
    cmark_node_set_on_exit(figure, "<figcaption>\(caption)</figcaption>\n</figure>")
    cmark_node_unlink(image)
    cmark_node_append_child(figure, image)
    cmark_node_replace(paragraph, figure)
    cmark_node_free(paragraph)
}
