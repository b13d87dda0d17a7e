import Testing
@testable import Site

/// Hosts serve one `404.html` for every missing address; each language also has its own in its folder, and the root's
/// shows that one for a missing address in the folder (its script; the browser checks run it).
@Suite struct NotFoundPages {
    @Test func eachLanguageHasA404PageInItsFolderInItsOwnWords() throws {
        let output = try build(twoLanguageSite())
        let page = try #require(text(output, "zh-hant/404.html"))
        #expect(page.contains("<html lang=\"zh-Hant\">"))
        #expect(page.contains("<title>找不到網頁 · 測試網站</title>"))
        #expect(page.contains("<a class=\"skip-link\" href=\"#main\">跳到內容</a>"))
        #expect(page.contains("<nav id=\"site-nav\" aria-label=\"網站\">"))
        #expect(page.contains("<a class=\"site-title\" href=\"/zh-hant/\">測試網站</a>"))
        #expect(page.contains("<a href=\"/zh-hant/intro/\">導論</a>"))
        #expect(page.contains("<p><a href=\"/zh-hant/sources/\">資料來源</a> · <a href=\"/zh-hant/glossary/\">詞彙表</a></p>\n</footer>"))
        #expect(page.contains("<a href=\"/\" hreflang=\"en\" lang=\"en\">English</a>"))
        // Its text speaks Chinese first, then every other language in its own `lang`.
        let chinese = try #require(page.range(of: "<h1>找不到網頁</h1>")), english = try #require(page.range(of: "<h2>Page not found</h2>"))
        #expect(chinese.lowerBound < english.lowerBound)
        #expect(page.contains("<section class=\"not-found-other\" lang=\"en\">"))
        // Served anywhere in its folder: styles inline, and the site's root found from where zh-hant/404.html answers.
        #expect(page.contains("<style>") && page.contains("fetch(root + \"zh-hant/\" + \"404.html\""))
        #expect(!page.contains("var languages"))
    }

    /// Review 13: the 404 page's footer said "Published 4 December 2026 · Facts as of 30 June 2026" under "Not found".
    @Test func the404PageHasNoDatelineThoughTheSiteDatesItsPages() throws {
        let output = repositoryOutput
        #expect(text(output, "index.html")?.contains("class=\"dateline\"") == true)
        for page in ["404.html", "zh-hant/404.html"] {
            let html = try #require(text(output, page))
            #expect(!html.contains("class=\"dateline\""), "\(page)")
        }
    }

    @Test func theRootsPageLooksForTheLanguageOfTheMissingAddressAndSpeaksEveryLanguageWithoutScript() throws {
        let output = try build(twoLanguageSite())
        let page = try #require(text(output, "404.html"))
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("var path = location.pathname, site = null;\nvar languages = [\"zh-hant/\"];"))
        #expect(page.contains("<a href=\"/zh-hant/\" hreflang=\"zh-Hant\" lang=\"zh-Hant\">繁體中文</a>"))
        #expect(page.contains("<section class=\"not-found-other\" lang=\"zh-Hant\">"))
        #expect(page.contains("<a href=\"/zh-hant/\">首頁</a>"))
        // A 404 page is no page's version in a language.
        #expect(!page.contains("rel=\"alternate\" hreflang"))
    }

    @Test func underABaseURLWithAPathEach404PageLinksFromItAndTheRootsKnowsThePath() throws {
        let output = try build(twoLanguageSite(config: "baseURL: https://example.org/x/\nupdated: 2026-01-02\n"))
        let chinese = try #require(text(output, "zh-hant/404.html"))
        #expect(chinese.contains("<link rel=\"stylesheet\" href=\"https://example.org/x/assets/site.css\">"))
        #expect(chinese.contains("<a class=\"site-title\" href=\"https://example.org/x/zh-hant/\">測試網站</a>"))
        #expect(chinese.contains("<a href=\"https://example.org/x/zh-hant/sources/\">資料來源</a>"))
        #expect(chinese.contains("<a href=\"https://example.org/x/\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(!chinese.contains("<script>\n(function") && !chinese.contains("rel=\"canonical\""))
        let root = try #require(text(output, "404.html"))
        #expect(root.contains("var path = location.pathname, site = \"/x/\";"))
        #expect(!root.contains("function findRoot(depth)"))
        #expect(root.contains("<a href=\"https://example.org/x/zh-hant/\" hreflang=\"zh-Hant\" lang=\"zh-Hant\">繁體中文</a>"))
        #expect(!(text(output, "zh-hant/sitemap.xml") ?? "").contains("404"))
    }

    @Test func aOneLanguageSites404PageHasNoLanguageSwitchAndLooksForNoLanguage() throws {
        let page = try #require(text(try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n")), "404.html"))
        #expect(!page.contains("<ul class=\"language-switch\"") && !page.contains("var languages"))
        #expect(page.contains("function findRoot(depth)"))
    }
}
