import Testing
@testable import Site

/// Mistakes of the tenth writer's trial that passed silently or were reported vaguely.
@Suite struct TrialTen {
    private let page = "---\ntitle: Intro\n---\nText.\n"

    private func warnings(_ site: SourceTree) throws -> [Diagnostic] { try build(site).warnings }

    private func chart(_ data: String, extra: String = "") -> String {
        "---\ntitle: Prices\n---\nText.\n\n```chart\nid: p\ntitle: Prices\ncaption: Prices.\ndata: \(data)\n\(extra)```\n"
    }

    // MARK: Languages

    @Test func aWellFormedCodeOfNoLanguageIsAWarningAtTheCode() throws {
        let found = try warnings(miniSite(chapter: page, config: "title: T\nlanguage: xx\n"))
        let warning = try #require(found.first { $0.file == "content/site.yml" })
        #expect(warning.line == 2 && warning.column == 11)
        #expect(warning.message == "'xx' is not a known language: 'xx' is not an ISO 639-1 language code, so browsers and "
            + "screen readers would not know how to read the pages")
        #expect(warning.hint?.hasPrefix("write the language's two-letter code, e.g. en for English") == true)
    }

    @Test func aCodeOfNoLanguageInLanguagesIsAWarningToo() throws {
        var site = miniSite(chapter: page, config: "title: T\nlanguages:\n  - code: en\n  - code: qq-GB\n    fallback: true\n")
        site.translations = []
        let found = try warnings(site)
        #expect(found.contains { $0.file == "content/site.yml" && $0.line == 4 && $0.message.hasPrefix("'qq-GB' is not a known language") })
    }

    @Test(arguments: ["en", "en-GB", "fr", "zh-Hant", "yue", "ee", "pt-BR"])
    func realLanguagesGetNoSuchWarning(_ code: String) {
        #expect(unknownLanguageProblem(code) == nil)
    }

    @Test func anUnderscoreInATagGetsTheHyphenatedTag() {
        let found = diagnostics(of: miniSite(chapter: page, config: "title: T\nlanguage: en_US\n"))
        #expect(found.map(\.message) == ["'en_US' is not a language tag (BCP 47)"])
        #expect(found.first?.hint?.hasPrefix("did you mean 'en-US'? ") == true)
    }

    @Test func aVerbatimCopyOfTheEnglishFileGetsBothWarningsAtOnce() throws {
        let english = try #require(starterTemplates.first { $0.path == "templates/i18n/en.yml" }?.text)
        var site = miniSite(chapter: page, config: "title: T\nlanguages:\n  - code: en\n  - code: fr\n")
        site.localized = [SourceFile(path: "content/fr/01-intro.md", text: "---\ntitle: Début\n---\nTexte.\n")]
        site.translations = [SourceFile(path: "templates/i18n/fr.yml", text: english)]
        let messages = try warnings(site).filter { $0.file == "templates/i18n/fr.yml" }.map(\.message)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.first?.hasPrefix("'languageName: English' calls fr English") == true)
        #expect(messages.last?.contains(" texts are still explainer's English: ") == true)
    }
}
