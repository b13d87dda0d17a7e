/// What the index covers of the site's reference pages beyond their entries (furniture review 12: "glossary" found
/// only the home page, and nothing found the corrections): each page's opening, by its title and introduction, and
/// each correction of the corrections page, headed by its date and the page it corrected.
///
/// `titles` names the pages as their headings do (`glossary/`, `sources/`, `numbers/`, `corrections/`), for the pages
/// this language has; `pageTitles` names the corrected pages by file stem, as the corrections page does.
func referencePageDocuments(titles: [(page: String, title: String, intro: String)], corrections: [Correction],
                            pageTitles: [String: String], words: Translations) -> [SearchDocument] {
    var documents = titles.map { page in
        SearchDocument(page: page.page, pageTitle: page.title, heading: "", anchor: "", text: page.intro,
                       fields: [SearchField(text: page.title, weight: SearchWeights.pageTitle, name: SearchWeights.referencePageName),
                                SearchField(text: page.intro, weight: SearchWeights.text)],
                       boost: SearchWeights.referencePageBoost)
    }
    guard let log = titles.first(where: { $0.page == "corrections/" }) else { return documents }
    for correction in corrections {
        let corrected = correction.chapter.flatMap { pageTitles[$0] }
        let heading = words.date(correction.date) + (corrected.map { " · " + $0 } ?? "")
        let text = searchText(fromHTML: inlineMarkdown(correction.text))
        documents.append(SearchDocument(page: "corrections/", pageTitle: log.title, heading: heading,
                                        anchor: correctionAnchor(correction, in: corrections), text: text,
                                        fields: [SearchField(text: heading, weight: SearchWeights.text),
                                                 SearchField(text: log.title, weight: SearchWeights.pageTitleInSection),
                                                 SearchField(text: text, weight: SearchWeights.text)],
                                        boost: SearchWeights.correctionBoost))
    }
    return documents
}
