import Markdown

/// The locators a chapter cites a source at (`[@key, p. 403]`, `[@key, ch. 2]`), for its note: ` (p. 403; ch. 2)`,
/// each once, in the order of use; nothing when it is cited without one.
func locatorsHTML(of key: String, in chapter: Chapter) -> String {
    var seen: Set<String> = []
    let locators = chapter.rendered.citations.compactMap { $0.key == key ? $0.locator : nil }.filter { seen.insert($0).inserted }
    guard !locators.isEmpty else { return "" }
    return " <span class=\"locator\">(" + escapeHTML(locators.joined(separator: "; ")) + ")</span>"
}
