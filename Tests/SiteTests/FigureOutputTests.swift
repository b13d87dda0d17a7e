import Foundation
import Testing
import Simulation
@testable import Site

/// A chapter whose only content is one chart block with the given YAML lines; the block's body starts on line 7.
private func chapter(withChart lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

private func csvFile(_ name: String, _ text: String) -> SourceFile {
    SourceFile(path: "content/data/" + name, text: text)
}

/// The text of every `<text>` element of the page's SVGs.
private func svgTexts(_ page: String) -> [String] {
    page.components(separatedBy: "<text ").dropFirst().compactMap { piece in
        guard let start = piece.firstIndex(of: ">"), let end = piece.range(of: "</text>") else { return nil }
        return String(piece[piece.index(after: start)..<end.lowerBound])
    }
}

@Suite struct FigureOutput {
    @Test func aYearColumnNeedsNoFormat() throws {
        let data = csvFile("limit.csv", "# Source: FDIC.\nyear,limit\n1934,2500\n1980,100000\n2008,250000\n")
        let chart = chapter(withChart: ["id: limit", "title: T", "caption: \"C. Source: FDIC.\"", "data: limit.csv", "kind: line"])
        let page = try #require(text(try build(miniSite(chapter: chart, data: [data])), "intro/index.html"))
        let texts = svgTexts(page)
        #expect(texts.contains("1980"))
        #expect(!texts.contains { $0.contains("1,9") || $0.contains("2,0") || $0.hasPrefix("+") })
        // The axis ends at the data: no tick before 1934 or after 2008.
        let years = texts.compactMap(Int.init).filter { $0 >= 1000 && $0 <= 2999 }
        #expect(years.allSatisfy { $0 >= 1934 && $0 <= 2008 })
    }

    @Test func wholeNumbersBetween1000And2999AreYearsWhateverTheColumnIsCalled() throws {
        let data = csvFile("banks.csv", "when,suspensions\n1929,659\n1930,1350\n1931,2293\n")
        let chart = chapter(withChart: ["id: banks", "title: T", "caption: C.", "data: banks.csv", "kind: line"])
        let page = try #require(text(try build(miniSite(chapter: chart, data: [data])), "intro/index.html"))
        #expect(svgTexts(page).contains("1930"))
        #expect(!svgTexts(page).contains("1,930"))
    }

    @Test func percentDataIsNotScaledAgain() throws {
        let data = csvFile("fiber.csv", "item,percent\nCapacity built,100\nIn use,2.6\n")
        let chart = chapter(withChart: ["id: fiber", "title: T", "caption: C.", "data: fiber.csv", "kind: bar",
                                        "y: {label: Share of capacity, format: percent}"])
        let output = try build(miniSite(chapter: chart, data: [data]))
        let page = try #require(text(output, "intro/index.html"))
        #expect(svgTexts(page).contains("2.6\u{202F}%"))
        #expect(!page.contains("260") && !page.contains("10,000"))
        // The table prints as the chart does; the CSV heading carries the unit.
        #expect(page.contains("<td>2.6\u{202F}%</td>"))
        let csv = try #require(text(output, "data/fiber.csv"))
        #expect(csv.contains("\nItem,Share of capacity (%)\n"))
        // No `# ` lines in the data file and no "Source:" in the caption: the download claims no source.
        #expect(csv.hasPrefix("# \u{201C}T\u{201D}\n# C.\n"))
    }

    @Test func aModelsFractionsWithPercentFormatAreAnErrorAtTheAxis() {
        let lines = ["id: labour", "title: T", "caption: C.", "model: displacement", "series: [laborShare]",
                     "labels: {laborShare: Share of tasks done by labour}", "y: {label: Share, format: percent}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 13)
        #expect(problems.first?.hint?.contains("format: fraction") == true)
    }

    @Test func aHeadingWithAnAsideGetsItsUnitAfterACommaNotASecondPairOfParentheses() throws {
        let lines = ["id: collateral", "title: T", "caption: C.", "model: gpuCollateral",
                     "series: [debt, value.sl.T6]", "labels: {debt: Loan balance (senior), value.sl.T6: Book value}",
                     "x: {label: Years after purchase}"]
        let output = try build(miniSite(chapter: chapter(withChart: lines)))
        let csv = try #require(text(output, "data/collateral.csv"))
        #expect(csv.contains("Years after purchase,\"Loan balance (senior), $ billions\",Book value ($ billions)\n"))
        // The page's table prints "$27.3 B" in its cells: its headings do not say the unit again (review 10 N8).
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<th scope=\"col\">Loan balance (senior)</th>"))
        #expect(page.contains("<th scope=\"col\">Book value</th>"))
        #expect(page.contains("<th scope=\"col\">Years after purchase</th>") && !page.contains(") ("))
    }

    /// Fig 6.3 (review 10 N8): a log axis leaves out the zeros of correlation 0, but its table prints them as the next
    /// rows print their tiny values; a CSV with numbers in scientific notation says what they are.
    @Test func aLogChartsTableKeepsItsZerosAndItsCSVExplainsScientificNotation() throws {
        let lines = ["id: tranches", "title: T", "caption: C.", "model: tranching",
                     "series: [lhp.trancheEL.0-5, lhp.trancheEL.30-100]",
                     "labels: {lhp.trancheEL.0-5: Equity (0–5 %), lhp.trancheEL.30-100: Senior (30–100 %)}",
                     "x: {label: Default correlation, format: number}",
                     "y: {label: Expected loss, format: fraction, scale: log, min: 0.000001, max: 1}"]
        let output = try build(miniSite(chapter: chapter(withChart: lines)))
        let page = try #require(text(output, "intro/index.html"))
        let csv = try #require(text(output, "data/tranches.csv"))
        #expect(page.contains("<tr><th scope=\"row\">0</th><td>24.0\u{202F}%</td><td>0\u{202F}%</td></tr>"))
        #expect(csv.contains("\n0,24,0\n"))
        #expect(csv.contains("# Very small values are written in scientific notation: 1.2e-07 is 0.00000012.\n"))
        // The table's headings leave the unit to its cells; the CSV's bare numbers keep it.
        #expect(page.contains("<th scope=\"col\">Senior (30–100\u{202F}%)</th>"))
        #expect(csv.contains(",\"Senior (30–100\u{202F}%), %\"\n"))
    }

    @Test func tablesAndCSVsUseTheLegendsWordsAndTheChartsRounding() throws {
        let lines = ["id: collateral", "title: T", "caption: C.", "model: gpuCollateral",
                     "series: [debt, value.sl.T6]", "labels: {debt: Loan balance, value.sl.T6: Book value}",
                     "x: {label: Years after purchase}"]
        let output = try build(miniSite(chapter: chapter(withChart: lines)))
        let page = try #require(text(output, "intro/index.html"))
        let csv = try #require(text(output, "data/collateral.csv"))
        for leaked in ["value.sl.T6", "debt (", "0.0833333", "e-0"] {
            #expect(!page.contains(leaked), "page shows \(leaked)")
            #expect(!csv.contains(leaked), "CSV shows \(leaked)")
        }
        #expect(page.contains("<th scope=\"col\">Loan balance</th>"))
        // 73 monthly rows: the page shows every 2nd (0, 2 months, …), the CSV all of them.
        #expect(page.contains("<th scope=\"row\">2\u{202F}months</th>") && page.contains("Every 2nd of 73 rows"))
        // "Years after purchase" names its unit already: no "(years)" after it.
        #expect(csv.contains("Years after purchase,Loan balance ($ billions),Book value ($ billions)\n"))
        #expect(csv.hasPrefix("# \u{201C}T\u{201D}\n# Illustrative model, not data."))
    }

    @Test func aChinesePagesTableAndCSVSpeakChinese() throws {
        let lines = ["id: collateral", "title: 抵押品", "caption: 說明。", "model: gpuCollateral",
                     "series: [debt, value.sl.T6]", "labels: {debt: 貸款餘額, value.sl.T6: 帳面價值}",
                     "x: {label: 購入後年數}"]
        let output = try build(miniSite(chapter: chapter(withChart: lines), config: "title: 測試\nlanguage: zh-Hant\n"))
        let page = try #require(text(output, "intro/index.html"))
        let csv = try #require(text(output, "data/collateral.csv"))
        // The table's cells say 億美元 themselves, so its heading does not add the CSV's 十億美元 (a reader would
        // multiply); the CSV, whose fields are in billions, keeps it.
        #expect(page.contains("<th scope=\"col\">貸款餘額</th>"))
        #expect(page.contains("每2列顯示1列，共73列"))
        #expect(csv.hasPrefix("# 「抵押品」\n# 示意模型，並非實際資料。"))
        // 購入後年數 counts years already: no （年） after it.
        #expect(csv.contains("\n購入後年數,貸款餘額（十億美元）,帳面價值（十億美元）\n"))
        // The table and its note (the SVG's own words are the chart code's).
        let start = try #require(page.range(of: "<div class=\"table-scroll\""))
        let end = try #require(page.range(of: "</p>", range: start.upperBound..<page.endIndex))
        let table = String(page[start.lowerBound..<end.upperBound])
        for english in ["Every ", "Illustrative", "billions", "Settings:", "Year"] {
            #expect(!table.contains(english) && !csv.contains(english), "\(english) in a Chinese table or CSV")
        }
        // Cells print numbers as the Chinese chart does: 億美元 and 年/個月, never "$27.3 B" or "1 year 2 months";
        // the table of values is kept from wrapping inside them by its class (values and x values: nw nx).
        #expect(table.hasPrefix("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"資料表：抵押品\"><table class=\"nw nx\">"))
        #expect(table.contains("<th scope=\"row\">2個月</th>") && table.contains("<th scope=\"row\">1年2個月</th>"))
        #expect(table.contains("億美元</td>") && !table.contains("nobr"))
        for english in ["$", "\u{202F}B", "year", "month"] {
            #expect(!table.contains(english), "\(english) in a Chinese table's cells")
        }
    }

    @Test func aChineseCategoryTableHeadsItsFirstColumnAndPrintsPercentagesInChinese() throws {
        // No `first-column:` and no x label: the model's x unit ("category") is headed from the translations file.
        let lines = ["id: loop", "title: 迴圈", "caption: 說明。", "model: circularFlows", "kind: bar", "series: [share]",
                     "labels: {share: 循環資金占比}"]
        let output = try build(miniSite(chapter: chapter(withChart: lines), config: "title: 測試\nlanguage: zh-Hant\n"))
        let page = try #require(text(output, "intro/index.html"))
        let start = try #require(page.range(of: "<div class=\"table-scroll\""))
        let end = try #require(page.range(of: "</table>", range: start.upperBound..<page.endIndex))
        let table = String(page[start.lowerBound..<end.upperBound])
        #expect(table.contains("<th scope=\"col\">類別</th>"))
        #expect(table.hasPrefix("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"資料表：迴圈\"><table class=\"nw\">"))
        #expect(table.contains("%</td>") && !table.contains("\u{202F}%"), "42%, not 42 %")
        #expect(!table.contains("Category"))
        let english = try build(miniSite(chapter: chapter(withChart: lines)))
        #expect(text(english, "intro/index.html")?.contains("<th scope=\"col\">Category</th>") == true)
    }

    @Test func anXOriginCountsTheAxisTableAndCSVFromIt() throws {
        let lines = ["id: bond", "title: T", "caption: C.", "model: leaseSPV", "series: [debtBalance]",
                     "labels: {debtBalance: Bond owed}", "x: {label: Years after the lease starts, origin: 2025}",
                     "annotations:", "  - {type: event, x: 16, label: Guarantee ends}"]
        let output = try build(miniSite(chapter: chapter(withChart: lines)))
        let page = try #require(text(output, "intro/index.html"))
        let csv = try #require(text(output, "data/bond.csv"))
        #expect(!svgTexts(page).contains { $0.hasPrefix("20") && $0.count == 4 }, "no calendar year is printed")
        #expect(svgTexts(page).contains("Guarantee ends") && svgTexts(page).contains("10"))
        #expect(csv.contains("Years after the lease starts,Bond owed ($ billions)\n0,27.3\n1,"))
    }

    @Test func anOriginOnTheValueAxisIsAnError() {
        let lines = ["id: bond", "title: T", "caption: C.", "model: leaseSPV", "series: [debtBalance]", "y: {origin: 5}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.count == 1 && problems.first?.message.contains("unknown key 'origin'") == true)
    }

    @Test func aRangeDrawnAtOneXKeepsBothEndsInTheTable() throws {
        let data = csvFile("rent.csv", "# Source: S.\nmonth,range,price\n2023-07,8,\n2023-07,12,\n2024-10,,2\n")
        let chart = chapter(withChart: ["id: rent", "title: T", "caption: \"C. Source: S.\"", "data: rent.csv", "kind: line",
                                        "y: {format: usd}"])
        let output = try build(miniSite(chapter: chart, data: [data]))
        let csv = try #require(text(output, "data/rent.csv"))
        #expect(csv.contains("2023-07,8,\n2023-07,12,\n2024-10,,2\n"))
        // The page's table reads the range in one row, as the chart draws it (review 12 S7: two rows of one month).
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<tr><th scope=\"row\">Jul 2023</th><td>$8.00\u{2013}$12.00</td><td>\u{2013}</td></tr>"), "\(page)")
        #expect(page.components(separatedBy: "<th scope=\"row\">Jul 2023</th>").count == 2)
    }

    @Test func aHeadingThatNamesItsUnitDoesNotRepeatIt() throws {
        let data = csvFile("share.csv", "# Source: S.\nmeasure,Share (%)\nA,30\nB,70\n")
        let chart = chapter(withChart: ["id: share", "title: T", "caption: \"C. Source: S.\"", "data: share.csv", "kind: bar",
                                        "y: {format: percent}"])
        let output = try build(miniSite(chapter: chart, data: [data]))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<th scope=\"col\">Share (%)</th>") && !page.contains("(%) (%)"))
    }

    @Test func aLoneUnlabelledDataColumnIsHeadedAsTheValueAxisIsTitled() throws {
        let data = csvFile("fibre.csv", "# Source: S.\nitem,percent\nBuilt,100\nIn use,2.6\n")
        let chart = chapter(withChart: ["id: fibre", "title: T", "caption: \"C. Source: S.\"", "data: fibre.csv", "kind: bar",
                                        "y: {label: Share of capacity, format: percent}"])
        let output = try build(miniSite(chapter: chart, data: [data]))
        let csv = try #require(text(output, "data/fibre.csv"))
        #expect(csv.contains("\nItem,Share of capacity (%)\nBuilt,100\n"))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<th scope=\"col\">Item</th><th scope=\"col\">Share of capacity</th>"))
    }

    @Test func aColumnNamedForTheUnitInWordsIsNotGivenTheSymbolToo() throws {
        let data = csvFile("fibre.csv", "# Source: S.\nitem,percent\nBuilt,100\nIn use,2.6\n")
        let chart = chapter(withChart: ["id: fibre", "title: T", "caption: \"C. Source: S.\"", "data: fibre.csv", "kind: bar",
                                        "y: {format: percent}"])
        let csv = try #require(text(try build(miniSite(chapter: chart, data: [data])), "data/fibre.csv"))
        #expect(csv.contains("\nItem,Percent\n"))
    }

    @Test func dataColumnNamesStartWithACapitalAndLabelsStayAsWritten() throws {
        let data = csvFile("sales.csv", "# Source: S.\nperiod,revenue,iPhone sales,loss\nH1,1,2,3\nH2,4,5,6\n")
        let chart = chapter(withChart: ["id: sales", "title: T", "caption: \"C. Source: S.\"", "data: sales.csv",
                                        "kind: grouped-bar", "labels: {loss: loss before tax}",
                                        "y: {label: $ billions, format: usd-bn}"])
        let csv = try #require(text(try build(miniSite(chapter: chart, data: [data])), "data/sales.csv"))
        #expect(csv.contains("\nPeriod,Revenue ($ billions),iPhone sales ($ billions),loss before tax ($ billions)\n"))
    }

    @Test(arguments: [("年", "購入後年數", true), ("個月", "距高點的月數", true), ("年", "貸款餘額", false),
                      ("%", "Share, per cent", true), ("%", "Percentage of loans", true), ("%", "Equity (0–5 %)", false)])
    func aHeadingCanNameItsUnitInWords(_ unit: String, _ heading: String, _ names: Bool) {
        #expect(FigureTable.headingNames(unit, heading: heading) == names)
    }

    @Test func laterScenarioVariantsNameTheirSVGsByTheFirstOnesTitleAndCaption() throws {
        let lines = ["id: bond", "title: T", "caption: A long caption.", "model: leaseSPV", "series: [debtBalance]",
                     "scenarios: [base, severe]"]
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines))), "intro/index.html"))
        // The caption once, in the figcaption, which every SVG of the figure points at; the title once, in the first.
        #expect(page.components(separatedBy: "A long caption.").count == 2, "the caption once")
        #expect(page.contains("<figcaption id=\"figure-bond-caption\">A long caption.</figcaption>"))
        #expect(page.contains("id=\"chart-bond-severe-svg\"")
                && page.components(separatedBy: "aria-labelledby=\"chart-bond-title\" aria-describedby=\"figure-bond-caption\"").count == 5)
    }

    @Test func longTablesSayWhichRowsTheyShowWithARealOrdinal() {
        #expect(ordinal(2) == "2nd" && ordinal(3) == "3rd" && ordinal(63) == "63rd" && ordinal(11) == "11th"
                && ordinal(12) == "12th" && ordinal(21) == "21st" && ordinal(4) == "4th")
    }

    @Test func everyDrawnSeriesIsInTheTableEvenOnAnotherGrid() throws {
        // debtBalance is a stock (years 0…T), rvgIfLeaveNow a flow (years 1…T): both are drawn, both are tabled.
        let lines = ["id: bond", "title: T", "caption: C.", "model: leaseSPV",
                     "series: [debtBalance, rvgIfLeaveNow]", "labels: {debtBalance: Bond owed, rvgIfLeaveNow: Guarantee}"]
        let output = try build(miniSite(chapter: chapter(withChart: lines)))
        let csv = try #require(text(output, "data/bond.csv"))
        #expect(csv.contains("Bond owed ($ billions)") && csv.contains("Guarantee ($ billions)"))
    }

    @Test func everyVariantsSettingsLineNamesTheSameParametersInWords() throws {
        // The displacement model's scenario descriptions use symbols (α_max, r_N): the lines never do.
        let lines = ["id: jobs", "title: T", "caption: C.", "model: displacement", "kind: line", "series: [laborShare]",
                     "scenarios: [benign, base, severe]"]
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines))), "intro/index.html"))
        let settings = page.components(separatedBy: "<p class=\"chart-parameters\">").dropFirst().map {
            String($0[..<$0.range(of: "</p>")!.lowerBound])
        }
        #expect(settings.count == 3)
        for line in settings {
            #expect(line.contains("share of tasks automated in the end") && line.contains("new tasks for workers"), "\(line)")
            for symbol in ["α", "r_N", "alphaMax", "rN", "(dflt)", "_"] { #expect(!line.contains(symbol), "\(line)") }
        }
        #expect(settings.contains { $0.hasPrefix("<b>Base:</b>") && $0.contains("55\u{202F}%") })
        // Where the share starts is said beside where it ends (reader 17 S3: "44.6 %" read as ten times the prose's 4.6 %).
        #expect(settings.contains { $0.hasPrefix("<b>Benign:</b>")
            && $0.contains("share of tasks automated in the end: 44.6\u{202F}% (from 40\u{202F}%)") }, "\(settings)")
    }

    @Test func aParameterThatChangesNothingTheChartDrawsIsLeftOffTheSettingsLines() throws {
        // The chip-loan model's "burry" scenario shortens the accounting lives and the value's half-life; a chart of
        // loan-to-value on market-like value draws only the half-life's effect, so only that one is named.
        func settings(_ series: String?) throws -> [String] {
            let lines = ["id: ltv", "title: T", "caption: C.", "model: gpuCollateral", "kind: line", "scenarios: [base, burry]"]
                + (series.map { ["series: [\($0)]"] } ?? [])
            let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines))), "intro/index.html"))
            return page.components(separatedBy: "<p class=\"chart-parameters\">").dropFirst().map {
                String($0[..<$0.range(of: "</p>")!.lowerBound])
            }
        }
        let market = try settings("ltv.exp")
        #expect(market.count == 2)
        for line in market {
            #expect(line.contains("time for the value to halve") && !line.contains("accounting lives"), "\(line)")
        }
        // A chart of every value line (book values over each accounting life, market value) names both.
        let all = try settings(nil)
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0.contains("accounting lives") && $0.contains("time for the value to halve") })
        // A parameter the block sets is always named, whatever it changes.
        let line = ParameterLine(entry: try ModelRegistry.standard.model(named: "gpuCollateral"))
        let wanted: [FigureRequest.ScenarioRequest] = [.init(name: "base", overrides: []), .init(name: "burry", overrides: [])]
        let unseen = line.unseen(in: wanted, blockParams: [Scenario.Override("haircut", .number(0.2))]) { _, _ in true }
        #expect(unseen.contains("bookLives") && !unseen.contains("haircut"))
        #expect(line.unseen(in: wanted, blockParams: []) { _, _ in false }.isEmpty)
        #expect(line.unseen(in: [wanted[0]], blockParams: []) { _, _ in true }.isEmpty)
    }

    @Test func figureWordsGetTypographicQuotesAndLabelsRenameCategories() throws {
        let data = csvFile("q.csv", "item,value\nfirms' cash,3\nother,2\n")
        let lines = ["id: q", "title: \"Firms' \\\"own\\\" cash\"", "caption: \"It's the firms' money. Source: made up.\"",
                     "data: q.csv", "kind: bar", "labels: {other: Everything else}", "claims: [other]"]
        let output = try build(miniSite(chapter: chapter(withChart: lines), data: [data]))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("Firms\u{2019} \u{201C}own\u{201D} cash"))
        #expect(page.contains("It\u{2019}s the firms\u{2019} money."))
        #expect(svgTexts(page).contains("firms\u{2019} cash") && svgTexts(page).contains("Everything else"))
        #expect(!page.contains("firms' cash"))
        let csv = try #require(text(output, "data/q.csv"))
        #expect(csv.contains("Everything else") && csv.contains("Firms\u{2019}"))
    }

    @Test func aValueLabelReplacesTheNumberOnTheBarAndInTheTableButNotInTheCSV() throws {
        // Fig 4.1: the source says "just under 3 %"; no more precise value is sourced, so none is printed.
        let data = csvFile("e.csv", "item,percent\nWorld 2024,1.5\nWorld 2030,3\n")
        let lines = ["id: e", "title: T", "caption: C.", "data: e.csv", "kind: hbar", "labels: {World 2030: IEA 2030}",
                     "value-labels: {World 2030: \"just under 3 %\"}", "x: {format: percent}"]
        let output = try build(miniSite(chapter: chapter(withChart: lines), data: [data]))
        let page = try #require(text(output, "intro/index.html"))
        // On the bar at both widths (the ticks still print numbers).
        #expect(svgTexts(page).filter { $0 == "just under 3\u{202F}%" }.count == 2 && svgTexts(page).contains("1.5\u{202F}%"))
        #expect(page.contains("<td>just under 3\u{202F}%</td>") && !page.contains("<td>3.0\u{202F}%</td>"))
        let csv = try #require(text(output, "data/e.csv"))
        #expect(csv.contains("IEA 2030,3\n"))
    }

    @Test func groupsDrawTheirHeadingsInTheBlocksOrderWithCategoriesRenamedByLabels() throws {
        // Fig 4.1: the world's estimates, then the United States'.
        let data = csvFile("e.csv", "item,percent\nWorld 2024,1.5\nWorld 2030,3\nUS 2023,4.4\n")
        let lines = ["id: e", "title: T", "caption: C.", "data: e.csv", "kind: hbar", "labels: {World 2030: IEA 2030}",
                     "groups: {World: [World 2024, IEA 2030], United States: [US 2023]}", "x: {format: percent}"]
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines), data: [data])), "intro/index.html"))
        let texts = svgTexts(page)
        // Each heading at both widths, the world's first.
        #expect(texts.filter { $0 == "World" }.count == 2 && texts.filter { $0 == "United States" }.count == 2)
        #expect(texts.firstIndex(of: "World")! < texts.firstIndex(of: "United States")!)
    }

    @Test func groupsOutOfTheDataOrderAreAnErrorAtTheirLine() {
        let data = csvFile("e.csv", "item,percent\nWorld 2024,1.5\nWorld 2030,3\nUS 2023,4.4\n")
        let lines = ["id: e", "title: T", "caption: C.", "data: e.csv", "kind: hbar",
                     "groups: {US: [US 2023], World: [World 2024, World 2030]}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines), data: [data]))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("'groups' must list every category once, in the data's order") == true)
        #expect(problems.first.map { "\($0.line)" } == "12")
    }

    @Test func aValueLabelForNoCategoryIsAnErrorAtItsLine() {
        let data = csvFile("e.csv", "item,percent\nWorld 2024,1.5\nWorld 2030,3\n")
        let lines = ["id: e", "title: T", "caption: C.", "data: e.csv", "kind: hbar",
                     "value-labels: {World 2031: \"just under 3 %\"}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines), data: [data]))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("'value-labels' names 'World 2031', which is not a category") == true)
        #expect(problems.first.map { "\($0.line)" } == "12")
    }

    @Test func valueLabelsOnAChartThatPrintsNoSingleValuePerBarAreAnError() {
        let data = csvFile("g.csv", "item,a,b\nX,1,2\nY,3,4\n")
        let lines = ["id: g", "title: T", "caption: C.", "data: g.csv", "kind: grouped-bar", "value-labels: {X: about 1}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines), data: [data]))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("'value-labels'") == true)
    }

    @Test func firstColumnNamesTheCategoryColumnOfTableAndCSV() throws {
        let lines = ["id: s", "title: T", "caption: C.", "model: fireSale", "kind: bar", "series: [glt.S]",
                     "y: {format: fraction}", "first-column: Type of holder"]
        let output = try build(miniSite(chapter: chapter(withChart: lines)))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<th scope=\"col\">Type of holder</th>") && !page.contains(">Category</th>"))
        #expect(try #require(text(output, "data/s.csv")).contains("\nType of holder,"))
        // Without it the model's word stays.
        let plain = try #require(text(try build(miniSite(chapter: chapter(withChart: Array(lines.dropLast())))), "intro/index.html"))
        #expect(plain.contains(">Category</th>"))
    }

    @Test func barLabelsAndTheirTableShareOneNumberOfDecimals() throws {
        // Fig 10.5 printed 2.24 %, 0.60 % and 0 % side by side. Exactly nothing is "0 %" (review 13: "0.0 %" reads as a
        // small amount rounded away); the others share one number of decimals.
        let lines = ["id: s", "title: T", "caption: C.", "model: fireSale", "kind: bar", "series: [glt.S]",
                     "y: {format: fraction}"]
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines))), "intro/index.html"))
        let cells = page.components(separatedBy: "<td>").dropFirst().map { String($0[..<$0.range(of: "</td>")!.lowerBound]) }
        #expect(cells.count == 4)
        #expect(cells.contains("0\u{202F}%"))
        let decimals = Set(cells.filter { $0 != "0\u{202F}%" }.map { $0.split(separator: "\u{202F}")[0].split(separator: ".").dropFirst().first?.count ?? 0 })
        #expect(decimals.count == 1, "\(cells)")
        let labels = svgTexts(page).filter { $0.hasSuffix("%") && !$0.contains(" ") && cells.contains($0) }
        #expect(Set(labels) == Set(cells), "\(labels) vs \(cells)")
    }

    @Test func typographicQuotesOpenAndCloseByTheirNeighbours() {
        #expect(typographic("\"bubbly\" setting") == "\u{201C}bubbly\u{201D} setting")
        #expect(typographic("OpenAI's losses") == "OpenAI\u{2019}s losses")
        #expect(typographic("the '90s ('a' test)") == "the \u{2019}90s (\u{2018}a\u{2019} test)")
        #expect(typographic("no quotes") == "no quotes")
        #expect(typographic("growing 50 % a year, 100% and % alone") == "growing 50\u{202F}% a year, 100% and % alone")
    }

    @Test func theSettingsLineIsInPlainWordsAndUsesAScenariosDescriptionOnlyUnchanged() throws {
        let lines = ["id: losses", "title: T", "caption: C.", "model: tranching", "kind: line",
                     "series: [lhp.trancheEL.0-5]", "labels: {lhp.trancheEL.0-5: Equity}",
                     "params: {p: 0.05}", "scenarios: [base, stressed]"]
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines))), "intro/index.html"))
        let settings = page.components(separatedBy: "<p class=\"chart-parameters\">").dropFirst().map {
            String($0[..<$0.range(of: "</p>")!.lowerBound])
        }
        #expect(settings.count == 2)
        #expect(settings.contains("<b>Stressed:</b> default probability: 5\u{202F}%; correlation: 0.6"))
        for line in settings {
            for symbol in ["rho", "(p)", "ρ", "lease", "(dflt)", " = "] { #expect(!line.contains(symbol), "\(line)") }
        }
    }

    @Test func theDefaultScenarioIsCheckedAndEachVariantMayHaveItsOwnCaption() throws {
        let lines = ["id: loss", "title: T", "caption: C.", "model: tranching", "kind: line", "series: [lhp.trancheEL.0-5]",
                     "labels: {lhp.trancheEL.0-5: Equity, calm: Calm}", "scenarios: [calm, base, stressed]",
                     "captions: {calm: \"Calm sentence.\"}"]
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines))), "intro/index.html"))
        #expect(page.contains("id=\"loss-s2\" checked"))
        #expect(!page.contains("id=\"loss-s1\" checked"))
        #expect(page.contains("<p class=\"chart-variant-caption\"><b>Calm:</b> Calm sentence.</p>"))
    }

    @Test func captionsAndDefaultMustNameScenarios() {
        let lines = ["id: loss", "title: T", "caption: C.", "model: tranching", "scenarios: [calm, stressed]",
                     "default: base", "captions: {clam: \"x\"}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.map(\.line).sorted() == [12, 13])
        #expect(problems.contains { $0.hint?.contains("calm") == true })
    }

    @Test func overlaidScenariosShareOneAxisAndAreAllInTheTable() throws {
        let lines = ["id: labour", "title: T", "caption: C.", "model: displacement", "series: [laborShare]",
                     "labels: {laborShare: Labour share}", "scenarios: [benign, base, severe]", "overlay: true"]
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines))), "intro/index.html"))
        #expect(page.contains("<th scope=\"col\">Benign</th><th scope=\"col\">Base</th><th scope=\"col\">Severe</th>")
                || page.contains("<th scope=\"col\">Base</th>"))
        // Every variant's wide chart has the same y ticks.
        let variants = page.components(separatedBy: "<div class=\"chart-wide\">").dropFirst().map { piece in
            String(piece[piece.range(of: "ch-y-axis")!.lowerBound..<piece.range(of: "</g>")!.lowerBound])
        }
        #expect(variants.count == 3)
        let ticks = variants.map { svgTexts("<svg>" + $0) }
        #expect(ticks.allSatisfy { $0 == ticks[0] })
        #expect(page.components(separatedBy: "ch-ghost-line").count > 3)
    }

    @Test func aWaterfallTotalMustMatchItsSteps() {
        let data = csvFile("left.csv", "step,value\nDeposits,100\nRun,-57\nLeft,43\n")
        let lines = ["id: left", "title: T", "caption: C.", "data: left.csv", "kind: waterfall", "totals: [Left]"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines), data: [data]))
        #expect(problems.count == 0)
        let wrong = csvFile("left.csv", "step,value\nDeposits,100\nRun,-57\nLeft,86\n")
        let failed = diagnostics(of: miniSite(chapter: chapter(withChart: lines), data: [wrong]))
        #expect(failed.count == 1)
        #expect(failed.first?.line == 12)
        #expect(failed.first?.message.contains("add up to 43") == true)
    }

    @Test func aWaterfallTotalThatPaysOutWhatIsLeftIsShownAsWhatIsLeft() throws {
        let data = csvFile("left.csv", "step,value\nDeposits,100\nRun,-57\nPaid out,-43\n")
        let lines = ["id: left", "title: T", "caption: C.", "data: left.csv", "kind: waterfall", "totals: [Deposits, Paid out]"]
        let output = try build(miniSite(chapter: chapter(withChart: lines), data: [data]))
        #expect(text(output, "data/left.csv")?.hasSuffix("Deposits,100\nRun,-57\nPaid out,43\n") == true)
        #expect(svgTexts(try #require(text(output, "intro/index.html"))).contains("43"))
        // A total that is neither what is left nor its payment is still an error.
        let wrong = csvFile("left.csv", "step,value\nDeposits,100\nRun,-57\nPaid out,-40\n")
        #expect(diagnostics(of: miniSite(chapter: chapter(withChart: lines), data: [wrong])).first?.message.contains("add up to 43") == true)
    }

    @Test func aHeatmapTakesTextRowLabels() throws {
        let data = csvFile("banks.csv", "bank,2021,2022\nFirst Bank,1,2\nSecond Bank,3,4\n")
        let lines = ["id: banks", "title: T", "caption: C.", "data: banks.csv", "kind: heatmap"]
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines), data: [data])), "intro/index.html"))
        #expect(svgTexts(page).contains("First Bank") && svgTexts(page).contains("2022"))
    }

    @Test func anAnnotationABarChartCannotPlaceIsAnErrorAtItsLine() {
        let data = csvFile("banks.csv", "year,suspensions\n1929,659\n1930,1350\n1931,2293\n")
        let lines = ["id: banks", "title: T", "caption: C.", "data: banks.csv", "kind: bar", "annotations:",
                     "  - {type: event, x: 1934, label: FDIC opens}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines), data: [data]))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 13)
        let inside = lines.dropLast() + ["  - {type: event, x: 1930, label: FDIC opens}"]
        #expect(diagnostics(of: miniSite(chapter: chapter(withChart: Array(inside)), data: [data])).isEmpty)
    }

    @Test func aMistakeRepeatedInEveryScenarioIsReportedOnce() {
        let lines = ["id: loss", "title: T", "caption: C.", "model: tranching", "params: {withdrawals: 3}",
                     "scenarios: [calm, stressed]"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.count == 1)
    }

    /// Correction M6: a fire-sale cascade cut short by maxRounds is a build warning at the block's maxRounds entry
    /// (audit 8: the chart said only "rounds of selling at most: 2"). The site still builds.
    @Test func aFireSaleCascadeCutShortIsAWarningAtMaxRounds() throws {
        let chapter = "---\ntitle: Intro\n---\nIntro.\n\n```chart\nid: fs\ntitle: Prices\ncaption: Illustrative model, not a forecast.\n"
            + "model: fireSale\nkind: line\nseries: [price.ai-equities]\nparams: {maxRounds: 2}\n```\n"
        let output = try build(miniSite(chapter: chapter))
        #expect(output.warnings.filter { $0.message.hasPrefix("fireSale") } == [Diagnostic(
            file: "content/01-intro.md", line: 13, column: 10,
            message: "fireSale: the cascade was cut short at maxRounds = 2: forced sales of $53.2B in round 2 were still to "
                + "move prices, so the losses and prices shown are not final",
            hint: "raise maxRounds (up to 100000; the selling stops by itself once a round loses less than 1e-6 of the "
                + "total), or say in the caption that the chart stops while prices are still falling",
            severity: .warning)])
        let uncapped = try build(miniSite(chapter: chapter.replacingOccurrences(of: "params: {maxRounds: 2}\n", with: "")))
        #expect(!uncapped.warnings.contains { $0.message.hasPrefix("fireSale") })
    }

    /// Correction M3: a Monte Carlo that reached no tranche gives mc.trancheEL no value at all; a chart of it is refused
    /// at the series' name, pointing to mc.trancheUpper95, instead of drawing "0 ± 0". Where only some tranches were
    /// reached, the others are missing: "–" in the table, an empty CSV field.
    @Test func aMonteCarloThatReachedNoTrancheIsRefusedAtTheSeries() throws {
        let lines = ["id: mc", "title: Rare tranches", "caption: Illustrative model, not a forecast.", "model: tranching",
                     "kind: bar", "series: [mc.trancheEL]", "params: {p: 0.000001, rho: 0, paths: 1000}"]
        #expect(diagnostics(of: miniSite(chapter: chapter(withChart: lines))) == [Diagnostic(
            file: "content/01-intro.md", line: 12, column: 10,
            message: "tranching: series 'mc.trancheEL' has no value here: no Monte Carlo path of 1000 reached any tranche "
                + "(no samples; an expected loss of 0 ± 0 would claim a certainty the paths do not give)",
            hint: "show mc.trancheUpper95, each tranche's 95 % upper bound (here 3/paths = 0.003), or raise paths")])
        var some = lines
        some[6] = "params: {rho: 0.1, paths: 1000}"
        let output = try build(miniSite(chapter: chapter(withChart: some)))
        let csv = try #require(text(output, "data/mc.csv"))
        #expect(csv.contains("\n15-30,\n30-100,\n") || csv.hasSuffix("15-30,\n30-100,\n"))
    }
}

/// Wide data tables scroll sideways: keyboard users reach them, and screen readers name them.
@Suite struct FigureTableRegionTests {
    @Test func aFigureDataTableIsAFocusableRegionNamedByTheFigure() throws {
        let page = "---\ntitle: Charts\n---\nIntro.\n\n```chart\nid: bond\ntitle: Bond owed\ncaption: C.\nmodel: leaseSPV\n"
            + "series: [debtBalance]\n```\n"
        let html = try #require(text(try build(miniSite(chapter: page)), "intro/index.html"))
        #expect(html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Data table: Bond owed\"><table"))
        #expect(!html.contains("<div class=\"table-scroll\">"))
    }

    @Test func anEmptyHeadingAboveRowNamesIsAPlainCell() throws {
        let page = "---\ntitle: Tables\n---\n| | Book | Market |\n|---|---|---|\n| Life | 6 | 3 |\n"
        let html = try #require(text(try build(miniSite(chapter: page)), "intro/index.html"))
        #expect(html.contains("<td></td>\n<th>Book</th>"))
        #expect(!html.contains("<th></th>"))
        // The column under it heads its rows (QA 16 N2: Tables 7.1 and 10.1 had no row headers).
        #expect(html.contains("<th scope=\"row\">Life</th>\n<td>6</td>"), "\(html)")
    }
}

/// The faint lines of an overlaid figure keep each scenario's dashes (review 17, Fig 7.4): two grey lines that end
/// together are told apart by their line style, as the chosen scenario's line is.
@Suite struct GhostDashTests {
    @Test func eachScenariosFaintLineKeepsItsOwnDashes() throws {
        let page = "---\ntitle: Charts\n---\nIntro.\n\n```chart\nid: ltv\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n"
            + "kind: line\nseries: [ltv.exp]\noverlay: true\nscenarios: [base, burry]\n```\n"
        let html = try #require(text(try build(miniSite(chapter: page)), "intro/index.html"))
        // Base (solid when chosen) is drawn faint and solid under Burry; Burry (dashed "8 4") faint and dashed under Base.
        #expect(html.contains("class=\"ch-line ch-ghost-line ch-d2\""))
        #expect(html.contains("class=\"ch-line ch-ghost-line ch-d1\""))
    }
}

/// Settings lines read as sentences (review 21).
@Suite struct SettingsLineWordsTests {
    private func settings(_ config: String?, lines: [String]) throws -> String {
        let page = "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
        let html = try #require(text(try build(miniSite(chapter: page, config: config)), "intro/index.html"))
        let start = try #require(html.range(of: "<p class=\"chart-parameters\">"))
        return String(html[start.upperBound...].prefix { $0 != "\n" }).replacingOccurrences(of: "<span class=\"nobr\">", with: "")
            .replacingOccurrences(of: "</span>", with: "")
    }

    @Test func itemsRenamedForTheLegendAreNotCapitalisedMidSentence() throws {
        let line = try settings(nil, lines: ["id: sale", "title: T", "caption: C.", "model: fireSale",
                                             "params: {shock: [-0.3, -0.03, -0.1, 0]}",
                                             "labels: {AI equities: AI stocks, DC debt senior: Senior data-center debt, other bonds: Other bonds}"])
        #expect(line.contains("AI stocks −30\u{202F}%, senior data-center debt −3\u{202F}%"), "\(line)")
        #expect(line.contains("other bonds 0\u{202F}%"), "\(line)")
    }

    @Test func aChineseSettingsLineSetsNoSpaceBetweenAChineseNameAndItsAmount() throws {
        let line = try settings("title: 測試\nlanguage: zh-Hant\n", lines: [
            "id: loop", "title: 迴圈", "caption: 說明。", "model: circularFlows", "kind: grouped-bar",
            "series: [share.cycled]", "labels: {Oracle: 甲骨文, Nvidia: 輝達}", "params: {flows: [[0, 60, 0], [0, 0, 20], [20, 0, 0]]}"])
        #expect(line.contains("OpenAI給甲骨文600億美元"), "\(line)")
        #expect(line.contains("輝達給OpenAI 200億美元"), "\(line)")
    }
}
