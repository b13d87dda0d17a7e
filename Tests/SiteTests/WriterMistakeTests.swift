import Foundation
import Testing
@testable import Site

/// Mistakes a new writer made that once built without a word (the new-writer trial's silent rows): each is now an
/// error at its place, or renders as the writer meant.
@Suite struct WriterMistakeTests {
    @Test func aNULByteInAChapterIsAnErrorNotATruncatedPage() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nFirst.\u{0} Rest of the chapter.\n"))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 4, column: 7,
                                     message: "invisible control character U+0000 (NUL) in the text",
                                     hint: "delete it (most editors do not show it; `cat -A content/01-intro.md` does); a "
                                         + "chapter may contain tabs and line breaks, but no other control characters")])
    }

    @Test func tabsFormFeedsAndLineBreaksAreAllowed() {
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nA\ttab.\u{0C}\r\nNext.\n")).isEmpty)
    }

    @Test func rawHTMLIsAnErrorUnlessSiteYmlTrustsIt() throws {
        let chapter = "---\ntitle: A\n---\n<iframe src=\"https://example.com/v\"></iframe>\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        #expect(found.map(\.line) == [4])
        #expect(found.first?.message == "raw HTML '<iframe src=\"https://example.com/v\"></iframe>' is not published: the page would show nothing in its place")
        let trusted = miniSite(chapter: chapter, config: "title: T\ndescription: D.\nlanguage: en\nrawHTML: true\n")
        let output = try build(trusted)
        #expect(text(output, "intro/index.html")?.contains("<iframe src=\"https://example.com/v\"></iframe>") == true)
    }

    @Test func texMathIsAnErrorAtItsLineInTheFile() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n\nIf $r_1 > 1$ then.\n"))
        #expect(found.map { "\($0.line):\($0.column)" } == ["6:4"])
        #expect(found.first?.message.hasPrefix("'$r_1 > 1$' looks like TeX math") == true)
    }

    @Test func anImageWithoutAltTextIsAnError() {
        let image = SourceFile(path: "content/images/a.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n![](images/a.png)\n", images: [image]))
        #expect(found.map(\.message) == ["image 'images/a.png' has no alt text"])
    }

    @Test func aChapterWithAnotherMarkdownExtensionIsAnError() {
        let other = SourceFile(path: "content/02-the-run.markdown", text: "---\ntitle: B\n---\nText.\n")
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n", extraChapters: [other]))
        #expect(found == [Diagnostic(file: "content/02-the-run.markdown", line: 1, column: 1,
                                     message: "'02-the-run.markdown' is not read: chapters and pages are Markdown files ending in .md",
                                     hint: "rename it to 02-the-run.md")])
    }

    @Test func aChapterSavedAsATextFileIsAWarningNamingTheChaptersFileName() throws {
        let other = SourceFile(path: "content/02-the-run.md.txt", text: "---\ntitle: B\n---\nText.\n")
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n", extraChapters: [other]))
        #expect(output.warnings == [Diagnostic(file: "content/02-the-run.md.txt", line: 1, column: 1,
                                               message: "'02-the-run.md.txt' is not read: chapters and pages are Markdown files "
                                                   + "ending in .md, so it is missing from the site",
                                               hint: "rename it to 02-the-run.md (some editors add .txt when they save plain text)",
                                               severity: .warning)])
        // Read from the site's folder beside the chapters, so the build can say so.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: "content"), withIntermediateDirectories: true)
        // A text file of the writer's own (notes.txt) is left alone.
        for (name, text) in [("site.yml", "title: T\n"), ("01-a.md", "---\ntitle: A\n---\nText.\n"), ("02-the-run.md.txt", "Text.\n"),
                             ("notes.txt", "To do.\n")] {
            try Data(text.utf8).write(to: folder.appending(path: "content/" + name))
        }
        #expect(try SourceTree.read(from: folder).chapters.map(\.path) == ["content/01-a.md", "content/02-the-run.md.txt"])
    }

    @Test func twoChaptersWithTheSameNumberAreAnError() {
        let other = SourceFile(path: "content/02-runs.md", text: "---\ntitle: B\n---\nText.\n")
        let second = SourceFile(path: "content/02-the-run.md", text: "---\ntitle: C\n---\nText.\n")
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n", extraChapters: [second, other]))
        #expect(found.map(\.file) == ["content/02-the-run.md"])
        #expect(found.first?.message == "chapter number 02 is also used by content/02-runs.md")
    }

    @Test func aCitationLocatorIsShownInTheNoteAndTheKeyIsChecked() throws {
        let sources = "dd-1983:\n  title: Bank runs\n  publisher: JPE\n  date: 1983\n"
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nRuns [@dd-1983, p. 403] happen [@dd-1983, ch. 2].\n",
                                        sources: sources))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<span class=\"locator\">(p. 403; ch. 2)</span>"))
        #expect(!page.contains("[@dd-1983"))
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nRuns [@dd-1938, p. 403].\n", sources: sources))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 4, column: 7,
                                     message: "undefined citation key 'dd-1938'", hint: "did you mean 'dd-1983'?")])
    }

    @Test func aCitationInAChartCaptionIsANoteNumberedWhereTheChartStands() throws {
        let sources = "dd-1983:\n  title: Bank runs\n  publisher: JPE\n  date: 1983\nfed-2023:\n  title: Review\n  publisher: Fed\n  date: 2023\n"
        let chart = "```chart\nid: c\ntitle: T\ncaption: \"Losses [@fed-2023, p. 4].\"\nmodel: gpuCollateral\n```\n"
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nFirst [@dd-1983].\n\n" + chart + "\nLater [@fed-2023].\n",
                                        sources: sources))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<figcaption id=\"figure-c-caption\">Losses<sup class=\"cite\"><a href=\"#note-2\" id=\"cite-2\">2</a></sup>.</figcaption>"))
        #expect(page.contains("Later<sup class=\"cite\"><a href=\"#note-2\">2</a></sup>."))
        #expect(page.contains("<span class=\"locator\">(p. 4)</span>"))
        #expect(!page.contains("[@fed-2023"))
        #expect(text(output, "data/c.csv")?.contains("[@") == false)
    }

    @Test func anUnknownKeyInAChartCaptionIsAnErrorAtItsPlace() {
        let sources = "fed-2023:\n  title: Review\n  publisher: Fed\n  date: 2023\n"
        let chart = "```chart\nid: c\ntitle: T\ncaption: \"Losses [@fed-2032].\"\nmodel: gpuCollateral\n```\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n\n" + chart, sources: sources))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 9, column: 19,
                                     message: "undefined citation key 'fed-2032'", hint: "did you mean 'fed-2023'?")])
    }

    @Test func aNotFoundPageWithoutABaseURLCarriesTheScriptThatFindsTheSiteRoot() throws {
        let page = try #require(text(try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n")), "404.html"))
        #expect(page.contains("<a href=\"/sources/\">"))
        #expect(page.contains(notFoundScript(prefix: "", languageFolders: [], sitePath: nil, findsRoot: true)! + "</head>"))
        let withBase = miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                config: "title: T\ndescription: D.\nlanguage: en\nbaseURL: https://example.org/x/\nupdated: 2025-11-30\n")
        let absolute = try #require(text(try build(withBase), "404.html"))
        #expect(absolute.contains("<a href=\"https://example.org/x/sources/\">") && !absolute.contains("var folders"))
    }

    @Test func aLinkToAChaptersFileGoesToItsPageAndAnchor() throws {
        let second = SourceFile(path: "content/02-the-run.md", text: "---\ntitle: B\n---\n## Step 3\n\nBack to [the start](01-intro.md).\n")
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nSee [step 3](02-the-run.md#step-3).\n", extraChapters: [second]))
        #expect(text(output, "intro/index.html")?.contains("<a href=\"../the-run/#step-3\">step 3</a>") == true)
        #expect(text(output, "the-run/index.html")?.contains("<a href=\"../intro/\">the start</a>") == true)
    }

    @Test func aLinkToAChaptersFileWithAMissingAnchorIsAnErrorAtTheLink() {
        let second = SourceFile(path: "content/02-the-run.md", text: "---\ntitle: B\n---\n## Step 3\n")
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nSee [it](02-the-run.md#step-4).\n",
                                             extraChapters: [second]))
        #expect(found.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
                == ["content/01-intro.md:4:10: link '02-the-run.md#step-4' points to a missing anchor '#step-4'"])
        #expect(found.first?.hint == "did you mean '#step-3'?")
    }

    @Test func aLinkToAMissingChapterFileSuggestsTheNearestFile() {
        let second = SourceFile(path: "content/02-the-run.md", text: "---\ntitle: B\n---\nText.\n")
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nSee [it](02-the-runn.md).\n", extraChapters: [second]))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 4, column: 10,
                                     message: "link '02-the-runn.md' points to no file in content/",
                                     hint: "did you mean '02-the-run.md'?")])
    }

    @Test func aLinkToADraftChapterSaysItIsADraft() throws {
        let draft = SourceFile(path: "content/02-later.md", text: "---\ntitle: B\ndraft: true\n---\nText.\n")
        let site = miniSite(chapter: "---\ntitle: A\n---\nSee [later](02-later.md).\n", extraChapters: [draft])
        let found = diagnostics(of: site)
        #expect(found.map(\.message) == ["link '02-later.md' points to a draft ('draft: true' in content/02-later.md)"])
        var options = BuildOptions()
        options.includeDrafts = true
        let output = try build(site, options: options)
        #expect(text(output, "intro/index.html")?.contains("href=\"../later/\"") == true)
    }

    @Test func anUnknownTemplateVariableIsAnErrorAtItsTag() throws {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        let index = try #require(site.templates.firstIndex { $0.path == "templates/footer.mustache" })
        let footer = String(decoding: site.templates[index].bytes, as: UTF8.self)
        site.templates[index] = SourceFile(path: "templates/footer.mustache",
                                           text: footer.replacingOccurrences(of: "{{siteTitle}}", with: "{{site.title}}"))
        let found = diagnostics(of: site)
        #expect(found.count == 1)
        #expect(found.first?.file == "templates/footer.mustache")
        #expect(found.first?.message == "unknown template variable 'site' in {{site.title}}")
        #expect(found.first?.hint?.hasPrefix("did you mean") == true)
    }

    @Test func variablesAPageHasOnlySometimesAreNotUnknown() {
        // No author, footer, dates, licence or base URL: the templates test for each of them.
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n")).isEmpty)
    }

    @Test func aFenceLeftOpenIsAWarningAtTheLineWhereItOpened() throws {
        let chapter = "---\ntitle: A\n---\nText.\n\n```careful\nA caveat.\n\n## Later heading\n\nThe rest.\n"
        let output = try build(miniSite(chapter: chapter))
        #expect(output.warnings == [Diagnostic(file: "content/01-intro.md", line: 6, column: 1,
                                               message: "the fence ```careful is never closed: everything after it, to the end of the file, is inside it",
                                               hint: "close it with a line ``` where the block ends", severity: .warning)])
    }

    /// Trial 14 (M2): a box left open before a later fenced block ran on to that block's closing fence, taking in the
    /// heading and the block between, with no warning (the file's fences paired up again after it).
    @Test func aFenceLeftOpenBeforeAnotherFencedBlockIsAWarningNamingBoth() throws {
        let chapter = "---\ntitle: A\n---\nText.\n\n```careful\nA caveat.\n\n## Later heading\n\n```text\ncode\n```\n\nThe rest.\n```\n"
        let output = try build(miniSite(chapter: chapter))
        #expect(output.warnings == [Diagnostic(file: "content/01-intro.md", line: 6, column: 1,
                                               message: "the fence ```careful is still open at line 11, where ```text cannot open a block "
                                                + "inside it: everything up to its closing fence at line 13 is inside it",
                                               hint: "close it with a line ``` before line 11 (to show a fenced block inside it, open it "
                                                + "with a longer fence, ````)", severity: .warning)])
        // A longer fence shows a fenced block inside another, as CommonMark allows: no warning.
        let shown = "---\ntitle: A\n---\nText.\n\n````markdown\n```chart\nid: a\n```\n````\n\nThe rest.\n"
        #expect(try build(miniSite(chapter: shown)).warnings.isEmpty)
    }

    @Test func aBracketedSourceKeyWithoutAtIsAWarningWithTheCitationToWrite() throws {
        let chapter = "---\ntitle: A\n---\nText.\n\nAs shown [diamond-1983] and [diamond-1983, p. 4], not [other] or \\[diamond-1983].\n"
        let output = try build(miniSite(chapter: chapter, sources: "diamond-1983:\n  title: Bank runs\n"))
        let hint = "write [@diamond-1983] to cite it as a note (with a page: [@diamond-1983, p. 4]); to keep the brackets as "
            + "text, write \\[diamond-1983]"
        let message = "'[diamond-1983]' looks like a citation without '@': 'diamond-1983' is a source, but the page shows "
            + "the brackets as text"
        // (The source is cited nowhere else: a warning at its entry too, not looked at here.)
        #expect(output.warnings.filter { $0.file == "content/01-intro.md" } == [
            Diagnostic(file: "content/01-intro.md", line: 6, column: 10, message: message, hint: hint, severity: .warning),
            Diagnostic(file: "content/01-intro.md", line: 6, column: 29, message: message, hint: hint, severity: .warning),
        ])
    }

    @Test(arguments: ["```\ncode\n```\n", "````\n```\ninner\n```\n````\n", "> ```\n> quoted\n> ```\n", "~~~\n```\n~~~\n",
                      "- item\n\n  ```\n  code\n  ```\n"])
    func closedFencesGiveNoWarning(_ body: String) throws {
        #expect(try build(miniSite(chapter: "---\ntitle: A\n---\n" + body)).warnings.isEmpty)
    }

    @Test func aMisspeltPageLinkSuggestsTheClosestPageAndItsFile() {
        let second = SourceFile(path: "content/02-the-run.md", text: "---\ntitle: B\n---\nText.\n")
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nSee [it](../the-runn/).\n", extraChapters: [second]))
        #expect(found.map(\.hint) == ["did you mean '../the-run/'? (or link its file: 02-the-run.md)"])
    }

    @Test(arguments: ["English", "e", "en_GB", "english-GB", "en-"])
    func aLanguageThatIsNotABCP47TagIsAnError(_ language: String) {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                             config: "title: T\ndescription: D.\nlanguage: \"\(language)\"\n"))
        #expect(found.map(\.message) == ["'\(language)' is not a language tag (BCP 47)"])
        #expect(found.first?.line == 3)
    }

    @Test(arguments: ["en", "en-GB", "zh-Hant", "zh-Hant-TW", "es-419", "yue"])
    func languageTagsAreAccepted(_ language: String) {
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                         config: "title: T\ndescription: D.\nlanguage: \(language)\n")).isEmpty)
    }
}
