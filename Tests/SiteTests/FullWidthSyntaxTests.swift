import Testing
@testable import Site

/// Trial 13 (S3): Markdown signs typed in full-width forms by a Japanese input method passed silently, published as
/// text: `［@key］`, `[＠key]`, `＃＃ 猛暑`, `｛＃id｝`, `表：` captions; a full-width space in YAML got no hint.
@Suite struct FullWidthSyntax {
    private let sources = "dwd-2023:\n  title: Dürremonitor\n  publisher: DWD\n  date: 2023\n"

    private func warnings(_ body: String) throws -> [String] {
        let output = try build(miniSite(chapter: "---\ntitle: 夏\n---\n" + body, sources: sources))
        return output.warnings.filter { $0.file == "content/01-intro.md" }.map { "\($0.line):\($0.column) \($0.message) | \($0.hint ?? "")" }
    }

    @Test func fullWidthCitationSignsAreAWarningWithTheASCIIForm() throws {
        let found = try warnings("下がります［@dwd-2023］。雨[＠dwd-2023]。\n\n本文 [@dwd-2023]。\n")
        #expect(found == [
            "4:6 '［@dwd-2023］' is written with full-width signs for a citation, which Markdown does not read: the page shows it as text"
                + " | write [@dwd-2023] with ASCII characters (switch the input method to half-width, or to direct input, for Markdown's signs)",
            "4:19 '[＠dwd-2023]' is written with full-width signs for a citation, which Markdown does not read: the page shows it as text"
                + " | write [@dwd-2023] with ASCII characters (switch the input method to half-width, or to direct input, for Markdown's signs)",
        ])
    }

    @Test func aFullWidthAtSignAndABareKeyAfterJapaneseTextAreWarnings() throws {
        let found = try warnings("少ないのです＠dwd-2023。\n\n少ないのです@dwd-2023。\n")
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.hasPrefix("4:7 '＠dwd-2023' is written with full-width at sign for a citation") == true)
        #expect(found.first?.contains("| write [@dwd-2023] with ASCII") == true)
        #expect(found.last?.hasPrefix("6:") == true)
        #expect(found.last?.contains("'@dwd-2023' looks like a citation without brackets") == true)
    }

    /// Trial 14 (S10): a link typed with full-width brackets or parentheses, and a table row with full-width bars.
    @Test func fullWidthLinkSignsAndTableBarsAreWarnings() throws {
        let found = try warnings("보기 [변동금리 대출]（02-b.md#대출）와 ［대출］(02-b.md).\n\n｜ 파리 ｜ 30.1 ｜\n\n괄호（설명）와 ［주］(참고).\n")
        #expect(found.count == 3, "\(found)")
        #expect(found.first?.hasPrefix("4:4 '[변동금리 대출]（02-b.md#대출）' is written with full-width brackets or parentheses for a link") == true)
        #expect(found.first?.contains("| write [변동금리 대출](02-b.md#대출) with ASCII") == true)
        #expect(found[1].hasPrefix("4:27 '［대출］(02-b.md)'"))
        #expect(found.last?.hasPrefix("6:1 '｜' is written with full-width vertical bars for a table row") == true)
    }

    @Test func fullWidthHeadingSignsAndIdBracesAreWarnings() throws {
        let found = try warnings("＃＃ 猛暑\n\n## 規模と期間 ｛＃größe-und-dauer｝\n\nText.\n")
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.hasPrefix("4:1 '＃＃' is written with full-width hash signs for a heading") == true)
        #expect(found.first?.contains("| write ## and a space with ASCII") == true)
        #expect(found.last?.hasPrefix("6:10 '｛＃größe-und-dauer｝' is written with full-width braces or hash sign for an id") == true)
        #expect(found.last?.contains("| write {#größe-und-dauer} with ASCII") == true)
    }

    @Test func fullWidthFormsInCodeAndOrdinaryFullWidthTextAreNoWarning() throws {
        #expect(try warnings("```text\n［@dwd-2023］ ＃＃ x\n```\n\n全角の（括弧）と：コロン、［注］は普通の文字。\n").isEmpty)
    }

    /// Recheck 13 R2: ＠ is also Japanese for "at … each", an address's and a handle's sign; ［＾＾］ is a face.
    @Test func aFullWidthAtSignInOrdinaryJapaneseTextIsNoWarning() throws {
        #expect(try warnings("お問い合わせは info＠example.jp まで。りんご＠100円、みかん＠50円。＠JMA_kishou の発表［＾＾］。\n").isEmpty)
    }

    @Test(arguments: ["表:", "表：", "Table："])
    func aCaptionStartedWithAJapaneseWordOrAFullWidthColonIsAWarningThatSaysTable(_ word: String) throws {
        let output = try build(miniSite(chapter: "---\ntitle: Intro\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\(word) 最悪の月\n"))
        let warning = try #require(output.warnings.first)
        #expect(warning.line == 8)
        #expect(warning.message.hasSuffix("is shown as text: a table's caption starts with 'Table:', whatever the page's language"))
        #expect(warning.hint?.hasPrefix("write 'Table:' for '\(word)'") == true, "\(warning)")
    }

    @Test func aFullWidthSpaceIndentingYAMLIsNamedInTheHint() {
        let glossary = "- term: 干ばつ\n  definition: 雨が少ない。\n- term: 土壌水分\n\u{3000}definition: 土の水。\n"
        #expect {
            _ = try YAMLReader(file: "content/ja/glossary.yml", lineOffset: 0).parse(glossary)
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.line == 4 && diagnostic.message.hasPrefix("invalid YAML")
                && diagnostic.hint == "line 4 is indented with a full-width space (U+3000), as a Japanese or Chinese input "
                    + "method types it: YAML indents with ASCII spaces only"
        }
    }
}
