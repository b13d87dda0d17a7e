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

/// Trial 13 (nits): a CSV starting with Excel's `sep=,` line was told its header's last column had no name;
/// `{{> navigation}}` listed the partials without naming `nav`.
@Suite struct SpreadsheetAndPartialNits {
    @Test func excelsSeparatorLineIsPassedOver() throws {
        let chapter = "---\ntitle: A\n---\nText.\n\n```chart\nid: c\ntitle: T\ncaption: C.\ndata: c.csv\nkind: line\n```\n"
        let csv = SourceFile(path: "content/data/c.csv", text: "sep=,\n# Made up.\nyear,rain\n2018,60\n2019,18\n")
        let output = try build(miniSite(chapter: chapter, data: [csv]))
        let csvText = try #require(text(output, "data/c.csv"))
        #expect(csvText.contains("2018,60\n") && !csvText.contains("sep="), "\(csvText)")
    }

    @Test func aPartialNamedInFullGetsItsShortName() {
        let problems = checkPartials(["base": [PartialReference(template: "base", partial: "navigation", line: 8, column: 1)],
                                      "nav": [], "footer": []])
        #expect(problems.map(\.hint) == ["did you mean 'nav'? add templates/navigation.mustache, or name one of the templates there are: base, footer, nav"])
    }
}

/// Trial 13 (nit): `[Über diese Seite](#)`, a placeholder link, passed silently.
@Suite struct PlaceholderLink {
    @Test func aLinkToAHashAloneIsAWarningAtTheLink() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nSee [the about page](#) and [the top](#a).\n\n## A\n\nText.\n"))
        let found = output.warnings.filter { $0.message.hasPrefix("a link to '#'") }
        #expect(found.map { "\($0.line):\($0.column)" } == ["4:22"], "\(output.warnings)")  // at the address
    }
}
