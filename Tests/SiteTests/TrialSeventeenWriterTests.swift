import Testing
@testable import Site

/// The seventeenth writer trial (a French writer): mistakes that passed in silence or got a misleading message.
@Suite struct TrialSeventeenWriterMistakes {
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

// S5: a cell carrying its unit the French way got "leave the cell empty for a missing value".
extension TrialSeventeenWriterMistakes {
    @Test(arguments: [
        ("62,7 %", "write 62.7 and set 'format: percent' on the axis (e.g. y: {format: percent})"),
        ("62,7\u{202F}%", "write 62.7 and set 'format: percent' on the axis (e.g. y: {format: percent})"),
        ("-1,5%", "write -1.5 and set 'format: percent' on the axis (e.g. y: {format: percent})"),
        ("276 €", "write the number alone, 276, and let the axis's format print the currency: format: eur"),
        ("276€", "write the number alone, 276, and let the axis's format print the currency: format: eur"),
        ("€276", "write the number alone, 276, and let the axis's format print the currency: format: eur"),
        ("1 234,5 €", "write the number alone, 1234.5, and let the axis's format print the currency: format: eur"),
        ("276 EUR", "write the number alone, 276, and let the axis's format print the currency: format: eur"),
        ("1,2 Md€", "write the number alone, 1.2 (in billions), and let the axis's format print the currency: format: eur-bn"),
        ("$1.2 B", "write the number alone, 1.2 (in billions), and let the axis's format print the currency: format: usd-bn"),
        ("$1,200", "write the number alone, 1200, and let the axis's format print the currency: format: usd"),
        ("£3.50", "write the number alone, 3.50, and let the axis's format print the currency: format: gbp"),
        ("CHF 12", "write the number alone, 12, and let the axis's format print the currency: format: chf"),
        ("NT$250", "write the number alone, 250, and let the axis's format print the currency: format: twd"),
    ])
    func aCellWithItsUnitGetsTheNumberAndTheFormatThatPrintsTheUnit(_ cell: String, _ hint: String) {
        #expect(numberHint(cell) == hint)
    }

    @Test func aFrenchPercentCellIsToldThePointAndTheFormatAtItsPlace() {
        let found = csvProblems("filiere,part\nNucléaire,\"62,7 %\"\n")
        #expect(found == [Diagnostic(file: csvFile, line: 2, column: 12, message: "'62,7 %' in column 'part' is not a number",
                                     hint: "write 62.7 and set 'format: percent' on the axis (e.g. y: {format: percent})")])
    }
}

// S10: the separator was said only in the hint, under "needs a header row with at least two columns".
extension TrialSeventeenWriterMistakes {
    @Test func aSemicolonSeparatedFileSaysSoInTheMessageAtTheHeaderLine() {
        let found = csvProblems("# Source : RTE.\nyear;prix\n2021;109\n")
        #expect(found == [Diagnostic(file: csvFile, line: 2, column: 1,
                                     message: "data file seems separated by semicolons (';'), not commas: its header reads as one column",
                                     hint: "write commas between the columns, as CSV does (a spreadsheet's 'Save as CSV, "
                                        + "comma-separated' does it)")])
    }

    @Test func semicolonsWithDecimalCommasAreNamedInTheMessage() {
        let found = csvProblems("year;hydro\n2017;53,6\n")
        #expect(found == [Diagnostic(file: csvFile, line: 1, column: 1,
                                     message: "data file seems separated by semicolons (';'), not commas, with decimal commas (53,6): "
                                        + "its header reads as one column",
                                     hint: "write commas between the columns and points in numbers (53,6 → 53.6): a spreadsheet set "
                                        + "to a language that writes decimal commas (French, Spanish, German) exports them so")])
    }

    @Test func aTabSeparatedFileSaysSoAndAnExcelSepLineIsToBeDeleted() {
        #expect(csvProblems("year\tprix\n2021\t109\n").map(\.message)
                == ["data file seems separated by tabs, not commas: its header reads as one column"])
        let found = csvProblems("sep=;\nyear;prix\n2021;109\n")
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:1"])
        #expect(found.first?.hint?.hasSuffix(", and delete the 'sep=;' line above the header") == true, "\(found)")
    }

    @Test(arguments: [[UInt8]([0xFF, 0xFE]), [0xFE, 0xFF]])
    func aUTF16CSVWithAByteOrderMarkIsCalledUTF16(_ mark: [UInt8]) {
        let bigEndian = mark == [0xFE, 0xFF]
        let bytes = mark + Array("year,prix\n".utf16).flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(throws: Diagnostic(file: csvFile, line: 1, column: 1, message: "file is UTF-16 (Excel's 'Unicode text'), not UTF-8",
                                   hint: "save it as UTF-8 CSV: in Excel, File › Save As › 'CSV UTF-8 (Comma delimited)'; in "
                                       + "LibreOffice, 'Text CSV' with the character set 'Unicode (UTF-8)' and ',' between fields")) {
            try decodeText(SourceFile(path: csvFile, bytes: bytes))
        }
    }

    @Test func aUTF16FileWithoutAByteOrderMarkIsCalledUTF16NotNULBytes() {
        let bytes = Array("title: A\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: Diagnostic(file: "content/01-a.md", line: 1, column: 1, message: "file seems to be UTF-16, not UTF-8",
                                   hint: "save it as UTF-8 (your editor's Save As or encoding menu offers it)")) {
            try decodeText(SourceFile(path: "content/01-a.md", bytes: bytes))
        }
    }
}

// S8: `summary: *Important* la sécheresse` got libyaml's "did not find expected alphabetic or numeric character", no hint.
extension TrialSeventeenWriterMistakes {
    private func frontMatterProblems(_ line: String) -> [Diagnostic] {
        diagnostics(of: miniSite(chapter: "---\ntitle: Sécheresse\n\(line)\n---\nTexte.\n"))
    }

    @Test func aSummaryStartingWithEmphasisIsToldToQuoteAndThatEmphasisShowsAsWritten() {
        #expect(frontMatterProblems("summary: *Important* la sécheresse") == [
            Diagnostic(file: "content/01-intro.md", line: 3, column: 10,
                       message: "invalid YAML: YAML reads a value starting with '*' as an alias (a reference to a value named with '&'), not as text",
                       hint: "put the value in quotes: summary: \"*Important* la sécheresse\"; but 'summary' is plain text, where "
                           + "Markdown ('*Important*') would show as written, so write it without the asterisks: summary: Important la sécheresse")])
    }

    @Test(arguments: [("& Co", "'&' as an anchor (a name given to the value), not as text"),
                      ("%50", "'%' as a directive, not as text"),
                      ("@maison", "'@' as a sign YAML reserves, which cannot start a text"),
                      ("|la", "'|' as a block of lines below the key: nothing may follow the '|' on its line")])
    func aValueStartingWithAYAMLIndicatorIsToldToQuote(_ value: String, _ reading: String) {
        #expect(frontMatterProblems("summary: \(value) sèche") == [
            Diagnostic(file: "content/01-intro.md", line: 3, column: 10,
                       message: "invalid YAML: YAML reads a value starting with \(reading)",
                       hint: "put the value in quotes: summary: \"\(value) sèche\"")])
    }

    @Test(arguments: [("&Co", "an anchor (a name given to the value)"), ("!Attention", "a tag (the value's type)")])
    func anAnchorOrTagThatYAMLDropsFromATextIsAnErrorNotASilentlyShorterText(_ word: String, _ reading: String) {
        #expect(frontMatterProblems("summary: \(word) la sécheresse") == [
            Diagnostic(file: "content/01-intro.md", line: 3, column: 10,
                       message: "YAML reads '\(word)' at the start of 'summary' as \(reading), not as text: the page would show 'la sécheresse'",
                       hint: "put the value in quotes: summary: \"\(word) la sécheresse\"")])
    }
}

// S4: `question: … d’électricité&nbsp;?` reached readers as `&nbsp;`.
extension TrialSeventeenWriterMistakes {
    private func questionProblems(_ question: String) -> [Diagnostic] {
        diagnostics(of: miniSite(chapter: "---\ntitle: Sécheresse\nquestion: \(question)\n---\nTexte.\n"))
    }

    @Test func aNoBreakSpaceWrittenAsAnEntityIsAnErrorThatNamesTheCharacter() {
        #expect(questionProblems("Pourquoi la facture d’électricité&nbsp;?") == [
            Diagnostic(file: "content/01-intro.md", line: 3, column: 44,
                       message: "'question' is plain text, not HTML: pages would show '&nbsp;' as written",
                       hint: "type the character itself instead: a no-break space (U+00A0)")])
    }

    @Test(arguments: [("Gaz &amp; pétrole ?", "&amp;", "'&'"), ("Prix&#8239;?", "&#8239;", "a narrow no-break space (U+202F)"),
                      ("\"Le prix&#xA0;?\"", "&#xA0;", "a no-break space (U+00A0)"), ("L&eacute;t&eacute; ?", "&eacute;", "'é'")])
    func aCharacterReferenceInAFrontMatterTextNamesTheCharacterToType(_ question: String, _ written: String, _ character: String) {
        let found = questionProblems(question)
        #expect(found.map(\.message) == ["'question' is plain text, not HTML: pages would show '\(written)' as written"])
        #expect(found.map(\.hint) == ["type the character itself instead: \(character)"])
    }

    @Test(arguments: ["R&D; le bilan ?", "Gaz & pétrole ?", "AT&T ?"])
    func anAmpersandThatIsNoCharacterReferenceIsText(_ question: String) {
        #expect(questionProblems(question).isEmpty)
    }
}
