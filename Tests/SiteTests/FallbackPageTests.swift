import Testing
@testable import Site

/// A language with `fallback: true` publishes a copy of each page it has not translated yet; such a copy is the
/// default language's page, not a version in its language: not offered as an `hreflang` alternate on any page, nor in
/// its language's sitemap or feed, and it names its original as canonical (as Google asks of a page whose main text is
/// another's). Its language switch still leads there, where the page says it is untranslated.
@Suite struct FallbackPages {
    let config = "baseURL: https://example.org/x/\nupdated: 2026-01-02\n"
    let more = [SourceFile(path: "content/02-more.md", text: "---\ntitle: More\n---\nMore text.\n"),
                SourceFile(path: "content/zh-hant/02-more.md", text: "---\ntitle: 更多\n---\n更多內容。\n")]

    /// `01-intro.md` untranslated, `02-more.md` translated.
    func site() -> SourceTree { twoLanguageSite(translated: nil, fallback: true, config: config, more: more) }

    @Test func aPageWhoseOtherVersionIsACopyListsNoAlternatesButItsSwitchLeadsThere() throws {
        let output = try build(site())
        let english = try #require(text(output, "intro/index.html"))
        #expect(!english.contains("rel=\"alternate\" hreflang"))
        #expect(english.contains("<a href=\"../zh-hant/intro/\" hreflang=\"zh-Hant\" lang=\"zh-Hant\">繁體中文</a>"))
        let translated = try #require(text(output, "more/index.html"))
        #expect(translated.contains("<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://example.org/x/zh-hant/more/\">"))
        #expect(translated.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/x/more/\">"))
    }

    @Test func aFallbackCopyOffersNoAlternatesAndNamesItsOriginalAsCanonical() throws {
        let output = try build(site())
        let copy = try #require(text(output, "zh-hant/intro/index.html"))
        #expect(copy.contains("本頁尚未翻譯"))
        #expect(!copy.contains("rel=\"alternate\" hreflang"))
        #expect(copy.contains("<link rel=\"canonical\" href=\"https://example.org/x/intro/\">"))
        #expect(copy.contains("<meta property=\"og:url\" content=\"https://example.org/x/intro/\">"))
        #expect(copy.contains("<a href=\"../../intro/\" hreflang=\"en\" lang=\"en\">English</a>"))
        let translated = try #require(text(output, "zh-hant/more/index.html"))
        #expect(translated.contains("<link rel=\"canonical\" href=\"https://example.org/x/zh-hant/more/\">"))
        #expect(translated.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/x/more/\">"))
    }

    @Test func aLanguagesSitemapAndFeedLeaveOutItsFallbackCopies() throws {
        let output = try build(site())
        let sitemap = try #require(text(output, "zh-hant/sitemap.xml"))
        #expect(!sitemap.contains("zh-hant/intro/"))
        #expect(sitemap.contains("<loc>https://example.org/x/zh-hant/more/</loc>"))
        let feed = try #require(text(output, "zh-hant/feed.xml"))
        #expect(!feed.contains("zh-hant/intro/") && feed.contains("<id>https://example.org/x/zh-hant/more/</id>"))
        #expect(try #require(text(output, "sitemap.xml")).contains("<loc>https://example.org/x/intro/</loc>"))
    }

    /// The site with head.mustache as explainer wrote it before fallback copies lost their alternates: it printed the
    /// x-default link whenever the site had languages, so a copy (no alternates, no x-default) got `href=""`.
    func siteWithOlderHead() throws -> SourceTree {
        var source = site()
        let index = try #require(source.templates.firstIndex { $0.path == "templates/head.mustache" })
        let current = String(decoding: source.templates[index].bytes, as: UTF8.self)
        let guarded = "{{/alternates}}{{#xDefault}}<link rel=\"alternate\" hreflang=\"x-default\" href=\"{{xDefault}}\">\n"
            + "{{/xDefault}}{{/hasLanguages}}"
        let older = "{{/alternates}}<link rel=\"alternate\" hreflang=\"x-default\" href=\"{{xDefault}}\">\n{{/hasLanguages}}"
        try #require(current.contains(guarded))
        source.templates[index] = SourceFile(path: "templates/head.mustache", text: current.replacing(guarded, with: older))
        return source
    }

    @Test func anOlderHeadThatPrintsXDefaultOnEveryPageIsWarnedAboutAtItsTag() throws {
        let output = try build(siteWithOlderHead())
        // The copy shows why: no page value can stop the older line (the language switch needs hasLanguages too).
        #expect(try #require(text(output, "zh-hant/intro/index.html")).contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"\">"))
        let warnings = output.warnings.filter { $0.file == "templates/head.mustache" }
        #expect(warnings == [Diagnostic(
            file: "templates/head.mustache", line: 36, column: 65,
            message: "{{xDefault}} is printed on every page, also where a page has no x-default: a page shown untranslated "
                + "and the 404 page get an hreflang=\"x-default\" link with an empty address",
            hint: "print the link only when there is one, as explainer's own head.mustache does: "
                + "{{#xDefault}}<link rel=\"alternate\" hreflang=\"x-default\" href=\"{{xDefault}}\">{{/xDefault}} "
                + "(`explainer templates update head.mustache` merges it in)",
            severity: .warning)])
    }

    @Test func todaysHeadAndAOneLanguageSiteGetNoXDefaultWarning() throws {
        #expect(try build(site()).warnings.allSatisfy { $0.file != "templates/head.mustache" })
        var english = miniSite(chapter: "---\ntitle: Intro\n---\nText.\n")
        english.templates = try siteWithOlderHead().templates
        #expect(try build(english).warnings.allSatisfy { $0.file != "templates/head.mustache" })
    }

    @Test func xDefaultIsGuardedOnlyInsideASectionThatNeedsIt() {
        let text = "{{#alternates}}{{xDefault}}{{/alternates}}\n{{^xDefault}}{{xDefault}}{{/xDefault}}\n"
            + "{{#xDefault}}{{{xDefault}}}{{/xDefault}} {{&xDefault}}\n{{=<% %>=}}\n<% xDefault %>"
        let found = unguardedTags(named: "xDefault", guards: ["xDefault", "alternates"], in: text)
        #expect(found.map { "\($0.line):\($0.column) \($0.tag)" } == ["2:14 {{xDefault}}", "3:42 {{&xDefault}}"])
    }

    @Test func anUntranslatedGlossaryIsNotOfferedAsTheLanguagesGlossary() throws {
        let glossary = SourceFile(path: "content/glossary.yml", text: "- term: Tide\n  definition: The sea rising and falling.\n")
        let output = try build(twoLanguageSite(fallback: true, config: config, more: [glossary]))
        #expect(!(try #require(text(output, "zh-hant/sitemap.xml"))).contains("zh-hant/glossary/"))
        #expect(!(try #require(text(output, "glossary/index.html"))).contains("rel=\"alternate\" hreflang"))
        let copy = try #require(text(output, "zh-hant/glossary/index.html"))
        #expect(copy.contains("<link rel=\"canonical\" href=\"https://example.org/x/glossary/\">"))
        // The chapter is translated: its alternates stay.
        #expect(try #require(text(output, "intro/index.html")).contains("hreflang=\"zh-Hant\" href=\"https://example.org/x/zh-hant/intro/\""))
    }

    @Test func aDraftTranslationFallsBackToItsOriginalUnlessDraftsAreBuilt() throws {
        // The other chapter links the translated one, whose translation is a draft.
        let linking = SourceFile(path: "content/02-more.md", text: "---\ntitle: More\n---\nBack to [the start](01-intro.md).\n")
        let draft = "---\ntitle: 導論\ndraft: true\n---\n中文內容。\n"
        let site = twoLanguageSite(translated: draft, fallback: true, config: config, more: [linking])
        let output = try build(site)
        let copy = try #require(text(output, "zh-hant/intro/index.html"))
        #expect(copy.contains("English text.") && copy.contains("本頁尚未翻譯"))
        #expect(!copy.contains("中文內容"))
        #expect(output.draftsLeftOut == ["content/zh-hant/01-intro.md"])
        // The check and the build agree; with drafts, the translation is built.
        #expect(try build(site, options: BuildOptions(includeDrafts: true)).draftsLeftOut.isEmpty)
        #expect(try #require(text(try build(site, options: BuildOptions(includeDrafts: true)), "zh-hant/intro/index.html"))
            .contains("中文內容"))
    }
}

/// A link in an untranslated chapter is checked in each language's copy: a problem only the copy has is said to be
/// there, and one the original has too is reported once.
@Suite struct FallbackCopyLinkTests {
    static let formula = SourceFile(path: "content/02-formula.md", text: "---\ntitle: Formula\n---\n## The formula\n\nText.\n")
    static let translatedFormula = SourceFile(path: "content/zh-hant/02-formula.md", text: "---\ntitle: 公式\n---\n## 公式\n\n內容。\n")

    @Test func aMissingAnchorOnlyInACopyNamesTheLanguageAndSuggestsTheTranslatedHeadingsID() {
        let site = twoLanguageSite(english: "---\ntitle: Intro\n---\nSee [the formula](02-formula.md#the-formula).\n",
                                   translated: nil, fallback: true, more: [Self.formula, Self.translatedFormula])
        #expect(diagnostics(of: site) == [
            Diagnostic(file: "content/01-intro.md", line: 4, column: 19,
                       message: "link '02-formula.md#the-formula' points to a missing anchor '#the-formula' in the Traditional "
                           + "Chinese edition's copy of this chapter (zh-hant/intro/, published untranslated)",
                       hint: "the Traditional Chinese page it links to is translated, and its heading has another anchor: translate "
                           + "this chapter into content/zh-hant/01-intro.md, or give that heading the original's id: "
                           + "'## 公式 {#the-formula}' (content/zh-hant/02-formula.md:4)"),
        ])
    }

    @Test func theTranslatedHeadingWithTheOriginalsIDMakesTheCopysLinkWork() {
        var translated = Self.translatedFormula
        translated.bytes = Array("---\ntitle: 公式\n---\n## 公式 {#the-formula}\n\n內容。\n".utf8)
        let site = twoLanguageSite(english: "---\ntitle: Intro\n---\nSee [the formula](02-formula.md#the-formula).\n",
                                   translated: nil, fallback: true, more: [Self.formula, translated])
        #expect(diagnostics(of: site).isEmpty)
    }

    @Test func aLinkBrokenInTheOriginalIsReportedOnceNotAgainForItsCopy() {
        let site = twoLanguageSite(english: "---\ntitle: Intro\n---\nSee [the formula](/formula/).\n",
                                   translated: nil, fallback: true, more: [Self.formula, Self.translatedFormula])
        let found = diagnostics(of: site)
        #expect(found.count == 1)
        #expect(found.first?.message == "link '/formula/' is absolute; use a relative link so the site works under any sub-path")
    }
}

/// A problem in a file several languages build is reported once, at the file the writer edits.
@Suite struct OneReportPerProblemTests {
    @Test func aDuplicateFigureIDInAnUntranslatedChapterIsReportedOnceAtItsSource() {
        let chart = "```chart\nid: same\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n"
        let first = SourceFile(path: "content/02-first.md", text: "---\ntitle: First\n---\n" + chart)
        let firstTranslated = SourceFile(path: "content/zh-hant/02-first.md", text: "---\ntitle: 第一\n---\n" + chart)
        let second = SourceFile(path: "content/03-second.md", text: "---\ntitle: Second\n---\n" + chart)
        let found = diagnostics(of: twoLanguageSite(fallback: true, more: [first, firstTranslated, second]))
        #expect(found.map(\.description) == [
            "content/03-second.md:4:1: error: duplicate figure id 'same' (first used at content/02-first.md:4)\n"
                + "  hint: give each chart block its own id",
        ])
    }

    @Test func theSameProblemAtTheSamePlaceIsKeptOnceWithTheMoreSpecificHint() {
        let generic = Diagnostic(file: "content/03-x.md", line: 25, column: 24, message: "link '/about/' is absolute",
                                 hint: "link a chapter by its file, 10-a.md, or by its page, ../a/")
        var specific = generic
        specific.hint = "did you mean '../about/'? (or link its file: about.md)"
        #expect(BuildFailure([generic, specific]).diagnostics == [specific])
        #expect(BuildFailure([specific, generic]).diagnostics == [specific])
        var other = generic
        other.column = 30
        #expect(BuildFailure([generic, other]).diagnostics.count == 2)
    }
}
