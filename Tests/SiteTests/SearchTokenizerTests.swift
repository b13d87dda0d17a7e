import Foundation
import Testing
@testable import Site

@Suite struct SearchTokenizerTests {
    /// The cases the browser test also runs through assets/search.js: both sides must make the same terms.
    static let sharedCases: [(english: Bool, text: String, terms: [String])] = {
        let url = repositoryRoot.appending(path: "Tests/Fixtures/search/terms.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (columns[0] == "en", columns[1], columns[2].split(separator: " ").map(String.init))
        }
    }()

    @Test func sharedCasesMakeTheTermsTheBrowserMakes() {
        #expect(Self.sharedCases.count >= 25)
        for (english, text, terms) in Self.sharedCases {
            #expect(SearchTokenizer(english: english).terms(text, mode: .query) == terms, "\(text)")
        }
    }

    /// A number keeps its decimals ("4.4"), and the index holds its parts too, the terms a site's older `search.js`
    /// makes of "4.4" (recheck 14 S2).
    @Test func theIndexHoldsANumbersDecimalsAndItsParts() {
        let tokenizer = SearchTokenizer(english: true)
        #expect(tokenizer.terms("4.4% of US power", mode: .query) == ["4.4", "us", "power"])
        #expect(tokenizer.terms("4.4% of US power", mode: .index) == ["4.4", "4", "4", "us", "power"])
        #expect(tokenizer.terms("Ｖersion ４．４", mode: .index) == ["version", "4.4", "4", "4"])
    }

    @Test func pluralAndSingularMeet() {
        let tokenizer = SearchTokenizer(english: true)
        #expect(tokenizer.terms("tranches", mode: .query) == tokenizer.terms("Tranche", mode: .query))
        #expect(tokenizer.terms("bubbles", mode: .query) == tokenizer.terms("bubble", mode: .query))
        #expect(tokenizer.terms("losses", mode: .query) == tokenizer.terms("loss", mode: .query))
    }

    @Test func indexHoldsEachChineseCharacterAndEachPair() {
        let tokenizer = SearchTokenizer(english: true)
        #expect(tokenizer.terms("證券化。", mode: .index) == ["證", "券", "化", "證券", "券化"])
        #expect(tokenizer.terms("證券化", mode: .query) == ["證券", "券化"])
        #expect(tokenizer.terms("債", mode: .query) == ["債"])
        #expect(tokenizer.terms("AI泡沫與Meta", mode: .index) == ["ai", "泡", "沫", "與", "泡沫", "沫與", "meta"])
    }

    @Test func stemmerRules() {
        #expect(stemEnglish("securities") == "secur")
        #expect(stemEnglish("classes") == "class")
        #expect(stemEnglish("rated") == "rate")
        #expect(stemEnglish("rating") == "rate")
        #expect(stemEnglish("rate") == "rate")
        #expect(stemEnglish("rates") == "rate")
        #expect(stemEnglish("bed") == "bed")
        #expect(stemEnglish("need") == "need")
        #expect(stemEnglish("2025s") == "2025s")
        #expect(stemEnglish("hopping") == "hop")
        #expect(stemEnglish("filled") == "fill")
        #expect(stemEnglish("hoping") == "hope")
        #expect(stemEnglish("agreed") == "agreed")
        #expect(stemEnglish("mixed") == "mix")
        #expect(stemEnglish("lease") == "leas")
    }

    /// Porter's steps 2 to 4 (and 5b): a word and the words made from it meet.
    @Test func derivedWordsMeetTheirWord() {
        #expect(["depreciate", "depreciated", "depreciation", "depreciating"].map(stemEnglish) == Array(repeating: "depreci", count: 4))
        #expect(["securitize", "securitized", "securitization", "securitizing"].map(stemEnglish) == Array(repeating: "securit", count: 4))
        #expect(["secure", "secured", "security", "securities"].map(stemEnglish) == Array(repeating: "secur", count: 4))
        #expect(["correlated", "correlation", "correlations"].map(stemEnglish) == Array(repeating: "correl", count: 3))
        #expect(["operational", "operating", "operator"].map(stemEnglish) == Array(repeating: "oper", count: 3))
        #expect(["controlling", "control", "controlled"].map(stemEnglish) == Array(repeating: "control", count: 3))
        #expect(stemEnglish("hopefulness") == "hope")
        #expect(stemEnglish("relational") == "relat")
        // The measure guards short stems: "agreement" (agr-), "rental" (rent-) keep their suffix.
        #expect(stemEnglish("agreement") == "agreement")
        #expect(stemEnglish("rental") == "rental")
        // -ion goes only after s or t.
        #expect(stemEnglish("adoption") == "adopt")
        #expect(stemEnglish("opinion") == "opinion")
    }

    /// Issue: "CAPE" found "capped" and "caps" first. A short word keeps its e, and a doubled consonant or an e put
    /// back after -ed or -ing keeps the two families apart.
    @Test func aShortWordDoesNotMeetAShorterOne() {
        #expect(["cape", "capes"].map(stemEnglish) == ["cape", "cape"])
        #expect(["cap", "caps", "capped", "capping"].map(stemEnglish) == ["cap", "cap", "cap", "cap"])
        #expect(["hope", "hoped", "hopes"].map(stemEnglish) == ["hope", "hope", "hope"])
        #expect(["hop", "hopped", "hops"].map(stemEnglish) == ["hop", "hop", "hop"])
        #expect(stemEnglish("note") == "note")
        #expect(stemEnglish("cafe") == "cafe")
    }

    @Test func foldingIgnoresCaseAccentsAndWidth() {
        let tokenizer = SearchTokenizer(english: false)
        #expect(tokenizer.terms("ÉCOLE école ｅｃｏｌｅ", mode: .query) == ["ecole", "ecole", "ecole"])
    }

    /// ASCII runs are taken whole; a run that a capital, an accented letter or a ligature continues is the same word.
    @Test func asciiRunsMakeTheSameWords() {
        let tokenizer = SearchTokenizer(english: false)
        #expect(tokenizer.terms("Café au lait, naïve deﬁne", mode: .index) == ["cafe", "au", "lait", "naive", "define"])
        #expect(tokenizer.terms("x 7 ab X9 a", mode: .index) == ["7", "ab", "x9"])
        let longest = String(repeating: "a", count: SearchTokenizer.longestWord)
        #expect(tokenizer.terms("\(longest) \(longest)b \(longest.uppercased())", mode: .index) == [longest, longest])
        #expect(tokenizer.terms("abc中文def", mode: .index) == ["abc", "中", "文", "中文", "def"])
        #expect(tokenizer.terms("中ab", mode: .query) == ["中", "ab"])
    }
}

@Suite struct SearchTextTests {
    @Test func tagsGoAndBlocksSeparateWords() {
        #expect(searchText(fromHTML: "<p>A <em>b</em>c</p><p>d</p>") == "A bc d")
    }

    @Test func noteMarkersCommentsAndSVGAreLeftOut() {
        let html = "<p>Rent<sup class=\"cite\"><a href=\"#note-1\" id=\"cite-1\">1</a></sup> paid.</p><!--explainer-block:0-->"
            + "<svg><text>axis</text></svg><p>Bonds</p>"
        #expect(searchText(fromHTML: html) == "Rent paid. Bonds")
        #expect(searchText(fromHTML: "<p>risk <sup class=\"cite\"><a>2</a></sup>. Next</p>") == "risk. Next")
    }

    @Test func characterReferencesAreDecoded() {
        #expect(searchText(fromHTML: "AT&amp;T &lt;b&gt; &#39;x&#x2019; &quot;q&quot;&nbsp;z &bogus;") == "AT&T <b> 'x’ \"q\" z &bogus;")
    }
}
