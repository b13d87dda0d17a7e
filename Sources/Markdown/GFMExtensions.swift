import CCmark

/// The GFM inline extensions, run over a parsed tree once its tables and container boxes are in place: task list
/// items, extended autolinks, then strikethrough (which may wrap autolinks, as in cmark-gfm). Adjacent text nodes
/// are merged again afterwards, so citations and glossary terms are found across the pieces.
func applyGFMInlineExtensions(_ root: OpaquePointer) {
    markTaskListItems(in: root)
    linkBareAddresses(in: root)
    strikeThrough(in: root)
    restoreEscapedTildes(in: root)
    cmark_consolidate_text_nodes(root)
}
