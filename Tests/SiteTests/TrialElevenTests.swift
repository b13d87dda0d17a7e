import Testing
@testable import Site

/// Mistakes of the eleventh writer's trial that were reported in the wrong place, or not at all.
@Suite struct TrialEleven {
    private let page = "---\ntitle: Intro\n---\nText.\n"

    // MARK: Follow-on errors

    @Test(arguments: [
        "---\nTitle: Run\n---\nText.\n",
        "---\ntitle: Run\n---\nText.\n\n```chart\nkind: HBar\nid: r\ntitle: R\ncaption: R.\n```\n",
    ])
    func aChapterWithAnErrorOfItsOwnIsNotCalledMissingByNumbersOrCorrections(_ broken: String) {
        var site = miniSite(chapter: page, extraChapters: [SourceFile(path: "content/02-run.md", text: broken)],
                            sources: "wong:\n  authors: [\"Wong, Matteo\"]\n  title: A report\n  date: 2025-10-30\n")
        site.numbers = SourceFile(path: "content/numbers.yml",
                                  text: "- number: 12 %\n  what: A share\n  source: wong\n  date: 2025\n  confidence: high\n  chapters: [02-run]\n")
        site.corrections = SourceFile(path: "content/corrections.yml", text: "- date: 2026-12-06\n  chapter: 02-run\n  text: X.\n")
        let found = diagnostics(of: site)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.file == "content/02-run.md" }, "\(found)")
        // A name that is no file is still refused.
        site.numbers = SourceFile(path: "content/numbers.yml",
                                  text: "- number: 12 %\n  what: A share\n  source: wong\n  date: 2025\n  confidence: high\n  chapters: [02-runs]\n")
        #expect(diagnostics(of: site).contains { $0.file == "content/numbers.yml" && $0.hint == "did you mean '02-run'?" })
    }
}
