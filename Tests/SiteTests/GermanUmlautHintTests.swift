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
