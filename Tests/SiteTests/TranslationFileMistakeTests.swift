import Testing
@testable import Site

/// Trial 13 (S2): mistakes in a site's own `templates/i18n/de.yml` passed silently and changed every page: eleven short
/// month names gave English months in every chart, thirteen names gave "20. 11 2026", `Kapitel {nr}` was printed as
/// written, and `readingTime` without `{n}` lost its number.
@Suite struct TranslationFileMistakes {
    private let english = starterTemplates.first { $0.path == "templates/i18n/en.yml" }!.text

    /// A German site whose `de.yml` is explainer's English file with `change` made to it.
    private func site(_ change: (String) -> String) -> SourceTree {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: "title: T\nlanguage: de\n")
        let german = english.replacingOccurrences(of: "languageName: English", with: "languageName: Deutsch")
        site.translations = [SourceFile(path: "templates/i18n/de.yml", text: change(german))]
        return site
    }

    private func line(of key: String) -> Int {
        english.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(key + ":") }! + 1
    }

    @Test func elevenShortMonthNamesAreAnErrorAtTheirLine() {
        let found = diagnostics(of: site { $0.replacingOccurrences(of: "Jun, Jul", with: "Jul") })
        #expect(found == [Diagnostic(file: "templates/i18n/de.yml", line: line(of: "monthsShort"), column: 14,
                                     message: "'monthsShort' lists 11 month names, not 12: charts and data tables would show "
                                        + "explainer's English month names instead",
                                     hint: "write the twelve names, January to December, separated by commas (is one left out?)")])
    }

    @Test func thirteenMonthNamesAreAnError() {
        let found = diagnostics(of: site { $0.replacingOccurrences(of: "November, December", with: "November, November, December") })
        #expect(found.map(\.message) == ["'months' lists 13 month names, not 12: dates would show the month's number instead of its name"])
        #expect(found.first?.hint?.hasSuffix("(is one written twice?)") == true)
        #expect(found.first?.line == line(of: "months"))
    }

    @Test func aTrailingCommaIsCountedAsAnEmptyMonthNameNotAsTheTwelfth() {
        let found = diagnostics(of: site { $0.replacingOccurrences(of: "November, December", with: "November, December,") })
        #expect(found.map(\.message) == ["'months' lists 12 month names and an empty one (a comma too many?): dates would show "
                                            + "the month's number instead of its name"])
        #expect(found.first?.hint == "write the twelve names, January to December, separated by commas")
    }

    @Test func monthNamesSeparatedByAnInputMethodsCommaGetThatCommaNamed() {
        let found = diagnostics(of: site { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("months:") ? line.replacingOccurrences(of: ", ", with: "、") : String(line)
            }.joined(separator: "\n")
        })
        #expect(found.map(\.message) == ["'months' lists 1 month name, not 12: dates would show the month's number instead of its name"])
        #expect(found.first?.hint?.hasSuffix("separated by commas ',' (the '、' of an input method does not separate them)") == true)
    }

    @Test func anUnknownPlaceholderIsAnErrorThatNamesTheOneTheTextTakes() {
        let found = diagnostics(of: site { $0.replacingOccurrences(of: "chapterNumber: Chapter {n}", with: "chapterNumber: Kapitel {nr}") })
        #expect(found == [Diagnostic(file: "templates/i18n/de.yml", line: line(of: "chapterNumber"), column: 16,
                                     message: "'chapterNumber' has the placeholder {nr}, which the build does not fill in: "
                                        + "the pages would show '{nr}' as written",
                                     hint: "this text takes {n} (explainer's English: \"Chapter {n}\")")])
    }

    /// Trial 14 (S6): a placeholder translated with its text (`{번호}`, `{numéro}`) was only "leaves out {n}", a warning,
    /// and the pages printed "제{번호}장".
    @Test(arguments: ["제{번호}장", "Chapitre {numéro}"])
    func aPlaceholderTranslatedWithItsTextIsAnError(_ text: String) {
        let found = diagnostics(of: site { $0.replacingOccurrences(of: "chapterNumber: Chapter {n}", with: "chapterNumber: \(text)") })
        let name = text.split(separator: "{")[1].split(separator: "}")[0]
        #expect(found.map(\.message) == ["'chapterNumber' has the placeholder {\(name)}, which the build does not fill in: "
                                            + "the pages would show '{\(name)}' as written"])
    }

    /// Recheck 13 R6: "Alle Kapitel" says all it needs without the count.
    @Test func allChaptersWithoutItsCountIsNoWarning() throws {
        let german = site { $0.replacingOccurrences(of: "allChapters: \"All {n} chapters\"", with: "allChapters: \"Alle Kapitel\"") }
        #expect(german.translations.first.map { String(decoding: $0.bytes, as: UTF8.self) }?.contains("allChapters: \"Alle Kapitel\"") == true)
        let output = try build(german)
        #expect(!output.warnings.contains { $0.message.hasPrefix("'allChapters'") })
    }

    @Test func aTextThatLeavesOutItsNumberIsAWarning() throws {
        let output = try build(site { $0.replacingOccurrences(of: "readingTime: \"{n} min read\"", with: "readingTime: \"Min. Lesezeit\"") })
        let warning = try #require(output.warnings.first { $0.message.hasPrefix("'readingTime'") })
        #expect(warning.message == "'readingTime' leaves out {n}: the pages would show 'Min. Lesezeit' without what it stands for")
        #expect(warning.severity == .warning)
        #expect("\(warning.line):\(warning.column)" == "\(line(of: "readingTime")):15")
    }

    @Test func dateFormsWithTheMonthsNumberAndExplainersOwnFilesAreNoMistake() throws {
        let found = try build(site { $0.replacingOccurrences(of: "dateFormat: \"{d} {month} {y}\"", with: "dateFormat: \"{d}.{m}.{y}\"") })
            .warnings.filter { $0.file == "templates/i18n/de.yml" && !$0.message.contains("still explainer's English") }
        #expect(found.isEmpty, "\(found)")
        for file in starterTemplates where file.path.hasPrefix("templates/i18n/") {
            let code = String(file.path.dropFirst("templates/i18n/".count).dropLast(".yml".count))
            let words = try Translations.parse(file.text, code: code, file: file.path)
            let mistakes = words.mistakes(text: file.text)
            #expect(mistakes.errors.isEmpty && mistakes.warnings.isEmpty, "\(file.path): \(mistakes)")
        }
    }
}
