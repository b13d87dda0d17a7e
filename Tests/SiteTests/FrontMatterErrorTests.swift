import Testing
@testable import Site

@Suite struct FrontMatterErrors {
    @Test func missingFrontMatterIsReportedOnLineOne() {
        let problems = diagnostics(of: miniSite(chapter: "# Hello\n\nText.\n"))
        #expect(problems.count == 1)
        #expect(problems.first?.file == "content/01-intro.md")
        #expect(problems.first?.line == 1)
        #expect(problems.first?.message == "missing front matter")
        #expect(problems.first?.hint != nil)
    }

    /// Trial 11: a blank first line got "missing front matter" and a hint to start with '---', which the file did.
    @Test func aBlankLineAboveTheFrontMatterIsNamedAsTheMistake() {
        let problems = diagnostics(of: miniSite(chapter: "\n\n---\ntitle: A\n---\nText.\n"))
        #expect(problems.map(\.message) == ["the front matter's '---' is on line 3, not the first line, so the file has no front matter"])
        #expect(problems.first?.hint == "remove the blank lines above it")
    }

    /// Trial 11: `2026-12-7` got the generic "must be a date like 2025-11-30".
    @Test func aDateWithoutItsZerosGetsTheDateWithThem() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\ndate: 2026-12-7\n---\nText.\n"))
        #expect(problems.map(\.message) == ["'date' must be a date like 2025-11-30, with two-digit months and days"])
        #expect(problems.first?.hint == "write date: 2026-12-07")
        // Not a day of the calendar, even with zeros: no date to propose.
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: A\ndate: 2026-2-30\n---\nText.\n")).first?.hint == "write it as YYYY-MM-DD")
    }

    @Test func unclosedFrontMatterIsAnError() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n\nText.\n"))
        #expect(problems.map(\.message) == ["front matter is not closed"])
    }

    @Test func malformedYAMLPointsAtItsLine() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\nsummary: [unclosed\n---\nText.\n"))
        #expect(problems.count == 1)
        #expect(problems.first?.line ?? 0 >= 3)
        #expect(problems.first?.file == "content/01-intro.md")
    }

    @Test func missingTitleIsAnError() {
        let problems = diagnostics(of: miniSite(chapter: "---\nsummary: No title here.\n---\nText.\n"))
        #expect(problems.map(\.message) == ["missing required key 'title' in front matter"])
    }

    @Test func unknownKeyIsReportedWithItsPositionAndASuggestion() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\nsumary: typo\n---\nText.\n"))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.column == 1)
        #expect(problems.first?.message.contains("sumary") == true)
        #expect(problems.first?.hint?.contains("summary") == true)
    }

    @Test func tabIndentationIsReportedNotCrashed() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n\tsummary: tab\n---\nText.\n"))
        #expect(problems.first?.line == 3)
    }

    @Test func duplicateKeysAreAnError() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\ntitle: B\n---\nText.\n"))
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.contains("title") == true)
    }

    @Test func wrongTypeForDraftIsAnError() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\ndraft: perhaps\n---\nText.\n"))
        #expect(problems.first?.line == 3)
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() {
        var bytes = Array("---\ntitle: A\n---\nab".utf8)
        bytes.append(0xFF)
        bytes += Array("c\n".utf8)
        var site = miniSite(chapter: "")
        site.chapters = [SourceFile(path: "content/01-intro.md", bytes: bytes)]
        let problems = diagnostics(of: site)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 4)
        #expect(problems.first?.column == 3)
        #expect(problems.first?.message == "file is not valid UTF-8")
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("---\r\ntitle: Windows\r\n---\r\n## Heading\r\n\r\nText.\r\n".utf8)
        var site = miniSite(chapter: "")
        site.chapters = [SourceFile(path: "content/01-intro.md", bytes: bytes)]
        let output = try build(site)
        #expect(text(output, "intro/index.html")?.contains("Windows") == true)
    }

    @Test func everyProblemInOneRunIsReported() {
        let second = SourceFile(path: "content/02-second.md", text: "no front matter\n")
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\nbogus: 1\n---\nText.\n", extraChapters: [second]))
        #expect(Set(problems.map(\.file)) == ["content/01-intro.md", "content/02-second.md"])
    }

    @Test func badChapterFileNameIsAnError() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n", name: "Intro.md"))
        #expect(problems.first?.message == "file name 'Intro.md' is neither a chapter (NN-slug.md) nor a page (slug.md)")
    }

    @Test func diagnosticsPrintAsFileLineColumn() {
        let diagnostic = Diagnostic(file: "content/01-a.md", line: 3, column: 7, message: "oops", hint: "fix it")
        #expect(diagnostic.description == "content/01-a.md:3:7: error: oops\n  hint: fix it")
    }
}
