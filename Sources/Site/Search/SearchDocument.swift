/// One searchable part of a page, the unit a search result points at: a chapter's opening or one of its sections, a
/// figure, a glossary term or a source.
struct SearchDocument: Sendable, Equatable {
    /// The page's address below the site root: `four-steps/`, `glossary/`.
    var page: String
    var pageTitle: String
    /// The section's heading, the figure's title, the term or the source's title; empty for a chapter's opening.
    var heading: String
    /// The fragment id the result links to (without `#`); empty for the top of the page.
    var anchor: String
    /// The text results quote from (snippets).
    var text: String
    /// What is indexed, each part with its weight: a word in a heading counts more than one in the text.
    var fields: [SearchField]
    /// Scales every score of this document: a glossary entry or a source ranks below a chapter that says as much.
    var boost: Double = 1
}

/// Text indexed with a weight.
struct SearchField: Sendable, Equatable {
    var text: String
    var weight: Double
    /// For a name the document goes by (a glossary term or alias, a figure's label), what the whole name adds to the
    /// score of a query that is the name (`SearchWeights.glossaryName`): each of its terms adds its share, so the
    /// document ranks above those that only mention its words, however saturated their counts. 0: not a name.
    var name = 0.0
}
