import Testing
@testable import Site

/// Headings out of order (markdownlint's MD025 and MD001): a second title is an error, and so is a skipped level
/// that leaves a heading out of "In this chapter"; other skipped levels are warnings.
@Suite struct HeadingLevelTests {
    private func chapter(_ body: String) -> String { "---\ntitle: Treating water\n---\n" + body }

    @Test func aHashHeadingInAChapterIsASecondTitle() {
        let found = diagnostics(of: miniSite(chapter: chapter("## Mixing\n\nText.\n\n# Settling\n\nText.\n")))
        #expect(found == [Diagnostic(
            file: "content/01-intro.md", line: 8, column: 1,
            message: "'# Settling' is a second title: the page's title (its one '#' heading) comes from 'title:' in the front "
                + "matter, and 'In this chapter' leaves this one out",
            hint: "write '## Settling' for a section ('###' for a part of one)")])
    }

    @Test func aLineOfEqualsUnderAParagraphIsExplainedAtThatLineNotTurnedIntoAHeadingHint() {
        let found = diagnostics(of: miniSite(chapter: chapter("## Mixing\n\nDiamond and Dybvig showed\nthat runs happen\n"
            + "to sound banks.\n===\n\nText.\n")))
        #expect(found == [Diagnostic(
            file: "content/01-intro.md", line: 9, column: 1,
            message: "the line of '=' under 'Diamond and Dybvig showed that runs happen to sound banks.' makes that text a "
                + "title (a '#' heading), not a paragraph: the page would have a second title 3 lines long",
            hint: "to keep the paragraph, remove the '=' line (or leave a blank line above it, and write '---' there for a rule); "
                + "for a section heading, write '## ' and a short title on a line of its own")])
    }

    @Test func theTitleRepeatedAsAHashHeadingIsToBeRemoved() {
        let found = diagnostics(of: miniSite(chapter: chapter("# Treating water\n\nText.\n")))
        #expect(found.map(\.hint) == ["remove this line: the page already shows its title"])
    }

    @Test func aFourthLevelHeadingUnderASectionIsAnError() {
        let found = diagnostics(of: miniSite(chapter: chapter("## Mixing\n\nText.\n\n#### Settling\n\nText.\n")))
        #expect(found == [Diagnostic(
            file: "content/01-intro.md", line: 8, column: 1,
            message: "'#### Settling' skips a heading level: it follows a '##' heading (line 4), so 'In this chapter' leaves it out",
            hint: "write '### Settling' for a part of that section, or '## Settling' for a section of its own")])
    }

    @Test func aSkippedLevelThatStaysInTheOutlineIsAWarning() throws {
        let output = try build(miniSite(chapter: chapter("### Before any section\n\n## Mixing\n\n### Dose\n\n##### Detail\n\nText.\n")))
        #expect(output.warnings.map { "\($0.line) \($0.message)" } == [
            "4 '### Before any section' skips a heading level: it comes right under the page's title, before any '##' heading",
            "10 '##### Detail' skips a heading level: it follows a '###' heading (line 8)",
        ])
        #expect(output.warnings.first?.hint == "write '## Before any section': a section is '##', a part of one '###'")
    }

    @Test func headingsInOrderPassAndAPageMaySkipWithAWarning() throws {
        #expect(diagnostics(of: miniSite(chapter: chapter("## A\n\n### B\n\n#### C\n\n## D\n\n### E\n"))).isEmpty)
        let page = SourceFile(path: "content/about.md", text: "---\ntitle: About\n---\n## Who\n\n#### Contact\n")
        let output = try build(miniSite(chapter: chapter("## A\n"), extraChapters: [page]))
        #expect(output.warnings.map { "\($0.file):\($0.line) \($0.message)" }
            == ["content/about.md:6 '#### Contact' skips a heading level: it follows a '##' heading (line 4)"])
    }
}
