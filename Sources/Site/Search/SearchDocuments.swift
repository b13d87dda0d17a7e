import Markdown

/// What the search index covers, in the site's reading order: for each chapter its opening (title, question, the text
/// before the first heading, takeaway, and the summary), each section under a heading and each figure (title and caption, after
/// the section that shows it), and its footnotes; then the standalone pages (`about.md`) and the home page's introduction (`index.md`)
/// the same way; then each glossary term (with aliases and definition) and each source (title, author, publisher,
/// date — never the private note).
///
/// `glossaryTitle` and `sourcesTitle` name those pages as their templates do; `homeTitle` names the home page.
func searchDocuments(chapters: [Chapter], pages: [Chapter] = [], home: Chapter? = nil, homeTitle: String = "",
                     glossary: [GlossaryEntry], bibliography: [String: SourceEntry],
                     glossaryTitle: String, sourcesTitle: String, words: Translations = .english,
                     cache: SearchCache? = nil, digests: [String: ContentDigest] = [:]) -> [SearchDocument] {
    let filling = SearchFilling(pages: chapters + pages + (home.map { [$0] } ?? []), words: words)
    // On all cores: every chapter's HTML is read (or its documents taken from `cache`, by its digest and the labels
    // its references may show).
    var documents = concurrentMap(chapters + pages) { chapter in
        guard let cache, let digest = digests[chapter.file] else { return searchDocuments(of: chapter, filling: filling) }
        var key = ContentDigester()
        key.add(digest)
        key.add(filling.digest)
        return cache.documents(key.digest) { searchDocuments(of: chapter, filling: filling) }
    }.flatMap { $0 }
    documents += closingSearchDocuments(home: home, homeTitle: homeTitle, glossary: glossary, bibliography: bibliography,
                                        glossaryTitle: glossaryTitle, sourcesTitle: sourcesTitle, words: words,
                                        filling: filling)
    return documents
}

/// What a page shows in its text that its Markdown leaves to the layout, for its search text to read as the page
/// does: the labels empty links to figures and tables show ("Figure 1.1", by anchor id, from every page of the
/// language, as the layout's `referenceLabels`), the words of a captioned table's number ("Table 2.1.") and of a
/// figure's ("Figure 2.1.", in its result's heading), and the name of the footnotes list, the heading of its result.
struct SearchFilling: Sendable {
    var labels: [String: String]
    var words: Translations
    /// The labels and those words, for a cache of one page's documents.
    var digest: ContentDigest

    init(pages: [Chapter], words: Translations) {
        let labels = pages.flatMap { $0.referenceLabels(words: words) }
        self.labels = Dictionary(labels, uniquingKeysWith: { first, _ in first })
        self.words = words.withEnglishFallback("table").withEnglishFallback("footnotes")
        var digester = ContentDigester()
        for (id, label) in self.labels.sorted(by: { $0.key < $1.key }) {
            digester.add(id)
            digester.add(label)
        }
        digester.add(self.words["table"])
        digester.add(self.words["footnotes"])
        digester.add(self.words["figure"])
        digest = digester.digest
    }

    /// `html` (a page's text or its footnotes) with its tables' numbers and its references' labels.
    func filled(_ html: String, tableNumbers: [String: String]) -> String {
        fillNumberedReferences(fillingPlaceholders(html, tableNumbers), labels: labels)
    }
}

/// What the index covers after the chapters and standalone pages (`searchDocuments(chapters:…)`): the home page's
/// introduction, each glossary term and each source.
func closingSearchDocuments(home: Chapter?, homeTitle: String, glossary: [GlossaryEntry], bibliography: [String: SourceEntry],
                            glossaryTitle: String, sourcesTitle: String, words: Translations,
                            filling: SearchFilling? = nil) -> [SearchDocument] {
    var documents: [SearchDocument] = []
    if let home {
        documents += searchDocuments(of: home, title: homeTitle, filling: filling ?? SearchFilling(pages: [home], words: words))
    }
    for entry in glossary {
        let fields = [SearchField(text: entry.term, weight: SearchWeights.term, name: SearchWeights.glossaryName)]
            + entry.aliases.map { SearchField(text: $0, weight: SearchWeights.alias, name: SearchWeights.glossaryName) }
            + [SearchField(text: entry.definition, weight: SearchWeights.text)]
        // The aliases are in the result's heading: a reader who searched for one sees why the entry came up, and the
        // search box picks the entry's row of the glossary by the words it shows. One the term shows already
        // ("分券" of "分券（Tranche）") is left out.
        var shown: [String] = []
        for alias in entry.aliases where !nameShows(entry.term, alias) && !shown.contains(where: { nameShows($0, alias) }) {
            shown.append(alias)
        }
        let heading = shown.isEmpty ? entry.term
            : words.format("parenthetical", ["text": entry.term, "aside": shown.joined(separator: words["authorsSeparator"])])
        documents.append(SearchDocument(page: "glossary/", pageTitle: glossaryTitle, heading: heading, anchor: entry.anchor,
                                        text: entry.definition, fields: fields, boost: SearchWeights.glossaryBoost))
    }
    for entry in bibliography.values.sorted(by: { $0.key < $1.key }) {
        // Only what the sources page shows: never `privateNote`.
        // As the sources page shows them: the publisher once ("Reuters", not "Reuters, Reuters"), the date in words.
        let details = [entry.creatorText(words: words), entry.shownPublisher, entry.date.map(words.partialDate)].compactMap { $0 }
        let fields = [SearchField(text: entry.heading, weight: SearchWeights.sourceTitle)]
            + (entry.subtitle.map { [SearchField(text: $0, weight: SearchWeights.text)] } ?? [])
            + details.map { SearchField(text: $0, weight: SearchWeights.text) }
        documents.append(SearchDocument(page: "sources/", pageTitle: sourcesTitle, heading: entry.heading,
                                        anchor: "source-" + entry.key, text: details.joined(separator: ", "),
                                        fields: fields, boost: SearchWeights.sourceBoost))
    }
    return documents
}

/// How much each part of a document counts; one place to tune relevance.
enum SearchWeights {
    static let pageTitle = 4.0
    /// The chapter's title, counted in each of its sections and figures: a query naming the chapter's subject finds
    /// the chapter's parts too.
    static let pageTitleInSection = 1.0
    static let heading = 3.0
    static let question = 2.0
    static let text = 1.0
    static let figureTitle = 3.0
    static let term = 4.0
    static let alias = 3.0
    static let sourceTitle = 2.0
    static let glossaryBoost = 0.6
    static let sourceBoost = 0.4
    /// A reference page's opening (the glossary's, the corrections' …): found by its name, below the entries.
    static let referencePageBoost = 0.5
    /// A correction: below the chapter it corrects, which says what is right now.
    static let correctionBoost = 0.5
    /// A figure's label ("Figure 5.1."), a name of the figure (`SearchField.name`).
    static let figureLabel = 1.0
    /// What a query that is a whole name adds to its document's score (`SearchField.name`), each term of the name its
    /// share (a third for each term of "Figure 5.1"), in units of the inverse document frequency of a term on one
    /// document (a whole name is that specific, however common its words). BM25's part of a term is at most
    /// `SearchIndex.k1 + 1` times the term's own. A glossary term's: enough to rank the entry first among those its
    /// words name, and below a chapter about the term (`glossaryBoost`).
    static let glossaryName = 0.5
    /// A reference page's whole title ("Sources", 「資料來源」): typed to find that page, though its words are in
    /// every figure's caption ("Source: …", 「資料來源：」) and review 13 found the page 5th, or not at all.
    static let referencePageName = 3.0
    /// A figure's label: typed only to find that figure, whose words ("figure", "5", "1") are on most pages.
    static let figureLabelName = 2.0
}

/// Whether `name` shows `alias` already: the same text, or a part of it (ignoring case) that is not part of a longer
/// word (Chinese, written without spaces, has no word to be part of).
func nameShows(_ name: String, _ alias: String) -> Bool {
    let name = Array(name.lowercased()), alias = Array(alias.lowercased())
    guard let first = alias.first, let last = alias.last, alias.count <= name.count else { return false }
    func isWordPart(_ character: Character) -> Bool {
        (character.isLetter || character.isNumber) && !character.unicodeScalars.contains(where: isHanOrKana)
    }
    func joins(_ one: Character, _ other: Character) -> Bool { isWordPart(one) && isWordPart(other) }
    for start in 0...(name.count - alias.count) where name[start..<(start + alias.count)].elementsEqual(alias) {
        let end = start + alias.count
        if (start == 0 || !joins(name[start - 1], first)) && (end == name.count || !joins(last, name[end])) { return true }
    }
    return false
}

/// A chapter's (or a page's) opening, sections, figures and footnotes. `title` replaces the front matter's title (the
/// home page has none of its own). The text reads as the page does (`filling`): "[](#figure-x) shows" as "Figure 1.1
/// shows", a captioned table's caption with its number. The footnotes are a result of their own, under the list's
/// name and at the first footnote's anchor, without their links back to the text: at the end of the last section
/// they would be quoted as part of it, "↩" and all.
func searchDocuments(of chapter: Chapter, title: String? = nil, filling: SearchFilling? = nil) -> [SearchDocument] {
    let page = chapter.slug.isEmpty ? "" : chapter.slug + "/"
    let title = title ?? chapter.frontMatter.title
    let filling = filling ?? SearchFilling(pages: [chapter], words: .english)
    var documents: [SearchDocument] = []
    let tableNumbers = chapter.rendered.tables.isEmpty ? [:] : chapter.tableNumbers(words: filling.words)
    var html = filling.filled(chapter.rendered.html, tableNumbers: tableNumbers)
    let parts = html.withUTF8 { bytes in
        sections(of: chapter.rendered, in: bytes, figures: chapter.figures.count).map { part in
            (heading: part.heading, text: searchText(fromHTML: UnsafeBufferPointer(rebasing: bytes[part.html])), figures: part.figures)
        }
    }
    func addFigure(_ index: Int) {
        let figure = chapter.figures[index]
        // Titled as the page shows it: "Figure 5.1. Who pays whom…", "圖5.1 …"; the label is a name of the figure.
        let label = filling.words.format("figure", ["n": chapter.displayNumber(index)])
        documents.append(SearchDocument(
            page: page, pageTitle: title, heading: label + " " + figure.title, anchor: "figure-" + figure.id,
            text: figure.plainCaption,
            fields: [SearchField(text: title, weight: SearchWeights.pageTitleInSection),
                     SearchField(text: label, weight: SearchWeights.figureLabel, name: SearchWeights.figureLabelName),
                     SearchField(text: figure.title, weight: SearchWeights.figureTitle),
                     SearchField(text: figure.plainCaption, weight: SearchWeights.text)]))
    }
    for part in parts {
        let text = part.text
        if let heading = part.heading {
            documents.append(SearchDocument(
                page: page, pageTitle: title, heading: heading.text, anchor: heading.id, text: text,
                fields: [SearchField(text: title, weight: SearchWeights.pageTitleInSection),
                         SearchField(text: heading.text, weight: SearchWeights.heading),
                         SearchField(text: text, weight: SearchWeights.text)]))
        } else {
            // The summary (the chapter's line on the home page) is quoted last: a phrase only it holds (鐵路債券 of
            // chapter 3) is checked against the result's text in the browser, and was dropped once another page held
            // the phrase too.
            let question = chapter.frontMatter.question.map { [$0] } ?? []
            let takeaway = chapter.frontMatter.takeaway.map { [$0] } ?? []
            let summary = chapter.frontMatter.summary.map { [$0] } ?? []
            documents.append(SearchDocument(
                page: page, pageTitle: title, heading: "", anchor: "",
                text: (question + [text] + takeaway + summary).filter { !$0.isEmpty }.joined(separator: " "),
                fields: [SearchField(text: title, weight: SearchWeights.pageTitle)]
                    + question.map { SearchField(text: $0, weight: SearchWeights.question) }
                    + ([text] + takeaway + summary).map { SearchField(text: $0, weight: SearchWeights.text) }))
        }
        part.figures.forEach(addFigure)
    }
    if !chapter.rendered.footnotes.isEmpty {
        var footnotes = filling.filled(chapter.rendered.footnotes, tableNumbers: tableNumbers)
        let (text, figures) = footnotes.withUTF8 { bytes in
            (searchText(fromHTML: bytes), (0..<chapter.figures.count).filter {
                firstIndex(of: Array(RenderedMarkdown.placeholder(forBlock: $0).utf8), in: bytes, from: 0) != nil
            })
        }
        // The list's name is its result's heading but is not indexed: a query for "footnotes" is not about every page
        // that has some.
        documents.append(SearchDocument(
            page: page, pageTitle: title, heading: filling.words["footnotes"], anchor: "fn-1", text: text,
            fields: [SearchField(text: title, weight: SearchWeights.pageTitleInSection),
                     SearchField(text: text, weight: SearchWeights.text)]))
        figures.forEach(addFigure)
    }
    return documents
}

/// A chapter's HTML cut at its headings: the opening (no heading) and one part per heading, each with the figures
/// (intercepted block numbers) it shows. A heading whose tag is not found stays inside the part before it. The parts
/// are byte ranges of the HTML's UTF-8.
private func sections(of rendered: RenderedMarkdown, in html: UnsafeBufferPointer<UInt8>, figures: Int)
    -> [(heading: Heading?, html: Range<Int>, figures: [Int])] {
    var cuts: [(heading: Heading, tag: Int)] = []
    var from = 0
    for heading in rendered.headings {
        let tag = Array("<h\(heading.level) id=\"\(escapeHTML(heading.id))\">".utf8)
        guard let found = firstIndex(of: tag, in: html, from: from) else { continue }
        cuts.append((heading, found))
        from = found + tag.count
    }
    let placeholders = (0..<figures).map { Array(RenderedMarkdown.placeholder(forBlock: $0).utf8) }
    let closing = Array("</h".utf8)
    var parts: [(heading: Heading?, html: Range<Int>, figures: [Int])] = []
    var start = 0
    var heading: Heading? = nil
    for cut in cuts + [nil] as [(heading: Heading, tag: Int)?] {
        let end = cut?.tag ?? html.count
        var body = start..<end
        if heading != nil, let close = firstIndex(of: closing, in: html, from: body.lowerBound, to: body.upperBound) {
            var after = close + closing.count
            while after < end && html[after] != 0x3E { after += 1 }
            body = min(after + 1, end)..<end
        }
        parts.append((heading, body, (0..<figures).filter { firstIndex(of: placeholders[$0], in: html, from: body.lowerBound, to: body.upperBound) != nil }))
        if let cut {
            heading = cut.heading
            start = cut.tag
        }
    }
    return parts
}

/// Where `needle` first starts in `bytes[from..<to]`, whole.
func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int? = nil) -> Int? {
    let to = to ?? bytes.count
    guard let first = needle.first, to - from >= needle.count else { return nil }
    var position = from
    let last = to - needle.count
    while position <= last {
        if bytes[position] == first {
            var offset = 1
            while offset < needle.count && bytes[position + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return position }
        }
        position += 1
    }
    return nil
}
