import Testing
@testable import Site

/// A page in another language prints its charts' numbers and months in that language's forms, from its translations
/// file; CSV downloads keep plain numbers; `digits:` sets a line chart's table digits (trial 12, item 2).
@Suite struct ChartNumbersOnAPageTests {
    private func chapter(withChart lines: [String]) -> String {
        "---\ntitle: Precios\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
    }

    private let monthly = SourceFile(path: "content/data/inflacion.csv", text: "# Fuente: S.\nmes,inflacion\n"
        + "2021-01,2.1\n2021-02,2.4\n2021-03,3.0\n2021-04,3.8\n2021-05,12.5\n2021-06,180.5\n2021-07,12345.5\n")

    private func spanishSite(_ chart: [String]) -> SourceTree {
        var site = miniSite(chapter: chapter(withChart: chart), config: "title: T\nlanguage: es\n", data: [monthly])
        site.translations = [SourceFile(path: "templates/i18n/es.yml", text: "languageName: Español\n"
            + "monthsShort: ene, feb, mar, abr, may, jun, jul, ago, sept, oct, nov, dic\n"
            + "monthShortFormat: \"{month} {y}\"\ndecimalSeparator: \",\"\ngroupSeparator: \"\\u202F\"\n")]
        return site
    }

    @Test func aSpanishPagesChartAndTableWriteSpanishMonthsAndDecimalCommas() throws {
        let output = try build(spanishSite(["id: inflacion", "title: T", "caption: \"C. Fuente: S.\"", "data: inflacion.csv",
                                            "kind: line", "y: {format: percent}"]))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<th scope=\"row\">ene 2021</th>"))
        #expect(page.contains("<th scope=\"row\">abr 2021</th>"))
        #expect(!page.contains("Jan 2021") && !page.contains(">Apr 2021<"))
        #expect(page.contains(">2,1\u{202F}%<"))
        #expect(page.contains(">12\u{202F}346\u{202F}%<"))
        #expect(!page.contains(">2.1\u{202F}%<"))
        let csv = try #require(text(output, "data/inflacion.csv"))
        #expect(csv.contains("2021-01,2.1\n"))
        #expect(csv.contains("2021-07,12345.5\n"))
    }

    @Test func digitsSetsTheSignificantDigitsOfALineChartsTable() throws {
        let block = ["id: inflacion", "title: T", "caption: \"C. Fuente: S.\"", "data: inflacion.csv", "kind: line",
                     "y: {format: percent}"]
        // The trial's data: 12.5 beside 180.5, written with one decimal each.
        let data = SourceFile(path: "content/data/inflacion.csv", text: "# Fuente: S.\nmes,inflacion\n"
            + "2021-01,2.1\n2021-02,2.4\n2021-03,3.0\n2021-04,12.5\n2021-05,180.5\n")
        let rounded = try #require(text(try build(miniSite(chapter: chapter(withChart: block), data: [data])), "intro/index.html"))
        #expect(rounded.contains("<td>13\u{202F}%</td>"))
        let exact = try #require(text(try build(miniSite(chapter: chapter(withChart: block + ["digits: 4"]), data: [data])),
                                      "intro/index.html"))
        for cell in ["2.1", "3.0", "12.5", "180.5"] { #expect(exact.contains("<td>\(cell)\u{202F}%</td>"), "\(cell)") }
    }
}
