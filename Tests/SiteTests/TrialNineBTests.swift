import Testing
@testable import Site

private func chapter(withChart lines: [String], after text: String = "Intro.") -> String {
    "---\ntitle: Charts\n---\n\(text)\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

/// A chart block's first key is on line 7 of `chapter(withChart:)`.
private let firstKeyLine = 7

private let csvFile = "content/data/h.csv"

/// What the second writer trial of round nine found: problems one run did not list, Markdown published as written,
/// hints that pointed elsewhere.
@Suite struct TrialNineB {
    // MARK: Figures are checked beside every other file's problems

    @Test func aBadCellIsReportedBesideABrokenChapterLink() {
        let csv = SourceFile(path: csvFile, text: "hour,height\n1,1.0\n2,\"3,9\"\n")
        let other = SourceFile(path: "content/02-more.md", text: "---\ntitle: More\n---\n\nSee [the phases](11-phases.md).\n")
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv"]),
                                             extraChapters: [other], data: [csv]))
        #expect(found.map { "\($0.file):\($0.line)" } == ["content/02-more.md:5", "content/data/h.csv:3"])
        #expect(found.last?.message == "'3,9' in column 'height' is not a number")
    }

    @Test func aBadCellIsReportedBesideAnotherChaptersFrontMatterMistake() {
        let csv = SourceFile(path: csvFile, text: "hour,height\n1,1.0\n2,0.8m\n")
        let other = SourceFile(path: "content/02-more.md", text: "---\ntitle: More\ndraft: yes\n---\n\nText.\n")
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv"]),
                                             extraChapters: [other], data: [csv]))
        #expect(found.map(\.file) == ["content/02-more.md", "content/data/h.csv"])
    }

    @Test func aDuplicateFigureIDStillStopsBeforeTheFigures() {
        let csv = SourceFile(path: csvFile, text: "hour,height\n1,1.0\n2,0.8m\n")
        let block = ["id: c", "title: T", "caption: C.", "data: h.csv"]
        let other = SourceFile(path: "content/02-more.md", text: chapter(withChart: block))
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: block), extraChapters: [other], data: [csv]))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("duplicate figure id 'c'") == true)
    }

    @Test func aFigureOfAnUnreadableDataFileIsLeftOutWhileTheOthersAreDrawn() {
        let broken = SourceFile(path: "content/data/a.csv", text: "hour,height\n1,1.0,3\n")
        let bad = SourceFile(path: "content/data/b.csv", text: "hour,height\n1,1.0\n2,x\n")
        let page = chapter(withChart: ["id: a", "title: T", "caption: C.", "data: a.csv"])
            + "\n```chart\nid: b\ntitle: T\ncaption: C.\ndata: b.csv\n```\n"
        let found = diagnostics(of: miniSite(chapter: page, data: [broken, bad]))
        #expect(found.map { "\($0.file):\($0.line)" } == ["content/data/a.csv:2", "content/data/b.csv:3"])
    }

    @Test func aBadCellOfATwoLanguageSiteIsReportedOnceBesideABrokenLink() {
        let english = chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv"], after: "See [x](03-nowhere.md).")
        let csv = SourceFile(path: csvFile, text: "hour,height\n1,1.0\n2,0.8m\n")
        let found = diagnostics(of: twoLanguageSite(english: english, translated: nil, fallback: true, more: [csv]))
        #expect(found.map { "\($0.file):\($0.line)" } == ["content/01-intro.md:4", "content/data/h.csv:3"])
    }

    // MARK: Captions and titles are plain text

    @Test(arguments: [("caption: Share of *all* infants.", "*all*"), ("caption: \"See ([the vial](images/vail.png)).\"", "[the vial](images/vail.png)"),
                      ("title: The `kind` of trial", "`kind`")])
    func markdownInAChartsCaptionOrTitleIsAnError(_ line: String, _ span: String) {
        let isTitle = line.hasPrefix("title")
        let block = ["id: c", isTitle ? line : "title: T", isTitle ? "caption: C." : line, "model: gpuCollateral"]
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: block)))
        #expect(found.count == 1)
        #expect(found.first?.line == firstKeyLine + (isTitle ? 1 : 2))
        #expect(found.first?.message == "a chart's \(isTitle ? "title" : "caption") is plain text, not Markdown: the page would show '\(span)' as written")
        #expect(found.first?.hint?.hasPrefix(isTitle ? "a title is plain text" : "a caption is plain text apart from [@key] citations") == true)
    }

    @Test func aCitationOrAFootnoteLikeStarInACaptionIsNotMarkdown() {
        #expect(markdownSpan(inCaption: "Cases* by year [@who-2020; @cdc], *excluding one", citations: true) == nil)
        #expect(markdownSpan(inCaption: "Share [@who] of *all*", citations: true) == "*all*")
        #expect(markdownSpan(inCaption: "A vial [@who]", citations: false) == "[@who]")
    }

    @Test func aLinkInAPicturesTitleIsAnErrorAtThePicture() {
        let page = "---\ntitle: A\n---\n\n![A vial](images/vial.png \"A vial like those in [phase 1](11-phases.md)\")\n"
        let image = SourceFile(path: "content/images/vial.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        let found = diagnostics(of: miniSite(chapter: page, images: [image]))
        #expect(found.map { "\($0.line)" } == ["5"])
        #expect(found.first?.message == "a picture's title is plain text, not Markdown: the page would show '[phase 1](11-phases.md)' as written")
    }

    // MARK: Hints

    @Test func aChapterLinkWithoutItsExtensionIsPointedAtTheFileInTheSameLanguage() {
        let english = "---\ntitle: Intro\n---\n\nSee [the placebo](20-placebo).\n"
        let placebo = SourceFile(path: "content/20-placebo.md", text: "---\ntitle: Placebo\n---\n\nText.\n")
        let found = diagnostics(of: twoLanguageSite(english: english, translated: nil, fallback: true, more: [placebo]))
        #expect(found.first { $0.file == "content/01-intro.md" }?.hint == "did you mean '20-placebo.md'? (a file of content/ is linked with its .md)")
    }

    @Test func aMisspeltPageIsMatchedAmongTheSameLanguagesPages() {
        let english = "---\ntitle: Intro\n---\n\nSee [the placebo](../placebos/).\n"
        let placebo = SourceFile(path: "content/20-placebo.md", text: "---\ntitle: Placebo\n---\n\nText.\n")
        let translation = SourceFile(path: "content/zh-hant/20-placebo.md", text: "---\ntitle: 安慰劑\n---\n\n中文。\n")
        let found = diagnostics(of: twoLanguageSite(english: english, more: [placebo, translation]))
        #expect(found.first { $0.file == "content/01-intro.md" }?.hint == "did you mean '../placebo/'? (or link its file: 20-placebo.md)")
    }

    @Test func everyRaggedRowIsListedUpToTwenty() throws {
        let rows = (1...24).map { "\($0),\($0),\($0)" }.joined(separator: "\n")
        let csv = SourceFile(path: csvFile, text: "hour,height\n0,1\n1\n" + rows + "\n")
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv"]),
                                             data: [csv]))
        #expect(found.count == 21)
        #expect(found.prefix(2).map(\.line) == [3, 4])
        #expect(found.first?.message == "row has 1 cell but the header has 2")
        let last = try #require(found.last)
        #expect(last.line == 23)
        #expect(last.message == "and 5 more rows with more or fewer cells than the header, from this one on")
    }

    @Test func aDataPathWithItsFolderHintsTheNameAlone() {
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: ["id: c", "title: T", "caption: C.", "data: data/h.csv"])))
        #expect(found.first?.hint == "content/data/ is read without its folders: keep the file in content/data/ itself and write `data: h.csv`")
    }

    @Test func aMisspeltSourceKeyIsPointedAtOnceInSourcesYML() {
        let sources = "polak-2020:\n  title: Safety and efficacy\n  date: 2020-12-31\n"
        let page = "---\ntitle: A\n---\n\nOne [@polack-2020]. Two [@polack-2020].\n"
        let found = diagnostics(of: miniSite(chapter: page, sources: sources))
        let note = try? #require(found.first { $0.file == "content/sources.yml" })
        #expect(note?.line == 1)
        #expect(note?.message == "source 'polak-2020' is cited on no page, while pages cite 'polack-2020', which no source has")
        #expect(found.filter { $0.file == "content/sources.yml" }.count == 1)
        #expect(found.first { $0.file == "content/01-intro.md" }?.hint?.contains("rename that source in content/sources.yml") == true)
    }

    // MARK: Templates and pages

    @Test func aListItemByNumberInATemplateIsWarnedAbout() throws {
        var site = miniSite(chapter: "---\ntitle: A\nextra:\n  tags: [one, two]\n---\n\nText.\n")
        let index = try #require(site.templates.firstIndex { $0.path == "templates/chapter.mustache" })
        site.templates[index].bytes += Array("\n{{#extra.tags.0}}<ul>{{#extra.tags}}<li>{{.}}</li>{{/extra.tags}}</ul>{{/extra.tags.0}}\n".utf8)
        let output = try build(site)
        let warning = try #require(output.warnings.first { $0.file == "templates/chapter.mustache" })
        #expect(warning.message == "'0' in {{#extra.tags.0}} is not something Mustache can look up, so it renders as nothing on every page")
        #expect(warning.hint?.contains("{{#extra.tags}}…{{/extra.tags}}") == true)
    }

    @Test func aMapKeyNamedLikeALengthIsNotWarnedAbout() throws {
        var site = miniSite(chapter: "---\ntitle: A\nextra:\n  size:\n    first: Ada\n---\n\nText.\n")
        let index = try #require(site.templates.firstIndex { $0.path == "templates/chapter.mustache" })
        site.templates[index].bytes += Array("\n{{extra.size.first}}\n".utf8)
        let output = try build(site)
        #expect(!output.warnings.contains { $0.file == "templates/chapter.mustache" })
    }

    @Test func theRoot404PageLeavesOutALanguageThatWouldSayTheSame() throws {
        let config = "title: Test site\ndescription: A test.\nlanguages:\n  - code: en\n  - code: fr\n    fallback: true\n"
        var site = miniSite(chapter: "---\ntitle: Intro\n---\n\nText.\n", config: config)
        site.translations = [SourceFile(path: "templates/i18n/fr.yml", text: "homePage: Accueil\n")]
        let output = try build(site)
        let page = try #require(text(output, "404.html"))
        #expect(!page.contains("class=\"not-found-other\""))
    }

    @Test func aSourceCitedOnlyByADraftIsSaidToBe() throws {
        let sources = "dd-1983:\n  title: Bank runs\n  publisher: JPE\n  date: 1983\n"
        let draft = SourceFile(path: "content/02-draft.md", text: "---\ntitle: Draft\ndraft: true\n---\n\nRuns [@dd-1983].\n")
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n\nText.\n", extraChapters: [draft], sources: sources))
        let warning = try #require(output.warnings.first { $0.file == "content/sources.yml" })
        #expect(warning.message == "source 'dd-1983' is cited only by the draft 02-draft.md, which is left out, but the sources page lists it among the sources cited")
    }

    @Test func aKeyCitedOnceIsNotTakenForAMisspeltSource() {
        let sources = "polak-2020:\n  title: Safety and efficacy\n  date: 2020-12-31\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n\nOne [@polack-2020].\n", sources: sources))
        #expect(found.map(\.file) == ["content/01-intro.md"])
        #expect(found.first?.hint == "did you mean 'polak-2020'?")
    }

    @Test func aDraftWithAFallbackCopyIsCountedOnce() throws {
        let draft = SourceFile(path: "content/02-draft.md", text: "---\ntitle: Draft\ndraft: true\n---\n\nText.\n")
        let output = try build(twoLanguageSite(translated: nil, fallback: true, more: [draft]))
        #expect(output.draftsLeftOut == ["content/02-draft.md"])
    }
}
