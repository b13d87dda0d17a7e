import Testing
@testable import Site

/// A chapter with one paragraph of links (line 4) and a chart of `content/data/sales.csv` with the id `sales`.
private func site(links: String, extraData: [SourceFile] = []) -> SourceTree {
    let chapter = "---\ntitle: Links\n---\n" + links + "\n\n```chart\nid: sales\ntitle: Sales\ncaption: Made-up numbers.\n"
        + "data: sales.csv\nkind: line\n```\n"
    return miniSite(chapter: chapter, data: [SourceFile(path: "content/data/sales.csv", text: "year,air\n2015,20\n2016,24\n")] + extraData,
                    images: [SourceFile(path: "content/images/map.png", bytes: [0x89, 0x50, 0x4E, 0x47])])
}

@Suite struct ContentFileLinks {
    @Test func aLinkToAPictureWrittenAsImagesAreLeadsFromThePagesFolder() throws {
        let output = try build(site(links: "See [the map](images/map.png) and [again](./images/map.png#top)."))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("href=\"../images/map.png\""))
        #expect(page.contains("href=\"../images/map.png#top\""))
    }

    @Test func aLinkToAPictureInAFootnoteOrTwiceInTheTextLeadsFromThePagesFolderEachTime() throws {
        let output = try build(site(links: "See [the map](images/map.png), [again](images/map.png)[^1].\n\n[^1]: As [drawn](images/map.png)."))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.components(separatedBy: "href=\"../images/map.png\"").count - 1 == 3)
        #expect(!page.contains("href=\"images/map.png\""))
        #expect(!page.contains("href=\"../../images/map.png\""))
    }

    @Test func aLinkToAPictureThatIsNotThereIsAnErrorAtTheLinkWithTheNearestName() {
        #expect(diagnostics(of: site(links: "See [the map](images/mpa.png).")) == [Diagnostic(
            file: "content/01-intro.md", line: 4, column: 15,
            message: "link 'images/mpa.png' points to no file in content/images/", hint: "did you mean 'images/map.png'?")])
    }

    @Test func aLinkToAChartsDataLeadsToItsDownload() throws {
        let output = try build(site(links: "The [numbers](data/sales.csv)."))
        #expect(text(output, "intro/index.html")?.contains("href=\"../data/sales.csv\"") == true)
        #expect(output["data/sales.csv"] != nil)
    }

    @Test func aLinkToADataFileNoChartPublishesNamesWhatIsPublished() {
        let other = SourceFile(path: "content/data/prices.csv", text: "year,price\n2015,1\n2016,2\n")
        #expect(diagnostics(of: site(links: "The [prices](data/prices.csv).", extraData: [other])) == [Diagnostic(
            file: "content/01-intro.md", line: 4, column: 14,
            message: "link 'data/prices.csv' names a file of content/data/, which is not published as it is",
            hint: "a chart's data is offered with the chart, as data/<figure id>.csv; draw a chart from prices.csv and link that")])
    }

    @Test func aLinkToAMissingDownloadIsReportedAsWrittenWithWhatAPageCanLink() {
        let found = diagnostics(of: site(links: "The [numbers](data/sale.csv)."))
        #expect(found == [Diagnostic(
            file: "content/01-intro.md", line: 4, column: 15,
            message: "link 'data/sale.csv' points to a missing page or file",
            hint: "a page can link the pictures of content/images/ (images/name.png) and each chart's data "
                + "(data/<figure id>.csv), written as images are")])
    }

    @Test func aFullWidthHashBeforeAnAnchorIsNamedInTheHint() {
        let found = diagnostics(of: site(links: "See [the start](01-intro.md\u{FF03}intro)."))
        #expect(found.map(\.message) == ["link '01-intro.md\u{FF03}intro' points to a missing page or file"])
        #expect(found.first?.hint == "the '\u{FF03}' is a full-width sign from an input method: write '#' before the heading's anchor")
    }

    @Test func aLinkWrittenFromThePagesFolderIsLeftAsItIs() throws {
        let output = try build(site(links: "See [the map](../images/map.png)."))
        #expect(text(output, "intro/index.html")?.contains("href=\"../images/map.png\"") == true)
    }

    @Test func aLinkToAChapterFilesMissingAnchorIsReportedAsWritten() {
        let second = SourceFile(path: "content/02-the-run.md", text: "---\ntitle: B\n---\nText.\n")
        let site = miniSite(chapter: "---\ntitle: A\n---\nSee [it](02-the-run.md#nowhere).\n", extraChapters: [second])
        #expect(diagnostics(of: site).map(\.message) == ["link '02-the-run.md#nowhere' points to a missing anchor '#nowhere'"])
    }
}

@Suite struct HeavyImages {
    @Test func aPictureOverAMegabyteIsAWarningWhereAPageShowsIt() throws {
        let photo = SourceFile(path: "content/images/photo.jpg", bytes: [UInt8](repeating: 0xFF, count: 12_345_678))
        let site = miniSite(chapter: "---\ntitle: A\n---\nText.\n\n![A queue](images/photo.jpg)\n", images: [photo])
        let output = try build(site)
        #expect(output.warnings == [Diagnostic(
            file: "content/01-intro.md", line: 6, column: 12,
            message: "image 'images/photo.jpg' is 12.3 MB: every reader of a page showing it downloads all of it",
            hint: "make it smaller, e.g. at most 1,600 pixels wide and saved as JPEG or WebP for photographs; "
                + "a page's text and charts weigh about 100 KB", severity: .warning)])
        #expect(output["images/photo.jpg"]?.count == 12_345_678)
    }

    @Test func aHeavyPictureNoPageShowsIsAWarningAtItsFile() throws {
        let photo = SourceFile(path: "content/images/unused.png", bytes: [UInt8](repeating: 0, count: 1_000_001))
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n", images: [photo]))
        #expect(output.warnings.map { "\($0.file):\($0.line): \($0.message)" }
                == ["content/images/unused.png:1: image 'images/unused.png' is 1.0 MB: every reader of a page showing it downloads all of it"])
    }

    @Test func aPictureOfAMegabyteOrLessIsNoWarning() throws {
        let photo = SourceFile(path: "content/images/photo.jpg", bytes: [UInt8](repeating: 0xFF, count: 1_000_000))
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n![A queue](images/photo.jpg)\n", images: [photo]))
        #expect(output.warnings.isEmpty)
    }
}

@Suite struct GlossaryExpansions {
    @Test(arguments: [
        ("ABS", ["asset-backed security", "asset-backed securities"], "asset-backed security"),
        ("GPU", ["GPUs", "graphics processing unit"], "graphics processing unit"),
        ("ETF", ["ETFs", "exchange-traded fund"], "exchange-traded fund"),
        ("LTV", ["loan-to-value"], "loan-to-value"),
    ]) func anAbbreviationIsShownWithItsFirstAliasOfSeveralWords(_ term: String, _ aliases: [String], _ expansion: String) {
        #expect(GlossaryEntry(term: term, aliases: aliases, definition: "D.").expansion == expansion)
    }

    @Test func aWordOrAChineseTermHasNoExpansion() {
        #expect(GlossaryEntry(term: "Tranche", aliases: ["tranches", "senior tranche"], definition: "D.").expansion == nil)
        #expect(GlossaryEntry(term: "資產擔保證券（ABS）", aliases: ["ABS", "資產擔保證券"], definition: "D.").expansion == nil)
        #expect(GlossaryEntry(term: "SPV", aliases: ["SPVs"], definition: "D.").expansion == nil)
    }

    @Test func theGlossaryPageShowsTheExpansionAfterTheTerm() throws {
        var site = miniSite(chapter: "---\ntitle: A\n---\nAn ABS is a bond.\n")
        site.glossary = SourceFile(path: "content/glossary.yml",
                                   text: "- term: ABS\n  aliases: [\"asset-backed security\"]\n  definition: A bond paid from a pool.\n")
        let page = try #require(text(try build(site), "glossary/index.html"))
        #expect(page.contains("<dt id=\"term-abs\">ABS <span class=\"expansion\">(asset-backed security)</span></dt>"))
    }
}
