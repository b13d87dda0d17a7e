import Testing
@testable import Site

/// A ```chart block never closed runs to the end of the chapter (CommonMark's rule): the error names the block and the
/// line it opened at, not the YAML error the prose after it makes.
@Suite struct UnclosedChartBlock {
    private let csv = SourceFile(path: "content/data/h.csv", text: "hour,height\n0,1\n1,2\n")

    @Test func aChartBlockNeverClosedIsNamedAtItsFence() {
        let page = "---\ntitle: Tides\n---\nIntro.\n\n```chart\nid: h\ntitle: Height\ncaption: Height.\ndata: h.csv\n\n"
            + "[](#figure-h) shows the tide.\n"
        let found = diagnostics(of: miniSite(chapter: page, data: [csv]))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 6, column: 1,
                                     message: "the ```chart block opened at line 6 is never closed: the rest of the file, to its end, "
                                         + "is read as the chart's YAML",
                                     hint: "close it with a line ``` at line 11, after its last key, before the text that follows it")])
    }

    @Test func aChartBlockNeverClosedBeforeAnotherBlockIsNamedAtItsFenceNotAtTheProse() {
        let page = "---\ntitle: Tides\n---\nIntro.\n\n```chart\nid: h\ntitle: Height\ncaption: Height.\ndata: h.csv\n\n"
            + "## The run\n\nOn Thursday the tide rose.\n\n```chart\nid: g\ntitle: Again\ncaption: Again.\ndata: h.csv\n```\n\nThe end.\n"
        let found = diagnostics(of: miniSite(chapter: page, data: [csv]))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 6, column: 1,
                                     message: "the ```chart block opened at line 6 is never closed: it runs on into the text at "
                                         + "line 12 and the block opened at line 16, which are read as the chart's YAML",
                                     hint: "close it with a line ``` at line 11, after its last key, before the text that follows it")])
    }

    @Test func aClosedChartBlockWithBadYAMLGetsTheYAMLError() {
        let page = "---\ntitle: Tides\n---\nIntro.\n\n```chart\nid: h\ntitle: Height\ncaption: Height.\ndata: h.csv\nprose here\n```\n"
        let found = diagnostics(of: miniSite(chapter: page, data: [csv]))
        #expect(found.count == 1)
        #expect(found.first?.line == 11)
        #expect(found.first?.message.hasPrefix("invalid YAML") == true)
    }
}
