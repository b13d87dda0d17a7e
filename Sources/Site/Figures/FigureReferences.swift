import Markdown

/// Fills each empty link to a numbered figure or table with its label: `[](#figure-06-tranche-el)` becomes
/// `<a href="#figure-06-tranche-el">Figure 6.3</a>`, also when the link leads to another page
/// (`[](../tranches/#figure-06-tranche-el)`). Links to other ids stay as they are, for the link checker to report.
/// - Parameter labels: anchor id (`figure-06-tranche-el`, `table-runs-by-decade`) → label (`Figure 6.3`).
func fillNumberedReferences(_ html: String, labels: [String: String]) -> String {
    // A byte test first: Foundation's `contains` searched every page's HTML by UTF-16 (7 % of a build's CPU).
    guard !labels.isEmpty, containsBytes(html, "\"></a>") else { return html }
    return html.replacing(/<a href="([^"#]*)#([^"]+)"><\/a>/) { match in
        guard let label = labels[String(match.2)] else { return String(match.0) }
        return "<a href=\"\(match.1)#\(match.2)\">\(escapeHTML(label))</a>"
    }
}

/// What a reference shows: a figure's or table's title label without its closing punctuation ("Figure {n}." →
/// "Figure 6.3", "圖{n}" → "圖6.3").
func referenceLabel(_ words: Translations, key: String, number: String) -> String {
    var label = words.format(key, ["n": number])
    while let last = label.last, [".", ":", "。", "：", " "].contains(last) { label.removeLast() }
    return label
}

extension Chapter {
    /// The number of figure or table `position` (0-based) as its title shows it: `3.1` in chapter 3, `1` on other pages.
    func displayNumber(_ position: Int) -> String {
        kind == .chapter ? "\(number).\(position + 1)" : "\(position + 1)"
    }

    /// The labels of this page's figures and numbered tables, by anchor id: what an empty link to them shows.
    func referenceLabels(words: Translations) -> [(id: String, label: String)] {
        figures.enumerated().map { position, request in
            ("figure-" + request.id, referenceLabel(words, key: "figure", number: displayNumber(position)))
        } + rendered.tables.enumerated().map { position, table in
            (table.id, referenceLabel(words.withEnglishFallback("table"), key: "table", number: displayNumber(position)))
        }
    }

    /// Each captioned table's number in its caption ("Table 6.1."), by the placeholder it replaces.
    func tableNumbers(words: Translations) -> [String: String] {
        let words = words.withEnglishFallback("table")
        return Dictionary(uniqueKeysWithValues: rendered.tables.indices.map { position in
            (RenderedMarkdown.placeholder(forTable: position), escapeHTML(words.format("table", ["n": displayNumber(position)])))
        })
    }
}

extension Translations {
    /// These words, with explainer's English text for `key` if they lack it (a site's translations file written
    /// before the key existed).
    func withEnglishFallback(_ key: String) -> Translations {
        guard strings[key] == nil, let english = Translations.english.strings[key] else { return self }
        var words = self
        words.strings[key] = english
        return words
    }
}
