import Testing
@testable import Site

/// Review 9, S4 and nit 1: a figure's result is titled and found by its label ("Figure 5.1", "圖5.1"); a glossary
/// term searched by its exact name is the glossary's first entry; a Chinese entry's heading does not repeat its term.
@Suite struct SearchNames {
    @Test func aFiguresResultIsTitledWithItsLabelAsThePageShowsIt() throws {
        let inputs = try SiteInputs.parse(SearchIndexTests.site)
        let chapter = try parseChapter(SearchIndexTests.site.chapters[0], place: ChapterFile(fileName: "01-slicing.md")!,
                                       terms: inputs.autolinkTerms, registry: .standard)
        let english = searchDocuments(of: chapter, filling: SearchFilling(pages: [chapter], words: .english))
        #expect(english.first { $0.anchor == "figure-fig-a" }?.heading == "Figure 1.1. Spending against revenue")
        let chinese = searchDocuments(of: chapter, filling: SearchFilling(pages: [chapter], words: Translations.builtIn("zh-Hant")!))
        let figure = try #require(chinese.first { $0.anchor == "figure-fig-a" })
        #expect(figure.heading == "圖1.1 Spending against revenue")
        #expect(figure.fields.contains { $0.text == "圖1.1" && $0.name == SearchWeights.figureLabelName })
    }

    @Test func aChineseEntrysHeadingLeavesOutAliasesItsTermShows() {
        let chinese = closingSearchDocuments(
            home: nil, homeTitle: "",
            glossary: [GlossaryEntry(term: "分券（Tranche）", aliases: ["分券"], definition: "D."),
                       GlossaryEntry(term: "資本支出（Capex）", aliases: ["資本支出", "capex", "資本開支"], definition: "D.")],
            bibliography: [:], glossaryTitle: "詞彙表", sourcesTitle: "資料來源", words: Translations.builtIn("zh-Hant")!)
        #expect(chinese.map(\.heading) == ["分券（Tranche）", "資本支出（Capex）（資本開支）"])
        // The aliases are still indexed.
        #expect(chinese[0].fields.map(\.text) == ["分券（Tranche）", "分券", "D."])
    }

    @Test func anEnglishEntryLeavesOutAnAliasItsTermShowsAsAWordOnly() {
        let entries = [GlossaryEntry(term: "Mezzanine tranche", aliases: ["mezzanine tranches", "Mezzanine", "mezzanine"], definition: "D."),
                       GlossaryEntry(term: "Capex", aliases: ["cap", "CAPEX spending"], definition: "D.")]
        let english = closingSearchDocuments(home: nil, homeTitle: "", glossary: entries, bibliography: [:],
                                             glossaryTitle: "Glossary", sourcesTitle: "Sources", words: .english)
        // "cap" begins the word "Capex" but is not a word of it.
        #expect(english.map(\.heading) == ["Mezzanine tranche (mezzanine tranches)", "Capex (cap, CAPEX spending)"])
    }

    @Test(arguments: [("分券", "分券"), ("資本支出（Capex）", "capex"), ("Equity tranche", "tranche"), ("權益層分券", "分券")])
    func aNameShowsAnAliasItHoldsAsAWord(_ name: String, _ alias: String) {
        #expect(nameShows(name, alias))
    }

    @Test(arguments: [("Capex", "cap"), ("Tranche", "tranches"), ("Depreciation", "depreciate"), ("EL", "")])
    func aNameDoesNotShowAPartOfAWordOrMore(_ name: String, _ alias: String) {
        #expect(!nameShows(name, alias))
    }

    /// Short entries saturate BM25: "Tranche" and "Mezzanine tranche", which both name the term in their term and an
    /// alias and mention it in the definition, scored alike. The entry whose whole name the query is scores more.
    @Test func theEntryWhoseNameIsTheQueryScoresMostAmongThoseThatNameIt() throws {
        let entries = [GlossaryEntry(term: "Mezzanine tranche", aliases: ["mezzanine tranches", "mezzanine"],
                                     definition: "A middle slice, paid after the senior tranche."),
                       GlossaryEntry(term: "Equity tranche", aliases: ["equity tranches"], definition: "The bottom slice."),
                       GlossaryEntry(term: "Tranche", aliases: ["tranches"], definition: "One slice. Senior tranches are paid first.")]
        let documents = closingSearchDocuments(home: nil, homeTitle: "", glossary: entries, bibliography: [:],
                                               glossaryTitle: "Glossary", sourcesTitle: "Sources", words: .english)
            + (0..<20).map { SearchDocument(page: "p\($0)/", pageTitle: "P", heading: "", anchor: "", text: "",
                                            fields: [SearchField(text: "Other words number \($0).", weight: 1)]) }
        let index = SearchIndex(documents: documents, tokenizer: SearchTokenizer(english: true))
        let tranche = try #require(index.entries.first { $0.term == "tranch" })
        let impacts = Dictionary(uniqueKeysWithValues: tranche.postings.map { ($0.document, $0.impact) })
        #expect(impacts[2]! > impacts[0]! && impacts[2]! > impacts[1]!)
        // A two-word name counts each word half: "equity tranche" finds Equity tranche's name whole.
        let equity = try #require(index.entries.first { $0.term == "equiti" })
        #expect(equity.postings.map(\.document) == [1])
    }

    /// A Chinese name's terms are its pairs as a query makes them: 資本支出 is three pairs, each a third of the name.
    @Test func aChineseNameScoresTheQueryThatIsTheName() throws {
        let entries = [GlossaryEntry(term: "資本支出強度（Capex intensity）", aliases: [], definition: "資本支出除以營收。"),
                       GlossaryEntry(term: "資本支出（Capex）", aliases: ["資本支出"], definition: "公司花在長期資產上的錢。")]
        let documents = closingSearchDocuments(home: nil, homeTitle: "", glossary: entries, bibliography: [:],
                                               glossaryTitle: "詞彙表", sourcesTitle: "資料來源",
                                               words: Translations.builtIn("zh-Hant")!)
            + (0..<20).map { SearchDocument(page: "p\($0)/", pageTitle: "P", heading: "", anchor: "", text: "",
                                            fields: [SearchField(text: "其他文字\($0)", weight: 1)]) }
        let index = SearchIndex(documents: documents, tokenizer: SearchTokenizer(english: false))
        for pair in ["資本", "本支", "支出"] {
            let entry = try #require(index.entries.first { $0.term == pair })
            let impacts = Dictionary(uniqueKeysWithValues: entry.postings.map { ($0.document, $0.impact) })
            #expect(impacts[1]! > impacts[0]!, "\(pair)")
        }
    }

    @Test func theNameOfAFieldIsPartOfTheCacheKeyOfItsCounts() {
        let cache = SearchCache()
        let tokenizer = SearchTokenizer(english: true)
        func document(_ name: Double) -> SearchDocument {
            SearchDocument(page: "glossary/", pageTitle: "G", heading: "Tranche", anchor: "t", text: "",
                           fields: [SearchField(text: "Tranche", weight: 4, name: name)])
        }
        let plain = cache.counts([document(0)][...], tokenizer: tokenizer) { TermCounts([document(0)][...], tokenizer: tokenizer) }
        let named = cache.counts([document(1)][...], tokenizer: tokenizer) { TermCounts([document(1)][...], tokenizer: tokenizer) }
        #expect(plain.names.isEmpty && named.names.count == 1)
    }
}
