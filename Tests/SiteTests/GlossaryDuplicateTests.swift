import Testing
@testable import Site

/// A glossary term defined twice names the first definition's line and says what to do.
@Suite struct GlossaryDuplicateTests {
    @Test func aTermDefinedTwiceNamesTheFirstDefinitionAndHowToMergeThem() {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        site.glossary = SourceFile(path: "content/glossary.yml",
                                   text: "- term: Principal\n  definition: The amount borrowed.\n- term: Interest\n  definition: The cost.\n"
                                       + "- term: Principal\n  definition: What is still owed.\n")
        #expect(diagnostics(of: site) == [
            Diagnostic(file: "content/glossary.yml", line: 5, column: 9,
                       message: "glossary term 'Principal' is defined twice: first at line 1",
                       hint: "keep one entry: merge the two definitions into the one at line 1 and remove this one (another "
                           + "name for the term goes in its 'aliases:')"),
        ])
    }
}
