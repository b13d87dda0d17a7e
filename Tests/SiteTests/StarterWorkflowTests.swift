import Testing
@testable import Site

/// The GitHub Pages workflow `explainer new` writes.
@Suite struct StarterWorkflow {
    private let workflow = starterWorkflow(release: ExplainerRelease(version: "1", commit: nil))

    @Test func aCommittedBinaryWithoutItsExecutableBitIsToldApartFromNone() throws {
        let lines = workflow.split(separator: "\n").map { String($0).trimmingCharacters() }
        let executable = try #require(lines.firstIndex(of: "if [ -x bin/explainer ]; then"))
        let present = try #require(lines.firstIndex(of: "if [ -e bin/explainer ]; then"))
        #expect(executable < present)
        #expect(lines[present + 1].contains("not executable: run 'git update-index --chmod=+x bin/explainer'"))
    }

    @Test func theBranchThatPublishesIsExplainedWhereItIsNamed() {
        #expect(workflow.contains("git branch -M main"))
    }
}
