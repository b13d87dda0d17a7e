import Testing
@testable import Site

/// Trial 13 (S7): a footnote's second paragraph written without its four-space indent became the chapter's last
/// paragraph, above the takeaway, and the note was cut short, silently.
@Suite struct FootnoteContinuation {
    private func warnings(_ body: String) throws -> [Diagnostic] {
        try build(miniSite(chapter: "---\ntitle: A\n---\n" + body)).warnings.filter { $0.message.contains("comes after the footnote") }
    }

    @Test func anUnindentedParagraphAfterTheLastNoteIsAWarningAtIt() throws {
        let found = try warnings("Text[^dauer].\n\n[^dauer]: A drought can start\nafter a month.\n\nSecond paragraph of the note.\n")
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 9, column: 1,
                                     message: "this paragraph comes after the footnote [^dauer], at the end of the file: the page "
                                        + "shows it as the chapter's last paragraph, not as part of the note",
                                     hint: "if it is the note's next paragraph, indent it by four spaces; if it is the chapter's "
                                        + "text, put the footnote's definition after it (definitions usually go at the end of the file)",
                                     severity: .warning)])
    }

    @Test(arguments: [
        "Text[^a].\n\n[^a]: A note.\n\n    Its second paragraph.\n",            // indented: part of the note
        "Text[^a].\n\n[^a]: A note.\n\n## Later\n\nMore text.\n",             // the chapter goes on under a heading
        "Text[^a] and[^b].\n\n[^a]: A note.\n\n[^b]: Another.\n",              // notes to the end
        "Text.\n\n```text\n[^a]: not a note\n```\n\nMore.\n",                  // in code
        "See [DWD][dwd][^a].\n\n[^a]: A note.\n\n[dwd]: https://www.dwd.de/\n",   // a link reference after the notes (recheck 13 R1)
    ])
    func notesWrittenRightAreNoWarning(_ body: String) throws {
        #expect(try warnings(body).isEmpty)
    }
}
