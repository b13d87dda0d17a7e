import Testing
@testable import Site

/// A file's kind comes from its name; front matter that only a chapter shows, on a file named as a page, is a warning
/// (a chapter renamed without its number is no longer a chapter).
@Suite struct ChapterOrPageTests {
    @Test func aPageWithAQuestionOrTakeawayIsAWarningNamingTheChapterFile() throws {
        let page = SourceFile(path: "content/delivery.md",
                              text: "---\ntitle: Delivery\nquestion: How does it reach the tap?\ntakeaway: Pipes leak.\n---\nText.\n")
        let second = SourceFile(path: "content/20-cloudy.md", text: "---\ntitle: Cloudy\n---\nText.\n")
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n", name: "10-journey.md", extraChapters: [second, page]))
        #expect(output.warnings == [Diagnostic(
            file: "content/delivery.md", line: 1, column: 1,
            message: "'delivery.md' is published as a standalone page (delivery/), not a chapter: its name has no number, and "
                + "a page shows no 'question' or 'takeaway'",
            hint: "to make it a chapter, give its name the number of its place among the chapters, e.g. 30-delivery.md (after "
                + "20-cloudy.md); to keep it a page, remove 'question:' and 'takeaway:'",
            severity: .warning)])
    }

    @Test func aPageWithoutChapterKeysIsNoWarning() throws {
        let page = SourceFile(path: "content/about.md", text: "---\ntitle: About\nsummary: Who we are.\n---\nText.\n")
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n", name: "01-a.md", extraChapters: [page]))
        #expect(output.warnings.isEmpty)
    }

    @Test func theSuggestedNumberFollowsTheChaptersWidthAndStep() throws {
        let page = SourceFile(path: "content/more.md", text: "---\ntitle: More\ntakeaway: Less.\n---\nText.\n")
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n", name: "01-a.md", extraChapters: [page]))
        #expect(output.warnings.map(\.hint) == ["to make it a chapter, give its name the number of its place among the chapters, "
            + "e.g. 02-more.md (after 01-a.md); to keep it a page, remove 'takeaway:'"])
    }
}
