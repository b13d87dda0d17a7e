import Testing
@testable import Site

/// Standalone pages, the home page's introduction, front-matter keys beyond the chapter's own, chapter numbers from
/// the order of the files.
@Suite struct PageModel {
    private let chapter = "---\ntitle: First\n---\nText.\n"

    private func page(_ name: String, _ text: String) -> SourceFile { SourceFile(path: "content/" + name, text: text) }

    @Test func aFileWithoutANumberIsAStandalonePageOutsideTheChapters() throws {
        let site = miniSite(chapter: chapter, config: "title: T\nbaseURL: https://example.org/x/\nupdated: 2025-01-02\n",
                            extraChapters: [page("about.md", "---\ntitle: About us\n---\nWho we are. Back to [the chapter](../intro/).\n")])
        let output = try build(site)
        let about = try #require(text(output, "about/index.html"))
        #expect(about.contains("<h1>About us</h1>"))
        #expect(about.contains("<p>Who we are. Back to <a href=\"../intro/\">the chapter</a>.</p>"))
        #expect(!about.contains("Chapter "))
        let home = try #require(text(output, "index.html"))
        #expect(home.contains("<a href=\"about/\">About us</a>"))
        #expect(home.components(separatedBy: "class=\"toc-title\"").count == 2, "only the chapter is in the contents")
        let chapterPage = try #require(text(output, "intro/index.html"))
        #expect(chapterPage.contains("<a href=\"../about/\">About us</a>"))
        #expect(!chapterPage.contains("rel=\"next\""), "a page is not the next chapter")
        #expect(text(output, "sitemap.xml")?.contains("<loc>https://example.org/x/about/</loc>") == true)
        #expect(text(output, "feed.xml")?.contains("about/") == false)
    }

    @Test func indexMdIsTheHomePagesIntroductionWithOrWithoutFrontMatter() throws {
        let glossary = SourceFile(path: "content/glossary.yml", text: "- term: Tide\n  definition: The sea rising and falling.\n")
        for intro in ["Why the **tide** turns.\n", "---\ndescription: All about tides.\n---\nWhy the **tide** turns.\n"] {
            var site = miniSite(chapter: chapter, extraChapters: [page("index.md", intro)])
            site.glossary = glossary
            let home = try #require(text(try build(site), "index.html"))
            #expect(home.contains("<div class=\"prose intro\">\n<p>Why the <strong><a class=\"term\""), "\(home)")
            #expect(home.contains("href=\"glossary/#term-tide\""))
            #expect(home.contains(intro.hasPrefix("---") ? "content=\"All about tides.\"" : "content=\"A test.\""))
        }
    }

    @Test func chaptersAreNumberedByTheirOrderWhateverThePrefixes() throws {
        let site = miniSite(chapter: "---\ntitle: Second\n---\n```chart\nid: c\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n",
                            name: "20-second.md",
                            extraChapters: [page("10-first.md", "---\ntitle: First\n---\nText.\n"),
                                            page("9-zeroth.md", "---\ntitle: Zeroth\n---\nText.\n")])
        let output = try build(site)
        #expect(text(output, "zeroth/index.html")?.contains("Chapter 1 ·") == true)
        #expect(text(output, "first/index.html")?.contains("Chapter 2 ·") == true)
        let second = try #require(text(output, "second/index.html"))
        #expect(second.contains("Chapter 3 ·"))
        #expect(second.contains("Figure 3.1."))
        #expect(second.contains("rel=\"prev\"><span>← Previous</span> First</a>"))
    }

    @Test func datesDescriptionAuthorsAndExtraReachThePage() throws {
        let markdown = """
            ---
            title: Tides
            summary: For the contents.
            description: For search engines.
            date: 2025-03-01
            updated: 2025-04-02
            authors: [Ada Lovelace, Alan Turing]
            extra:
              subtitle: The moon's pull
              tags: [sea, moon]
              wide: true
              hidden: false
            ---
            Text.
            """
        var site = miniSite(chapter: markdown, config: "title: T\nbaseURL: https://example.org/\nupdated: 2025-01-01\nextra:\n  motto: Plainly\n")
        site.templates = site.templates.map { file in
            guard file.path == "templates/footer.mustache" else { return file }
            return SourceFile(path: file.path, text: "<footer>{{extra.subtitle}}|{{#extra.tags}}{{.}},{{/extra.tags}}|"
                                  + "{{#extra.wide}}wide{{/extra.wide}}|{{#extra.hidden}}hidden{{/extra.hidden}}|{{siteExtra.motto}}</footer>")
        }
        let output = try build(site)
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<footer>The moon&#39;s pull|sea,moon,|wide||Plainly</footer>") || page.contains("<footer>The moon's pull|sea,moon,|wide||Plainly</footer>"), "\(page)")
        #expect(page.contains("<meta name=\"description\" content=\"For search engines.\">"))
        #expect(page.contains("<meta property=\"og:description\" content=\"For search engines.\">"))
        #expect(page.contains("<meta name=\"author\" content=\"Ada Lovelace, Alan Turing\">"))
        #expect(page.contains("<meta property=\"article:published_time\" content=\"2025-03-01\">"))
        #expect(page.contains("<meta property=\"article:modified_time\" content=\"2025-04-02\">"))
        #expect(page.contains("Ada Lovelace, Alan Turing · <time datetime=\"2025-03-01\">1 March 2025</time> · updated <time datetime=\"2025-04-02\">2 April 2025</time>"))
        let feed = try #require(text(output, "feed.xml"))
        #expect(feed.contains("<updated>2025-04-02T00:00:00Z</updated>\n<published>2025-03-01T00:00:00Z</published>"))
        #expect(feed.contains("<author><name>Ada Lovelace</name></author>"))
        #expect(feed.contains("<id>https://example.org/</id>\n<updated>2025-04-02T00:00:00Z</updated>"), "the feed is as new as its newest entry")
        #expect(text(output, "sitemap.xml")?.contains("<loc>https://example.org/intro/</loc><lastmod>2025-04-02</lastmod>") == true)
        #expect(text(output, "index.html")?.contains("<toc") == false)
        #expect(text(output, "intro/index.html")?.contains("The moon") == true)
    }

    @Test(arguments: [
        ("date: 2025-13-01", "content/01-intro.md:3:7: error: 'date' is 2025-13-01: there is no month 13"),
        ("date: 01/12/2025", "content/01-intro.md:3:7: error: 'date' is 01/12/2025: dates are written year first, YYYY-MM-DD"),
        ("date: 2025-02-01\nupdated: 2025-01-01", "content/01-intro.md:4:10: error: 'updated' (2025-01-01) is before 'date' (2025-02-01)"),
        ("authors: {a: b}", "content/01-intro.md:3:10: error: 'authors' must be a name or a list of names"),
        ("extra: [a]", "content/01-intro.md:3:8: error: 'extra' must be a mapping of names to values"),
        ("image: images/none.png", "content/01-intro.md:3:1: error: image 'images/none.png' does not exist"),
        ("image: ../site.yml", "content/01-intro.md:3:1: error: image '../site.yml' must be a picture in content/images/"),
    ])
    func badFrontMatterValuesAreErrorsAtTheirPlace(_ line: String, _ expected: String) {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n\(line)\n---\nText.\n"))
        #expect(problems.first.map { "\($0)".components(separatedBy: "\n").first! } == expected, "\(problems)")
    }

    @Test func pagesThatWouldTakeTheSitesOwnFoldersAreRefused() {
        let problems = diagnostics(of: miniSite(chapter: chapter, extraChapters: [page("sources.md", "---\ntitle: S\n---\n")]))
        #expect(problems.map(\.message) == ["a page cannot be called 'sources': the site uses sources/ itself"])
    }

    @Test func aPageNeedsThePageTemplateAndTheErrorSaysHowToGetIt() {
        var site = miniSite(chapter: chapter, extraChapters: [page("about.md", "---\ntitle: About\n---\n")])
        site.templates.removeAll { $0.path == "templates/page.mustache" }
        let problems = diagnostics(of: site)
        #expect(problems.first?.message == "'content/about.md' is a standalone page, and the site has no templates/page.mustache")
        #expect(problems.first?.hint?.contains("explainer templates update page.mustache") == true)
    }

    @Test func linkPreviewImagesComeFromThePageItsFirstPictureOrTheSite() throws {
        let png = SourceFile(path: "content/images/a.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        let cover = SourceFile(path: "content/images/cover.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        let site = miniSite(chapter: "---\ntitle: A\n---\n![A picture](images/a.png)\n",
                            config: "title: T\nimage: images/cover.png\nbaseURL: https://example.org/sub/\nupdated: 2025-01-01\n",
                            extraChapters: [page("02-b.md", "---\ntitle: B\nimage: images/a.png\n---\nNo picture.\n"),
                                            page("03-c.md", "---\ntitle: C\n---\nNo picture.\n")],
                            images: [png, cover])
        let output = try build(site)
        #expect(text(output, "intro/index.html")?.contains("<meta property=\"og:image\" content=\"https://example.org/sub/images/a.png\">") == true)
        #expect(text(output, "b/index.html")?.contains("<meta property=\"og:image\" content=\"https://example.org/sub/images/a.png\">") == true)
        #expect(text(output, "c/index.html")?.contains("<meta property=\"og:image\" content=\"https://example.org/sub/images/cover.png\">") == true)
        #expect(text(output, "index.html")?.contains("<meta property=\"og:image\" content=\"https://example.org/sub/images/cover.png\">") == true)
        #expect(text(output, "c/index.html")?.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">") == true)
    }

    @Test func siteYmlGivesTheFooterAndTheGlossaryIntroduction() throws {
        let neutral = try build(miniSite(chapter: chapter))
        #expect(text(neutral, "index.html")?.contains("<p>Test site.</p>") == true, "no footer sentence unless site.yml has one")
        #expect(text(neutral, "glossary/index.html")?.contains("Plain-English definitions of the terms used on this site.") == true)
        let own = try build(miniSite(chapter: chapter, config: "title: T\nfooter: Not advice.\nglossaryIntro: Words we use.\n"))
        #expect(text(own, "index.html")?.contains("<p>T. Not advice.</p>") == true)
        #expect(text(own, "glossary/index.html")?.contains("<p class=\"lede\">Words we use.</p>") == true)
    }
}
