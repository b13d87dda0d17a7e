import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Site

private let chapterText = "---\ntitle: Intro & more\nsummary: What the intro says.\n---\nText.\n"
private let laterChapter = SourceFile(path: "content/02-later.md", text: "---\ntitle: Later\nquestion: And then?\n---\nMore.\n")

private func publishedSite(_ extraConfig: String = "baseURL: https://example.org/sub/path\nupdated: 2025-11-30\n") -> SourceTree {
    miniSite(chapter: chapterText, config: "title: Test site\ndescription: A test.\nlanguage: en\nauthor: A. Writer\n" + extraConfig,
             extraChapters: [laterChapter])
}

/// Whether `text` parses as XML (the same well-formedness xmllint checks).
private func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

@Suite struct Publishing {
    @Test func withoutBaseURLThereIsNoSitemapFeedOrCanonicalButRobotsAndMeta() throws {
        let output = try build(publishedSite(""))
        #expect(output["sitemap.xml"] == nil)
        #expect(output["feed.xml"] == nil)
        #expect(text(output, "robots.txt") == "User-agent: *\nAllow: /\n")
        let page = try #require(text(output, "intro/index.html"))
        #expect(!page.contains("rel=\"canonical\""))
        #expect(!page.contains("og:url"))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(page.contains("<meta property=\"og:title\" content=\"Intro &amp; more\">"))
        #expect(page.contains("<meta property=\"og:description\" content=\"What the intro says.\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(text(output, "index.html")?.contains("<meta property=\"og:type\" content=\"website\">") == true)
        #expect(!(text(output, "404.html") ?? "").contains("<base"))
    }

    @Test func withoutABaseURLThe404PageCarriesItsStylesInline() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n"))
        let page = try #require(text(output, "404.html"))
        // Served at any depth, it must not depend on relative stylesheet links.
        #expect(page.contains("<style>"))
        #expect(!page.contains("assets/site.css"))
        #expect(page.contains(":root"))
        // Other pages still link the stylesheets.
        #expect(text(output, "index.html")?.contains("<link rel=\"stylesheet\" href=\"assets/site.css\">") == true)
        let published = try #require(text(try build(publishedSite()), "404.html"))
        #expect(published.contains("href=\"https://example.org/sub/path/assets/site.css\"") && !published.contains("<style>"))
    }

    @Test func sitemapListsEveryPageWithAbsoluteURLsFromBaseURL() throws {
        let output = try build(publishedSite())
        let sitemap = try #require(text(output, "sitemap.xml"))
        #expect(isWellFormedXML(sitemap))
        let locations = sitemap.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "<loc>"), let end = line.range(of: "</loc>") else { return nil }
            return String(line[start.upperBound..<end.lowerBound])
        }
        #expect(locations == ["https://example.org/sub/path/", "https://example.org/sub/path/intro/",
                              "https://example.org/sub/path/later/", "https://example.org/sub/path/sources/",
                              "https://example.org/sub/path/glossary/"])
        #expect(sitemap.contains("<lastmod>2025-11-30</lastmod>"))
        #expect(text(output, "robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sub/path/sitemap.xml\n")
    }

    /// A corrected chapter has changed: its sitemap and feed dates, the home page's, the feed's and the corrections
    /// page's are its correction's when that is later (furniture review 12: they kept site.yml's `updated`).
    @Test func aCorrectedChapterIsDatedByItsNewestCorrection() throws {
        var site = publishedSite()
        site.corrections = SourceFile(path: "content/corrections.yml",
                                      text: "- date: 2026-12-07\n  chapter: 02-later\n  text: We said X.\n"
                                          + "- date: 2026-01-02\n  chapter: 02-later\n  text: We said Y.\n")
        let output = try build(site)
        let sitemap = try #require(text(output, "sitemap.xml")), feed = try #require(text(output, "feed.xml"))
        #expect(sitemap.contains("<loc>https://example.org/sub/path/later/</loc><lastmod>2026-12-07</lastmod>"), "\(sitemap)")
        #expect(sitemap.contains("<loc>https://example.org/sub/path/intro/</loc><lastmod>2025-11-30</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/sub/path/</loc><lastmod>2026-12-07</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/sub/path/corrections/</loc><lastmod>2026-12-07</lastmod>"))
        #expect(feed.contains("<id>https://example.org/sub/path/later/</id>\n<updated>2026-12-07T00:00:00Z</updated>"), "\(feed)")
        #expect(feed.contains("<id>https://example.org/sub/path/intro/</id>\n<updated>2025-11-30T00:00:00Z</updated>"))
        #expect(isWellFormedXML(sitemap) && isWellFormedXML(feed))
    }

    /// Trial 11: with site.yml's `updated` before a chapter's date, the sitemap dated the home page (which lists the
    /// chapters) by site.yml while the feed said the newer date. Both say the newest.
    @Test func theHomePageChangedWhenItsNewestChapterDid() throws {
        let site = miniSite(chapter: "---\ntitle: Intro\ndate: 2026-02-03\n---\nText.\n",
                            config: "title: Test site\nbaseURL: https://example.org/sub/path\nupdated: 2025-11-30\n",
                            extraChapters: [laterChapter])
        let output = try build(site)
        let sitemap = try #require(text(output, "sitemap.xml")), feed = try #require(text(output, "feed.xml"))
        #expect(sitemap.contains("<url><loc>https://example.org/sub/path/</loc><lastmod>2026-02-03</lastmod></url>"))
        #expect(feed.contains("<updated>2026-02-03T00:00:00Z</updated>"))
        #expect(sitemap.contains("<url><loc>https://example.org/sub/path/sources/</loc><lastmod>2025-11-30</lastmod></url>"))
    }

    @Test func feedHasOneEntryPerChapterDatedBySiteYml() throws {
        let output = try build(publishedSite())
        let feed = try #require(text(output, "feed.xml"))
        #expect(isWellFormedXML(feed))
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(feed.contains("<title>Intro &amp; more</title>"))
        #expect(feed.contains("<id>https://example.org/sub/path/intro/</id>"))
        #expect(feed.contains("<summary>What the intro says.</summary>"))
        #expect(feed.contains("<summary>And then?</summary>"))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/sub/path/feed.xml\"/>"))
        #expect(feed.components(separatedBy: "<updated>2025-11-30T00:00:00Z</updated>").count - 1 == 3)
        #expect(feed.contains("<author><name>A. Writer</name></author>"))
    }

    @Test func pagesGetCanonicalAndOgURLButLinksStayRelative() throws {
        let output = try build(publishedSite())
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/sub/path/intro/\">"))
        #expect(page.contains("<meta property=\"og:url\" content=\"https://example.org/sub/path/intro/\">"))
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test site\" href=\"../feed.xml\">"))
        #expect(text(output, "index.html")?.contains("href=\"https://example.org/sub/path/\">") == true)
        // The 404 page, served at any depth, links absolutely (NotFoundAndGallery tests it).
        for path in output.sortedPaths where path.hasSuffix(".html") && path != "404.html" {
            let html = text(output, path)!
            let absolute = attributeValues(in: html, names: ["href", "src"]).filter { $0.hasPrefix("https://example.org") }
            // Only the canonical link may name the site's own address.
            #expect(absolute.count <= 1, "\(path) has absolute internal links: \(absolute)")
        }
    }

    @Test func notFoundPageLinksFromTheBaseURL() throws {
        let page = try #require(text(try build(publishedSite()), "404.html"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"https://example.org/sub/path/assets/site.css\">"))
        #expect(page.contains("<a class=\"site-title\" href=\"https://example.org/sub/path/\">"))
        #expect(!page.contains("<base"))
        #expect(!page.contains("rel=\"canonical\""))
    }

    @Test func publishedOutputIsByteIdenticalAcrossBuilds() throws {
        let first = try build(publishedSite()), second = try build(publishedSite())
        #expect(first == second)
    }

    @Test func htmlLangFollowsTheSiteLanguage() throws {
        let site = miniSite(chapter: chapterText, config: "title: T\nlanguage: zh-Hant\n")
        let output = try build(site)
        for path in output.sortedPaths where path.hasSuffix(".html") {
            #expect(text(output, path)!.contains("<html lang=\"zh-Hant\">"), "\(path)")
        }
    }

    @Test func baseURLWithoutUpdatedIsReportedAtBaseURL() {
        let problems = diagnostics(of: publishedSite("baseURL: https://example.org/\n"))
        #expect(problems.count == 1)
        #expect(problems.first?.file == "content/site.yml")
        #expect(problems.first?.line == 5)
        #expect(problems.first?.message == "'baseURL' needs 'updated' to date the feed and sitemap")
    }

    @Test func aMalformedUpdatedIsTheOnlyErrorNotAlsoAMissingOne() {
        let problems = diagnostics(of: publishedSite("baseURL: https://example.org/\nupdated: 2025-13-40\n"))
        #expect(problems == [
            Diagnostic(file: "content/site.yml", line: 6, column: 10, message: "'updated' must be a date like 2025-11-30",
                       hint: "write the date the content last changed as YYYY-MM-DD"),
        ])
    }

    @Test(arguments: ["example.org/explainer/", "/explainer/", "https://example.org/a b/"])
    func baseURLMustBeAnAbsoluteHTTPAddress(_ value: String) {
        let problems = diagnostics(of: publishedSite("baseURL: \"\(value)\"\nupdated: 2025-11-30\n"))
        #expect(problems.map(\.line) == [5])
        // An address with a space is told so (QA 16), with the %20 to write.
        #expect(problems.first?.message.contains(value.contains(" ") ? "holds a space" : "absolute http(s) address") == true)
    }

    @Test(arguments: ["30 Nov 2025", "2025-13-01", "2025-11"])
    func updatedMustBeAnISODate(_ value: String) {
        let problems = diagnostics(of: publishedSite("updated: \"\(value)\"\n"))
        #expect(problems.map(\.line) == [5])
        #expect(problems.first?.message == "'updated' must be a date like 2025-11-30")
    }

    @Test func everyPageLinksTheSVGFaviconAndRobotsTxtIsAlwaysThere() throws {
        let output = repositoryOutput
        #expect(text(output, "robots.txt")?.hasPrefix("User-agent: *\n") == true)
        #expect(text(output, "assets/favicon.svg")?.contains("<svg") == true)
        for path in output.sortedPaths where path.hasSuffix(".html") {
            // Without a base URL, a 404 page's icon waits for its script to find the site's root (NotFoundRoot.swift).
            #expect(text(output, path)!.contains(path.hasSuffix("404.html") ? "rel=\"icon\" href=\"data:,\" data-root-href=\"" : "rel=\"icon\" href=\""), "\(path)")
            #expect(text(output, path)!.contains("favicon.svg\" type=\"image/svg+xml\">"), "\(path)")
        }
    }
}
