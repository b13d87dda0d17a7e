import Testing
@testable import Site

/// What the fourth new-writer trial found reported late, badly or not at all (2026-12-06): one `check` reports the
/// problems of independent files together, a translated glossary that lacks terms says so, and errors in templates and
/// links point at the closest name.
@Suite struct FourthTrialReportingTests {
    private func lines(_ found: [Diagnostic]) -> [String] { found.map { "\($0.file):\($0.line):\($0.column) \($0.message)" } }

    @Test func oneCheckReportsAFrontMatterTypoABadCitationAndARaggedCSVRowTogether() {
        let second = SourceFile(path: "content/02-two.md", text: "---\ntitle: Two\n---\nFlocs form [@epa2023].\n")
        let csv = SourceFile(path: "content/data/turbidity.csv", text: "month,raw,treated\n2023-04,18.1,0.12\n2023-05,22.8,0.16,4\n")
        let site = miniSite(chapter: "---\ntitle: One\nsumary: Cloudy.\n---\nText.\n", extraChapters: [second], data: [csv],
                            sources: "epa-2023:\n  title: Coagulation\n  publisher: EPA\n")
        let found = diagnostics(of: site)
        #expect(Set(found.map(\.file)) == ["content/01-intro.md", "content/02-two.md", "content/data/turbidity.csv"], "\(lines(found))")
        #expect(found.contains { $0.file == "content/02-two.md" && $0.message.contains("epa2023") })
    }

    @Test func aBrokenSourcesFileIsReportedWithoutMakingEveryCitationUnknown() {
        let site = miniSite(chapter: "---\ntitle: One\nsumary: Cloudy.\n---\nFlocs form [@epa-2023].\n",
                            sources: "epa-2023:\n  title: [Coagulation\n")
        let found = diagnostics(of: site)
        #expect(Set(found.map(\.file)) == ["content/sources.yml", "content/01-intro.md"], "\(lines(found))")
        #expect(!found.contains { $0.message.contains("epa-2023") && $0.file == "content/01-intro.md" })
    }

    private func glossarySite(fallback: Bool) -> SourceTree {
        let original = SourceFile(path: "content/glossary.yml", text: """
            - term: Turbidity
              definition: How cloudy water is.
            - term: Floc
              aliases: [flocs]
              definition: A clump of particles.
            """)
        let translated = SourceFile(path: "content/zh-hant/glossary.yml", text: "- term: 濁度\n  definition: 水有多混濁。\n")
        return twoLanguageSite(fallback: fallback, more: [original, translated])
    }

    @Test func aTranslatedGlossaryMissingATermIsAnError() {
        let found = diagnostics(of: glossarySite(fallback: false))
        #expect(lines(found) == ["content/zh-hant/glossary.yml:1:1 content/zh-hant/glossary.yml has 1 entry and content/glossary.yml 2: "
                                    + "the glossary term 'Floc' has no Traditional Chinese entry"])
        #expect(found.first?.hint == "add its translation to content/zh-hant/glossary.yml (entries pair with the original's by their "
                    + "order: keep the same order, and add new terms where they are in content/glossary.yml)")
    }

    @Test func aTranslatedGlossaryMissingATermIsAWarningWithFallback() throws {
        let output = try build(glossarySite(fallback: true))
        let warnings = output.warnings.filter { $0.file == "content/zh-hant/glossary.yml" }
        #expect(lines(warnings) == ["content/zh-hant/glossary.yml:1:1 content/zh-hant/glossary.yml has 1 entry and content/glossary.yml 2: "
                                       + "the glossary term 'Floc' has no Traditional Chinese entry, so the Traditional Chinese glossary "
                                       + "page leaves it out"])
        #expect(text(output, "zh-hant/glossary/index.html")?.contains("term-floc") == false)
    }

    @Test func anUnclosedSectionIsReportedWhereItOpened() {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        let chapter = site.templates.first { $0.path == "templates/chapter.mustache" }!
        var text = String(decoding: chapter.bytes, as: UTF8.self)
        text.replaceSubrange(text.firstRange(of: "{{/fallbackLanguage}}")!, with: "")
        site.templates.removeAll { $0.path == chapter.path }
        site.templates.append(SourceFile(path: chapter.path, text: text))
        let found = diagnostics(of: site)
        #expect(lines(found) == ["templates/chapter.mustache:1:25 template syntax error: section 'fallbackLanguage' opened here is never closed"])
        #expect(found.first?.hint == "add {{/fallbackLanguage}} where the section ends")
    }

    @Test func aCloseTagOfAnotherSectionNamesTheOpenOne() {
        let mismatch = sectionMismatch(in: "{{#a}}\n  {{#b}}x{{/a}}\n")
        #expect(mismatch?.line == 2 && mismatch?.column == 10)
        #expect(mismatch?.message == "{{/a}} closes a section, but the one open is 'b' (opened at 2:3)")
        #expect(sectionMismatch(in: "{{#a}}{{^b}}{{/b}}{{! c }}{{{d}}}{{/a}}") == nil)
    }

    @Test func aMissingPartialSuggestsTheNameItBeginsWith() {
        let references = ["base": [PartialReference(template: "base", partial: "foot", line: 12, column: 1)], "footer": [], "head": []]
        #expect(checkPartials(references).map(\.hint) == ["did you mean 'footer'?"])
        #expect(closestName(to: "filtering", among: ["filtration", "delivery"]) == "filtration")
        #expect(closestName(to: "floc", among: ["filter", "flour"]) == nil)
    }

    private func linkSite(_ link: String, glossary: Bool = false) -> SourceTree {
        let second = SourceFile(path: "content/02-filtration.md", text: "---\ntitle: Filtration\n---\nSand.\n")
        var site = miniSite(chapter: "---\ntitle: One\n---\nSee \(link).\n", extraChapters: [second])
        if glossary {
            site.glossary = SourceFile(path: "content/glossary.yml", text: "- term: Turbidity\n  definition: Cloudiness.\n"
                                           + "- term: Coagulation\n  definition: Clumping.\n")
        }
        return site
    }

    @Test func aLinkToAMissingPageSuggestsTheClosestPage() {
        let found = diagnostics(of: linkSite("[the filters](../filtering/)"))
        #expect(found.map(\.hint) == ["did you mean '../filtration/'? (or link its file: 02-filtration.md)"])
    }

    @Test func aWebAddressWithoutItsSchemeIsToldToAddIt() {
        let found = diagnostics(of: linkSite("[the WHO](www.who.int/water)"))
        #expect(found.map(\.hint) == ["a web address needs its https:// ('https://www.who.int/water'); without it, the link is a path on this site"])
    }

    @Test func aMissingGlossaryAnchorListsTheTermsAnchors() {
        let none = diagnostics(of: linkSite("[flocs](../glossary/#term-floc)", glossary: true))
        #expect(none.map(\.hint) == ["the glossary's anchors are #term-coagulation, #term-turbidity; a term's anchor is #term- and the "
                                        + "term in lowercase words joined by hyphens, once it is in glossary.yml"])
        let close = diagnostics(of: linkSite("[cloudy](../glossary/#term-turbid)", glossary: true))
        #expect(close.map(\.hint) == ["did you mean '#term-turbidity'?"])
    }

    @Test func aMissingInterfaceTextSaysWhatThePagesShowInstead() {
        let warning = missingTextsWarning(["chapterNumber"], file: "templates/i18n/es.yml", fallback: .english)
        #expect(warning.message == "no text for 'chapterNumber' (\"\(Translations.english["chapterNumber"])\"): the pages show explainer's English text instead")
    }

    @Test func aPartlyTranslatedCopyOfEnglishWordsIsAWarning() {
        var strings = Translations.english.strings
        strings["languageName"] = "Español"
        strings["search"] = "Buscar"
        let partly = Translations(code: "es", file: "templates/i18n/es.yml", strings: strings)
        let warning = untranslatedTextsWarning(partly, file: "templates/i18n/es.yml")
        #expect(warning?.severity == .warning)
        #expect(warning?.message.hasSuffix(" more") == true)
        // A translation that shares single words with English ("Sources" in French) is not warned about.
        let french = Translations(code: "fr", file: "templates/i18n/fr.yml", strings: ["sources": "Sources", "corrections": "Corrections"])
        #expect(untranslatedTextsWarning(french, file: "templates/i18n/fr.yml") == nil)
        #expect(untranslatedTextsWarning(Translations.english, file: "templates/i18n/en.yml") == nil)
    }
}

/// The starter's design where the trial's writer noticed it first.
@Suite struct FourthTrialDesignTests {
    @Test func aFallbackLanguagesContentsMarkTheUntranslatedChapterAndTheHomePageItsIntroduction() throws {
        let more = [SourceFile(path: "content/02-more.md", text: "---\ntitle: More\nsummary: Still English.\n---\nMore text.\n"),
                    SourceFile(path: "content/zh-hant/02-more.md", text: "---\ntitle: 更多\nsummary: 仍是英文。\n---\n更多內容。\n"),
                    SourceFile(path: "content/index.md", text: "---\ntitle: Home\n---\nAn English introduction.\n")]
        let output = try build(twoLanguageSite(translated: nil, fallback: true, more: more))
        let home = try #require(text(output, "zh-hant/index.html"))
        #expect(home.contains("<a href=\"intro/\" class=\"toc-title\" lang=\"en\">Intro</a>\n<span class=\"toc-lang\" title=\"本頁尚未翻譯，以下為原文。\">English</span>"))
        #expect(home.contains("<a href=\"more/\" class=\"toc-title\">更多</a>\n"))
        #expect(home.contains("<p class=\"fallback-note\" role=\"note\">這段介紹尚未翻譯，以下為原文。</p>\n<div class=\"prose intro\" lang=\"en\">"))
        // The default language's contents mark nothing.
        #expect(text(output, "index.html")?.contains("toc-lang") == false)
        #expect(text(output, "index.html")?.contains("fallback-note") == false)
    }

    @Test func theNotFoundPageWithoutABaseURLAsksForItsScriptAndIconOnlyFromTheSitesRoot() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n"))
        let page = try #require(text(output, "404.html"))
        #expect(!page.contains("<script src=\"/"))
        #expect(!page.contains("<link rel=\"icon\" href=\"/"))
        #expect(page.contains("<script data-root-src=\"/assets/site.js\"></script>"))
        #expect(page.contains("<link rel=\"icon\" href=\"data:,\" data-root-href=\"/assets/favicon.svg\""))
        #expect(deferringRootedAssets("<head><script src=\"//cdn.example/x.js\" defer></script></head>")
                    == "<head><script src=\"//cdn.example/x.js\" defer></script></head>")
        // With a base URL the page's addresses are absolute: nothing waits.
        let based = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                       config: "title: T\ndescription: D\nbaseURL: https://example.org/x/\nupdated: 2026-01-02\n"))
        #expect(text(based, "404.html")?.contains("data-root-src") == false)
    }
}

/// Trial 15 (S4, S5): a translated numbers.yml with fewer entries left numbers out of its page silently, and a
/// translated correction's date could differ from the original's.
@Suite struct TranslatedListsTests {
    private func numbers(_ entries: [(String, String)]) -> String {
        entries.map { "- number: \($0.0)\n  what: A count\n  model: true\n  date: '\($0.1)'\n  confidence: high\n" }.joined()
    }

    @Test func aTranslatedNumbersFileWithFewerEntriesIsAnErrorAndADifferentDateToo() {
        var site = twoLanguageSite()
        site.numbers = SourceFile(path: "content/numbers.yml", text: numbers([("12", "2024"), ("7", "2025")]))
        site.localized.append(SourceFile(path: "content/zh-hant/numbers.yml", text: numbers([("12", "2023")])))
        let found = diagnostics(of: site).filter { $0.file == "content/zh-hant/numbers.yml" }
        #expect(found.map(\.message).sorted() == [
            "'12' is dated 2023, but the original's (content/numbers.yml:1) is 2024: a date is not translated",
            "content/zh-hant/numbers.yml lists 1 number and content/numbers.yml 2: the Traditional Chinese numbers page lacks '7'",
        ])
    }

    @Test func aTranslatedCorrectionOfAnotherDateIsAnError() {
        var site = twoLanguageSite()
        site.corrections = SourceFile(path: "content/corrections.yml", text: "- date: 2026-12-05\n  text: We said 3; it is 4.\n")
        site.localized.append(SourceFile(path: "content/zh-hant/corrections.yml", text: "- date: 2026-12-06\n  text: 我們說3，應為4。\n"))
        let found = diagnostics(of: site).filter { $0.file == "content/zh-hant/corrections.yml" }
        #expect(found.map { "\($0.line) \($0.message)" } == [
            "1 this correction is dated 2026-12-06, but the original's (content/corrections.yml:1) is 2026-12-05: a date is not translated",
        ])
    }
}

/// Trial 15 (S11, S12): YAML's signs typed by an input method, and curly quotes around a value with a colon.
@Suite struct InputMethodYAMLSigns {
    @Test func aFullWidthColonAfterAKeyIsNamedAtItsLine() {
        let config = "title：\"Test site\"\ndescription: A test.\nlanguage: en\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: config))
        #expect(found.map { "\($0.file):\($0.line):\($0.column) \($0.hint ?? "")" } == ["content/site.yml:1:6 write 'title: ' (ASCII, then a space)"])
        #expect(found.first?.message.hasPrefix("a full-width '：', as a Japanese or Chinese input method types it") == true)
    }

    @Test func aFullWidthSpaceAfterAColonAndAFullWidthDashAreNamed() {
        #expect(fullWidthYAMLSign("kind:\u{3000}bar\n").map { "\($0.line):\($0.column) \($0.write)" } == "1:6 kind: ")
        #expect(fullWidthYAMLSign("annotations:\n  \u{FF0D} {type: line}\n").map { "\($0.line):\($0.column) \($0.write)" } == "2:3 - ")
        // In a value, a full-width colon is text.
        #expect(fullWidthYAMLSign("title: 第一章：開始\n") == nil)
    }

    @Test func curlyQuotesAroundAValueWithAColonBecomeStraightInTheHint() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: \u{201C}Step 1: no rain\u{201D}\n---\nText.\n"))
        #expect(found.first?.hint?.contains("title: \"Step 1: no rain\" (straight quotes") == true, "\(found)")
    }
}
