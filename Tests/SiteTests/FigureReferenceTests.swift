import Testing
@testable import Site

@Suite struct FigureReferenceTests {
    @Test func emptyLinksToFiguresShowTheirLabel() {
        let html = ##"<p>See <a href="#figure-a"></a> and <a href="../other/#figure-b"></a>.</p>"##
        #expect(fillNumberedReferences(html, labels: ["figure-a": "Figure 6.3", "figure-b": "Figure 2.1"])
                == ##"<p>See <a href="#figure-a">Figure 6.3</a> and <a href="../other/#figure-b">Figure 2.1</a>.</p>"##)
    }

    @Test func linksWithTextOrToUnknownIdsStayAsWritten() {
        let html = ##"<a href="#figure-a">this chart</a> <a href="#figure-missing"></a>"##
        #expect(fillNumberedReferences(html, labels: ["figure-a": "Figure 1"]) == html)
    }

    @Test(arguments: [("Figure {n}.", "Figure 6.3"), ("圖{n}", "圖6.3"), ("Table {n}:", "Table 6.3")])
    func aReferenceIsTheTitleLabelWithoutItsClosingPunctuation(_ format: String, _ expected: String) {
        let words = Translations(code: "x", file: "x.yml", strings: ["figure": format])
        #expect(referenceLabel(words, key: "figure", number: "6.3") == expected)
    }

    @Test func aReferenceToAFigureOnAnotherChapterShowsItsNumber() throws {
        let chart = "```chart\nid: collateral\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n"
        let second = SourceFile(path: "content/02-the-run.md", text: "---\ntitle: B\n---\nText.\n\n" + chart + "\nAs [](#figure-collateral) shows.\n")
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nSee [](02-the-run.md#figure-collateral).\n",
                                        extraChapters: [second]))
        #expect(text(output, "intro/index.html")?.contains("<a href=\"../the-run/#figure-collateral\">Figure 2.1</a>") == true)
        #expect(text(output, "the-run/index.html")?.contains("As <a href=\"#figure-collateral\">Figure 2.1</a> shows.") == true)
    }

    @Test func anEmptyLinkToAMissingFigureIsAnErrorWithTheNearestId() {
        let chart = "```chart\nid: collateral\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n" + chart + "\nSee [](#figure-colateral).\n"))
        #expect(found.map(\.message) == ["link '#figure-colateral' points to a missing anchor '#figure-colateral'"])
        #expect(found.first?.hint == "did you mean '#figure-collateral'?")
    }

    @Test func aLinkToAFigureOfAnotherChapterWrittenAsThisPagesNamesThatChaptersFile() {
        let chart = "```chart\nid: collateral\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n"
        let second = SourceFile(path: "content/02-the-run.md", text: "---\ntitle: B\n---\nText.\n\n" + chart)
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n## Here\n\nSee [](#figure-collateral).\n",
                                             extraChapters: [second]))
        #expect(found.map(\.message) == ["link '#figure-collateral' points to a missing anchor '#figure-collateral'"])
        #expect(found.first?.hint == "figure 'collateral' is in 02-the-run.md, not on this page: write [](02-the-run.md#figure-collateral)")
    }

    @Test func aCaptionedTableIsNumberedInItsChapterAndReferencesShowTheNumber() throws {
        let table = "| Year | Runs |\n|---|--:|\n| 1930 | 1,350 |\n\nTable: Bank suspensions {#table-suspensions}\n"
        let second = SourceFile(path: "content/02-the-run.md", text: "---\ntitle: B\n---\n" + table + "\nAs [](#table-suspensions) shows.\n")
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nSee [](02-the-run.md#table-suspensions).\n",
                                        extraChapters: [second]))
        let page = try #require(text(output, "the-run/index.html"))
        #expect(page.contains("<table id=\"table-suspensions\">\n<caption><span class=\"table-number\">Table 2.1.</span> Bank suspensions</caption>"))
        #expect(page.contains("As <a href=\"#table-suspensions\">Table 2.1</a> shows."))
        #expect(text(output, "intro/index.html")?.contains("<a href=\"../the-run/#table-suspensions\">Table 2.1</a>") == true)
    }

    @Test func anEmptyLinkToAMissingTableIsAnErrorWithTheNearestId() {
        let table = "| Year | Runs |\n|---|--:|\n| 1930 | 1,350 |\n\nTable: Bank suspensions\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n" + table + "\nSee [](#table-bank-suspension).\n"))
        #expect(found.map { "\($0.line):\($0.column): \($0.message)" }
                == ["10:8: link '#table-bank-suspension' points to a missing anchor '#table-bank-suspension'"])
        #expect(found.first?.hint == "did you mean '#table-bank-suspensions'?")
    }

    @Test func tableNumbersUseTheEditionsWordAndEnglishWhenATranslationLacksIt() throws {
        let chapter = try parseOneChapter("| a |\n|---|\n\nTable: Runs\n")
        let chinese = Translations(code: "zh-Hant", file: "zh-Hant.yml", strings: ["table": "表{n}"])
        #expect(fillingPlaceholders(chapter.rendered.html, chapter.tableNumbers(words: chinese)).contains("<span class=\"table-number\">表1.1</span> Runs"))
        let old = Translations(code: "de", file: "de.yml", strings: [:])
        #expect(fillingPlaceholders(chapter.rendered.html, chapter.tableNumbers(words: old)).contains("<span class=\"table-number\">Table 1.1.</span> Runs"))
        #expect(chapter.referenceLabels(words: chinese).map(\.label) == ["表1.1"])
    }
}

/// Chapter 1 of a site, parsed from its Markdown body.
private func parseOneChapter(_ body: String) throws -> Chapter {
    try parseChapter(SourceFile(path: "content/01-intro.md", text: "---\ntitle: A\n---\n" + body),
                     place: ChapterFile(fileName: "01-intro.md")!, terms: [], registry: .standard)
}
