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

    func render(into output: inout OutputTree) throws(BuildFailure) {
        var collector = DiagnosticCollector()
        collector.collect { () throws(Diagnostic) in
            output.add("index.html", text: try page("index", root: "", path: "", title: config.title,
                                                    description: config.description,
                                                    extra: ["isHome": true, "toc": chapterList(root: "")]))
        }
        // Every chapter page lists every chapter in its menu: build that list once and mark the current one per page.
        // Chapter pages render on all cores and are added in chapter order.
        let menu = chapterList(root: "../")
        // Each page comes back as its bytes, converted on the worker that rendered it.
        let pages = concurrentMap(Array(chapters.indices)) { index -> Result<[UInt8], Diagnostic> in
            do throws(Diagnostic) {
                let html = try chapterPage(chapters[index], index: index, menu: ChapterMenu(links: menu, current: index))
                return .success(Array(html.utf8))
            } catch {
                return .failure(error)
            }
        }
        for (chapter, page) in zip(chapters, pages) {
            switch page {
            case .success(let bytes): output[chapter.outputPath] = bytes
            case .failure(let problem): collector.add(problem)
            }
        }
        collector.collect { () throws(Diagnostic) in
            output.add("sources/index.html", text: try page("sources", root: "../", path: "sources/", title: "Sources",
                                                            description: "Every source cited on this site.",
                                                            extra: ["sources": sourceList()]))
        }
        collector.collect { () throws(Diagnostic) in
            output.add("glossary/index.html", text: try page("glossary", root: "../", path: "glossary/", title: "Glossary",
                                                             description: "Plain-English definitions of the terms used on this site.",
                                                             extra: ["terms": glossary.map { TemplateContext(["anchor": $0.anchor, "term": $0.term, "definition": $0.definition]) }]))
        }
        if templates.has("gallery") && !gallery.isEmpty {
            collector.collect { () throws(Diagnostic) in
                output.add("gallery/index.html", text: try page("gallery", root: "../", path: "gallery/", title: "Chart gallery",
                                                                description: "Every kind of chart this site can draw, in the light and dark themes.",
                                                                extra: ["isGallery": true, "items": gallery.map { ["kind": $0.kind, "title": $0.title,
                                                                                                "light": $0.light, "dark": $0.dark] }]))
            }
        }
        collector.collect { () throws(Diagnostic) in
            // Hosts serve 404.html at any depth, where relative links break. With a base URL, `<base>` anchors them
            // at the site's root; without one, the stylesheets come inline (templates show `inlineStyle` instead of
            // linking them), so the page is styled wherever it is served.
            var extra: [String: Any] = ["is404": true]
            if let base = config.baseURL {
                extra["baseHref"] = base
            } else if let inlineStyle {
                extra["inlineStyle"] = inlineStyle
            }
            output.add("404.html", text: try page("404", root: "", path: nil, title: "Page not found",
                                                  description: config.description, extra: extra))
        }
        try collector.throwIfAny()
    }

    private func chapterPage(_ chapter: Chapter, index: Int, menu: ChapterMenu) throws(Diagnostic) -> String {
        var html = chapter.rendered.html
        for (position, request) in chapter.figures.enumerated() {
            guard let figure = figures[request.id] else { continue }
            let placeholder = RenderedMarkdown.placeholder(forBlock: position)
            html = html.replacingEntity(placeholder, figureHTML(figure, number: "\(chapter.number).\(position + 1)", root: "../"))
        }
        let outline = chapter.rendered.headings.filter { $0.level == 2 }.map { TemplateContext(["id": $0.id, "text": $0.text]) }
        let notes = notes(for: chapter)
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

    private func notes(for chapter: Chapter) -> [TemplateContext] {
        var seen: Set<Int> = []
        return chapter.rendered.citations.compactMap { citation in
            guard seen.insert(citation.number).inserted, let entry = bibliography[citation.key] else { return nil }
            return TemplateContext(["number": citation.number, "html": entry.html, "key": citation.key])
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

    private func sourceList() -> [TemplateContext] {
        // Which chapters cite each source, in chapter order: one pass over the chapters' citations.
        var citing: [String: [TemplateContext]] = [:]
        for chapter in chapters {
            let link = TemplateContext(["href": "../\(chapter.slug)/", "number": chapter.number, "title": chapter.frontMatter.title])
            for key in Set(chapter.rendered.citations.map(\.key)).sorted() { citing[key, default: []].append(link) }
        }
        return bibliography.values.sorted { ($0.author ?? $0.title, $0.key) < ($1.author ?? $1.title, $1.key) }.map { entry in
            let citedIn = citing[entry.key] ?? []
            return TemplateContext(["anchor": "source-" + entry.key, "html": entry.html, "isCited": !citedIn.isEmpty,
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
