import Markdown

/// Lays out every page through the templates: home, chapters, sources, glossary, 404.
struct PageLayout {
    let config: SiteConfig
    let chapters: [Chapter]
    let figures: [String: RenderedFigure]
    let bibliography: [String: SourceEntry]
    let glossary: [GlossaryEntry]
    /// Every chart kind, for `gallery/index.html`; empty when the site has no `gallery` template.
    let gallery: [GalleryItem]
    let templates: TemplateSet
    let injectedScript: String?
    /// The site's stylesheets as one text, for the page that may be served at any depth (404) when there is no base URL.
    var inlineStyle: String? = nil

    /// One page of the site, as the layout renders it.
    private enum Page {
        case home, chapter(Int), sources, glossary, gallery, notFound
    }

    func render(into output: inout OutputTree) throws(BuildFailure) {
        // Every page renders on all cores, the big lists (home, sources) first so they overlap the chapters; each
        // comes back as its path and bytes, converted on the worker that rendered it. Problems keep this order.
        var pages: [Page] = [.home, .sources, .glossary]
        if templates.has("gallery") && !gallery.isEmpty { pages.append(.gallery) }
        pages.append(.notFound)
        pages += chapters.indices.map(Page.chapter)
        let shared = SharedParts(menu: chapterList(root: "../"), sourceHTML: bibliography.mapValues(\.html))
        let results = concurrentMap(pages) { page -> Result<(String, [UInt8]), Diagnostic> in
            do throws(Diagnostic) {
                let (path, html) = try render(page, shared: shared)
                return .success((path, Array(html.utf8)))
            } catch {
                return .failure(error)
            }
        }
        var problems: [(rank: Int, problem: Diagnostic)] = []
        for (page, result) in zip(pages, results) {
            switch result {
            case .success(let (path, bytes)): output[path] = bytes
            case .failure(let problem): problems.append((rank(of: page), problem))
            }
        }
        // Problems are reported in reading order: home, chapters, sources, glossary, gallery, 404.
        var collector = DiagnosticCollector()
        for (_, problem) in problems.sorted(by: { $0.rank < $1.rank }) { collector.add(problem) }
        try collector.throwIfAny()
    }

    private func rank(of page: Page) -> Int {
        switch page {
        case .home: 0
        case .chapter(let index): 1 + index
        case .sources: chapters.count + 1
        case .glossary: chapters.count + 2
        case .gallery: chapters.count + 3
        case .notFound: chapters.count + 4
        }
    }

    /// What many pages show, made once per build.
    private struct SharedParts: Sendable {
        /// Every chapter page lists every chapter in its menu: the list is built once and the current one marked per page.
        let menu: [ChapterLink]
        /// Each source as HTML, by key, for the sources page and the notes of the chapters that cite it.
        let sourceHTML: [String: String]
    }

    private func render(_ page: Page, shared: SharedParts) throws(Diagnostic) -> (path: String, html: String) {
        switch page {
        case .home:
            return ("index.html", try self.page("index", root: "", path: "", title: config.title, description: config.description,
                                                extra: ["isHome": true, "toc": chapterList(root: "")]))
        case .chapter(let index):
            return (chapters[index].outputPath,
                    try chapterPage(chapters[index], index: index, menu: ChapterMenu(links: shared.menu, current: index),
                                    sourceHTML: shared.sourceHTML))
        case .sources:
            return ("sources/index.html", try self.page("sources", root: "../", path: "sources/", title: "Sources",
                                                        description: "Every source cited on this site.",
                                                        extra: ["sources": sourceList(sourceHTML: shared.sourceHTML)]))
        case .glossary:
            let terms = glossary.map { TemplateContext(["anchor": $0.anchor, "term": $0.term, "definition": $0.definition]) }
            return ("glossary/index.html", try self.page("glossary", root: "../", path: "glossary/", title: "Glossary",
                                                         description: "Plain-English definitions of the terms used on this site.",
                                                         extra: ["terms": terms]))
        case .gallery:
            let items = gallery.map { TemplateContext(["kind": $0.kind, "title": $0.title, "light": $0.light, "dark": $0.dark]) }
            return ("gallery/index.html", try self.page("gallery", root: "../", path: "gallery/", title: "Chart gallery",
                                                        description: "Every kind of chart this site can draw, in the light and dark themes.",
                                                        extra: ["isGallery": true, "items": items]))
        case .notFound:
            // Hosts serve 404.html at any depth, where relative links break. With a base URL, `<base>` anchors them
            // at the site's root; without one, the stylesheets come inline (templates show `inlineStyle` instead of
            // linking them), so the page is styled wherever it is served.
            var extra: [String: Any] = ["is404": true]
            if let base = config.baseURL {
                extra["baseHref"] = base
            } else if let inlineStyle {
                extra["inlineStyle"] = inlineStyle
            }
            return ("404.html", try self.page("404", root: "", path: nil, title: "Page not found",
                                              description: config.description, extra: extra))
        }
    }

    private func chapterPage(_ chapter: Chapter, index: Int, menu: ChapterMenu, sourceHTML: [String: String])
        throws(Diagnostic) -> String {
        var html = chapter.rendered.html
        for (position, request) in chapter.figures.enumerated() {
            guard let figure = figures[request.id] else { continue }
            let placeholder = RenderedMarkdown.placeholder(forBlock: position)
            html = html.replacingEntity(placeholder, figureHTML(figure, number: "\(chapter.number).\(position + 1)", root: "../"))
        }
        let outline = chapter.rendered.headings.filter { $0.level == 2 }.map { TemplateContext(["id": $0.id, "text": $0.text]) }
        let notes = notes(for: chapter, sourceHTML: sourceHTML)
        var context: [String: Any] = [
            "number": chapter.number,
            "hasOutline": !outline.isEmpty,
            "hasNotes": !notes.isEmpty,
            "chapterTitle": chapter.frontMatter.title,
            "body": html,
            "readingMinutes": chapter.readingMinutes,
            "outline": outline,
            "notes": notes,
        ]
        if let question = chapter.frontMatter.question { context["question"] = question }
        if let takeaway = chapter.frontMatter.takeaway { context["takeaway"] = takeaway }
        if index > 0 { context["previous"] = link(to: chapters[index - 1]) }
        if index + 1 < chapters.count { context["next"] = link(to: chapters[index + 1]) }
        context["ogType"] = "article"
        return try page("chapter", root: "../", path: chapter.slug + "/", title: chapter.frontMatter.title,
                        description: chapter.frontMatter.summary ?? config.description, extra: context, menu: menu)
    }

    private func notes(for chapter: Chapter, sourceHTML: [String: String]) -> [TemplateContext] {
        var seen: Set<Int> = []
        return chapter.rendered.citations.compactMap { citation in
            guard seen.insert(citation.number).inserted, let html = sourceHTML[citation.key] else { return nil }
            return TemplateContext(["number": citation.number, "html": html, "key": citation.key])
        }
    }

    private func link(to chapter: Chapter) -> TemplateContext {
        TemplateContext(["href": "../\(chapter.slug)/", "title": chapter.frontMatter.title, "number": chapter.number])
    }

    private func chapterList(root: String) -> [ChapterLink] {
        chapters.map { chapter in
            ChapterLink(href: "\(root)\(chapter.slug)/", title: chapter.frontMatter.title, number: chapter.number,
                        readingMinutes: chapter.readingMinutes, summary: chapter.frontMatter.summary)
        }
    }

    private func sourceList(sourceHTML: [String: String]) -> [TemplateContext] {
        // Which chapters cite each source, in chapter order: one pass over the chapters' citations.
        var citing: [String: [TemplateContext]] = [:]
        for chapter in chapters {
            let link = TemplateContext(["href": "../\(chapter.slug)/", "number": chapter.number, "title": chapter.frontMatter.title])
            for key in Set(chapter.rendered.citations.map(\.key)).sorted() { citing[key, default: []].append(link) }
        }
        return bibliography.values.sorted { ($0.author ?? $0.title, $0.key) < ($1.author ?? $1.title, $1.key) }.map { entry in
            let citedIn = citing[entry.key] ?? []
            return TemplateContext(["anchor": "source-" + entry.key, "html": sourceHTML[entry.key]!, "isCited": !citedIn.isEmpty,
                                    "citedIn": citedIn])
        }
    }

    /// - Parameters: `root` leads from the page to the site root (`../`); `path` is the page's address below the
    ///   base URL (`four-steps/`), nil for pages without one of their own (404); `menu` is the `chapters` list when
    ///   the caller has it already (`chapterList(root: root)` otherwise).
    private func page(_ template: String, root: String, path: String?, title: String, description: String,
                      extra: [String: Any], menu: ChapterMenu? = nil) throws(Diagnostic) -> String {
        var context: [String: Any] = [
            "root": root,
            "ogType": "website",
            "siteTitle": config.title,
            "siteDescription": config.description,
            "language": config.language,
            "author": config.author,
            "pageTitle": title,
            "description": description,
            "chapters": menu ?? ChapterMenu(links: chapterList(root: root)),
            "searchIndex": root + SearchLanguage(tag: config.language).folder,
        ]
        if let base = config.baseURL {
            context["hasFeed"] = true
            if let path { context["canonical"] = base + path }
        }
        for (key, value) in extra { context[key] = value }
        var html = try templates.renderPage(template, context: context)
        if let script = injectedScript, let range = html.lastRange(of: "</body>") {
            html.replaceSubrange(range, with: script + "</body>")
        }
        return html
    }
}

import Foundation
