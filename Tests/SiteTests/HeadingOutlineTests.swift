import Testing
@testable import Site

/// Requirement 5 of issue 19: the chapter outline lists each `###` under its `##`; every heading of the text ends with
/// a ¶ link to itself (named by the heading, shown on hover and focus by the stylesheet).
@Suite struct HeadingOutline {
    static let chapter = "---\ntitle: A\n---\n### Before any section\n\nText.\n\n## The run\n\nText.\n\n### Day one\n\nText.\n\n"
        + "### Day two\n\nText.\n\n## The rescue\n\nText.\n"

    @Test func theOutlineNestsEachSubsectionUnderItsSection() throws {
        let page = try #require(text(try build(miniSite(chapter: Self.chapter)), "intro/index.html"))
        let outline = try #require(page.range(of: "<nav class=\"outline\"").flatMap { start in
            page[start.lowerBound...].range(of: "</nav>").map { String(page[start.lowerBound..<$0.upperBound]) }
        })
        #expect(outline.contains("<li><a href=\"#before-any-section\">Before any section</a></li>"))
        #expect(outline.contains("<li><a href=\"#the-run\">The run</a>\n<ol>\n<li><a href=\"#day-one\">Day one</a></li>\n"
            + "<li><a href=\"#day-two\">Day two</a></li>\n</ol>\n</li>"))
        #expect(outline.contains("<li><a href=\"#the-rescue\">The rescue</a></li>"))
    }

    /// Headings may carry their own numbers ("1. Spending…", "Step 1: …"): the outline adds no second counter.
    @Test func theOutlineListsHeadingsWithoutCountersOfItsOwn() throws {
        let css = try #require(text(try build(miniSite(chapter: Self.chapter)), "assets/site.css"))
        #expect(css.contains(".outline ol{margin:0;padding-left:0;list-style:none}"))
    }

    /// The ¶ links are added by assets/site.js (a chapter page's budget has no room for one per heading in the HTML);
    /// Tests/browser/markdown_test.py checks them in Chromium: hidden, shown on focus, named by the heading, axe clean.
    @Test func theSiteScriptAddsALinkToEveryHeadingOfTheTextAndTheStylesheetHidesIt() throws {
        let output = try build(miniSite(chapter: Self.chapter))
        let script = try #require(text(output, "assets/site.js"))
        #expect(script.contains("document.querySelectorAll(\".prose :is(h2, h3, h4, h5, h6)[id]\")"))
        // Screen readers and the keyboard skip it ("In this chapter" links each heading): read, it doubled every heading.
        #expect(script.contains("link.tabIndex = -1"))
        #expect(script.contains("link.setAttribute(\"aria-hidden\", \"true\")"))
        let css = try #require(text(output, "assets/site.css"))
        #expect(css.contains(".heading-anchor{opacity:0"))
        #expect(css.contains(".heading-anchor:focus{opacity:1}"))
        #expect(text(output, "intro/index.html")?.contains("heading-anchor") == false)
    }
}

/// A heading's `{#id}` reaches the page, its outline and search, and its mistakes are errors at the braces.
@Suite struct CustomHeadingIDsInTheSite {
    @Test func theOutlineAndTheSearchIndexUseTheHeadingWithoutItsID() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n## La formule {#the-formula}\n\nTexte.\n"))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<h2 id=\"the-formula\">La formule</h2>"))
        #expect(page.contains("<a href=\"#the-formula\">La formule</a>"))
        #expect(!page.contains("{#"))
        let search = output.files.keys.filter { $0.contains("search") && !$0.hasSuffix(".html") }.compactMap { text(output, $0) }.joined()
        #expect(search.contains("La formule"))
        #expect(!search.contains("{#the-formula}"))
    }

    @Test func aDuplicateOrInvalidHeadingIDIsAnErrorWithItsPlaceAndAHint() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n## First {#the-formula}\n\n## Second {#the-formula}\n\n"
                                                + "## Third {#the formula}\n"))
        #expect(found == [
            Diagnostic(file: "content/01-intro.md", line: 6, column: 11,
                       message: "heading id '#the-formula' is already used on this page (line 4)",
                       hint: "give this heading another id, e.g. {#the-formula-2}; a link to #the-formula leads to the first one"),
            Diagnostic(file: "content/01-intro.md", line: 8, column: 10,
                       message: "'{#the formula}' is not an id a heading can have: an id is one word, without spaces",
                       hint: "write letters, digits and hyphens, e.g. {#the-formula}, or remove the braces to use the heading's own words"),
        ])
    }
}
