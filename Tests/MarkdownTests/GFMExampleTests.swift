import Foundation
import Testing
@testable import Markdown

/// The GFM extension examples (GFM spec 0.29 and cmark-gfm's extension tests, `Fixtures/gfm-extension-examples.json`)
/// through the site's renderer with the site's options, compared with what cmark-gfm renders after normalising
/// whitespace, attribute order, class names and the site's smart punctuation.
@Suite struct GFMExampleTests {
    struct Example: Decodable, CustomTestStringConvertible, Sendable {
        var id: String
        var `extension`: String
        var markdown: String
        var html: String
        var testDescription: String { id }
    }

    /// Examples whose expected HTML the site does not produce on purpose, with the reason and what it does instead
    /// (each checked in `deviatingExamplesRenderAsChosen`).
    static let deviations: [String: String] = [
        "extensions-23": "footnotes are numbered per chapter apart from the citations' source notes and listed at the end "
            + "of the chapter's text with the site's ids and labels: fn-1/fnref-1 instead of fn1/fnref1, a back-link with "
            + "an aria-label; the HTML is compared after mapping those ids and dropping aria-label",
        "spec-653": "raw HTML: the site's safe mode replaces every raw HTML tag by a comment, so the tag filter has "
            + "nothing to filter; <title>, <style> and <xmp> never reach the page (the md-check errors name raw HTML)",
    ]

    /// Extensions the renderer implements; examples of the others are not run yet.
    static let implemented: Set<String> = ["table", "strikethrough", "autolink", "tasklist", "tagfilter", "footnote"]

    static let examples: [Example] = {
        let url = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/gfm-extension-examples.json")
        struct File: Decodable { var examples: [Example] }
        return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).examples) ?? []
    }()

    @Test func fixtureHoldsAllThirtySevenExamples() {
        #expect(Self.examples.count == 37)
    }

    @Test(arguments: examples.filter { implemented.contains($0.extension) && deviations[$0.id] == nil })
    func rendersLikeCmarkGFM(_ example: Example) {
        // A whole document, as cmark-gfm renders it: the footnotes list at the end.
        let html = renderMarkdown(example.markdown).htmlWithFootnotes
        if example.html == "<IGNORE>\n" { return }   // only that it renders at all
        #expect(normalizedHTML(html) == normalizedHTML(example.html), "\(example.id)\n\(example.markdown)")
    }

    @Test func deviatingExamplesRenderAsChosen() throws {
        let tagFilter = try #require(Self.examples.first { $0.id == "spec-653" })
        let html = renderMarkdown(tagFilter.markdown).html
        #expect(!html.contains("<title>") && !html.contains("<style>") && !html.contains("<xmp>") && !html.contains("<XMP>"))
        #expect(html.contains("raw HTML omitted"))

        let footnotes = try #require(Self.examples.first { $0.id == "extensions-23" })
        var mapped = renderMarkdown(footnotes.markdown).htmlWithFootnotes
        mapped.replace(/"(#?)fnref-(\d+)"/) { "\"\($0.1)fnref\($0.2)\"" }
        mapped.replace(/"(#?)fn-(\d+)"/) { "\"\($0.1)fn\($0.2)\"" }
        mapped.replace(/\ aria-label="[^"]*"/, with: "")
        #expect(normalizedHTML(mapped) == normalizedHTML(footnotes.html))
    }
}

/// HTML reduced to what the comparison cares about: the site's scroll wrapper around tables and the `<label>` around a
/// task item's checkbox and text (axe requires a label) removed, `align`
/// attributes written as cmark-gfm's style form, class attributes dropped, attributes sorted, typographic
/// punctuation written back as ASCII, whitespace between tags removed and other runs of whitespace made one space.
func normalizedHTML(_ html: String) -> String {
    var text = html
    text.replace(/<\/?label>/, with: "")
    text.replace(/<div class="table-wrap"[^>]*>/, with: "")
    text.replace(/<\/table>\s*<\/div>/, with: "</table>")
    text.replace(/\ align="(\w+)"/) { " style=\"text-align: \($0.1)\"" }
    for (typographic, ascii) in [("“", "&quot;"), ("”", "&quot;"), ("‘", "'"), ("’", "'"), ("—", "---"), ("–", "--"), ("…", "...")] {
        text = text.replacingOccurrences(of: typographic, with: ascii)
    }
    text.replace(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>\/]+(?:="[^"]*")?)*)\s*(\/?)>/) { match in
        let attributes = String(match.2).matches(of: /\s+([^\s=>\/]+(?:="[^"]*")?)/).map { String($0.1) }
            .filter { !$0.hasPrefix("class=") }.sorted()
        return "<" + match.1 + attributes.map { " " + $0 }.joined() + (match.3.isEmpty ? "" : " /") + ">"
    }
    text.replace(/>\s+</, with: "><")
    text.replace(/\s+/, with: " ")
    return text.trimmingCharacters(in: .whitespaces)
}
