import Testing
@testable import Site

private let page = "---\ntitle: Intro\n---\nText.\n"

@Suite struct SiteConfigMistakes {
    @Test func languagesWrittenAsBareCodesIsOneErrorShowingTheCodeForm() {
        let found = diagnostics(of: miniSite(chapter: page, config: "title: T\nlanguages: [en, fr]\n"))
        #expect(found == [Diagnostic(file: "content/site.yml", line: 2, column: 13,
                                     message: "each language in 'languages' is a mapping with its 'code', not a bare 'en'",
                                     hint: "write one '- code: …' line per language under 'languages:', the default first: "
                                        + "'  - code: en', then '  - code: fr' (or languages: [{code: en}, {code: fr}])")])
    }

    @Test func anAuthorListInSiteYmlSaysItIsOneText() {
        let found = diagnostics(of: miniSite(chapter: page, config: "title: T\nauthor: [Writer Two, Ada Lovelace]\n"))
        #expect(found == [Diagnostic(file: "content/site.yml", line: 2, column: 9,
                                     message: "'author' in site.yml is one text, not a list",
                                     hint: "write the names as one text, e.g. 'author: Writer Two and Ada Lovelace' "
                                        + "(a page's own front matter may list its 'authors:')")])
    }

    @Test func anEmptyTextKeyInSiteYmlSaysItIsEmpty() {
        let found = diagnostics(of: miniSite(chapter: page, config: "title: T\ndescription:\n"))
        #expect(found == [Diagnostic(file: "content/site.yml", line: 2, column: 13, message: "'description' is empty",
                                     hint: "write its text after 'description:' (a sentence), or remove the line")])
    }

    @Test func anEmptySummaryInFrontMatterSaysItIsEmpty() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: Intro\nsummary:\n---\nText.\n"))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 3, column: 9, message: "'summary' is empty",
                                     hint: "write its text after 'summary:' (a sentence), or remove the line")])
    }

    @Test func aListWhereOneTextBelongsSaysSo() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: [Intro, Part]\n---\nText.\n"))
        #expect(found.map(\.message) == ["'title' must be one text, not a list"])
    }
}

/// A mistake in site.yml is reported alone: the rest of the site is read by its settings (its languages), and judging
/// it without them made 41 false errors beside the real one (a reader audit: `baseURL` without `updated`).
@Suite struct SiteConfigProblemsFirst {
    @Test func aSiteYmlErrorIsTheOnlyErrorEvenInATwoLanguageSite() {
        var source = repositorySource
        source.config?.bytes += Array("\nbaseURL: https://example.org/ai-crash/\n".utf8)
        let problems = diagnostics(of: source)
        #expect(problems.map(\.file) == ["content/site.yml"], "\(problems.map { "\($0.file): \($0.message)" })")
        #expect(problems.first?.message == "'baseURL' needs 'updated' to date the feed and sitemap")
    }
}
