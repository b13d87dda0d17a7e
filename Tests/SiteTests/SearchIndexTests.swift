import Foundation
import Testing
@testable import Site

@Suite struct SearchIndexTests {
    static let chapter = """
        ---
        title: Slicing the pool
        question: Who loses first when leases default?
        takeaway: Junior tranches lose first.
        ---

        Pools of leases are sliced into tranches.[@book]

        ## Senior and junior

        The senior tranche is paid first.

        ```chart
        id: fig-a
        title: "Spending against revenue"
        caption: "Capex outruns revenue. Illustrative model, not a forecast."
        model: capexGap
        kind: line
        series: [capex, aiRevenue]
        ```

        ### Equity

        The equity tranche takes the first loss.

        """

    static let site: SourceTree = {
        var site = miniSite(chapter: chapter, name: "01-slicing.md",
                            sources: "book:\n  organisation: A. Writer\n  title: Structured finance\n  private: private remark\n")
        site.glossary = SourceFile(path: "content/glossary.yml",
                                   text: "- term: Tranche\n  aliases: [tranches]\n  definition: A slice of a pool of loans.\n")
        return site
    }()

    static func documents() throws -> [SearchDocument] {
        let inputs = try SiteInputs.parse(site)
        let file = site.chapters[0]
        let chapter = try parseChapter(file, place: ChapterFile(fileName: "01-slicing.md")!, terms: inputs.autolinkTerms,
                                       registry: .standard)
        return searchDocuments(chapters: [chapter], glossary: inputs.glossary, bibliography: inputs.bibliography,
                               glossaryTitle: "Glossary", sourcesTitle: "Sources")
    }

    @Test func documentsFollowTheChapterHeadingsFiguresGlossaryAndSources() throws {
        let documents = try Self.documents()
        #expect(documents.map(\.anchor) == ["", "senior-and-junior", "figure-fig-a", "equity", "term-tranche", "source-book"])
        #expect(documents.map(\.heading) == ["", "Senior and junior", "Figure 1.1. Spending against revenue", "Equity", "Tranche (tranches)",
                                             "Structured finance"])
        #expect(documents[0].text == "Who loses first when leases default? Pools of leases are sliced into tranches. Junior tranches lose first.")
        #expect(documents[1].text == "The senior tranche is paid first.")
        #expect(documents[2].text == "Capex outruns revenue. Illustrative model, not a forecast.")
        #expect(documents[3].text == "The equity tranche takes the first loss.")
        #expect(documents.allSatisfy { $0.pageTitle == "Slicing the pool" || $0.page != "slicing/" })
        #expect(documents[4].page == "glossary/" && documents[4].pageTitle == "Glossary")
        #expect(documents[5].text == "A. Writer")
        #expect(!documents.contains { $0.fields.contains { $0.text.contains("private remark") } })
    }

    @Test func impactsRankTheDocumentThatIsAboutTheTerm() throws {
        let documents = try Self.documents()
        let index = SearchIndex(documents: documents, tokenizer: SearchTokenizer(english: true))
        let equity = try #require(index.entries.first { $0.term == "equiti" })  // Porter: a final y after a vowel is i
        #expect(equity.postings.map(\.document) == [3])
        let tranche = try #require(index.entries.first { $0.term == "tranch" })
        #expect(tranche.postings.map(\.document) == [0, 1, 3, 4])
        #expect(tranche.postings.allSatisfy { (1...SearchIndex.maximumImpact).contains($0.impact) })
        // The glossary entry whose name is the term says the most about it (SearchWeights.glossaryName); of the
        // chapter's documents, its opening (tranches in its text and takeaway).
        #expect(tranche.postings.max { $0.impact < $1.impact }?.document == 4)
        #expect(tranche.postings.filter { $0.document < 4 }.max { $0.impact < $1.impact }?.document == 0)
        let terms = index.entries.map(\.term)
        #expect(terms == terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }

    /// Issue: searching "CAPE" ranked passages saying "capped" and "caps" above CAPE's glossary entry: the stemmer made
    /// all three "cap". The term a query makes of "CAPE" is on the documents that say CAPE, and only on them.
    @Test func anAcronymIsNotIndexedAsTheShorterWordItBegins() throws {
        func document(_ heading: String, _ text: String) -> SearchDocument {
            SearchDocument(page: "p/", pageTitle: "P", heading: heading, anchor: "", text: text,
                           fields: [SearchField(text: heading, weight: SearchWeights.heading), SearchField(text: text, weight: SearchWeights.text)])
        }
        let documents = [document("CAPE", "The cyclically adjusted price/earnings ratio."),
                         document("Rent", "Payments are capped, and the caps hold."),
                         document("Capex", "Capex is spending on buildings and chips.")]
        let tokenizer = SearchTokenizer(english: true)
        let index = SearchIndex(documents: documents, tokenizer: tokenizer)
        func postings(_ query: String) throws -> [Int] {
            let term = try #require(tokenizer.terms(query, mode: .query).first)
            return try #require(index.entries.first { $0.term == term }).postings.map(\.document)
        }
        #expect(try postings("CAPE") == [0])
        #expect(try postings("cape") == [0])
        #expect(try postings("capped") == [1])
        #expect(try postings("capex") == [2])
    }

    @Test func theIndexDoesNotDependOnHowTheWorkIsSplit() throws {
        let documents = try Self.documents()
        let tokenizer = SearchTokenizer(english: true)
        let one = SearchIndex(documents: documents, tokenizer: tokenizer, chunks: 1)
        for chunks in [2, 3, 7, 64] {
            #expect(SearchIndex(documents: documents, tokenizer: tokenizer, chunks: chunks) == one)
        }
    }

    @Test func termsAreInJavaScriptsOrderWithOrWithoutCharactersBeyondTheBasicPlane() {
        // UTF-8 puts U+E000 and U+FFFD before U+20000; UTF-16 (a surrogate pair, D840 DC00) puts it before them.
        let wide = ["b", "\u{FFFD}x", "a", "\u{20000}", "\u{E000}", "é"]
        #expect(javaScriptOrder(wide).map { wide[$0] } == ["a", "b", "é", "\u{20000}", "\u{E000}", "\u{FFFD}x"])
        let basic = ["tranche", "é", "Zed", "a\u{FFFD}", "a", "ab"]
        #expect(javaScriptOrder(basic).map { basic[$0] } == basic.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }

    @Test func numberingTheTermsAgainKeepsEachTermsPostings() throws {
        let documents = try Self.documents()
        let tokenizer = SearchTokenizer(english: true)
        var postings = SearchPostings()
        // Two runs, so that a term's postings come from both.
        postings.add(SearchIndex.counts(of: Array(documents[..<3]), chunks: 2, tokenizer: tokenizer, cache: nil))
        postings.add(SearchIndex.counts(of: Array(documents[3...]), chunks: 1, tokenizer: tokenizer, cache: nil))
        func byTerm(_ postings: SearchPostings) -> [String: [String]] {
            var found: [String: [String]] = [:]
            postings.postings(of: 0..<postings.terms.count) { term, documents, counts in
                found[postings.terms[term]] = zip(documents, counts).map { "\($0):\($1)" }
            }
            return found
        }
        let before = byTerm(postings)
        #expect(before.count == postings.terms.count && before["tranch"]?.count == 4)
        let order = Array(postings.terms.indices.reversed())
        let terms = postings.terms
        postings.numberTerms(in: order)
        #expect(postings.terms == order.map { terms[$0] })
        #expect(byTerm(postings) == before)
    }

    @Test func filesAreTheSameWhateverRunsTheDocumentsComeIn() throws {
        // Pages of a few to many sections, so that groups and blocks are cut by size, by count and at pages.
        let words = ["lease", "tranche", "pool", "default", "senior", "junior", "equity", "capex", "rent", "loss", "GPU", "bank"]
        var documents: [SearchDocument] = []
        for page in 0..<9 {
            for section in 0..<(1 + page * 5 % 7) {
                let text = (0..<(3 + (page * 7 + section * 11) % 40)).map { words[($0 * (page + 2) + section) % words.count] }
                    .joined(separator: " ")
                documents.append(SearchDocument(page: "p\(page)/", pageTitle: "Page \(page)", heading: "S\(section)", anchor: "s\(section)",
                                                text: text, fields: [SearchField(text: "Page \(page)", weight: 4), SearchField(text: text, weight: 1)],
                                                boost: page == 8 ? 0.6 : 1))
            }
        }
        let layout = SearchIndexFiles(shardCharacters: 60, blockCharacters: 200, blockDocuments: 3, snippetCharacters: 50)
        let language = SearchLanguage(tag: "en")
        let whole = layout.files(for: documents, language: language)
        #expect(whole.count > 8)
        // At page boundaries, inside pages, one document at a time, and with empty runs between.
        for cuts in [[5, 12, 30], [1, 2, 3, 4, 17], Array(1..<documents.count), [0, 0, 9, 9]] {
            var runs: [[SearchDocument]] = []
            var start = 0
            for cut in cuts + [documents.count] {
                runs.append(Array(documents[start..<max(start, cut)]))
                start = max(start, cut)
            }
            var iterator = runs.makeIterator()
            let inRuns = layout.files(inRuns: AnyIterator { iterator.next() }, language: language) { _, text in text }
            #expect(inRuns.map(\.path) == whole.map(\.path))
            #expect(inRuns.map(\.file) == whole.map(\.text))
        }
    }

    @Test func filesHoldEveryPostingAndDocumentAndReadBack() throws {
        let documents = try Self.documents()
        let layout = SearchIndexFiles(shardCharacters: 40, blockCharacters: 1_000, blockDocuments: 2)
        let groups = layout.groups(of: documents)
        let files = Dictionary(uniqueKeysWithValues: layout.files(for: documents, language: SearchLanguage(tag: "en")).map { ($0.path, $0.text) })
        let meta = try #require(files["search/en/meta.js"])
        let json = try #require(meta.firstRange(of: ",{").map { meta[meta.index(after: $0.lowerBound)...].dropLast(3) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["language"] as? String == "en" && object["english"] as? Bool == true)
        #expect(object["documents"] as? Int == documents.count)
        #expect(readStarts(object["pages"] as! String) == [0, 4, 5])
        // The chapter's four documents make two groups (two documents at most), the glossary and sources one each.
        #expect(groups == [0, 0, 1, 1, 2, 3])
        #expect(readStarts(object["splits"] as! String) == [2])
        let shards = object["shards"] as! [String]
        #expect(shards.count > 1 && shards[0] == "")
        // Every shard's terms start at its first term and the postings decode to the index's.
        let index = SearchIndex(documents: documents, tokenizer: SearchTokenizer(english: true), groups: groups)
        var decoded: [SearchIndex.Entry] = []
        for (number, first) in shards.enumerated() {
            let text = try #require(files["search/en/s\(number).js"])
            let payload = try #require(try JSONSerialization.jsonObject(with: Data(argument(of: text).utf8), options: .fragmentsAllowed) as? String)
            let halves = payload.components(separatedBy: "\n\n")
            #expect(halves.count == 2)
            let codes = halves[1].split(separator: "\n")
            var term: [Unicode.Scalar] = []
            for (position, line) in halves[0].split(separator: "\n").enumerated() {
                let shared = SearchCode.alphabet.firstIndex(of: line.unicodeScalars.first!)!
                term = Array(term.prefix(shared)) + Array(line.unicodeScalars.dropFirst())
                var text = String.UnicodeScalarView()
                text.append(contentsOf: term)
                let cut = codes[position].hasPrefix("!")
                decoded.append(SearchIndex.Entry(term: String(text), postings: readPostings(String(codes[position].drop { $0 == "!" })),
                                                 complete: !cut))
                if position == 0 && number > 0 { #expect(String(text) == first) }
            }
        }
        #expect(decoded == index.entries)
        let blocks = readStarts(object["blocks"] as! String)
        #expect(blocks.first == 0 && blocks.count == files.keys.filter { $0.hasPrefix("search/en/b") }.count)
        // Blocks hold whole groups.
        #expect(blocks.allSatisfy { $0 == 0 || groups[$0 - 1] != groups[$0] })
        let block = try #require(try JSONSerialization.jsonObject(with: Data(argument(of: files["search/en/b0.js"]!).utf8)) as? [[String]])
        #expect(block[0] == ["slicing/", "Slicing the pool", "", "", documents[0].text])
    }

    /// The browser drops the stopwords the index was made without, from the index's own list (search.js has no copy).
    @Test func anEnglishOrChineseIndexCarriesItsStopwords() throws {
        let documents = try Self.documents()
        func meta(_ tag: String) throws -> [String: Any] {
            let language = SearchLanguage(tag: tag)
            let files = SearchIndexFiles().files(for: documents, language: language)
            let text = try #require(files.first { $0.path == language.folder + "meta.js" }?.text)
            let json = try #require(text.firstRange(of: ",{").map { text[text.index(after: $0.lowerBound)...].dropLast(3) })
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
        let words = englishStopwords.sorted().joined(separator: " ")
        #expect(try meta("en")["stopwords"] as? String == words)
        #expect(try meta("zh-Hant")["stopwords"] as? String == words)
        #expect(try meta("fr")["stopwords"] == nil)
    }

    @Test func groupsScoreByTheirBestDocumentPlusATenthOfTheOthers() throws {
        // "pool" once in documents 0–2 (group 0) and 3 (group 1): group 0 scores one document's score and a tenth of
        // two more; "bond", only in document 2, names group 0.
        let documents = (0..<4).map { number in
            SearchDocument(page: number < 3 ? "a/" : "b/", pageTitle: "P", heading: "", anchor: "", text: "",
                           fields: [SearchField(text: "pool" + (number == 2 ? " bond" : " x\(number)"), weight: 1)])
        }
        let tokenizer = SearchTokenizer(english: true)
        let plain = SearchIndex(documents: documents, tokenizer: tokenizer)
        let grouped = SearchIndex(documents: documents, tokenizer: tokenizer, groups: [0, 0, 0, 1])
        let pool = try #require(grouped.entries.first { $0.term == "pool" })
        #expect(pool.postings.map(\.document) == [0, 1])
        #expect(pool.postings[0].impact > pool.postings[1].impact)
        let bond = try #require(grouped.entries.first { $0.term == "bond" })
        #expect(bond.postings.map(\.document) == [0])
        #expect(plain.entries.first { $0.term == "bond" }?.postings.map(\.document) == [2])
        #expect(SearchIndexFiles().groups(of: documents) == [0, 0, 0, 1])
    }

    @Test func aTermOnTooManyDocumentsKeepsTheOnesItSaysMostAboutAndSaysSo() throws {
        // "pool" is in every document, once in most and five times in the last two: those two it says most about.
        let documents = (0..<6).map { number in
            SearchDocument(page: "p\(number)/", pageTitle: "P", heading: "", anchor: "",
                           text: "", fields: [SearchField(text: (number >= 4 ? "pool pool pool pool pool" : "pool") + " lease\(number)",
                                                          weight: 1)])
        }
        let index = SearchIndex(documents: documents, tokenizer: SearchTokenizer(english: true), maximumPostings: 2)
        let pool = try #require(index.entries.first { $0.term == "pool" })
        #expect(pool.postings.map(\.document) == [4, 5] && !pool.complete)
        let lease = try #require(index.entries.first { $0.term == "lease0" })
        #expect(lease.postings.map(\.document) == [0] && lease.complete)
        let files = SearchIndexFiles().files(for: documents, language: SearchLanguage(tag: "en"))
        // A cut list's postings line starts with "!" (after a JSON-escaped newline); the default keeps all six.
        #expect(files.contains { $0.text.contains(#"\n!"#) } == false)
        let cut = SearchIndexFiles(maximumPostings: 2).files(for: documents, language: SearchLanguage(tag: "en"))
        #expect(cut.contains { $0.path.hasSuffix("/s0.js") && $0.text.contains(#"\n!"#) })
    }

    @Test func snippetsKeepTheStartOfALongTextCutAtAWord() {
        let files = SearchIndexFiles(snippetCharacters: 20)
        #expect(files.snippetText("Short text.") == "Short text.")
        #expect(files.snippetText("Leases are pooled into bonds and sliced.") == "Leases are pooled …")
        #expect(files.snippetText("證券化把租約變成債券再切成分券") == "證券化把租約變成債券再切成分券")
        #expect(SearchIndexFiles(snippetCharacters: 4).snippetText("證券化把租約") == "證券化把 …")
    }

    @Test func eachLanguageHasItsOwnFolder() {
        #expect(SearchLanguage(tag: "en").folder == "search/en/")
        #expect(SearchLanguage(tag: "zh-Hant").folder == "search/zh-Hant/")
        #expect(SearchLanguage(tag: "../x y").folder == "search/---x-y/")
        #expect(SearchLanguage(tag: "zh-Hant").englishRules && !SearchLanguage(tag: "fr").englishRules)
    }

    @Test func theBuildWritesTheIndexAndPagesPointAtIt() throws {
        let output = try build(Self.site)
        #expect(output["search/en/meta.js"] != nil && output["search/en/s0.js"] != nil && output["search/en/b0.js"] != nil)
        let page = try #require(text(output, "slicing/index.html"))
        #expect(page.contains("data-index=\"../search/en/\""))
        #expect(page.contains("data-script=\"../assets/search.js\""))
        #expect(text(output, "index.html")?.contains("data-index=\"search/en/\"") == true)
        #expect(output["assets/search.js"] != nil)
    }

    @Test func standalonePagesAndTheHomeIntroductionAreIndexedAfterTheChapters() throws {
        var site = Self.site
        site.chapters.append(SourceFile(path: "content/about.md",
                                        text: "---\ntitle: About us\n---\nWho writes this.\n\n## Corrections\n\nWrite to the editors.\n"))
        site.chapters.append(SourceFile(path: "content/index.md", text: "Start with the reading list.\n"))
        let output = try build(site)
        let blocks = output.sortedPaths.filter { $0.hasPrefix("search/en/b") }
            .flatMap { try! JSONSerialization.jsonObject(with: Data(argument(of: text(output, $0)!).utf8)) as! [[String]] }
        // The glossary's and the sources' openings (found by the pages' titles) come last, with the corrections.
        let openings = blocks.filter { ["glossary/", "sources/"].contains($0[0]) && $0[2].isEmpty }
        #expect(openings.map { $0[0] } == ["glossary/", "sources/"])
        #expect(Array(blocks.suffix(2)) == openings)
        let pages = blocks.dropLast(2).map { $0[0] }
        let about = try #require(blocks.first { $0[0] == "about/" && $0[2] == "Corrections" })
        #expect(about[3] == "corrections" && about[4] == "Write to the editors.")
        #expect(blocks.contains { $0[0] == "about/" && $0[1] == "About us" && $0[4] == "Who writes this." })
        #expect(blocks.contains { $0[0] == "" && $0[1] == "Test site" && $0[4] == "Start with the reading list." })
        // The reading order: chapters, pages, home, glossary, sources, the reference pages' openings.
        let order = ["slicing/", "about/", "", "glossary/", "sources/"]
        #expect(pages.map { order.firstIndex(of: $0)! } == pages.map { order.firstIndex(of: $0)! }.sorted())
        #expect(text(output, "about/index.html")?.contains("id=\"corrections\"") == true)
    }

    @Test func theSearchBoxSpeaksTheSiteLanguage() throws {
        var site = Self.site
        site.config = SourceFile(path: "content/site.yml", text: "title: 測試\nlanguage: zh-Hant\n")
        let page = try #require(text(try build(site), "slicing/index.html"))
        #expect(page.contains(">搜尋本站</label>") && page.contains("data-many=\"{n} 個結果\"") && page.contains("placeholder=\"搜尋\""))
        #expect(page.contains("data-index=\"../search/zh-Hant/\""))
        let english = try #require(text(try build(Self.site), "slicing/index.html"))
        #expect(english.contains(">Search this site</label>") && english.contains("data-none=\"No results\""))
        // The count says what is listed: the rows, with their pages when fewer, or the pages left out (search.js).
        #expect(english.contains("data-on-pages=\"{n} results on {pages} pages\" data-from-pages=\"{n} results from the best {shown} of {pages} pages\""))
        #expect(page.contains("data-on-pages=\"{n} 個結果，分布於 {pages} 個頁面\""))
        #expect(SearchLanguage(tag: "zh-CN").interface["label"] == "搜索本站")
        #expect(SearchLanguage(tag: "zh-TW").interface["label"] == "搜尋本站")
        #expect(SearchLanguage(tag: "tlh").interface == SearchLanguage(tag: "en").interface)
    }

    @Test func searchFalseWritesNoIndexAndNoBox() throws {
        var site = Self.site
        site.config = SourceFile(path: "content/site.yml", text: "title: Test site\nlanguage: en\nsearch: false\n")
        let output = try build(site)
        #expect(!output.sortedPaths.contains { $0.hasPrefix("search/") })
        let page = try #require(text(output, "slicing/index.html"))
        #expect(!page.contains("site-search") && !page.contains("search/en/"))
        #expect(text(try build(Self.site), "slicing/index.html")?.contains("class=\"site-search\"") == true)
    }

    @Test func theRealSiteIndexesEveryChapter() throws {
        let meta = try #require(text(repositoryOutput, "search/en/meta.js"))
        #expect(meta.hasPrefix("explainerSearch(\"meta\",{\"version\":2,\"language\":\"en\""))
        let pages = repositoryOutput.sortedPaths.filter { $0.hasPrefix("search/en/b") }
        let blocks = pages.map { text(repositoryOutput, $0)! }.joined()
        for slug in ["map", "four-steps", "tranches-correlation"] where repositoryOutput["\(slug)/index.html"] != nil {
            #expect(blocks.contains("[\"\(slug)/\""))
        }
    }
}

/// The JSON argument of `explainerSearch("name",ARGUMENT);`.
private func argument(of file: String) -> String {
    let start = file.firstIndex(of: ",")!
    return String(file[file.index(after: start)...].dropLast(3))
}

private func readNumbers(_ code: String) -> [Int] {
    var numbers: [Int] = [], value = 0
    for scalar in code.unicodeScalars {
        let digit = SearchCode.alphabet.firstIndex(of: scalar)!
        if digit < 32 { numbers.append(value * 32 + digit); value = 0 } else { value = value * 32 + digit - 32 }
    }
    return numbers
}

private func readStarts(_ code: String) -> [Int] {
    var sum = 0
    return readNumbers(code).map { sum += $0; return sum }
}

private func readPostings(_ code: String) -> [SearchIndex.Posting] {
    var postings: [SearchIndex.Posting] = [], value = 0, document = 0, expectImpact = false
    for scalar in code.unicodeScalars {
        let digit = SearchCode.alphabet.firstIndex(of: scalar)!
        if expectImpact {
            postings.append(SearchIndex.Posting(document: document, impact: digit))
            expectImpact = false
        } else if digit < 32 {
            document += value * 32 + digit
            value = 0
            expectImpact = true
        } else {
            value = value * 32 + digit - 32
        }
    }
    return postings
}

/// A glossary entry found by one of its aliases (`depreciate` for Depreciation) shows it: the search box picks the
/// glossary row to show by the words of its heading and text, and the alias was in neither, so the page's first row
/// (ABS) was shown instead.
@Suite struct GlossarySearchHeadings {
    @Test func anEntrysAliasesAreInItsResultHeadingInEachLanguage() {
        let entries = [GlossaryEntry(term: "Depreciation", aliases: ["depreciate", "depreciates"], definition: "D."),
                       GlossaryEntry(term: "Tranche", aliases: [], definition: "T.")]
        let english = closingSearchDocuments(home: nil, homeTitle: "", glossary: entries, bibliography: [:],
                                             glossaryTitle: "Glossary", sourcesTitle: "Sources", words: .english)
        #expect(english.map(\.heading) == ["Depreciation (depreciate, depreciates)", "Tranche"])
        let chinese = closingSearchDocuments(home: nil, homeTitle: "", glossary: [GlossaryEntry(term: "折舊", aliases: ["折舊費用", "攤提"], definition: "D.")],
                                             bibliography: [:], glossaryTitle: "名詞解釋", sourcesTitle: "資料來源",
                                             words: Translations.builtIn("zh-Hant")!)
        #expect(chinese.map(\.heading) == ["折舊（折舊費用、攤提）"])
    }
}
