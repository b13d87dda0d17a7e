import Markdown

/// The files a host and crawlers look for: always `robots.txt`; with a base URL also `sitemap.xml` and an Atom
/// `feed.xml` with one entry per chapter. Their absolute URLs come from `baseURL`; their dates from the pages'
/// `updated` or `date`, else site.yml's `updated`, or the page's newest entry in `corrections` when that is later (a
/// corrected page has changed, for feed readers and crawlers too).
///
/// `moreFolders` are further pages of the site in the sitemap after the glossary (`numbers/`, `corrections/`);
/// `glossary` is false when the glossary page is not this language's (shown untranslated).
func publishingFiles(config: SiteConfig, chapters: [Chapter], pages: [Chapter] = [], moreFolders: [String] = [],
                     glossary: Bool = true, corrections: [Correction] = []) -> [(path: String, text: String)] {
    guard let base = config.baseURL, let updated = config.updated else {
        return [("robots.txt", "User-agent: *\nAllow: /\n")]
    }
    let corrected = newestCorrections(corrections)
    return [
        ("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(base)sitemap.xml\n"),
        ("sitemap.xml", sitemapXML(base: base, updated: updated, chapters: chapters + pages, moreFolders: moreFolders,
                                   glossary: glossary, corrected: corrected)),
        ("feed.xml", atomFeed(config: config, base: base, updated: updated, chapters: chapters, corrected: corrected)),
    ]
}

/// The date of each corrected page's newest correction, by file stem (`02-the-run`); the corrections page's own under
/// `corrections/`, the newest of all.
func newestCorrections(_ corrections: [Correction]) -> [String: String] {
    var newest: [String: String] = [:]
    for correction in corrections {
        for key in [correction.chapter, "corrections/"].compactMap({ $0 }) where correction.date > newest[key] ?? "" {
            newest[key] = correction.date
        }
    }
    return newest
}

/// Every page's address: home, chapters in order, standalone pages, sources, glossary, then `moreFolders` (not the
/// gallery or the 404 page, which are not for search engines).
func sitemapXML(base: String, updated: String, chapters: [Chapter], moreFolders: [String] = [], glossary: Bool = true,
                corrected: [String: String] = [:]) -> String {
    // The home page lists every chapter: it changed when the newest of them did, as the feed says (trial 11: a site
    // `updated` before a chapter's date gave the home page an older date than the feed's).
    let home = ([updated] + chapters.compactMap { $0.lastChanged(corrected) }).max()!
    let paths = [("", home)] + chapters.map { ($0.slug + "/", $0.lastChanged(corrected) ?? updated) }
        + [("sources/", updated)] + (glossary ? [("glossary/", updated)] : [])
        + moreFolders.map { ($0, max(updated, corrected[$0] ?? "")) }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for (path, date) in paths {
        xml += "<url><loc>\(escapeHTML(base + path))</loc><lastmod>\(date)</lastmod></url>\n"
    }
    return xml + "</urlset>\n"
}

extension Chapter {
    /// The page's own date of last change: `updated`, else `date`, from its front matter.
    var lastChanged: String? { frontMatter.updated ?? frontMatter.date }

    /// The later of `lastChanged` and the page's newest correction in `corrected` (`newestCorrections`).
    func lastChanged(_ corrected: [String: String]) -> String? {
        [lastChanged, corrected[fileStem]].compactMap { $0 }.max()
    }
}

/// An Atom 1.0 feed (RFC 4287) with one entry per chapter, dated by the chapter's `updated` or `date` (site.yml's
/// `updated` otherwise), never by the clock, so builds stay byte-identical.
func atomFeed(config: SiteConfig, base: String, updated: String, chapters: [Chapter], corrected: [String: String] = [:]) -> String {
    let timestamp = updated + "T00:00:00Z"
    // The feed changed when its newest entry did, if that is later than the site's date.
    let newest = ([updated] + chapters.compactMap { $0.lastChanged(corrected) }).max()! + "T00:00:00Z"
    let author = config.author.isEmpty ? config.title : config.author
    var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escapeHTML(config.language))">
        <title>\(escapeHTML(config.title))</title>

        """
    if !config.description.isEmpty { xml += "<subtitle>\(escapeHTML(config.description))</subtitle>\n" }
    xml += """
        <link rel="alternate" type="text/html" href="\(escapeHTML(base))"/>
        <link rel="self" type="application/atom+xml" href="\(escapeHTML(base))feed.xml"/>
        <id>\(escapeHTML(base))</id>
        <updated>\(newest)</updated>
        <author><name>\(escapeHTML(author))</name></author>

        """
    for chapter in chapters {
        let url = escapeHTML(base + chapter.slug + "/")
        let summary = chapter.frontMatter.description ?? chapter.frontMatter.summary ?? chapter.frontMatter.question
            ?? config.description
        xml += "<entry>\n<title>\(escapeHTML(chapter.frontMatter.title))</title>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n<id>\(url)</id>\n"
        xml += "<updated>\(chapter.lastChanged(corrected).map { $0 + "T00:00:00Z" } ?? timestamp)</updated>\n"
        if let date = chapter.frontMatter.date { xml += "<published>\(date)T00:00:00Z</published>\n" }
        for author in chapter.frontMatter.authors { xml += "<author><name>\(escapeHTML(author))</name></author>\n" }
        if !summary.isEmpty { xml += "<summary>\(escapeHTML(summary))</summary>\n" }
        xml += "</entry>\n"
    }
    return xml + "</feed>\n"
}
