import Testing
@testable import Site

/// The seventeenth writer trial (a French writer): mistakes that passed in silence or got a misleading message.
@Suite struct TrialSeventeenTests {
    private let csvFile = "content/data/prix.csv"

    private func csvProblems(_ csv: String) -> [Diagnostic] {
        let block = "```chart\nid: prix\ntitle: Prix\ncaption: Annuel.\ndata: prix.csv\nkind: bar\n```\n"
        return diagnostics(of: miniSite(chapter: "---\ntitle: Intro\n---\nTexte.\n\n" + block,
                                        data: [SourceFile(path: csvFile, text: csv)]))
    }

    // M1: `Double("27\u{0}6")` is 27, so the chart drew €27 for 276 without a word.
    @Test func aNULByteInACSVCellIsAnErrorAtItsCharacterNotATruncatedNumber() {
        #expect(csvProblems("year,prix\n2021,109\n2022,27\u{0}6\n") == [
            Diagnostic(file: csvFile, line: 3, column: 8, message: "invisible control character U+0000 (NUL) in the text",
                       hint: "delete it (most editors do not show it; `cat -A \(csvFile)` does); a data file may contain "
                           + "tabs and line breaks, but no other control characters")])
    }

    @Test(arguments: [("\u{0B}", "U+000B (vertical tab)"), ("\u{0C}", "U+000C (form feed)"), ("\u{1B}", "U+001B (escape)")])
    func anInvisibleControlCharacterInACSVCellIsNamedNotCalledNoNumber(_ control: String, _ named: String) {
        let found = csvProblems("year,prix\n2021,109\n2022,27\(control)6\n")
        #expect(found.map(\.message) == ["invisible control character \(named) in the text"])
        #expect(found.map { "\($0.line):\($0.column)" } == ["3:8"])
    }

    @Test func tabsAroundCSVCellsAreNoControlCharacterError() {
        #expect(csvProblems("year,prix\n2021,\t109\n2022,276\t\n").isEmpty)
    }
}
