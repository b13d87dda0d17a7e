import Testing
@testable import Site

private func chapter(withChart lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

/// A chart block's first key is on line 7 of `chapter(withChart:)`.
private let firstKeyLine = 7

/// One run of `check` lists every bad cell of a CSV file (up to twenty, then how many more) and every problem of one
/// chart block's annotations, each with its hint.
@Suite struct EveryProblemInOneRun {
    private let header = "hour,height"

    @Test func everyBadCellOfACSVIsListed() {
        let csv = SourceFile(path: "content/data/h.csv", text: header + "\n1,1.0\n2,\"3,9\"\n3,3.0%\n4,0.8m\n5,2\n")
        let page = chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv"])
        let found = diagnostics(of: miniSite(chapter: page, data: [csv]))
        #expect(found == [
            Diagnostic(file: "content/data/h.csv", line: 3, column: 3, message: "'3,9' in column 'height' is not a number",
                       hint: "decimals use a point: 3.9"),
            Diagnostic(file: "content/data/h.csv", line: 4, column: 3, message: "'3.0%' in column 'height' is not a number",
                       hint: "write 3.0 and set 'format: percent' on the axis (e.g. y: {format: percent})"),
            Diagnostic(file: "content/data/h.csv", line: 5, column: 3, message: "'0.8m' in column 'height' is not a number",
                       hint: "leave the cell empty for a missing value"),
        ])
    }

    @Test func aLongListOfBadCellsStopsAtTwentyAndCountsTheRest() throws {
        let rows = (1...25).map { "\($0),\($0)m" }.joined(separator: "\n")
        let csv = SourceFile(path: "content/data/h.csv", text: header + "\n" + rows + "\n")
        let page = chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv"])
        let found = diagnostics(of: miniSite(chapter: page, data: [csv]))
        #expect(found.count == 21)
        let last = try #require(found.last)
        #expect(last.line == 22)
        #expect(last.message == "and 5 more cells that are not a number, from this one on")
    }

    @Test func everyProblemOfOneBlocksAnnotationsIsListed() {
        let csv = SourceFile(path: "content/data/h.csv", text: header + "\n0,0.5\n6,3.9\n12,0.4\n")
        let page = chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv", "annotations:",
                                       "  - {type: line, axis: y, value: 30, label: Flood level}",
                                       "  - {type: event, x: 5, label: \"High water at the harbour, roughly five hours in\"}"])
        let found = diagnostics(of: miniSite(chapter: page, data: [csv]))
        #expect(found.map(\.line) == [firstKeyLine + 5, firstKeyLine + 6])
        #expect(found.first?.message.contains("this annotation lies far outside the data: y = 30") == true)
        #expect(found.first?.hint == "move the annotation, or set the y axis's 'min' or 'max' to show that range on purpose")
        #expect(found.last?.message.contains("this annotation label is too long to print whole") == true)
        #expect(found.last?.hint?.hasSuffix(" characters fit: shorten the label, and say the rest in the caption or the text") == true)
    }

    @Test func anAnnotationOffAFixedAxisHasAHint() {
        let csv = SourceFile(path: "content/data/h.csv", text: header + "\n0,0.5\n6,3.9\n12,0.4\n")
        let page = chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv", "y: {max: 5}", "annotations:",
                                       "  - {type: line, axis: y, value: 6, label: Flood level}"])
        let found = diagnostics(of: miniSite(chapter: page, data: [csv]))
        #expect(found.count == 1)
        #expect(found.first?.message == "cannot draw figure 'c': line chart: this annotation lies outside the chart: y = 6 is beyond the y axis")
        #expect(found.first?.hint == "widen the y axis with 'min'/'max', or move the annotation")
    }
}
