import Testing
@testable import Site

/// Trial 13 (nit): names proposed in hints dropped the umlauts' dots (`40-folgen-fur-stadte.md`, `id: durreflache`,
/// `path: japanisch-u`) where German writes ue, ae, oe, as site search already reads them.
@Suite struct GermanUmlautHints {
    @Test func aFileNameWithUmlautsIsProposedWithTheirGermanSpelling() {
        #expect(validFileName(for: "40-folgen-für-städte.md") == "40-folgen-fuer-staedte.md")
        #expect(validFileName(for: "50-Größe.md") == "50-groesse.md")
    }

    @Test func aFigureIdWithUmlautsIsProposedWithTheirGermanSpelling() {
        let chapter = "---\ntitle: A\n---\nText.\n\n```chart\nid: dürrefläche\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        #expect(found.first?.hint == "write `id: duerreflaeche`; links name the figure by it (#figure-duerreflaeche)", "\(found)")
    }

    @Test func aLanguagePathWithAnUmlautIsProposedWithItsGermanSpelling() {
        let config = "title: T\nlanguages:\n  - code: de\n  - code: ja\n    path: japanisch-ü\n    fallback: true\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: config))
        #expect(found.contains { $0.hint?.hasPrefix("write 'path: japanisch-ue'") == true }, "\(found)")
    }
}

/// Trial 13 (nit): a chart block with both `model:` and `data:` was an error with no hint.
@Suite struct ModelAndDataHint {
    @Test func aBlockWithBothSaysToKeepOneOrWriteTwo() {
        let chapter = "---\ntitle: A\n---\nText.\n\n```chart\nid: c\ntitle: T\ncaption: C.\nmodel: gpuCollateral\ndata: c.csv\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        #expect(found.map(\.hint) == ["keep 'model:' to draw the built-in model, or 'data:' to draw the CSV of content/data/; "
            + "to show both, give each a chart block of its own"], "\(found)")
    }
}
