import Testing
@testable import Site

@Suite struct StageTimingsTests {
    @Test func aBuildNamesItsStagesInOrder() throws {
        let timings = StageTimings()
        _ = try build(miniSite(chapter: "---\ntitle: Intro\n---\nText.\n"), options: BuildOptions(timings: timings))
        #expect(timings.stages.map(\.name) == ["site files and templates", "chapters parsed", "checks", "figures", "pages laid out",
                                               "data files, assets, sitemap", "links checked", "search index (waited for)",
                                               "internal strings checked"])
    }

    @Test func theReportHasALinePerStageAndATotal() {
        let timings = StageTimings()
        timings.end("read")
        timings.end("written")
        let lines = timings.report.split(separator: "\n")
        #expect(lines.map { $0.split(separator: " ").first.map(String.init) } == ["read", "written", "total"])
        #expect(lines.allSatisfy { $0.contains(" ms  cpu ") && $0.contains(" cores ") && $0.hasSuffix(" MB") })
    }

    @Test func aBuildWithoutTimingsRecordsNothing() throws {
        // The default options carry none: nothing to pay for in the preview server's rebuilds.
        #expect(BuildOptions().timings == nil)
    }
}
