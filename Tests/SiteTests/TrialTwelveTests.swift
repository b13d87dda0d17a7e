import Testing
@testable import Site

/// Mistakes of the twelfth writer's trial (a Spanish-first site) that were reported in the wrong place, or not at all.
@Suite struct TrialTwelve {
    private let crisis = "---\ntitle: Los precios\n---\nTexto.\n\n## Año de crisis\n\nMás texto.\n"

    // MARK: Links to a chapter's file with a non-ASCII anchor

    @Test(arguments: ["02-precios.md#año-de-crisis", "../precios/#año-de-crisis", "02-precios.md#a%C3%B1o-de-crisis"])
    func aChapterFileLinkToAnAccentedHeadingWorksLikeItsPageLink(_ destination: String) throws {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\nVer [el año](\(destination)).\n",
                            extraChapters: [SourceFile(path: "content/02-precios.md", text: crisis)])
        let output = try build(site)
        #expect(text(output, "intro/index.html")?.contains("href=\"../precios/#a%C3%B1o-de-crisis\"") == true
            || text(output, "intro/index.html")?.contains("href=\"../precios/#año-de-crisis\"") == true)
    }

    @Test func aMissingAccentedAnchorIsReportedAtTheMarkdownLinkWithTheNearestID() {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\nVer [el año](02-precios.md#año-de-crisys).\n",
                            extraChapters: [SourceFile(path: "content/02-precios.md", text: crisis)])
        #expect(diagnostics(of: site) == [Diagnostic(
            file: "content/01-intro.md", line: 4, column: 14,
            message: "link '02-precios.md#año-de-crisys' points to a missing anchor '#año-de-crisys'",
            hint: "did you mean '#año-de-crisis'?")])
    }

    @Test func aMissingAccentedAnchorOnThePageItselfIsReportedAtTheMarkdownLink() {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\n## Por qué\n\nVer [esto](#por-qué-no).\n")
        #expect(diagnostics(of: site) == [Diagnostic(
            file: "content/01-intro.md", line: 6, column: 12,
            message: "link '#por-qué-no' points to a missing anchor '#por-qué-no'", hint: "did you mean '#por-qué'?")])
    }

    @Test func anInvisibleCharacterPastedIntoAnAnchorIsNamed() {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\nVer [esto](02-precios.md#año-de-\u{200B}crisis).\n",
                            extraChapters: [SourceFile(path: "content/02-precios.md", text: crisis)])
        let found = diagnostics(of: site)
        #expect(found.count == 1)
        #expect(found.first?.file == "content/01-intro.md")
        #expect(found.first?.hint == "the anchor holds an invisible character (U+200B): did you mean '#año-de-crisis'?")
    }
}
