import Foundation
import Testing

/// `check` and `build` without `--drafts` leave draft chapters out: their summaries say so, so that "No problems
/// found" is not read as covering the drafts too.
@Suite(.serialized) struct DraftSummary {
    private func siteWithADraft() throws -> URL {
        let site = try newSite()
        let draft = "---\ntitle: Not yet\ndraft: true\n---\n\nSource [@no-such-key].\n"
        try draft.write(to: site.appending(path: "content/90-not-yet.md"), atomically: true, encoding: .utf8)
        return site
    }

    @Test func checkWithoutDraftsSaysHowManyDraftsItDidNotCheck() throws {
        let site = try siteWithADraft()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let run = try explainer(["check"], in: site)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasSuffix(" (1 draft not checked: `explainer check --drafts` checks it).\n"), "\(run.standardOutput)")
        // With --drafts the draft is checked: its undefined citation is an error.
        let drafts = try explainer(["check", "--drafts"], in: site)
        #expect(drafts.status == 1)
        #expect(drafts.standardError.contains("content/90-not-yet.md:6:"), "\(drafts.standardError)")
        #expect(drafts.standardError.contains("undefined citation key 'no-such-key'"), "\(drafts.standardError)")
    }

    @Test func buildWithoutDraftsSaysHowManyItLeftOut() throws {
        let site = try siteWithADraft()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let run = try explainer(["build"], in: site)
        #expect(run.status == 0, "\(run.standardError)")
        let summary = try #require(run.standardOutput.split(separator: "\n").first)
        #expect(summary.hasPrefix("Built ") && summary.hasSuffix(" ms (1 draft left out: `explainer build --drafts` builds it)."), "\(summary)")
    }

    @Test func aSiteWithoutDraftsGetsThePlainSummary() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let run = try explainer(["check"], in: site)
        #expect(run.status == 0)
        #expect(!run.standardOutput.contains("draft"), "\(run.standardOutput)")
        #expect(run.standardOutput.hasSuffix(" pages.\n") || run.standardOutput.hasSuffix(" on standard error.\n"), "\(run.standardOutput)")
    }
}
