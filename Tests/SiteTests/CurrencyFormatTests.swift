import Testing
import Charts
@testable import Site

/// A chapter whose only content is one chart block with the given YAML lines; the block's body starts on line 7.
private func chapter(withChart lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

/// A bar chart of two UK budgets, in `format`.
private func budgets(format: String) -> (chapter: String, data: SourceFile) {
    let lines = ["id: budget", "title: T", "caption: \"C. Source: S.\"", "data: budget.csv", "kind: bar",
                 "y: {label: Spending, format: \(format)}"]
    return (chapter(withChart: lines), SourceFile(path: "content/data/budget.csv", text: "# Source: S.\nyear,Spending\n2023,1189\n2024,1226\n"))
}

@Suite struct CurrencyFormats {
    @Test func aPoundChartPrintsPoundsInItsLabelsTableAndCSV() throws {
        let (chart, data) = budgets(format: "gbp-bn")
        let output = try build(miniSite(chapter: chart, data: [data]))
        let page = try #require(text(output, "intro/index.html"))
        let csv = try #require(text(output, "data/budget.csv"))
        #expect(page.contains(">£1.19\u{202F}T<") && page.contains(">£1.23\u{202F}T<"))
        // Cells print "£1.19 T": the page's heading leaves the unit to them, the CSV's keeps it.
        #expect(page.contains("<th scope=\"col\">Spending</th>"))
        #expect(csv.contains("Year,Spending (£ billions)\n2023,1189\n"))
    }

    @Test func aChinesePageNamesTheCurrencyInWords() throws {
        let (chart, data) = budgets(format: "eur-bn")
        let output = try build(miniSite(chapter: chart, config: "title: 測試\nlanguage: zh-Hant\n", data: [data]))
        let page = try #require(text(output, "intro/index.html"))
        let csv = try #require(text(output, "data/budget.csv"))
        #expect(page.contains(">1.19兆歐元<") && !page.contains("€"))
        #expect(csv.contains("Spending（十億歐元）\n"))
    }

    @Test func anUnknownCurrencyNamesTheNearestFormatAndTheRule() {
        let (chart, data) = budgets(format: "gpb-bn")
        let problems = diagnostics(of: miniSite(chapter: chart, data: [data]))
        #expect(problems == [Diagnostic(file: "content/01-intro.md", line: 12, column: 30,
                                        message: "unknown number format 'gpb-bn'",
                                        hint: "did you mean 'gbp-bn'? Known formats: number, count, fraction, percent, year, years, "
                                            + "months, multiple, and money by ISO 4217 currency code: usd, eur, gbp, jpy, cny, twd, "
                                            + "hkd, chf, cad, aud, inr, krw, in billions with -bn and in trillions with -tn (usd, "
                                            + "usd-bn, usd-tn, gbp-bn)")], "\(problems)")
    }

    @Test func theChartsHelpListsEveryCurrency() {
        let format = ChartReference.axisKeys.first { $0.key == "format" }
        #expect(format?.meaning == "how numbers are printed: " + ValueFormat.summary)
        #expect(ValueFormat.summary.contains("gbp") && ValueFormat.summary.contains("-bn"))
    }
}
