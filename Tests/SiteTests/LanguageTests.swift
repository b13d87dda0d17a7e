import Foundation
import Testing
@testable import Site

/// A two-language site: `01-intro.md` in English and, unless `translated` is nil, in Chinese under content/zh-hant/.
private func bilingualSite(fallback: Bool = false, translated: String? = "---\ntitle: 導論\n---\n中文內容。\n",
                           english: String = "---\ntitle: Intro\n---\nEnglish text.\n", more: [SourceFile] = [],
                           config extra: String = "") -> SourceTree {
    let config = "title: Test site\ndescription: A test.\n" + extra + "languages:\n  - code: en\n  - code: zh-Hant\n    path: zh-hant\n"
        + "    title: 測試網站\n" + (fallback ? "    fallback: true\n" : "")
    var site = miniSite(chapter: english, config: config)
    site.localized = (translated.map { [SourceFile(path: "content/zh-hant/01-intro.md", text: $0)] } ?? []) + more
    return site
}

@Suite struct Languages {
    @Test func aTranslationIsPublishedUnderItsLanguagePathWithItsLang() throws {
        let output = try build(bilingualSite())
        let english = try #require(text(output, "intro/index.html"))
        let chinese = try #require(text(output, "zh-hant/intro/index.html"))
        #expect(english.contains("<html lang=\"en\">"))
        #expect(chinese.contains("<html lang=\"zh-Hant\">"))
        #expect(chinese.contains("中文內容"))
        #expect(chinese.contains("<title>導論 · 測試網站</title>"))
        // One copy of the shared assets, at the root.
        #expect(output["assets/site.css"] != nil)
        #expect(output["zh-hant/assets/site.css"] == nil)
        #expect(chinese.contains("href=\"../../assets/site.css\""))
    }

    @Test func everyPageLinksTheSamePageInTheOtherLanguageBothWays() throws {
        let output = try build(bilingualSite())
        let pairs = [("index.html", "zh-hant/index.html", "zh-hant/", "../"), ("intro/index.html", "zh-hant/intro/index.html", "../zh-hant/intro/", "../../intro/"),
                     ("sources/index.html", "zh-hant/sources/index.html", "../zh-hant/sources/", "../../sources/"),
                     ("glossary/index.html", "zh-hant/glossary/index.html", "../zh-hant/glossary/", "../../glossary/")]
        for (english, chinese, toChinese, toEnglish) in pairs {
            let en = try #require(text(output, english), "\(english)")
            let zh = try #require(text(output, chinese), "\(chinese)")
            #expect(en.contains("<a href=\"\(toChinese)\" hreflang=\"zh-Hant\" lang=\"zh-Hant\">繁體中文</a>"), "\(english)")
            #expect(zh.contains("<a href=\"\(toEnglish)\" hreflang=\"en\" lang=\"en\">English</a>"), "\(chinese)")
            #expect(en.contains("<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"\(toChinese)\">"), "\(english)")
            #expect(zh.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"\(toEnglish)\">"), "\(chinese)")
            #expect(zh.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"\(toEnglish)\">"), "\(chinese)")
        }
    }

    @Test func alternatesAreAbsoluteWithABaseURLAndEachLanguageHasItsSitemapAndFeed() throws {
        let output = try build(bilingualSite(config: "baseURL: https://example.org/x/\nupdated: 2026-01-02\n"))
        let zh = try #require(text(output, "zh-hant/intro/index.html"))
        #expect(zh.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/x/intro/\">"))
        #expect(zh.contains("<link rel=\"canonical\" href=\"https://example.org/x/zh-hant/intro/\">"))
        let sitemap = try #require(text(output, "zh-hant/sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/x/zh-hant/intro/</loc>"))
        #expect(!sitemap.contains("<loc>https://example.org/x/intro/</loc>"))
        let feed = try #require(text(output, "zh-hant/feed.xml"))
        #expect(feed.contains("xml:lang=\"zh-Hant\""))
        #expect(feed.contains("<title>測試網站</title>"))
        let robots = try #require(text(output, "robots.txt"))
        #expect(robots.contains("Sitemap: https://example.org/x/sitemap.xml"))
        #expect(robots.contains("Sitemap: https://example.org/x/zh-hant/sitemap.xml"))
        #expect(output["zh-hant/robots.txt"] == nil)
    }

    @Test func eachLanguageHasItsOwnSearchIndexAndTheBoxUsesIt() throws {
        let output = try build(bilingualSite())
        #expect(output.sortedPaths.contains { $0.hasPrefix("search/en/") })
        #expect(output.sortedPaths.contains { $0.hasPrefix("zh-hant/search/zh-Hant/") })
        let zh = try #require(text(output, "zh-hant/intro/index.html"))
        #expect(zh.contains("data-index=\"../search/zh-Hant/\""))
        #expect(zh.contains("data-script=\"../../assets/search.js\""))
        #expect(zh.contains("placeholder=\"搜尋\""))
    }

    @Test func theOne404PageSpeaksEveryLanguage() throws {
        let output = try build(bilingualSite())
        let page = try #require(text(output, "404.html"))
        #expect(page.contains("Page not found"))
        #expect(page.contains("<section class=\"not-found-other\" lang=\"zh-Hant\">"))
        #expect(page.contains("找不到網頁"))
        #expect(page.contains("href=\"/zh-hant/\""))
    }

    @Test func aMissingTranslationIsAnErrorNamingTheFile() {
        let problems = diagnostics(of: bilingualSite(translated: nil))
        #expect(problems.count == 1)
        #expect(problems.first?.file == "content/zh-hant/01-intro.md")
        #expect(problems.first?.message == "missing translation: content/01-intro.md has no zh-Hant version content/zh-hant/01-intro.md")
    }

    @Test func aDraftLanguageFallsBackToTheDefaultLanguageAndSaysSo() throws {
        let output = try build(bilingualSite(fallback: true, translated: nil))
        let page = try #require(text(output, "zh-hant/intro/index.html"))
        #expect(page.contains("English text."))
        #expect(page.contains("<article class=\"chapter\" lang=\"en\">"))
        #expect(page.contains("本頁尚未翻譯"))
        let translated = try #require(text(output, "intro/index.html"))
        #expect(!translated.contains("fallback-note"))
    }

    @Test func anExtraTranslationIsAnErrorNamingTheFile() {
        let extra = SourceFile(path: "content/zh-hant/02-more.md", text: "---\ntitle: 多\n---\n多。\n")
        let problems = diagnostics(of: bilingualSite(more: [extra]))
        #expect(problems.map(\.file) == ["content/zh-hant/02-more.md"])
        #expect(problems.first?.message.hasPrefix("extra translation: content/zh-hant/02-more.md translates nothing") == true)
    }

    @Test func aTranslationKeepsItsOriginalsFigureIds() {
        let chart = { (id: String) in "```chart\nid: \(id)\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n" }
        let problems = diagnostics(of: bilingualSite(translated: "---\ntitle: 導論\n---\n" + chart("b"),
                                                     english: "---\ntitle: Intro\n---\n" + chart("a")))
        #expect(problems.map(\.message).contains("figure 'a' of content/01-intro.md missing from the translation"))
        #expect(problems.map(\.message).contains("figure 'b' is not in content/01-intro.md"))
    }

    @Test func aTranslationCitesWhatItsOriginalCites() {
        let sources = "a:\n  title: A\n  publisher: P\n  date: '2024'\n  url: https://example.org/a\n"
        var site = bilingualSite(translated: "---\ntitle: 導論\n---\n中文。\n", english: "---\ntitle: Intro\n---\nText [@a].\n")
        site.sources = SourceFile(path: "content/sources.yml", text: sources)
        let problems = diagnostics(of: site)
        #expect(problems.map(\.message) == ["the translation does not cite [@a], which content/01-intro.md cites"])
    }

    @Test func eachLanguageShowsItsOwnLabelAnnotationAndRouteOfASource() throws {
        let sources = "a:\n  title: A\n  url: https://example.org/a\n  annotation:\n    en: The *report*.\n    zh-Hant: 這份*報告*。\n"
            + "  via:\n    en: a copy on example.org.\n    zh-Hant: example.org上的副本。\n"
            + "b:\n  label:\n    en: Press reports of the deal\n    zh-Hant: 這筆交易的媒體報導\n"
        var site = bilingualSite(translated: "---\ntitle: 導論\n---\n中文[@a][@b]。\n", english: "---\ntitle: Intro\n---\nText [@a] [@b].\n")
        site.sources = SourceFile(path: "content/sources.yml", text: sources)
        let output = try build(site)
        let englishNotes = try #require(text(output, "intro/index.html")), chineseNotes = try #require(text(output, "zh-hant/intro/index.html"))
        #expect(englishNotes.contains("[Press reports of the deal]") && chineseNotes.contains("[這筆交易的媒體報導]"))
        let english = try #require(text(output, "sources/index.html")), chinese = try #require(text(output, "zh-hant/sources/index.html"))
        #expect(english.contains("<span class=\"annotation\">The <em>report</em>.</span>") && !english.contains("這份"))
        #expect(chinese.contains("<span class=\"annotation\">這份<em>報告</em>。</span>") && !chinese.contains("The <em>report"))
        #expect(english.contains("Via a copy on example.org.") && chinese.contains("轉引自example.org上的副本。") && !chinese.contains("copy on"))
    }

    @Test func eachLanguageJoinsAuthorsAndNamesThePublisherInItsOwnWords() throws {
        let sources = "two:\n  authors: [\"Wong, Matteo\", \"Warzel, Charlie\"]\n  title: Two\n  publisher: The Atlantic\n  url: https://example.org/2\n"
            + "three:\n  authors: [\"Aa, Ann\", \"Bb, Ben\", \"Cc, Cy\"]\n  title: Three\n  url: https://example.org/3\n"
            + "  publisher:\n    en: NetEase, a user post\n    zh-Hant: 網易，使用者貼文\n"
            + "copy:\n  organisation: Sina\n  label: {en: A copy, zh-Hant: 一份副本}\n  language: zh-Hant\n  translation_of: three\n"
        var site = bilingualSite(translated: "---\ntitle: 導論\n---\n中文[@two][@three][@copy]。\n",
                                 english: "---\ntitle: Intro\n---\nText [@two] [@three] [@copy].\n")
        site.sources = SourceFile(path: "content/sources.yml", text: sources)
        let output = try build(site)
        let english = try #require(text(output, "sources/index.html")), chinese = try #require(text(output, "zh-hant/sources/index.html"))
        #expect(english.contains("Wong, Matteo, and Charlie Warzel.") && english.contains("Aa, Ann, Ben Bb, and Cy Cc."))
        #expect(chinese.contains("Wong, Matteo與Charlie Warzel。") || chinese.contains("Wong, Matteo與Charlie Warzel."))
        #expect(chinese.contains("Aa, Ann、Ben Bb與Cy Cc"))
        #expect(english.contains("<i>NetEase, a user post</i>") && chinese.contains("網易，使用者貼文") && !chinese.contains("<i>網易") && !chinese.contains("user post"))
        #expect(english.contains("<i>The Atlantic</i>") && chinese.contains("<i>The Atlantic</i>"))
        // The English title on the Chinese page is marked as English, for screen readers.
        #expect(english.contains("Aa and others, “Three”") && chinese.contains("Aa等，“<span lang=\"en\">Three</span>”"))
        #expect(!chinese.contains(" and "))
    }

    @Test func aDraftLanguageMayShowASourcesTextInTheDefaultLanguage() throws {
        let sources = "a:\n  title: A\n  url: https://example.org/a\n  annotation: The report.\n  via:\n    en: a copy.\n"
        var site = bilingualSite(fallback: true, translated: "---\ntitle: 導論\n---\n中文[@a]。\n",
                                 english: "---\ntitle: Intro\n---\nText [@a].\n")
        site.sources = SourceFile(path: "content/sources.yml", text: sources)
        let chinese = try #require(text(try build(site), "zh-hant/sources/index.html"))
        #expect(chinese.contains("<span class=\"annotation\">The report.</span>") && chinese.contains("a copy"))
    }

    @Test(arguments: [("  annotation: The report.\n", 5, "the annotation of source 'a' is in one language, but the site is in 2 (en, zh-Hant)"),
                      ("  annotation:\n    en: The report.\n", 6, "the annotation of source 'a' has no text in zh-Hant"),
                      ("  annotation:\n    en: R.\n    zh-Hant: 報告。\n    fr: Le rapport.\n", 8,
                       "the annotation of source 'a' has a text in 'fr', which is not a language of this site"),
                      ("  via:\n    zh-Hant: 副本\n", 6, "the via of source 'a' has no text in en")])
    func anAnnotationMissingALanguageOrInAnotherIsAnErrorAtItsLine(_ annotation: String, line: Int, message: String) {
        var site = bilingualSite(translated: "---\ntitle: 導論\n---\n中文[@a]。\n", english: "---\ntitle: Intro\n---\nText [@a].\n")
        site.sources = SourceFile(path: "content/sources.yml", text: "a:\n  title: A\n  url: https://example.org/a\n  date: '2024'\n" + annotation)
        let problems = diagnostics(of: site)
        #expect(problems.map(\.message) == [message])
        #expect(problems.first?.file == "content/sources.yml" && problems.first?.line == line)
    }

    @Test func chineseFooterAndLabelsUseAFullWidthStopAndNoSpaces() throws {
        let site = miniSite(chapter: "---\ntitle: 導論\n---\n內容。\n",
                            config: "title: 測試\nlanguage: zh-Hant\nauthor: 編輯團隊\nfooter: 並非投資建議。\nlicence: CC BY 4.0\n")
        let page = try #require(text(try build(site), "intro/index.html"))
        #expect(page.contains("測試 · 編輯團隊。並非投資建議。</p>"))
        #expect(page.contains("文字授權：CC BY 4.0") || page.contains("文字授權：<a"))
        let english = try #require(text(try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                                           config: "title: T\nauthor: Team\nfooter: No advice.\n")), "intro/index.html"))
        #expect(english.contains("T · Team. No advice.</p>"))
    }

    @Test func aFolderOfContentThatIsNoLanguageIsAnError() {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        site.localized = [SourceFile(path: "content/fr/01-intro.md", text: "---\ntitle: A\n---\nTexte.\n")]
        let problems = diagnostics(of: site)
        #expect(problems.map(\.message) == ["content/fr/ is not the folder of a language of this site"])
    }

    @Test(arguments: ["English", "zh_TW", "e"]) func aLanguageThatIsNoLanguageTagIsAnError(_ code: String) {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                                config: "title: T\nlanguage: \(code)\n"))
        #expect(problems.map(\.message) == ["'\(code)' is not a language tag (BCP 47)"])
    }

    @Test func aLanguageWithoutTranslationsWarnsAndNamesTheFileToWrite() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: "title: T\nlanguage: fr\n"))
        // At site.yml's `language: fr`: the file it names does not exist.
        #expect(output.warnings.map(\.file) == ["content/site.yml"])
        #expect(output.warnings.first?.hint == "copy templates/i18n/en.yml to templates/i18n/fr.yml and translate its texts")
        #expect(output.warnings.first?.severity == .warning)
    }

    /// An English or Chinese file made before months and separators had keys takes them from explainer's file for its
    /// language without a warning (its pages showed just those forms); a French one is told, since English forms are
    /// wrong there.
    @Test func numberAndMonthFormsMissingFromAnOlderFileWarnOnlyWhereExplainerHasNoFileForTheLanguage() throws {
        let english = try #require(starterTemplates.first { $0.path == "templates/i18n/en.yml" }?.text)
        let older = english.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !Translations.quietlyFilled.contains { line.hasPrefix($0 + ":") } }.joined(separator: "\n")
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        site.translations = [SourceFile(path: "templates/i18n/en.yml", text: older)]
        #expect(try build(site).warnings.isEmpty)
        var french = miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: "title: T\nlanguage: fr\n")
        french.translations = [SourceFile(path: "templates/i18n/fr.yml", text: older.replacingOccurrences(of: "languageName: English", with: "languageName: Français"))]
        let warnings = try build(french).warnings
        #expect(warnings.contains { $0.message.contains("'decimalSeparator'") }, "\(warnings)")
    }

    @Test func aLongerTagUsesTheTranslationsOfItsLanguage() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: "title: T\nlanguage: zh-Hant-TW\n"))
        #expect(output.warnings.isEmpty)
        #expect(text(output, "intro/index.html")?.contains("第1章") == true)
    }

    @Test func aTranslationsFileMissingManyKeysWarnsWithTheirCountAndShowsTheEnglishTexts() throws {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: "title: T\nlanguage: fr\n")
        site.translations = [SourceFile(path: "templates/i18n/fr.yml", text: "languageName: Français\n")]
        let output = try build(site)
        #expect(output.warnings.count == 1)
        let warning = try #require(output.warnings.first)
        #expect(warning.file == "templates/i18n/fr.yml")
        #expect(warning.severity == .warning)
        let count = Translations.english.strings.count - 1
        #expect(warning.message.hasPrefix("no text for \(count) keys: "), "\(warning.message)")
        #expect(warning.message.contains("'fallbackNotice'"))
        #expect(warning.message.hasSuffix(": the pages show explainer's English texts instead"))
        #expect(text(output, "intro/index.html")?.contains("Chapter 1") == true)
    }

    /// A site made with an earlier explainer that copied en.yml to fr.yml (explainer has no French file) and lists fr.
    @Test func aCopyOfAnEarlierEnglishFileForAnotherLanguageBuildsWithWarningsNamingTheMissingKeys() throws {
        let english = try #require(starterTemplates.first { $0.path == "templates/i18n/en.yml" }?.text)
        let older = english.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("authorsAnd:") && !$0.hasPrefix("previous:") }.joined(separator: "\n")
        var site = miniSite(chapter: "---\ntitle: Intro\n---\nText.\n",
                            config: "title: T\nlanguages:\n  - code: en\n  - code: fr\n")
        site.localized = [SourceFile(path: "content/fr/01-intro.md", text: "---\ntitle: Début\n---\nTexte.\n")]
        site.translations = [SourceFile(path: "templates/i18n/fr.yml", text: older)]
        let output = try build(site)
        let untranslated = try #require(untranslatedTextsWarning(
            try Translations.parse(older, code: "fr", file: "templates/i18n/fr.yml"), file: "templates/i18n/fr.yml"))
        #expect(output.warnings.map(\.message) == [
            "'languageName: English' calls fr English: the language switch shows 'Français' instead",
            untranslated.message,
            "no text for 'authorsAnd' (\"\(Translations.english["authorsAnd"])\"), 'previous' (\"\(Translations.english["previous"])\"): "
                + "the pages show explainer's English texts instead",
        ])
        #expect(output.warnings.allSatisfy { $0.file == "templates/i18n/fr.yml" && $0.severity == .warning })
        #expect(text(output, "intro/index.html")?.contains("hreflang=\"fr\" lang=\"fr\">Français</a>") == true)
    }

    @Test func aKeyOfTheSitesOwnMissingFromAnotherLanguageIsStillAnError() {
        let english = starterTemplates.first { $0.path == "templates/i18n/en.yml" }!.text
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: "title: T\nlanguages:\n  - code: en\n  - code: fr\n    fallback: true\n")
        site.translations = [SourceFile(path: "templates/i18n/en.yml", text: english + "\nmyOwnLine: Mine\n"),
                             SourceFile(path: "templates/i18n/fr.yml", text: english)]
        let problems = diagnostics(of: site)
        #expect(problems.map(\.message) == ["missing translation of 'myOwnLine'"])
        #expect(problems.first?.file == "templates/i18n/fr.yml")
    }

    @Test func aTranslationsFileThatIsNoMappingIsStillAnError() {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: "title: T\nlanguage: fr\n")
        site.translations = [SourceFile(path: "templates/i18n/fr.yml", text: "- Figure\n- Chapitre\n")]
        #expect(diagnostics(of: site).map(\.message) == ["a translations file must be a YAML mapping of 'key: text' lines"])
    }

    @Test(arguments: [("de", "Deutsch"), ("fr", "Français"), ("es-419", "Español"), ("ja", "日本語")])
    func theLanguageSwitchNamesALanguageWithoutTranslationsInItself(_ code: String, _ name: String) throws {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\nText.\n",
                            config: "title: T\nlanguages:\n  - code: en\n  - code: \(code)\n    fallback: true\n")
        let output = try build(site)
        let page = try #require(text(output, "intro/index.html"))
        let path = code.lowercased()
        #expect(page.contains("<a href=\"../\(path)/intro/\" hreflang=\"\(code)\" lang=\"\(code)\">\(name)</a>"), "\(page)")
    }

    @Test func aProblemInAChapterEveryLanguagePublishesIsReportedOnce() {
        let problems = diagnostics(of: bilingualSite(fallback: true, translated: nil,
                                                    english: "---\ntitle: Intro\n---\nSee [more](#nowhere).\n"))
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.file == "content/01-intro.md")
    }

    @Test func identicalDiagnosticsAreKeptOnceInTheirOrder() {
        let a = Diagnostic(file: "content/01-a.md", line: 3, column: 1, message: "one")
        let b = Diagnostic(file: "content/01-a.md", line: 2, column: 1, message: "two")
        #expect(BuildFailure([a, b, a, b]).diagnostics == [b, a])
    }

    @Test func chaptersInASubFolderAreToldToGoDirectlyInContent() {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        site.localized = [SourceFile(path: "content/chapters/50-x.md", text: "---\ntitle: X\n---\nText.\n")]
        let problem = diagnostics(of: site).first
        #expect(problem?.message == "content/chapters/ is not the folder of a language of this site")
        #expect(problem?.hint?.hasPrefix("chapters go directly in content/ (e.g. content/50-x.md); a folder in content/ holds "
                                         + "one language's translation and is named by that language's code in site.yml's languages") == true,
                "\(problem?.hint ?? "")")
    }

    @Test func aSitesTranslationsFromAnEarlierVersionGetTheNewTextsWithAWarning() throws {
        let english = try #require(starterTemplates.first { $0.path == "templates/i18n/en.yml" }?.text)
        let older = english.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("authorsAnd:") && !$0.hasPrefix("previous:") }.joined(separator: "\n")
        var site = bilingualSite(translated: "---\ntitle: 導論\n---\n中文[@two]。\n", english: "---\ntitle: Intro\n---\nText [@two].\n")
        site.translations = [SourceFile(path: "templates/i18n/en.yml", text: older),
                             SourceFile(path: "templates/i18n/zh-Hant.yml", text: "languageName: 中文\n")]
        site.sources = SourceFile(path: "content/sources.yml",
                                  text: "two:\n  authors: [\"Wong, Matteo\", \"Warzel, Charlie\"]\n  title: Two\n  url: https://example.org/2\n")
        let output = try build(site)
        #expect(output.warnings.map(\.file).sorted() == ["templates/i18n/en.yml", "templates/i18n/zh-Hant.yml"])
        #expect(output.warnings.allSatisfy { $0.severity == .warning })
        #expect(output.warnings.first { $0.file.hasSuffix("en.yml") }?.message
                == "no text for 'authorsAnd' (\" and \"), 'previous' (\"← Previous\"): the pages show explainer's English texts "
                    + "instead")
        #expect(output.warnings.first { $0.file.hasSuffix("zh-Hant.yml") }?.message.contains(": the pages show explainer's own zh-Hant texts") == true)
        #expect(text(output, "sources/index.html")?.contains("Wong, Matteo, and Charlie Warzel.") == true)
        #expect(text(output, "zh-hant/intro/index.html")?.contains("第1章") == true)
    }

    @Test func theShippedTranslationsHaveTheSameKeys() throws {
        let files = repositorySource.translations
        #expect(files.map(\.path) == ["templates/i18n/en.yml", "templates/i18n/zh-Hant.yml"])
        let parsed = try files.map { try Translations.parse(String(decoding: $0.bytes, as: UTF8.self), code: "x", file: $0.path) }
        #expect(Set(parsed[0].strings.keys) == Set(parsed[1].strings.keys))
        #expect(Set(Translations.required).isSubset(of: Set(parsed[0].strings.keys)))
    }

    @Test func everyTemplateKeyIsInTheEnglishTranslations() throws {
        let english = try Translations.parse(String(decoding: repositorySource.translations[0].bytes, as: UTF8.self),
                                             code: "en", file: "en.yml")
        for template in repositorySource.templates {
            let text = String(decoding: template.bytes, as: UTF8.self)
            for match in text.matches(of: /\{\{\{?t\.([A-Za-z]+)/) {
                #expect(english.strings[String(match.1)] != nil, "\(template.path) uses t.\(match.1)")
            }
        }
    }

    @Test func theDefaultLanguageHasNoPathAndPathsAreFolderNames() {
        for (languages, message) in [("  - code: en\n    path: en\n", "the default language (the first) is published at the site's root and has no 'path'"),
                                     ("  - code: en\n  - code: fr\n    path: Fr/x\n", "'path' must be lowercase letters, digits and hyphens, e.g. zh-hant"),
                                     ("  - code: en\n  - code: fr\n    path: assets\n", "'path: assets' is a folder the site uses itself")] {
            let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: "title: T\nlanguages:\n" + languages))
            #expect(problems.map(\.message) == [message])
        }
        for (path, hint) in [("fr/", "write 'path: fr'"), ("Fr/x", "write 'path: fr-x'"), ("pt_BR", "write 'path: pt-br'")] {
            let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                                    config: "title: T\nlanguages:\n  - code: en\n  - code: fr\n    path: \(path)\n"))
            #expect(problems.first?.hint?.hasPrefix(hint) == true, "\(path): \(problems.first?.hint ?? "no hint")")
        }
    }
}

@Suite struct CJKText {
    @Test func aChineseFileNameIsRejectedWithTheASCIIRuleAndAnExample() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: 銀行擠兌\n---\n內容。\n", name: "04-银行挤兑.md"))
        #expect(problems.count == 1)
        #expect(problems.first?.hint?.contains("file names are ASCII") == true)
        #expect(problems.first?.hint?.contains("04-yinhang-jidui.md") == true)
    }

    @Test func chineseReadingTimeCountsCharacters() throws {
        // 5,200 Chinese characters without a space: 13 minutes at 400 a minute (it used to say 1).
        let prose = String(repeating: "資料中心的租約變成一種債券。", count: 400) + "\n"
        let output = try build(miniSite(chapter: "---\ntitle: 長\n---\n" + prose))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("Chapter 1 · 13 min read"))
    }

    @Test func englishReadingTimeStillCountsWords() throws {
        let output = try build(miniSite(chapter: "---\ntitle: Long\n---\n" + String(repeating: "word ", count: 2200) + "\n"))
        #expect(text(output, "intro/index.html")?.contains("Chapter 1 · 10 min read") == true)
    }

    @Test func chinesePagesSpeakChineseEverywhere() throws {
        let site = miniSite(chapter: "---\ntitle: 導論\ndate: 2025-10-21\n---\n總成本約270億美元，成長6.58%。\n\n```careful\n小心。\n```\n",
                            config: "title: 測試\nlanguage: zh-Hant\npublished: 2026-12-04\n")
        let page = try #require(text(try build(site), "intro/index.html"))
        #expect(page.contains("<html lang=\"zh-Hant\">"))
        #expect(page.contains("第1章 · 閱讀約<span class=\"nobr\">1分鐘</span>"))  // a number is never split from its unit
        #expect(page.contains("2025年10月21日"))
        // The page's date, no space in Chinese.
        #expect(page.contains("發布於<time datetime=\"2025-10-21\"><span class=\"nobr\">2025年10月21日</span></time>"))
        #expect(page.contains("<p class=\"box-label\">注意</p>"))
        #expect(page.contains("<span class=\"nobr\">270億美元</span>"))
        #expect(page.contains("<span class=\"nobr\">6.58%</span>"))
        #expect(!page.contains("min read") && !page.contains("Chapter"))
    }

    @Test func asciiPunctuationAndSpacesInChineseProseAreWarnedWithTheirPlace() throws {
        let body = "資料 中心的租約,變成債券(證券化)。\n\n`程式 碼`與[連結](https://a.example/x,y)說明。H100 晶片, 與 GPU 相同.\n"
            + "\n```text\n{甲: 乙, 丙: 丁}\n```\n\n```careful\n小心 謹慎。\n```\n"
        let output = try build(miniSite(chapter: "---\ntitle: 章\n---\n" + body, config: "title: 測試\nlanguage: zh-Hant\n"))
        let found = output.warnings.filter { $0.message.contains("Chinese") }
        #expect(found.map { "\($0.line):\($0.column): \($0.message)" } == [
            "4:7: a space between Chinese characters",
            "4:23: ASCII ',' in Chinese text",
            "4:36: ASCII '(' in Chinese text",
            "4:46: ASCII ')' in Chinese text",
            "6:67: ASCII ',' in Chinese text",
            "6:83: ASCII '.' in Chinese text",
            "13:7: a space between Chinese characters",
        ])
        #expect(found.first?.file == "content/01-intro.md")
        #expect(found[1].hint == "write the full-width '，'")
        #expect(found[4].hint == "write the full-width '，' without the space after it")
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func englishPagesAreNotCheckedForChinesePunctuation() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nThe word 資料 中心, quoted.\n"))
        #expect(output.warnings.filter { $0.message.contains("Chinese") }.isEmpty)
    }

    @Test func aSourcesLanguageIsNamedInEachPagesLanguage() throws {
        var site = bilingualSite(translated: "---\ntitle: 導論\n---\n中文內容[@repost]。\n", english: "---\ntitle: Intro\n---\nText [@repost].\n")
        site.sources = SourceFile(path: "content/sources.yml",
                                  text: "repost:\n  organisation: NetEase\n  label: {en: A repost, zh-Hant: 一篇轉貼}\n  language: zh-Hant\n  date: 2025-11\n"
                                      + "  translation_of: orig\n  via: {en: a copy, zh-Hant: 一份副本}\n"
                                      + "  annotation: {en: Paraphrased., zh-Hant: 只轉述。}\n"
                                      + "orig:\n  organisation: The Atlantic\n  title: The Article\n")
        let output = try build(site)
        let english = try #require(text(output, "sources/index.html"))
        let chinese = try #require(text(output, "zh-hant/sources/index.html"))
        #expect(english.contains("[A repost] (in Traditional Chinese). Translation of <a"))
        #expect(english.contains("Via a copy. <span class=\"annotation\">Paraphrased.</span>"))
        // The page's own stop after the language, and no space after a full-width stop.
        #expect(chinese.contains("[一篇轉貼] （繁體中文）。譯自<a"))
        #expect(chinese.contains("轉引自一份副本。<span class=\"annotation\">只轉述。</span>"))
        #expect(!chinese.contains("Traditional Chinese"))
        #expect(text(output, "zh-hant/intro/index.html")?.contains("Traditional Chinese") == false)
    }

    @Test func aSourcesLanguageWrittenAsANameIsAnErrorOnASiteInSeveralLanguages() {
        var site = bilingualSite(english: "---\ntitle: Intro\n---\nText [@repost].\n")
        site.localized = [SourceFile(path: "content/zh-hant/01-intro.md", text: "---\ntitle: 導論\n---\n中文內容[@repost]。\n")]
        site.sources = SourceFile(path: "content/sources.yml",
                                  text: "repost:\n  organisation: NetEase\n  label:\n    en: A repost\n    zh-Hant: 一篇轉貼\n  language: Traditional Chinese\n")
        let problems = diagnostics(of: site)
        #expect(problems.count == 1)
        #expect(problems.first?.file == "content/sources.yml" && problems.first?.line == 1)
        #expect(problems.first?.hint?.hasPrefix("write the tag 'zh-Hant'") == true)
        // A one-language site shows the name as written.
        let one = miniSite(chapter: "---\ntitle: Intro\n---\nText [@repost].\n",
                           sources: "repost:\n  organisation: NetEase\n  label: A repost\n  language: Traditional Chinese\n")
        #expect(diagnostics(of: one).isEmpty)
    }

    @Test func aSourceLanguageNoTranslationsFileNamesIsAnErrorSayingWhichKeyToAdd() {
        var site = bilingualSite(translated: "---\ntitle: 導論\n---\n中文內容[@paper]。\n", english: "---\ntitle: Intro\n---\nText [@paper].\n")
        site.sources = SourceFile(path: "content/sources.yml",
                                  text: "paper:\n  organisation: CPB\n  label: {en: A Dutch paper, zh-Hant: 一篇荷蘭論文}\n  language: nl\n")
        let problems = diagnostics(of: site)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("'nl'") == true)
        #expect(problems.first?.hint?.contains("language.nl") == true)
    }

    @Test func theGalleryIsPublishedOnceWithTheDefaultLanguageAndNoSwitch() throws {
        let output = try build(bilingualSite(config: "gallery: true\n"))
        let gallery = try #require(text(output, "gallery/index.html"))
        #expect(output["zh-hant/gallery/index.html"] == nil)
        #expect(!gallery.contains("hreflang") && !gallery.contains("language-switch"))
        #expect(text(output, "intro/index.html")?.contains("hreflang=\"zh-Hant\"") == true)
    }

    @Test func footnotesAreLabelledInThePagesLanguage() throws {
        let output = try build(bilingualSite(translated: "---\ntitle: 導論\n---\n中文內容[^a]。\n\n[^a]: 註的內容。\n",
                                             english: "---\ntitle: Intro\n---\nText[^a].\n\n[^a]: The note.\n"))
        let chinese = try #require(text(output, "zh-hant/intro/index.html"))
        let english = try #require(text(output, "intro/index.html"))
        #expect(chinese.contains("<section class=\"footnotes notes\" aria-label=\"註釋\">"))
        #expect(chinese.contains("href=\"#fnref-1\" aria-label=\"回到內文\">↩</a>"))
        #expect(!chinese.contains("Footnotes") && !chinese.contains("Back to the text"))
        #expect(english.contains("aria-label=\"Footnotes\"") && english.contains("aria-label=\"Back to the text\""))
    }

    @Test func aTranslationsFootnotesComeAfterItsTakeawayAsTheOriginalsDo() throws {
        let output = try build(bilingualSite(translated: "---\ntitle: 導論\ntakeaway: 要記住的事。\n---\n中文內容[^a]。\n\n[^a]: 註的內容。\n",
                                             english: "---\ntitle: Intro\ntakeaway: Remember this.\n---\nText[^a].\n\n[^a]: The note.\n"))
        for (path, note) in [("zh-hant/intro/index.html", "註的內容"), ("intro/index.html", "The note.")] {
            let page = try #require(text(output, path))
            let marks = ["</div>\n<aside class=\"takeaway\"", "<section class=\"footnotes notes\"", note, "<nav class=\"chapter-nav\""]
            let found = try marks.map { mark in try #require(page.range(of: mark), "\(mark) on \(path)").lowerBound }
            #expect(found == found.sorted(), "\(path): prose, takeaway, footnotes")
        }
    }

    @Test(arguments: [("約273億美元。", "約<span class=\"nobr\">273億美元</span>。"),
                      ("2025年10月21日起", "<span class=\"nobr\">2025年10月21日</span>起"),
                      ("H100晶片", "H100晶片"),
                      ("<code>80%</code> 與 80%", "<code>80%</code> 與 <span class=\"nobr\">80%</span>"),
                      ("<a href=\"x-20%\">20%</a>", "<a href=\"x-20%\"><span class=\"nobr\">20%</span></a>"),
                      ("<td>1年2個月</td>", "<td><span class=\"nobr\">1年2個月</span></td>"),
                      ("<head><title>約273億美元</title></head>", "<head><title>約273億美元</title></head>"),
                      ("<table class=\"nw\"><td>273億美元</td></table>約5億美元", "<table class=\"nw\"><td>273億美元</td></table>約<span class=\"nobr\">5億美元</span>"),
                      ("<CODE>5%</CODE>約1,000.5億美元，共3", "<CODE>5%</CODE>約<span class=\"nobr\">1,000.5億美元</span>，共3"),
                      ("漲了5%.跌了12,", "漲了<span class=\"nobr\">5%</span>.跌了12,"),
                      ("GPT4年 x2倍 <b", "GPT4年 x2倍 <b"),
                      ("1吉瓦大約、945太瓦時", "<span class=\"nobr\">1吉瓦</span>大約、<span class=\"nobr\">945太瓦時</span>"),
                      ("升了25個基點與1.4個百分點", "升了<span class=\"nobr\">25個基點</span>與<span class=\"nobr\">1.4個百分點</span>"),
                      ("約415<a class=\"term\" href=\"x\">太瓦時</a>，H<a class=\"term\">", "約415\u{2060}<a class=\"term\" href=\"x\">太瓦時</a>，H<a class=\"term\">")])
    func aNumberKeepsItsUnitOnOneLine(_ html: String, _ expected: String) {
        #expect(keepingNumbersWithUnits(html) == expected)
    }
}

/// Trial 13 (S1): a Japanese chart block without the German one's `labels:` showed the German series names on the
/// Japanese page, silently.
@Suite struct TranslatedChartLabels {
    private func site(translatedLabels: String?, originalLabels: String? = "{rain: Rain 2018, mean: Mean}",
                      header: String = "year,rain,mean") -> SourceTree {
        let block = { (title: String, labels: String?) in
            "```chart\nid: rain\ntitle: \(title)\ncaption: C.\ndata: rain.csv\n" + (labels.map { "labels: \($0)\n" } ?? "") + "```\n"
        }
        var site = bilingualSite(translated: "---\ntitle: 導論\n---\n中文。\n\n" + block("雨", translatedLabels),
                                 english: "---\ntitle: Intro\n---\nText.\n\n" + block("Rain", originalLabels))
        site.data = [SourceFile(path: "content/data/rain.csv", text: "# Made up.\n\(header)\n2018,60,63\n2019,18,51\n")]
        return site
    }

    /// The trial's case: neither block has `labels:`, and the data file's column names are the original's words.
    @Test func columnNamesNeitherBlockLabelsAreAWarningUnlessTheyAreNoWords() throws {
        let found = try build(site(translatedLabels: nil, originalLabels: nil, header: "Jahr,Niederschlag 2018,Mittel")).warnings
            .filter { $0.message.hasPrefix("figure 'rain'") }
        #expect(found.map(\.message) == ["figure 'rain' has no labels: for 'Niederschlag 2018', 'Mittel', the names of the data "
            + "file's columns: the translated chart would show them as the data names them, untranslated"])
        #expect(found.first?.hint == "translate the labels in this block too, e.g. labels: {Niederschlag 2018: …}")
        let years = try build(site(translatedLabels: nil, originalLabels: nil, header: "month,2018,2019")).warnings
        #expect(years.allSatisfy { !$0.message.hasPrefix("figure 'rain'") })
    }

    @Test func aTranslatedBlockWithoutTheOriginalsLabelsIsAWarningAtTheBlock() throws {
        let output = try build(site(translatedLabels: nil))
        let warning = try #require(output.warnings.first { $0.message.hasPrefix("figure 'rain'") })
        #expect(warning.file == "content/zh-hant/01-intro.md")
        #expect(warning.line == 6)
        #expect(warning.message == "figure 'rain' has no labels: for 'mean', 'rain', which content/01-intro.md labels (Mean, …): "
            + "the translated chart would show them as the data names them, untranslated")
        #expect(warning.hint == "translate the labels in this block too, e.g. labels: {mean: …}")
    }

    @Test func aTranslatedBlockLabellingEverySeriesIsNoWarningAndOneLeftOutIs() throws {
        #expect(try build(site(translatedLabels: "{rain: 雨量, mean: 平均}")).warnings.allSatisfy { !$0.message.hasPrefix("figure 'rain'") })
        let partial = try build(site(translatedLabels: "{rain: 雨量}")).warnings.filter { $0.message.hasPrefix("figure 'rain'") }
        #expect(partial.map(\.message) == ["figure 'rain' has no label for 'mean', which content/01-intro.md labels (Mean): "
            + "the translated chart would show it as the data names it, untranslated"])
    }
}

/// Trial 13 (S6): with every published page translated and `fallback` removed, the build still asked for the
/// translation of a draft that is not built without --drafts.
@Suite struct DraftTranslations {
    private func site() -> SourceTree {
        var site = bilingualSite()
        site.chapters.append(SourceFile(path: "content/02-later.md", text: "---\ntitle: Later\ndraft: true\n---\nSoon.\n"))
        return site
    }

    @Test func anUntranslatedDraftIsNoErrorWithoutDrafts() throws {
        let output = try build(site())
        #expect(output["later/index.html"] == nil)
        #expect(output["zh-hant/later/index.html"] == nil)
        #expect(output["zh-hant/intro/index.html"] != nil)
    }

    @Test func withDraftsItsMissingTranslationIsAnErrorThatSaysItIsADraft() {
        var found: [Diagnostic] = []
        do { _ = try build(site(), options: BuildOptions(includeDrafts: true)) } catch { found = error.diagnostics }
        #expect(found.map(\.message) == ["missing translation: content/02-later.md, a draft built with --drafts, has no zh-Hant "
            + "version content/zh-hant/02-later.md"])
    }
}

/// Trial 14 (S5): a translated block without the original's `first-column:` headed its data table in the original's
/// language, and one that left out an annotation drew no marker for it, silently.
@Suite struct TranslatedChartHeadingsAndAnnotations {
    private func site(translated: String, original: String) -> SourceTree {
        let block = { (title: String, extra: String) in
            "```chart\nid: rain\ntitle: \(title)\ncaption: C.\ndata: rain.csv\nlabels: {rain: R}\n\(extra)```\n"
        }
        var site = bilingualSite(translated: "---\ntitle: 導論\n---\n中文。\n\n" + block("雨", translated),
                                 english: "---\ntitle: Intro\n---\nText.\n\n" + block("Rain", original))
        site.data = [SourceFile(path: "content/data/rain.csv", text: "# Made up.\nyear,rain\n2018,60\n2019,18\n")]
        return site
    }

    @Test func aTranslatedBlockWithoutTheOriginalsFirstColumnIsAWarning() throws {
        let found = try build(site(translated: "", original: "first-column: Région\n")).warnings.filter { $0.message.hasPrefix("figure 'rain'") }
        #expect(found.map(\.message) == ["figure 'rain' has no first-column:, which content/01-intro.md gives ('Région'): the "
            + "translated data table would head its first column as the data names it"])
        #expect(try build(site(translated: "first-column: 地區\n", original: "first-column: Région\n")).warnings
            .allSatisfy { !$0.message.hasPrefix("figure 'rain'") })
    }

    @Test func aTranslatedBlockWithOtherAnnotationsIsAWarning() throws {
        let original = "annotations:\n  - {type: line, axis: y, value: 50, label: Mean}\n  - {type: line, axis: y, value: 20, label: Low}\n"
        let translated = "annotations:\n  - {type: line, axis: y, value: 50, label: 平均}\n"
        let found = try build(site(translated: translated, original: original)).warnings.filter { $0.message.hasPrefix("figure 'rain'") }
        #expect(found.map(\.message) == ["figure 'rain' has 1 annotation and content/01-intro.md 2: the two charts would mark "
            + "different things"])
    }
}
