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
        #expect(documents.map(\.heading) == ["", "Senior and junior", "Spending against revenue", "Equity", "Tranche",
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
        let equity = try #require(index.entries.first { $0.term == "equity" })
        #expect(equity.postings.map(\.document) == [3])
        let tranche = try #require(index.entries.first { $0.term == "tranch" })
        #expect(tranche.postings.map(\.document) == [0, 1, 3, 4])
        #expect(tranche.postings.allSatisfy { (1...SearchIndex.maximumImpact).contains($0.impact) })
        // The glossary entry names the term in its title: it says the most about it.
        #expect(tranche.postings.max { $0.impact < $1.impact }?.document == 4)
        let terms = index.entries.map(\.term)
        #expect(terms == terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }

    @Test func theIndexDoesNotDependOnHowTheWorkIsSplit() throws {
        let documents = try Self.documents()
        let tokenizer = SearchTokenizer(english: true)
        let one = SearchIndex(documents: documents, tokenizer: tokenizer, chunks: 1)
        for chunks in [2, 3, 7, 64] {
            #expect(SearchIndex(documents: documents, tokenizer: tokenizer, chunks: chunks) == one)
        }
    }

    @Test func filesHoldEveryPostingAndDocumentAndReadBack() throws {
        let documents = try Self.documents()
        let layout = SearchIndexFiles(shardCharacters: 40, blockCharacters: 30, blockDocuments: 2)
        let files = Dictionary(uniqueKeysWithValues: layout.files(for: documents, language: SearchLanguage(tag: "en")).map { ($0.path, $0.text) })
        let meta = try #require(files["search/en/meta.js"])
        let json = try #require(meta.firstRange(of: ",{").map { meta[meta.index(after: $0.lowerBound)...].dropLast(3) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["language"] as? String == "en" && object["english"] as? Bool == true)
        #expect(object["documents"] as? Int == documents.count)
        #expect(readStarts(object["pages"] as! String) == [0, 4, 5])
        let shards = object["shards"] as! [String]
        #expect(shards.count > 1 && shards[0] == "")
        // Every shard's terms start at its first term and the postings decode to the index's.
        let index = SearchIndex(documents: documents, tokenizer: SearchTokenizer(english: true))
        var decoded: [SearchIndex.Entry] = []
        for (number, first) in shards.enumerated() {
            let text = try #require(files["search/en/s\(number).js"])
            let payload = try #require(try JSONSerialization.jsonObject(with: Data(argument(of: text).utf8), options: .fragmentsAllowed) as? String)
            var term: [Unicode.Scalar] = []
            for (position, line) in payload.split(separator: "\n").enumerated() {
                let parts = line.split(separator: " ")
                let shared = SearchCode.alphabet.firstIndex(of: parts[0].unicodeScalars.first!)!
                term = Array(term.prefix(shared)) + Array(parts[0].unicodeScalars.dropFirst())
                var text = String.UnicodeScalarView()
                text.append(contentsOf: term)
                decoded.append(SearchIndex.Entry(term: String(text), postings: readPostings(String(parts[1]))))
                if position == 0 && number > 0 { #expect(String(text) == first) }
            }
        }
        #expect(decoded == index.entries)
        let blocks = readStarts(object["blocks"] as! String)
        #expect(blocks.first == 0 && blocks.count == files.keys.filter { $0.hasPrefix("search/en/b") }.count)
        let block = try #require(try JSONSerialization.jsonObject(with: Data(argument(of: files["search/en/b0.js"]!).utf8)) as? [[String]])
        #expect(block[0] == ["slicing/", "Slicing the pool", "", "", documents[0].text])
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

    @Test func theRealSiteIndexesEveryChapter() throws {
        let meta = try #require(text(repositoryOutput, "search/en/meta.js"))
        #expect(meta.hasPrefix("explainerSearch(\"meta\",{\"version\":1,\"language\":\"en\""))
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
