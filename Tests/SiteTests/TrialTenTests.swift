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
        let warning = try #require(found.first { $0.file == "content/site.yml" && $0.message.hasPrefix("'xx'") })
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

    /// Trial 14 (S3): `code: kr`, Korea's country code, is Kanuri's language code: it passed, and following the hints
    /// published a Korean edition as `lang="kr"`.
    @Test func aCountrysCodeThatIsAlsoALanguagesIsAWarningNamingTheLanguageMeant() throws {
        let found = try warnings(miniSite(chapter: page, config: "title: T\nlanguage: kr\n"))
        let warning = try #require(found.first { $0.file == "content/site.yml" && $0.message.hasPrefix("'kr'") })
        #expect(warning.line == 2 && warning.column == 11)
        #expect(warning.message == "'kr' is the language code of Kanuri, though KR is also the country code of South Korea: the "
            + "pages would be announced to browsers and screen readers as Kanuri")
        #expect(warning.hint?.hasPrefix("if the pages are in Korean, write code: ko (and name the i18n file ko.yml)") == true)
        for code in ["ko", "sv", "en", "ja", "zh-Hant", "pt-BR"] { #expect(countryCodeProblem(code) == nil) }
        #expect(countryCodeProblem("se")?.hint.contains("code: sv") == true)
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

    // MARK: Empty chapters, unused data files

    @Test func aChapterWithFrontMatterOnlyIsAWarning() throws {
        let found = try warnings(miniSite(chapter: page, extraChapters: [SourceFile(path: "content/02-stub.md", text: "---\ntitle: Stub\n---\n\n")]))
        #expect(found.map { "\($0.file):\($0.line)" } == ["content/02-stub.md:3"])
        #expect(found.first?.message == "'02-stub.md' has no text after its front matter: it would be published as an empty page, listed in the menu")
    }

    @Test func aDraftWithFrontMatterOnlyIsNoWarning() throws {
        let stub = SourceFile(path: "content/02-stub.md", text: "---\ntitle: Stub\ndraft: true\n---\n")
        #expect(try warnings(miniSite(chapter: page, extraChapters: [stub])).isEmpty)
    }

    @Test func aDataFileNoChartUsesIsAWarning() throws {
        let csv = SourceFile(path: "content/data/prices.csv", text: "year,price\n1634,10\n1635,20\n")
        let unused = SourceFile(path: "content/data/unused.csv", text: "a,b\n1,2\n")
        let found = try warnings(miniSite(chapter: chart("prices.csv"), data: [csv, unused]))
        #expect(found == [Diagnostic(file: "content/data/unused.csv", line: 1, column: 1,
                                     message: "no chart uses 'unused.csv': it is neither drawn nor published",
                                     hint: "name it in a chart block (data: unused.csv), or delete it; a file kept on purpose (the "
                                         + "source of another) can be named in content/data/README.md", severity: .warning)])
    }

    @Test func aDataFileTheFoldersNotesNameIsKeptOnPurpose() throws {
        var site = miniSite(chapter: page, data: [SourceFile(path: "content/data/source.csv", text: "a,b\n1,2\n")])
        site.dataNotes = SourceFile(path: "content/data/README.md", text: "| `source.csv` | the raw series |\n")
        #expect(try warnings(site).isEmpty)
    }

    @Test func anUnusedDataFileWithProblemsSaysItIsUnusedBesideThem() {
        let unused = SourceFile(path: "content/data/unused.csv", text: "a,b\n1,x\n2\n")
        let found = diagnostics(of: miniSite(chapter: page, data: [unused]))
        #expect(found.contains { $0.severity == .error && $0.line == 3 })
        #expect(found.contains { $0.severity == .warning && $0.message.hasPrefix("no chart uses 'unused.csv'") })
    }

    // MARK: Suspect numbers

    @Test func aNumberInExponentNotationIsAWarningAtItsCell() throws {
        let csv = SourceFile(path: "content/data/prices.csv", text: "year,price\n1634,10\n1635,1e300\n1636,30\n")
        let found = try warnings(miniSite(chapter: chart("prices.csv"), data: [csv]))
        #expect(found.map { "\($0.file):\($0.line):\($0.column)" } == ["content/data/prices.csv:3:6"])
        #expect(found.first?.message.hasPrefix("'1e300' in column 'price' is written in exponent notation") == true)
    }

    @Test func aValueFarOutOfLineWithItsColumnIsAWarningAtItsCell() throws {
        let csv = SourceFile(path: "content/data/prices.csv",
                             text: "year,price\n1634,100\n1635,120\n1636,61000000000000\n1637,90\n1638,110\n")
        let found = try warnings(miniSite(chapter: chart("prices.csv"), data: [csv]))
        #expect(found.map { "\($0.file):\($0.line):\($0.column)" } == ["content/data/prices.csv:4:6"])
        #expect(found.first?.message.hasPrefix("'61000000000000' in column 'price' is more than 1,000 times the column's typical value") == true)
    }

    @Test func aWideRangeIsNoWarningOnALogAxisOrInAShortColumn() throws {
        let wide = "year,price\n1634,1\n1635,10\n1636,100\n1637,1000000\n1638,10\n"
        let csv = SourceFile(path: "content/data/prices.csv", text: wide)
        #expect(try warnings(miniSite(chapter: chart("prices.csv", extra: "y: {scale: log}\n"), data: [csv])).isEmpty)
        let short = SourceFile(path: "content/data/prices.csv", text: "year,price\n1634,1\n1635,1000000\n")
        #expect(try warnings(miniSite(chapter: chart("prices.csv"), data: [short])).isEmpty)
    }

    // MARK: Messages

    @Test func aThirteenthMonthIsNamed() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\ndate: 2026-13-01\n---\nText.\n"))
        #expect(found.map(\.message) == ["'date' is 2026-13-01: there is no month 13"])
        let csv = SourceFile(path: "content/data/prices.csv", text: "month,price\n1636-11,10\n1636-13,20\n")
        let cells = diagnostics(of: miniSite(chapter: chart("prices.csv"), data: [csv]))
        #expect(cells.first?.message == "'1636-13' in column 'month' is not a number, a year or a month: there is no month 13")
    }

    @Test func anAccentedFileNameGetsItsPlainName() {
        #expect(validFileName(for: "50-épilogue.md") == "50-epilogue.md")
        #expect(validFileName(for: "04-銀行.md") == nil)
    }

    @Test func anImagePathWithASpaceGetsAnImageExample() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n![A bulb](images/my bulb.png)\n"))
        #expect(found.first?.hint?.hasSuffix("![A description](<images/my picture.png>)") == true, "\(found)")
    }

    @Test func anImageOutsideTheImagesFolderIsSaidToBeSo() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n![A bulb](bulb2.png)\n"))
        #expect(found.map(\.message) == ["image 'bulb2.png' is not in content/images/, the folder pictures are published from"])
        #expect(found.first?.hint == "put the picture in content/images/ and write ![…](images/bulb2.png)")
    }
}
