import Foundation
import Markdown

/// The `<figure>` for a rendered figure: scenario toggle (radio inputs, no JS needed), SVGs, caption,
/// settings, a data table in `<details>` and the CSV link; its words (`figure`, `scenario` …) from `words`.
/// `citations`: the note marks of the citations in its chart block (`[@key]` in a caption), numbered with the page's.
func figureHTML(_ figure: RenderedFigure, number: String, root: String, words: Translations,
                citations: [BlockCitation] = []) -> String {
    var citations = citations
    let id = figure.request.id
    var html = "<figure class=\"chart\" id=\"figure-\(id)\">\n"
    // A model's figure says so where a reader looks first, beside its title, not only in its caption.
    var modelTag = ""
    if case .model = figure.request.source { modelTag = " <span class=\"model-tag\">\(escapeHTML(words["illustrativeModel"]))</span>" }
    html += "<p class=\"chart-title\"><span class=\"figure-number\">\(escapeHTML(words.format("figure", ["n": number])))</span> \(escapeHTML(typographic(figure.request.title)))\(modelTag)</p>\n"
    let variants = figure.variants
    if variants.count > 1 {
        // Each switch is named with its figure and what it chooses ("Figure 5.2. Scenario: Base"), not "Base" alone
        // as in every other figure: the visible caption beside the switches is hidden from screen readers.
        let caption = words[figure.request.overlay ? "highlight" : "scenario"]
        let figureName = words.format("figure", ["n": number]) + " "
        // Labels that all say what they are (「溫和情境」, 「基準情境」 under 「情境：」) are not told it again.
        let word = caption.trimmingCharacters(in: CharacterSet(charactersIn: ":： "))
        let said = !word.isEmpty && variants.allSatisfy { $0.label.contains(word) }
        for (index, variant) in variants.enumerated() {
            let name = figureName + (said ? "" : caption + words["space"]) + variant.label
            html += "<input type=\"radio\" class=\"scenario-input s\(index + 1)\" name=\"\(id)-scenario\" id=\"\(id)-s\(index + 1)\""
                + (index == figure.defaultIndex ? " checked" : "") + " aria-label=\"\(escapeHTML(name))\">\n"
        }
        html += "<div class=\"scenario-labels\" aria-hidden=\"true\"><span class=\"scenario-caption\">"
            + escapeHTML(caption) + "</span>"
        for (index, variant) in variants.enumerated() {
            html += "<label for=\"\(id)-s\(index + 1)\">\(escapeHTML(variant.label))</label>"
        }
        html += "</div>\n"
    }
    html += "<div class=\"chart-variants\">\n"
    let sharedTable = figure.request.overlay && variants.count > 1
    for (index, variant) in variants.enumerated() {
        html += "<div class=\"chart-variant v\(index + 1)\" data-scenario=\"\(escapeHTML(variant.scenario))\">\n"
        html += variant.svg
        if !html.hasSuffix("\n") { html += "\n" }
        if !variant.caption.isEmpty {
            html += "<p class=\"chart-variant-caption\">" + (variants.count > 1 ? labelledHTML(variant.label, words: words) : "")
                + citedHTML(variant.caption, citations: &citations) + "</p>\n"
        }
        if !variant.parameters.isEmpty {
            html += "<p class=\"chart-parameters\">" + (variants.count > 1 ? labelledHTML(variant.label, words: words)
                : escapeHTML(words["settings"]) + " ")
                + escapeHTML(variant.parameters) + "</p>\n"
        }
        // An overlay's variants all hold every scenario's numbers: one table, after the variants, serves them all.
        if !sharedTable {
            html += dataTableHTML(variant, summary: variants.count > 1 ? words.format("dataTableFor", ["label": variant.label])
                                      : words["dataTable"], title: figure.request.title, root: root, words: words)
        }
        html += "</div>\n"
    }
    html += "</div>\n"
    if sharedTable {
        html += dataTableHTML(variants[figure.defaultIndex], summary: words["dataTable"], title: figure.request.title,
                              root: root, words: words)
    }
    html += (describedByCaption(figure.request) ? "<figcaption id=\"\(captionID(id))\">" : "<figcaption>")
        + citedHTML(typographic(figure.request.caption), citations: &citations) + "</figcaption>\n"
    html += "</figure>"
    return html
}

/// Whether a figure's SVGs are described by its caption, which the page shows under them (its `<figcaption>`, with the
/// id `captionID`), rather than each by a `<desc>` copy of it: when the caption has words besides its citations.
func describedByCaption(_ request: FigureRequest) -> Bool {
    !removingCitations(request.caption).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
}

/// The id of a figure's `<figcaption>`.
func captionID(_ figureID: String) -> String { "figure-\(figureID)-caption" }

/// A variant's data table in `<details>`, with its CSV download. A wide table scrolls sideways: its box is a focusable
/// region (so keyboard users can scroll it), named by the summary and the figure's title, as prose tables' wrappers are.
private func dataTableHTML(_ variant: RenderedFigure.Variant, summary: String, title: String, root: String,
                           words: Translations) -> String {
    let name = summary + (words.code.hasPrefix("zh") ? "：" : ": ") + typographic(title)
    return "<details class=\"chart-data\"><summary>" + escapeHTML(summary) + "</summary>\n"
        + variant.table.replacingOccurrences(
            of: "<div class=\"table-scroll\">",
            with: "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(escapeHTML(name))\">",
            options: .anchored)
        + "<p><a href=\"\(root)\(variant.csvPath)\" download>\(escapeHTML(words["downloadCSV"]))</a></p>\n</details>\n"
}

/// A caption's text as HTML, each citation replaced by its note mark (the first of `citations` with the same keys,
/// which is then used up); a citation without one stays as written.
func citedHTML(_ text: String, citations: inout [BlockCitation]) -> String {
    guard text.contains("[@") else { return escapeHTML(text) }
    var html = ""
    for piece in citedTextPieces(text) {
        switch piece {
        case let .text(plain):
            html += escapeHTML(plain)
        case let .citation(keys, locators):
            if let index = citations.firstIndex(where: { $0.keys == keys }) {
                html += citations.remove(at: index).html
            } else {
                html += escapeHTML("[" + zip(keys, locators).map { "@" + $0 + ($1.map { ", " + $0 } ?? "") }.joined(separator: "; ") + "]")
            }
        }
    }
    return html
}

/// A scenario's name as the label of its caption: "<b>Calm:</b> " in English, 「<b>平靜：</b>」 with no space after the
/// full-width colon in Chinese.
func labelledHTML(_ label: String, words: Translations) -> String {
    let text = words.format("labelled", ["label": label])
    return "<b>" + escapeHTML(text) + "</b>" + (endsInFullWidthPunctuation(text) ? "" : " ")
}
