import Markdown

/// `content/site.yml`: the site's title, description, language, author, optional base URL and date.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var description: String
    /// BCP 47, e.g. `en`, `zh-Hant`.
    public var language: String
    public var author: String
    /// The published address, ending in `/`, e.g. `https://example.org/explainer/`.
    ///
    /// Used only for absolute URLs: sitemap, feed, `<link rel="canonical">`, `og:url` and the 404 page's `<base>`.
    /// Every link between pages stays relative.
    public var baseURL: String?
    /// The date the content last changed, `YYYY-MM-DD`; dates the feed and sitemap (never the build's clock).
    public var updated: String?
    /// A sentence or two for every page's footer (e.g. what the charts are, a disclaimer); none by default.
    public var footer: String?
    /// The glossary page's introduction.
    public var glossaryIntro = "Plain-English definitions of the terms used on this site. Terms are linked from their first use in each chapter."
    /// A picture in `content/images/` for link previews (`og:image`) of pages that have none of their own.
    public var image: String?
    /// The line of `image:` in site.yml, for a diagnostic when the picture is missing.
    var imageLine = 0
    /// Where `updated` is written in site.yml (line, column), for the warning of a date before the pages' own.
    var updatedPlace = [0, 0]
    /// Whether to publish `gallery/`, every chart kind with its chart block (needs `templates/gallery.mustache`).
    public var gallery = false
    /// What site.yml says that is allowed but likely wrong once published (a baseURL on this machine).
    var warnings: [Diagnostic] = []
    /// Whether to build the search index (`search/<language>/`) and show the search box; `search: false` turns both off.
    public var search = true
    /// Whether the scripts of `templates/assets/` are served trimmed (`trimmedScript`); `trimScripts: false` copies them as they are.
    public var trimScripts = true
    /// Whether chapters may contain raw HTML, published as written (`rawHTML: true`; off by default, since a page
    /// then shows whatever the HTML does). Without it, raw HTML is an error.
    public var rawHTML = false
    /// When the site was published, `YYYY-MM-DD`: "Published …" on every page (a page's front-matter `date` overrides).
    public var published: String?
    /// The date the facts were last checked, `YYYY-MM-DD`: "Facts as of …" on every page (front-matter `factsAsOf`
    /// overrides).
    public var factsAsOf: String?
    /// The licence of the text (e.g. `CC BY 4.0`), shown in every page's footer, with its address.
    public var licence: String?
    public var licenceURL: String?
    /// The licence of the data downloads, in the footer and the first lines of every CSV, with its address.
    public var dataLicence: String?
    public var dataLicenceURL: String?
    /// Anything else the writer's templates show, as `{{siteExtra.name}}`.
    public var extra: [String: ExtraValue] = [:]
    /// How many chapters the menu of every page lists at most (`menuChapters`, 30 by default). A longer site's menu
    /// lists that many around the page's own chapter and links the contents page, so that a page's size does not grow
    /// with the number of chapters (a site of N chapters would otherwise write N² menu entries).
    public var menuChapters = 30
    /// site.yml's `languages:`, the default first; empty for a site in one language (`language:`).
    public var languages: [SiteLanguage] = []

    /// Every language the site is published in, the default (`language`) first.
    public var editions: [SiteLanguage] { languages.isEmpty ? [SiteLanguage(code: language)] : languages }

    static let keys = ["title", "description", "language", "author", "baseURL", "updated", "footer", "glossaryIntro",
                       "image", "gallery", "search", "extra", "published", "factsAsOf", "licence", "licenceURL",
                       "dataLicence", "dataLicenceURL", "rawHTML", "languages", "menuChapters", "trimScripts"]

    public init(title: String, description: String = "", language: String = "en", author: String = "",
                baseURL: String? = nil, updated: String? = nil) {
        self.title = title
        self.description = description
        self.language = language
        self.author = author
        self.baseURL = baseURL
        self.updated = updated
    }

    /// Parses the YAML text of `site.yml`; unknown keys and a missing title are errors.
    static func parse(_ text: String, file: String) throws(BuildFailure) -> SiteConfig {
        let reader = YAMLReader(file: file, lineOffset: 0)
        let node: Yams.Node?
        do throws(Diagnostic) { node = try reader.parse(text) } catch { throw BuildFailure([error]) }
        let entries = try reader.mapping(node, allowed: keys, required: ["title"], context: "site.yml",
                                         missingAt: (1, 1))
        var config = SiteConfig(title: "")
        var collector = DiagnosticCollector()
        for key in keys.sorted() {
            guard let value = entries[key] else { continue }
            collector.collect { () throws(Diagnostic) in
                switch key {
                case "gallery":
                    config.gallery = try reader.bool(value, key: key)
                    return
                case "search":
                    config.search = try reader.bool(value, key: key)
                    return
                case "trimScripts":
                    config.trimScripts = try reader.bool(value, key: key)
                    return
                case "rawHTML":
                    config.rawHTML = try reader.bool(value, key: key)
                    return
                case "extra":
                    config.extra = try reader.extra(value, key: key).mapEntries
                    return
                case "languages": return   // below
                case "menuChapters":
                    guard case let .scalar(scalar) = value, let count = Int(scalar.string), count > 0 else {
                        throw reader.error(at: value, "'menuChapters' must be a whole number of 1 or more",
                                           hint: "how many chapters every page's menu lists, e.g. 'menuChapters: 30'")
                    }
                    config.menuChapters = count
                    return
                case "author":
                    config.author = try reader.author(value)
                    if config.author == starterAuthor {
                        config.warnings.append(starterWarning(reader, value, key: key, text: starterAuthor))
                    }
                    return
                default: break
                }
                let text = try reader.string(value, key: key)
                switch key {
                case "title": config.title = text
                case "description":
                    config.description = text
                    if text == starterDescription { config.warnings.append(starterWarning(reader, value, key: key, text: text)) }
                case "language":
                    if let problem = languageTagProblem(text) { throw reader.error(at: value, problem.message, hint: problem.hint) }
                    config.language = text
                case "footer":
                    if let problem = markdownInPlainText(text, key: key) { throw reader.error(at: value, problem.message, hint: problem.hint) }
                    config.footer = text
                case "glossaryIntro":
                    if let problem = markdownInPlainText(text, key: key) { throw reader.error(at: value, problem.message, hint: problem.hint) }
                    config.glossaryIntro = text
                case "image":
                    config.image = text
                    config.imageLine = reader.error(at: value, "").line
                case "published", "factsAsOf":
                    guard isISODate(text) else {
                        throw reader.error(at: value, "'\(key)' must be a date like 2026-12-05",
                                           hint: dayMonthYear(text).map { "dates are written year first: \($0)" }
                                               ?? (key == "published" ? "write the day the site was published as YYYY-MM-DD"
                                                   : "write the day the facts were last checked as YYYY-MM-DD"))
                    }
                    if key == "published" { config.published = text } else { config.factsAsOf = text }
                case "licence": config.licence = text
                case "dataLicence": config.dataLicence = text
                case "licenceURL", "dataLicenceURL":
                    guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(" ") else {
                        throw reader.error(at: value, "'\(key)' must be an http(s) address",
                                           hint: "the licence's own page, e.g. https://creativecommons.org/licenses/by/4.0/")
                    }
                    if key == "licenceURL" { config.licenceURL = text } else { config.dataLicenceURL = text }
                case "updated":
                    guard isISODate(text) else {
                        throw reader.error(at: value, "'updated' must be a date like 2025-11-30",
                                           hint: "write the date the content last changed as YYYY-MM-DD")
                    }
                    config.updated = text
                    let place = reader.error(at: value, "")
                    config.updatedPlace = [place.line, place.column]
                default:
                    if text.hasPrefix("https://") || text.hasPrefix("http://"), text.contains(" ") {
                        throw reader.error(at: value, "'baseURL' holds a space, which an address cannot",
                                           hint: "write the address as the browser shows it, with %20 for a space in a folder's "
                                               + "name: \(text.replacing(" ", with: "%20"))")
                    }
                    guard text.hasPrefix("https://") || text.hasPrefix("http://"),
                          !text.contains("?"), !text.contains("#") else {
                        throw reader.error(at: value, "'baseURL' must be an absolute http(s) address such as https://example.org/explainer/",
                                           hint: "give the address where public/ will be published, without query or fragment")
                    }
                    let host = text.drop { $0 != "/" }.dropFirst(2).prefix { $0 != "/" && $0 != ":" }.lowercased()
                    if ["localhost", "127.0.0.1", "0.0.0.0", "[::1]", ""].contains(host) || host.hasSuffix(".localhost") {
                        // Fine for a local test of the published files; wrong on the web.
                        var warning = reader.error(at: value, "'baseURL' \(text) is this machine's own address: published, the pages' "
                                                       + "canonical links, feed, sitemap and 404 page would send readers to their own computer",
                                                   hint: "before publishing, give the public address where public/ will be served, or leave "
                                                       + "baseURL out (pages link to each other relatively; `explainer serve` needs none)")
                        warning.severity = .warning
                        config.warnings.append(warning)
                    }
                    let last = text.split(separator: "/").last ?? ""
                    if text.split(separator: "/").count > 2, last.hasSuffix(".html") || last.hasSuffix(".htm") {
                        throw reader.error(at: value, "'baseURL' names a page ('\(last)'), not the folder the site is published in",
                                           hint: "write the folder: \(text.dropLast(last.count))")
                    }
                    config.baseURL = percentEncodedPath(text.hasSuffix("/") ? text : text + "/")
                }
            }
        }
        if let value = entries["languages"] {
            config.languages = collector.collect { () throws(BuildFailure) in
                try reader.languages(value, reserved: ChapterFile.reservedSlugs.union(["data", "images"]))
            } ?? []
        }
        // A well-formed code of no language (`xx`) would be published as <html lang="xx">, and a country's code that is
        // also a language's (`kr`) as that language: a warning at the code.
        let codeNodes = entries["languages"].flatMap { node in node.sequence.map { Array($0).compactMap { $0["code"] } } }
            ?? entries["language"].map { [$0] } ?? []
        for node in codeNodes {
            guard let code = node.string, let problem = unknownLanguageProblem(code) ?? countryCodeProblem(code) else { continue }
            var warning = reader.error(at: node, problem.message, hint: problem.hint)
            warning.severity = .warning
            config.warnings.append(warning)
        }
        if let first = config.languages.first {
            // A 'language' that is no tag is reported as such: it is not compared (config.language is still 'en').
            if let node = entries["language"], node.string == config.language, config.language != first.code {
                collector.add(reader.error(at: node, "'language: \(config.language)' is not the first of 'languages' (\(first.code))",
                                           hint: "the first language listed is the default: remove 'language' or make them agree"))
            }
            config.language = first.code
        }
        // A malformed 'updated' is reported as such: 'baseURL' is not missing one.
        if let baseURL = entries["baseURL"], config.baseURL != nil, config.updated == nil, entries["updated"] == nil {
            collector.add(reader.error(at: baseURL, "'baseURL' needs 'updated' to date the feed and sitemap",
                                       hint: "add a line such as 'updated: 2025-11-30' (the date the content last changed)"))
        }
        for (url, name) in [("licenceURL", "licence"), ("dataLicenceURL", "dataLicence")] where entries[url] != nil && entries[name] == nil {
            collector.add(reader.error(at: entries[url], "'\(url)' needs '\(name)', the licence's name",
                                       hint: "add a line such as '\(name): CC BY 4.0'"))
        }
        if let published = config.published, let facts = config.factsAsOf, facts > published, let node = entries["factsAsOf"] {
            collector.add(reader.error(at: node, "'factsAsOf' (\(facts)) is after 'published' (\(published))",
                                       hint: "the facts are checked before the site is published: move one of the dates"))
        }
        try collector.throwIfAny()
        // The texts pages print get the punctuation their Markdown gets from cmark (curly quotes, dashes).
        config.title = smartPunctuatedText(config.title)
        config.description = smartPunctuatedText(config.description)
        config.footer = config.footer.map(smartPunctuatedText)
        config.glossaryIntro = smartPunctuatedText(config.glossaryIntro)
        for index in config.languages.indices {
            config.languages[index].title = config.languages[index].title.map(smartPunctuatedText)
            config.languages[index].description = config.languages[index].description.map(smartPunctuatedText)
            config.languages[index].footer = config.languages[index].footer.map(smartPunctuatedText)
            config.languages[index].glossaryIntro = config.languages[index].glossaryIntro.map(smartPunctuatedText)
        }
        return config
    }
}

extension YAMLReader {
    /// site.yml's `author` (or a language's): one text, however many people wrote the site.
    func author(_ node: Node) throws(Diagnostic) -> String {
        if case .sequence = node {
            throw error(at: node, "'author' in site.yml is one text, not a list",
                        hint: "write the names as one text, e.g. 'author: Writer Two and Ada Lovelace' "
                            + "(a page's own front matter may list its 'authors:')")
        }
        return try string(node, key: "author")
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
func isISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
          let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
    return (1...12).contains(month) && (1...daysIn(month: month, year: Int(parts[0])!)).contains(day)
}

/// Markdown in a text that pages print as plain text (site.yml's footer, a front matter's title or summary, a glossary
/// definition): a link `[…](…)`, a citation `[@key]`, `**bold**`, `*emphasis*` or `` `code` ``, which the reader would
/// see as written.
func markdownInPlainText(_ text: String, key: String) -> (message: String, hint: String)? {
    guard let found = markdownSpan(in: text) else { return nil }
    let citation = found.hasPrefix("[@")
    return ("'\(key)' is plain text, not Markdown: pages would show '\(found)' as written"
                + (citation ? ", and the source would get no note" : ""),
            citation ? "cite the source in the chapter's text instead, where it gets its note"
                : "write it without Markdown" + (key == "footer" ? "; for a licence link in every footer, use 'licence:' and 'licenceURL:'" : ""))
}

/// Markdown in a text a page prints as plain text apart from its citations (a chart's caption: `[@key]` becomes a
/// note), as written, or nil: with `citations: false` (a chart's or a picture's title), a citation is Markdown too.
func markdownSpan(inCaption text: String, citations: Bool) -> String? {
    guard citations, text.contains("[@") else { return markdownSpan(in: text).map(String.init) }
    // Each citation is taken out (as a space) before the rest is looked at.
    var rest = Substring(text), kept = ""
    while let open = rest.firstRange(of: "[@"), let close = rest[open.upperBound...].firstIndex(of: "]") {
        kept += rest[..<open.lowerBound] + " "
        rest = rest[rest.index(after: close)...]
    }
    return markdownSpan(in: kept + rest).map(String.init)
}

/// The first Markdown span of `text`, as written, or nil.
private func markdownSpan(in text: String) -> Substring? {
    // Most texts hold none of the marks: one pass over the bytes, and no search by Character.
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "`") }) else {
        return nil
    }
    if let link = text.firstRange(of: "](") {
        let start = text[..<link.lowerBound].lastIndex(of: "[") ?? link.lowerBound
        let end = text[link.upperBound...].firstIndex(of: ")").map { text.index(after: $0) } ?? link.upperBound
        return text[start..<end]
    }
    if let open = text.firstRange(of: "[@"), let close = text[open.upperBound...].firstIndex(of: "]") {
        return text[open.lowerBound...close]
    }
    // `*x*`, `**x**` or `` `x` ``: an opening mark after a space (or at the start) and before a non-space, closed later
    // by the same mark after a non-space ("2 * 3 * 4" and a lone "*" are not emphasis).
    for mark in ["**", "*", "`"] {
        var from = text.startIndex
        while let open = text[from...].firstRange(of: mark) {
            from = open.upperBound
            let before = open.lowerBound == text.startIndex ? " " : text[text.index(before: open.lowerBound)]
            guard before.isWhitespace || before == "(", open.upperBound < text.endIndex, !text[open.upperBound].isWhitespace,
                  let close = text[open.upperBound...].firstRange(of: mark),
                  !text[text.index(before: close.lowerBound)].isWhitespace else { continue }
            return text[open.lowerBound..<close.upperBound]
        }
    }
    return nil
}

/// A text `explainer new` wrote for the writer to replace, still there: published, every page would carry it.
func starterWarning(_ reader: YAMLReader, _ node: Node, key: String, text: String) -> Diagnostic {
    var warning = reader.error(at: node, "'\(key)' is still the starter's '\(text)': every page would show it",
                               hint: key == "author" || key == "authors" ? "write your name (or remove the line)" : "write a sentence about your explainer")
    warning.severity = .warning
    return warning
}

/// Days in a month of the Gregorian calendar.
func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

import Yams

/// `url` with every non-ASCII byte of its path percent-encoded (`https://example.org/sequía/` →
/// `https://example.org/sequ%C3%ADa/`), as a sitemap, a feed and a canonical link must write it; the scheme and the
/// host are left as written, and an address already encoded is kept.
func percentEncodedPath(_ url: String) -> String {
    guard let scheme = url.range(of: "://") else { return url }
    let afterScheme = url[scheme.upperBound...]
    guard let slash = afterScheme.firstIndex(of: "/") else { return url }
    let path = url[slash...]
    guard path.utf8.contains(where: { $0 >= 0x80 }) else { return url }
    var encoded = String(url[..<slash])
    for byte in path.utf8 {
        if byte >= 0x80 {
            encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
        } else {
            encoded.unicodeScalars.append(Unicode.Scalar(byte))
        }
    }
    return encoded
}
