import Markdown

/// The files a host and crawlers look for: always `robots.txt`; with a base URL also `sitemap.xml` and an Atom
/// `feed.xml` with one entry per chapter. Their absolute URLs come from `baseURL`; their dates from `updated`.
func publishingFiles(config: SiteConfig, chapters: [Chapter]) -> [(path: String, text: String)] {
    guard let base = config.baseURL, let updated = config.updated else {
        return [("robots.txt", "User-agent: *\nAllow: /\n")]
    }
    return [
        ("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(base)sitemap.xml\n"),
        ("sitemap.xml", sitemapXML(base: base, updated: updated, chapters: chapters)),
        ("feed.xml", atomFeed(config: config, base: base, updated: updated, chapters: chapters)),
    ]
}

/// Every page's address: home, chapters in order, sources, glossary.
func sitemapXML(base: String, updated: String, chapters: [Chapter]) -> String {
    let paths = [""] + chapters.map { $0.slug + "/" } + ["sources/", "glossary/"]
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for path in paths {
        xml += "<url><loc>\(escapeHTML(base + path))</loc><lastmod>\(updated)</lastmod></url>\n"
    }
    return xml + "</urlset>\n"
}

/// An Atom 1.0 feed (RFC 4287) with one entry per chapter, dated by `updated` so builds stay byte-identical.
func atomFeed(config: SiteConfig, base: String, updated: String, chapters: [Chapter]) -> String {
    let timestamp = updated + "T00:00:00Z"
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
        <updated>\(timestamp)</updated>
        <author><name>\(escapeHTML(author))</name></author>

        """
    for chapter in chapters {
        let url = escapeHTML(base + chapter.slug + "/")
        let summary = chapter.frontMatter.summary ?? chapter.frontMatter.question ?? config.description
        xml += "<entry>\n<title>\(escapeHTML(chapter.frontMatter.title))</title>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n<id>\(url)</id>\n<updated>\(timestamp)</updated>\n"
        if !summary.isEmpty { xml += "<summary>\(escapeHTML(summary))</summary>\n" }
        xml += "</entry>\n"
    }
    return xml + "</feed>\n"
}
