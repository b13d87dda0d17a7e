import Testing
@testable import Site

/// Percentages drawn with `format: fraction` build, but the axis would run to thousands of percent: a warning at the
/// first such value, naming the chart.
@Suite struct FractionFormatTests {
    func site(csv: String, format: String = "fraction") -> SourceTree {
        let chapter = "---\ntitle: Charts\n---\nIntro.\n\n```chart\nid: shares\ntitle: Shares\ncaption: Made-up numbers.\n"
            + "data: shares.csv\nkind: line\ny: {label: Share, format: \(format)}\n```\n"
        return miniSite(chapter: chapter, data: [SourceFile(path: "content/data/shares.csv", text: csv)])
    }

    @Test func percentagesDrawnAsAFractionAreAWarningAtTheFirstSuchValue() throws {
        let output = try build(site(csv: "# Shares.\nyear,owners\n2020,0\n2021,71\n2022,65\n2023,55\n"))
        #expect(output.warnings == [
            Diagnostic(file: "content/data/shares.csv", line: 4, column: 6,
                       message: "column 'owners' holds 71, drawn as a fraction (format: fraction on the y axis of the chart at "
                           + "content/01-intro.md:12): it would show as 7,100 %",
                       hint: "values look like percentages (71 means 7,100 %): divide by 100, or use format: percent "
                           + "(values already in percent)",
                       severity: .warning),
        ])
    }

    @Test(arguments: ["year,return\n2020,0.12\n2021,-0.9\n2022,0.4\n", "year,return\n2020,0.12\n2021,2.5\n2022,0.4\n2023,0.3\n"])
    func fractionsWithAFewLargeValuesAreNoWarning(_ csv: String) throws {
        #expect(try build(site(csv: csv)).warnings.isEmpty)
    }

    @Test func fractionsDrawnInPercentAreAWarningAtTheFirstNonZeroValue() throws {
        let output = try build(site(csv: "# Shares.\nyear,owners\n2020,0\n2021,0.94\n2022,0.9\n2023,-0.42\n", format: "percent"))
        #expect(output.warnings == [
            Diagnostic(file: "content/data/shares.csv", line: 4, column: 6,
                       message: "column 'owners' holds 0.94, drawn in percent (format: percent on the y axis of the chart at "
                           + "content/01-intro.md:12): it would show as 0.94 %, and every value drawn is between -1 and 1",
                       hint: "values look like fractions (0.94 means 94 %): use format: fraction, which shows them in percent; "
                           + "if they are percentages below 1 %, say so in the column's heading (owners (%)) and keep format: percent",
                       severity: .warning),
        ])
        // One value beyond 1 is percentages.
        #expect(try build(site(csv: "year,owners\n2021,0.94\n2022,1.5\n", format: "percent")).warnings.isEmpty)
        // So is a heading that says so (recheck of trial 11: rates below 1 % had no way to silence it).
        #expect(try build(site(csv: "year,owners (%)\n2021,0.94\n2022,0.5\n", format: "percent")).warnings.isEmpty)
    }

    @Test func percentagesWithFormatPercentAreNoWarning() throws {
        #expect(try build(site(csv: "year,owners\n2021,71\n2022,65\n", format: "percent")).warnings.isEmpty)
    }
}
