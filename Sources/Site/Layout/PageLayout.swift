import Markdown
import Mustache

/// Lays out every page through the templates: home, chapters, standalone pages, sources, glossary, 404 (and the
/// chart gallery when site.yml asks for it).
struct PageLayout {
    let config: SiteConfig
    let chapters: [Chapter]
    /// Standalone pages (`content/about.md` → `about/`), in file-name order.
    var pages: [Chapter] = []
    /// The home page's introduction (`content/index.md`), if there is one.
    var home: Chapter? = nil
    let figures: [String: RenderedFigure]
    let bibliography: [String: SourceEntry]
    /// The public numbers page's entries, when the site has `content/numbers.yml`.
    var numbers: NumbersFile? = nil
    /// The corrections log, newest first.
    var corrections: [Correction] = []
    let glossary: [GlossaryEntry]
    /// Every chart kind, for `gallery/index.html`; empty when the site has no `gallery` template.
    let gallery: [GalleryItem]
    let templates: TemplateSet
    let injectedScript: String?
    /// The language of these pages, the site's other languages and their interface words.
    let edition: Edition
    /// The site's stylesheets as one text, for the page that may be served at any depth (404) when there is no base URL.
    var inlineStyle: String? = nil
    /// Pages laid out by earlier builds (the preview server's); nil renders every page.
    var pageCache: PageCache? = nil
    /// The chapter menu of every chapter page and its digest, worked out once per build for `pageCache`'s keys.
    var sharedMenu: (links: [ChapterLink], digest: ContentDigest)? = nil
    /// Each chapter's digest by its file (`chapterDigests`), for `pageCache`'s bodies; empty without a cache.
    var chapterDigests: [String: ContentDigest] = [:]
    /// The digest of the labels of empty references (`SharedParts.referenceLabels`), worked out once per build.
    var referencesDigest: ContentDigest? = nil
    /// The digest of the interface words every page has as `t`, worked out once per build.
    var wordsDigest: ContentDigest? = nil
    /// The interface words every page has as `t`, and the search box's words, made once per build (`render`) rather
    /// than converted from the translations' strings on every page.
    var wordsContext: FrozenContext? = nil
    var searchWordsContext: FrozenContext? = nil
    /// The values every page has the same (`siteValues()`), made once per build (`render`); each page starts from a
    /// copy instead of inserting them one by one.
    var siteValuesMade: FrozenValues? = nil
    /// The chapter menu's entries as rendered, shared by the pages of one build.
    let menuItems = MenuItemCache()
    /// Where `explainer build` writes each page as soon as it is laid out (its bytes are then not held); nil keeps
    /// every page in the output tree.
    var staged: StagedWrite? = nil
    /// The chapters' and pages' bodies when the build took them out of their parse results (slots in the order
    /// chapters, then pages): each page takes its own back as it is laid out, so a body can go once its page is made.
    var bodies: ChapterBodies? = nil

    /// One page of the site, as the layout renders it.
    private enum Page {
        case home, chapter(Int), page(Int), sources, glossary, gallery, notFound, numbers, corrections
    }

    /// Renders every page into `output`. `listPagesRendered`, when given, is called with the sources and glossary pages
    /// as soon as both are rendered (on the worker that finishes the second), while the others go on: work that needs
    /// only those two (the search index names them by their headings) need not wait for the rest.
    func render(into output: inout OutputTree, listPagesRendered: ((OutputTree) -> Void)? = nil) throws(BuildFailure) {
        // Every page renders on all cores, the big lists (sources, home) among the chapters so they overlap them; each
        // comes back as its path and bytes, converted on the worker that rendered it. Problems are reported in
        // reading order, whatever this one.
        var others: [Page] = []
        if templates.has("gallery") && !gallery.isEmpty { others.append(.gallery) }
        if numbers != nil && templates.has("numbers") { others.append(.numbers) }
        if !corrections.isEmpty && templates.has("corrections") { others.append(.corrections) }
        others.append(.notFound)
        // When each chapter's body goes once its page is made (`bodies`), the big lists (tens of MB of template values
        // and text on a site of 10,000 chapters) come late, once most bodies have gone, rather than beside all of them:
        // sources after 70 % of the chapters (the search index waits for its heading), home after 85 %, one after the
        // other, and early enough that the chapters after them keep the other cores busy while they render.
        let (sourcesAfter, homeAfter): (Int?, Int?) = bodies == nil || chapters.count < 2 ? (nil, nil)
            : (chapters.count * 7 / 10, chapters.count * 85 / 100)
        var pages: [Page] = sourcesAfter == nil ? [.sources, .glossary, .home] + others : [.glossary] + others
        for index in chapters.indices {
            if index == sourcesAfter { pages.append(.sources) }
            if index == homeAfter { pages.append(.home) }
            pages.append(.chapter(index))
        }
        pages += self.pages.indices.map(Page.page)
        let labels = [chapters, self.pages, home.map { [$0] } ?? []].joined().flatMap { $0.referenceLabels(words: edition.words) }
        let numbersPage = pages.contains { if case .numbers = $0 { true } else { false } }
        let correctionsPage = pages.contains { if case .corrections = $0 { true } else { false } }
        let makeLists = { () -> ListCache.Lists in
            let sourceHTML = bibliography.mapValues { $0.html(entries: bibliography, words: edition.words, languages: edition.languages.first.map { (edition.language.code, $0.code) }) }
            return ListCache.Lists(sourceHTML: sourceHTML, numberSections: numbersPage ? numberSections() : [],
                                   corrections: correctionsPage ? correctionList() : [])
        }
        // Preview rebuilds keep them while their inputs are the same.
        let lists = pageCache.map { cache in
            cache.lists.lists(ListCache.Inputs(bibliography: bibliography, words: edition.words, numbers: numbers, corrections: corrections,
                                               chapters: (chapters + self.pages).map { ListCache.ChapterName(fileStem: $0.fileStem, slug: $0.slug, kind: $0.kind, number: $0.number, title: $0.frontMatter.title) },
                                               numbersPage: numbersPage, correctionsPage: correctionsPage), make: makeLists)
        } ?? makeLists()
        let shared = SharedParts(menu: chapterList(root: "../"), sourceHTML: lists.sourceHTML,
                                 referenceLabels: Dictionary(labels, uniquingKeysWith: { first, _ in first }),
                                 numberSections: lists.numberSections, corrections: lists.corrections)
        var layout = self
        layout.wordsContext = FrozenContext(context: TemplateContext(edition.words.strings))
        layout.searchWordsContext = FrozenContext(context: TemplateContext(Dictionary(uniqueKeysWithValues: searchWordKeys.map { ($0, edition.words[$1]) })))
        layout.siteValuesMade = FrozenValues(values: layout.siteValues())
        if pageCache != nil {
            layout.sharedMenu = (shared.menu, TemplateValueDigester.digest(of: shared.menu))
            var references = ContentDigester()
            for (id, label) in shared.referenceLabels.sorted(by: { $0.key < $1.key }) {
                references.add(id)
                references.add(label)
            }
            layout.referencesDigest = references.digest
            var words = TemplateValueDigester()
            if words.add(value: layout.wordsContext!.context) { layout.wordsDigest = words.digest }
        }
        // A page written into the staging folder comes back as what the checks need of it instead of its bytes.
        let markers = MarkerFinder(internalMarkers)
        // With `listPagesRendered`, the sources and glossary pages are held, and the worker that finishes the second of
        // them hands both over while the others go on rendering (no core waits for the long sources page).
        let listPages = listPagesRendered.map { ListPagesGate($0) }
        let results = concurrentMap(Array(pages.indices)) { [layout, pages] index -> Result<(String, MadeFile), Diagnostic> in
            let result: Result<(String, MadeFile), Diagnostic>
            let isList = switch pages[index] { case .sources, .glossary: true; default: false }
            do throws(Diagnostic) {
                let (path, html) = try layout.render(pages[index], shared: shared)
                let bytes = layout.pageCache?.bytes(of: html, at: path) ?? Array(html.utf8)
                if listPages != nil && isList {
                    result = .success((path, .held(bytes)))
                } else if let staged = layout.staged {
                    result = .success((path, staged.keep(path, bytes, markers: markers)))
                } else {
                    result = .success((path, .held(bytes)))
                }
            } catch {
                result = .failure(error)
            }
            if isList { listPages?.arrive(result) }
            return result
        }
        var problems: [(rank: Int, problem: Diagnostic)] = []
        for (page, result) in zip(pages, results) {
            switch result {
            case .success(let (path, file)): output.add(path, file)
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
        case .page(let index): 1 + chapters.count + index
        case .sources: chapters.count + pages.count + 1
        case .glossary: chapters.count + pages.count + 2
        case .gallery: chapters.count + pages.count + 3
        case .notFound: chapters.count + pages.count + 4
        case .numbers: chapters.count + pages.count + 5
        case .corrections: chapters.count + pages.count + 6
        }
    }

    /// The gallery's template values. Its samples are explainer's English chart reference: on a site whose language
    /// is not English they are marked `lang="en"` (`samplesLanguage`, absent otherwise).
    private func galleryExtra(_ items: [TemplateContext]) -> [String: Any] {
        var extra: [String: Any] = ["isGallery": true, "noindex": true, "items": items]
        if !config.language.lowercased().hasPrefix("en") { extra["samplesLanguage"] = "en" }
        return extra
    }

    /// What many pages show, made once per build.
    private struct SharedParts: @unchecked Sendable {  // immutable once made (template values, as `FrozenContext`)
        /// Every chapter page lists every chapter in its menu: the list is built once and the current one marked per page.
        let menu: [ChapterLink]
        /// Each source as HTML, by key, for the sources page and the notes of the chapters that cite it.
        let sourceHTML: [String: String]
        /// What an empty link to a figure or table shows ("Figure 6.3"), by anchor id.
        let referenceLabels: [String: String]
        /// The numbers page's sections and the corrections log (empty when the site has no such page).
        let numberSections: [TemplateContext]
        let corrections: [TemplateContext]
    }

    private func render(_ page: Page, shared: SharedParts) throws(Diagnostic) -> (path: String, html: String) {
        switch page {
        case .home:
            var extra: [String: Any] = ["isHome": true, "toc": chapterList(root: "")]
            var bodyDigest: (keys: Set<String>, digest: ContentDigest)?
            // Source references link other entries as from one folder down; the home page is at the root.
            if let home {
                let atRoot = shared.sourceHTML.mapValues { $0.replacingOccurrences(of: "href=\"../sources/#", with: "href=\"sources/#") }
                let body = bodyContext(home, sourceHTML: atRoot, references: shared.referenceLabels, bodyKey: "intro", template: "index")
                extra.merge(body.values) { $1 }
                bodyDigest = body.digest.map { (Set(body.values.keys), $0) }
            }
            return ("index.html", try self.page("index", root: "", path: "", title: config.title,
                                                description: home?.frontMatter.description ?? config.description,
                                                extra: extra, source: home, body: bodyDigest))
        case .chapter(let index):
            let chapter = bodies?.restoring(chapters[index], slot: index) ?? chapters[index]
            return (chapter.outputPath,
                    try chapterPage(chapter, index: index, menu: ChapterMenu(links: shared.menu, current: index),
                                    sourceHTML: shared.sourceHTML, references: shared.referenceLabels))
        case .page(let index):
            let standalone = bodies?.restoring(pages[index], slot: chapters.count + index) ?? pages[index]
            let body = bodyContext(standalone, sourceHTML: shared.sourceHTML, references: shared.referenceLabels, bodyKey: "body",
                                   template: "page")
            var extra = body.values
            extra["pageHeading"] = standalone.frontMatter.title
            return (standalone.outputPath,
                    try self.page("page", root: "../", path: standalone.slug + "/", title: standalone.frontMatter.title,
                                  description: standalone.frontMatter.description ?? standalone.frontMatter.summary ?? config.description,
                                  extra: extra, menu: ChapterMenu(links: shared.menu), source: standalone,
                                  body: body.digest.map { (Set(body.values.keys), $0) }))
        case .sources:
            return ("sources/index.html", try self.page("sources", root: "../", path: "sources/", title: edition.words["sources"],
                                                        description: edition.words["sourcesDescription"],
                                                        extra: ["sources": sourceList(sourceHTML: shared.sourceHTML)]))
        case .glossary:
            let terms = glossary.map { entry in
                var values: [String: Any] = ["anchor": entry.anchor, "term": entry.term, "definition": entry.definition]
                if let expansion = entry.expansion { values["expansion"] = expansion }
                return TemplateContext(values)
            }
            return ("glossary/index.html", try self.page("glossary", root: "../", path: "glossary/", title: edition.words["glossary"],
                                                         description: config.glossaryIntro,
                                                         extra: ["terms": terms, "glossaryIntro": config.glossaryIntro]))
        case .gallery:
            let items = gallery.map { item in
                TemplateContext(["kind": item.kind, "name": item.name, "title": item.title, "summary": item.summary, "firstColumn": item.firstColumn,
                                 "otherColumns": item.otherColumns, "block": item.block, "csvName": item.csvName, "hasCSV": !item.csvName.isEmpty,
                                 "csv": item.csv, "light": item.light, "dark": item.dark])
            }
            return ("gallery/index.html", try self.page("gallery", root: "../", path: "gallery/", title: edition.words["galleryTitle"],
                                                        description: edition.words["galleryDescription"],
                                                        extra: galleryExtra(items), inOneLanguage: true))
        case .numbers:
            return ("numbers/index.html", try self.page("numbers", root: "../", path: "numbers/", title: edition.words["numbers"],
                                                        description: edition.words["numbersDescription"],
                                                        extra: ["sections": shared.numberSections]))
        case .corrections:
            return ("corrections/index.html", try self.page("corrections", root: "../", path: "corrections/", title: edition.words["corrections"],
                                                            description: edition.words["correctionsDescription"],
                                                            extra: ["corrections": shared.corrections]))
        case .notFound:
            // Hosts serve 404.html at any depth, where relative links break. With a base URL, `<base>` anchors them
            // at the site's root; without one, the stylesheets come inline (templates show `inlineStyle` instead of
            // linking them), so the page is styled wherever it is served.
            // Its links lead from the site's root whatever the depth: absolute with a base URL, root-relative ("/…")
            // without one, which a script corrects when the site is served under a sub-path.
            // Each language has its 404 page in its folder (`zh-hant/404.html`), in its words; the root's, which hosts
            // serve for every missing address, speaks every language (the others after its own, each in its own
            // `lang`), and its script shows the language's page for an address in that language's folder.
            let siteRoot = edition.siteBaseURL ?? config.baseURL ?? "/"
            let root = siteRoot + edition.language.prefix
            var extra: [String: Any] = ["is404": true, "noindex": true, "assetRoot": siteRoot]
            if config.baseURL == nil, let inlineStyle { extra["inlineStyle"] = inlineStyle }
            if edition.languages.count > 1 { extra.merge(notFoundLanguageLinks(siteRoot: siteRoot)) { $1 } }
            // A language whose 404 texts are this one's (not yet translated, so in the default language's words)
            // would only say the same again.
            let ownTexts = notFoundTexts.map { edition.words.strings[$0] }
            extra["otherLanguages"] = edition.languages.indices.filter { index in
                index != edition.index && (!edition.translations.indices.contains(index)
                    || notFoundTexts.map({ edition.translations[index].strings[$0] }) != ownTexts)
            }.map { index in
                TemplateContext(["code": edition.languages[index].code, "root": siteRoot + edition.languages[index].prefix,
                                 "t": TemplateContext(edition.translations[index].strings)])
            }
            let html = try self.page("404", root: root, path: nil, title: edition.words["notFoundTitle"],
                                     description: config.description, extra: extra)
            // A script finds the site's root when it is served under a sub-path without a base URL, and the root's
            // page shows another language's for a missing address in its folder (NotFoundRoot.swift).
            let others = edition.index == 0 ? edition.languages.dropFirst().map(\.prefix) : []
            // Encoded, as `location.pathname` is (`/sequ%C3%ADa/`).
            let sitePath = edition.siteBaseURL.flatMap { URLComponents(string: $0)?.percentEncodedPath }
            return ("404.html", addingNotFoundScript(html, prefix: edition.language.prefix, languageFolders: others,
                                                     sitePath: sitePath, findsRoot: config.baseURL == nil))
        }
    }

    /// The page's Markdown as HTML, with its figures drawn in (numbered `3.1` in chapter 3, `1` elsewhere), and the
    /// notes of its citations: `bodyKey` (the HTML), `footnotes`, `hasNotes`, `notes`, `hasOutline`, `outline`.
    /// `template` is the page's: the footnotes list is `footnotes` when it places them (`TemplateSet.placesFootnotes`),
    /// else the end of `bodyKey`, where a template made before there was `footnotes` shows them.
    private func bodyContext(_ chapter: Chapter, sourceHTML: [String: String], references: [String: String],
                             bodyKey: String, template: String) -> (values: [String: Any], digest: ContentDigest?) {
        let footnotesApart = templates.placesFootnotes(template)
        // The same chapter, sources and reference labels make the same body (sources are in the chapter's digest), in
        // the same place for its footnotes.
        guard let pageCache, let chapterDigest = chapterDigests[chapter.file], let referencesDigest else {
            return (makeBodyContext(chapter, sourceHTML: sourceHTML, references: references, bodyKey: bodyKey,
                                    footnotesApart: footnotesApart), nil)
        }
        var digester = ContentDigester()
        digester.add(chapterDigest)
        digester.add(referencesDigest)
        digester.add(bodyKey)
        digester.add(footnotesApart ? 1 : 0)
        let key = digester.digest
        if let body = pageCache.body(key) { return (body.values, key) }
        let values = makeBodyContext(chapter, sourceHTML: sourceHTML, references: references, bodyKey: bodyKey,
                                     footnotesApart: footnotesApart)
        pageCache.store(PageCache.Body(values: values), for: key)
        return (values, key)
    }

    private func makeBodyContext(_ chapter: Chapter, sourceHTML: [String: String], references: [String: String],
                                 bodyKey: String, footnotesApart: Bool) -> [String: Any] {
        var replacements = chapter.tableNumbers(words: edition.words)
        for (position, request) in chapter.figures.enumerated() {
            guard let figure = figures[request.id] else { continue }
            replacements[RenderedMarkdown.placeholder(forBlock: position)] = figureHTML(
                figure, number: chapter.displayNumber(position), root: chapter.root, words: edition.words,
                citations: chapter.rendered.blocks[position].citations)
        }
        // A footnote may hold figures, tables and references to them as the text does.
        let filled = { (html: String) in fillNumberedReferences(fillingPlaceholders(html, replacements), labels: references) }
        let footnotes = chapter.rendered.footnotes
        let html = filled(footnotesApart ? chapter.rendered.html : chapter.rendered.htmlWithFootnotes)
        let outline = outlineEntries(chapter.rendered.headings)
        let notes = notes(for: chapter, sourceHTML: sourceHTML)
        var values: [String: Any] = [bodyKey: html, "hasNotes": !notes.isEmpty, "notes": notes, "hasOutline": !outline.isEmpty,
                                     "outline": outline]
        // Absent rather than empty, as `takeaway` is, so that `{{#footnotes}}…{{/footnotes}}` shows nothing without them.
        if footnotesApart && !footnotes.isEmpty { values["footnotes"] = filled(footnotes) }
        return values
    }

    /// The "In this chapter" list: each `##` with the `###` under it (`sub`, `hasSub` on every entry, so templates
    /// never look for them on the page); a `###` before the first `##` is an entry of its own.
    private func outlineEntries(_ headings: [Heading]) -> [TemplateContext] {
        var entries: [(heading: Heading, sub: [Heading])] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 3, let last = entries.indices.last, entries[last].heading.level == 2 {
                entries[last].sub.append(heading)
            } else {
                entries.append((heading, []))
            }
        }
        return entries.map { entry in
            TemplateContext(["id": entry.heading.id, "text": entry.heading.text, "hasSub": !entry.sub.isEmpty,
                             "sub": entry.sub.map { TemplateContext(["id": $0.id, "text": $0.text]) }])
        }
    }

    private func chapterPage(_ chapter: Chapter, index: Int, menu: ChapterMenu, sourceHTML: [String: String],
                             references: [String: String]) throws(Diagnostic) -> String {
        let body = bodyContext(chapter, sourceHTML: sourceHTML, references: references, bodyKey: "body", template: "chapter")
        var context = body.values
        context["number"] = chapter.number
        context["chapterTitle"] = chapter.frontMatter.title
        context["readingMinutes"] = chapter.readingMinutes
        context["readingTime"] = edition.words.format("readingTime", chapter.readingMinutes)
        context["chapterLabel"] = edition.words.format("chapterNumber", chapter.number)
        if let question = chapter.frontMatter.question { context["question"] = question }
        if let takeaway = chapter.frontMatter.takeaway { context["takeaway"] = takeaway }
        if index > 0 { context["previous"] = link(to: chapters[index - 1]) }
        if index + 1 < chapters.count { context["next"] = link(to: chapters[index + 1]) }
        context["ogType"] = "article"
        return try page("chapter", root: "../", path: chapter.slug + "/", title: chapter.frontMatter.title,
                        description: chapter.frontMatter.description ?? chapter.frontMatter.summary ?? config.description,
                        extra: context, menu: menu, source: chapter, body: body.digest.map { (Set(body.values.keys), $0) })
    }

    /// The picture for link previews, relative to the site's root: the page's `image:`, else the first picture of
    /// its Markdown that previews show (PNG, JPEG, GIF, WebP), else site.yml's `image:`.
    private func previewImage(for source: Chapter?) -> String? {
        if let image = source?.frontMatter.image { return contentRelativePath(image) }
        let shown = ["png", "jpg", "jpeg", "gif", "webp"]
        if let source, let picture = source.rendered.links.first(where: { link in
            link.isImage && shown.contains(where: { link.destination.lowercased().hasSuffix("." + $0) })
        }), let path = contentRelativePath(picture.destination) {
            return path
        }
        return config.image.flatMap(contentRelativePath)
    }

    private func notes(for chapter: Chapter, sourceHTML: [String: String]) -> [TemplateContext] {
        var seen: Set<Int> = []
        return chapter.rendered.citations.compactMap { citation in
            guard seen.insert(citation.number).inserted, let html = sourceHTML[citation.key] else { return nil }
            return TemplateContext(["number": citation.number, "html": html + locatorsHTML(of: citation.key, in: chapter),
                                    "key": citation.key])
        }
    }

    /// The numbers page: each section with its rows (number, what, date, sources as links, confidence, chapters).
    private func numberSections() -> [TemplateContext] {
        let bySlug = Dictionary((chapters + pages).map { ($0.fileStem, $0) }, uniquingKeysWith: { first, _ in first })
        // On a phone each cell is a card line headed by its column's name, in the language's form: "Date: ", "日期：".
        let words = edition.words
        let columnLabels = TemplateContext(Dictionary(uniqueKeysWithValues: ["number", "what", "date", "source", "confidence"].map { column in
            (column, words.format("labelled", ["label": words[column + "Column"]]) + words["space"])
        }))
        return (numbers?.sections ?? []).map { section in
            let rows = section.numbers.map { entry -> TemplateContext in
                let sources = entry.sources.compactMap { key in
                    bibliography[key].map { "<a href=\"../sources/#source-\(escapeHTML(key))\">\($0.shortReference(words: edition.words, languages: edition.languages.first.map { (edition.language.code, $0.code) }))</a>" }
                }.joined(separator: "; ")
                let places = entry.chapters.compactMap { bySlug[$0] }.map { chapter in
                    "<a href=\"../\(chapter.slug)/\">" + escapeHTML(chapter.kind == .chapter ? edition.words.format("chapterShort", chapter.number) : chapter.frontMatter.title) + "</a>"
                }.joined(separator: edition.words["listSeparator"])
                var values: [String: Any] = [
                    "number": typographic(entry.number), "what": typographic(entry.what), "dateHTML": numberDateHTML(entry.date, words: edition.words),
                    "sourceHTML": entry.model ? escapeHTML(edition.words["illustrativeModel"]) : sources,
                    "confidence": entry.confidence.rawValue, "isModel": entry.model,
                    "confidenceText": edition.words["confidence" + entry.confidence.rawValue.prefix(1).uppercased()
                                                    + entry.confidence.rawValue.dropFirst()],
                ]
                if !places.isEmpty { values["chaptersHTML"] = places }
                if let note = entry.note { values["noteHTML"] = inlineMarkdown(note) }
                // The description, a phrase, ends before the note's sentence or "In ch. 2.": "… those percentages.
                // Period: …", "… for 2024. In ch. 2." (editor 17 N16: "… for 2024 In ch. 2." read as one sentence).
                if entry.note != nil || !places.isEmpty, let last = entry.what.last, !".!?。！？…".contains(last) {
                    values["what"] = typographic(entry.what) + edition.words["fullStop"]
                }
                return TemplateContext(values)
            }
            var values: [String: Any] = ["rows": rows, "count": rows.count, "columnLabels": columnLabels]
            if let title = section.title { values["title"] = title; values["anchor"] = slugify(title) }
            return TemplateContext(values)
        }
    }

    /// The corrections log, newest first: date, the page corrected (linked), what changed.
    private func correctionList() -> [TemplateContext] {
        let bySlug = Dictionary((chapters + pages).map { ($0.fileStem, $0) }, uniquingKeysWith: { first, _ in first })
        return corrections.map { correction in
            var values: [String: Any] = ["anchor": correctionAnchor(correction), "date": correction.date,
                                         "dateText": edition.words.date(correction.date), "textHTML": inlineMarkdown(correction.text)]
            if let name = correction.chapter, let chapter = bySlug[name] {
                values["href"] = "../\(chapter.slug)/"
                values["pageTitle"] = chapter.correctedPageTitle(words: edition.words)
            }
            return TemplateContext(values)
        }
    }

    /// A correction's anchor on the log: its date and page, numbered when one day corrects a page twice.
    private func correctionAnchor(_ correction: Correction) -> String {
        Site.correctionAnchor(correction, in: corrections)
    }

    /// The same page in every language, for the language switch (`languages`: `code`, `name`, `href`, `current`:
    /// every language's version, a copy of the default language's text included, which says so when it opens) and
    /// the `hreflang` alternates (`alternates`: `code`, `href`, absolute with a base URL; `xDefault`), which list only
    /// real translations: none on a page that is such a copy (`isCopy`), and none of a language whose version of the
    /// page (the file named `file`) is one. A page with no translation but itself lists none, as Hugo's
    /// `.IsTranslated` does. `path` is the page's address below its language's root (`four-steps/`).
    private func languageLinks(root: String, path: String, file: String?, isCopy: Bool) -> [String: Any] {
        var switchLinks: [TemplateContext] = []
        var alternates: [TemplateContext] = []
        for (index, language) in edition.languages.enumerated() {
            let relative = root + edition.up + language.prefix + path
            let name = index < edition.translations.count ? edition.translations[index]["languageName"] : language.code
            switchLinks.append(TemplateContext(["code": language.code, "name": name, "href": relative.isEmpty ? "./" : relative,
                                                "current": index == edition.index]))
            if let file, edition.isFallback(file, in: index) { continue }
            alternates.append(TemplateContext(["code": language.code,
                                               "href": edition.siteBaseURL.map { $0 + language.prefix + path } ?? (relative.isEmpty ? "./" : relative)]))
        }
        var links: [String: Any] = ["hasLanguages": true, "languages": switchLinks, "alternates": [TemplateContext]()]
        if !isCopy && alternates.count > 1 {
            links["alternates"] = alternates
            links["xDefault"] = (alternates[0].values["href"] as? String) ?? ""
        }
        return links
    }

    /// The 404 page's language switch: each language's home page, from the site's root `siteRoot` (no alternates: the
    /// page has no address of its own).
    private func notFoundLanguageLinks(siteRoot: String) -> [String: Any] {
        let switchLinks = edition.languages.enumerated().map { index, language in
            TemplateContext(["code": language.code, "href": siteRoot + language.prefix, "current": index == edition.index,
                             "name": index < edition.translations.count ? edition.translations[index]["languageName"] : language.code])
        }
        return ["hasLanguages": true, "languages": switchLinks, "alternates": [TemplateContext]()]
    }

    private func link(to chapter: Chapter) -> TemplateContext {
        TemplateContext(["href": "../\(chapter.slug)/", "title": chapter.frontMatter.title, "number": chapter.number])
    }

    private func chapterList(root: String) -> [ChapterLink] {
        let original = edition.languages[0].code
        let originalName = edition.translations.first?["languageName"] ?? original
        return chapters.map { chapter in
            let untranslated = edition.index > 0 && edition.fallbackFiles.contains(chapter.file)
            return ChapterLink(href: "\(root)\(chapter.slug)/", title: chapter.frontMatter.title, number: chapter.number,
                               readingMinutes: chapter.readingMinutes,
                               readingTime: edition.words.format("readingTime", chapter.readingMinutes), summary: chapter.frontMatter.summary,
                               originalLanguage: untranslated ? original : nil, originalLanguageName: untranslated ? originalName : nil)
        }
    }

    private func sourceList(sourceHTML: [String: String]) -> [TemplateContext] {
        // Which chapters cite each source, in chapter order: one pass over the chapters' citations. Each page's values
        // are made once and shared by the sources it cites (`CitedIn`), rather than copied for each: on a site of
        // 10,000 chapters, tens of thousands of citing pages. A preview build's page cache keys the page by its values,
        // which it reads as `TemplateContext`s, so with a cache each is one.
        var citing: [String: [CitedIn]] = [:]
        // The home page is named as such ("Home page"), not by the site's title, which reads as one more chapter's.
        for chapter in [chapters, pages, home.map { [$0] } ?? []].joined() {
            var values: [String: Any] = ["href": chapter.kind == .home ? "../" : "../\(chapter.slug)/", "title": chapter.kind == .home ? edition.words["homePage"] : chapter.frontMatter.title]
            if chapter.kind == .chapter {
                values["number"] = chapter.number
                values["chapterShort"] = edition.words.format("chapterShort", chapter.number)
            }
            let page = TemplateContext(values)
            for key in Set(chapter.rendered.citations.map(\.key)).sorted() {
                citing[key, default: []].append(CitedIn(page: page, notFirst: citing[key] != nil))
            }
        }
        // By surname or organisation, as a reader looks for them.
        // Each entry's sort key worked out once, not at every comparison (the order is the same).
        return bibliography.values.map { ($0.sortKey, $0) }.sorted { ($0.0, $0.1.key) < ($1.0, $1.1.key) }.map(\.1).map { entry in
            let citedIn = citing[entry.key] ?? []
            let list: Any = pageCache == nil ? citedIn : citedIn.map(\.context)
            return TemplateContext(["anchor": "source-" + entry.key, "html": sourceHTML[entry.key]!, "isCited": !citedIn.isEmpty,
                                    "citedIn": list])
        }
    }

    /// - Parameters: `root` leads from the page to the site root (`../`); `path` is the page's address below the
    ///   base URL (`four-steps/`), nil for pages without one of their own (404); `menu` is the `chapters` list when
    ///   the caller has it already (`chapterList(root: root)` otherwise); `source` is the chapter or page the page
    ///   shows, whose front matter adds `date`, `updated`, `authors`, `extra` and the link-preview image;
    ///   `inOneLanguage` for a page published in the default language only (the gallery): no language switch or
    ///   alternates, since no other language has it.
    private func page(_ template: String, root: String, path: String?, title: String, description: String,
                      extra: [String: Any], menu: ChapterMenu? = nil, source: Chapter? = nil,
                      inOneLanguage: Bool = false, body: (keys: Set<String>, digest: ContentDigest)? = nil) throws(Diagnostic) -> String {
        var menu = menu ?? ChapterMenu(links: chapterList(root: root))
        menu.limit = config.menuChapters
        if templates.prerendersMenus { menu.items = menuItems }
        var context = siteValuesMade?.values ?? siteValues()
        context["root"] = root
        context["pageTitle"] = title
        context["description"] = description
        context["chapters"] = menu
        context["pages"] = pages.map { TemplateContext(["href": root + $0.slug + "/", "title": $0.frontMatter.title,
                                                        "current": $0.slug + "/" == path ? true : false]) }
        context["extra"] = TemplateContext((source?.frontMatter.extra ?? [:]).mapValues(\.templateValue))
        if menu.isPartial { context["allChapters"] = edition.words.format("allChapters", chapters.count) }
        context["assetRoot"] = root + edition.up
        let shownFile = source?.file ?? ["glossary": "glossary.yml", "numbers": "numbers.yml", "corrections": "corrections.yml"][template]
        let untranslated = shownFile.map { edition.fallbackFiles.contains($0) || (source == nil && edition.isFallback($0)) } ?? false
        if untranslated { context["fallbackLanguage"] = edition.languages[0].code }
        // A draft built with --drafts asks search engines to leave it out; `isDraft` lets a template say so.
        if source?.frontMatter.draft == true {
            context["isDraft"] = true
            context["noindex"] = true
        }
        // The home page is each language's own (its list of chapters, its words), whatever its introduction.
        let copy = untranslated && template != "index"
        if edition.languages.count > 1, !inOneLanguage, let path {
            let name = template == "index" ? nil : shownFile.map(fileName)
            context.merge(languageLinks(root: root, path: path, file: name, isCopy: copy)) { $1 }
        }
        if config.search { context["searchIndex"] = root + SearchLanguage(tag: config.language).folder }
        // "Published … · Facts as of …": site.yml's dates, or the page's own (`date`, `factsAsOf`).
        let published = source?.frontMatter.date ?? config.published
        let factsAsOf = source?.frontMatter.factsAsOf ?? config.factsAsOf
        if let published { context["publishedDate"] = published; context["publishedText"] = edition.words.date(published) }
        if let factsAsOf { context["factsAsOf"] = factsAsOf; context["factsAsOfText"] = edition.words.date(factsAsOf) }
        if let source, let correction = corrections.first(where: { $0.chapter == source.fileStem }) {
            context["corrected"] = correction.date
            context["correctedText"] = edition.words.date(correction.date)
            context["correctionsHref"] = root + "corrections/#" + correctionAnchor(correction)
        }
        // Not on the 404 page, which has no facts to date (review 13: "Published 4 December 2026" under "Not found").
        if template != "404", published != nil || factsAsOf != nil || context["corrected"] != nil { context["hasDateline"] = true }
        if numbers != nil && templates.has("numbers") { context["numbersHref"] = root + "numbers/" }
        if !corrections.isEmpty && templates.has("corrections") { context["correctionsPage"] = root + "corrections/" }
        if let source {
            let matter = source.frontMatter
            if let date = matter.date { context["date"] = date; context["dateText"] = edition.words.date(date) }
            if let updated = matter.updated { context["updated"] = updated; context["updatedText"] = edition.words.date(updated) }
            if !matter.authors.isEmpty {
                context["authors"] = matter.authors
                context["authorList"] = matter.authors.joined(separator: edition.words["listSeparator"])
            }
        }
        if let image = previewImage(for: source) {
            context["ogImage"] = (edition.siteBaseURL ?? config.baseURL ?? root + edition.up) + image
        }
        if let base = config.baseURL {
            context["hasFeed"] = true
            // A copy of the default language's text is that page, not this language's version of it.
            if let path { context["canonical"] = copy ? (edition.siteBaseURL ?? base) + edition.languages[0].prefix + path : base + path }
        }
        for (key, value) in extra { context[key] = value }
        let key = pageCache.flatMap { _ in cacheKey(template, context: context, body: body, wordsAsBuilt: extra["t"] == nil) }
        if let key, let cached = pageCache?.page(key) {
            let replayed = PageLookups()
            (replayed.found, replayed.missed) = (cached.found, cached.missed)
            templates.lookups.record(replayed)
            return cached.html
        }
        let lookups = PageLookups()
        var html = try templates.renderPage(template, context: context, recording: lookups)
        // In Chinese, Japanese and Korean a line may break anywhere, also inside "273億美元": on every page (prose,
        // figure captions, data tables, the numbers page), numbers keep their units.
        if ["zh", "ja", "ko"].contains(config.language.split(separator: "-").first.map { $0.lowercased() } ?? "") {
            html = keepingNumbersWithUnits(html)
        }
        if let script = injectedScript, let range = html.lastRange(of: "</body>") {
            html.replaceSubrange(range, with: script + "</body>")
        }
        if let key { pageCache?.store(PageCache.Page(html: html, found: lookups.found, missed: lookups.missed), for: key) }
        return html
    }

    /// The values of every page that are the same on every page: the site's (title, description, language, author,
    /// footer, licences, `siteExtra`), the interface words `t` and the search box's words.
    private func siteValues() -> [String: Any] {
        var values: [String: Any] = [
            "ogType": "website",
            "siteTitle": config.title,
            "siteDescription": config.description,
            "language": config.language,
            "glossaryIntro": config.glossaryIntro,
            "siteExtra": TemplateContext(config.extra.mapValues(\.templateValue)),
        ]
        values["t"] = wordsContext?.context ?? TemplateContext(edition.words.strings)
        // The box's words (search.mustache's {{#search}}…{{/search}}), in the page's language.
        if config.search {
            values["search"] = searchWordsContext?.context ?? TemplateContext(Dictionary(uniqueKeysWithValues: searchWordKeys.map { ($0, edition.words[$1]) }))
        }
        // Absent rather than empty, so that `{{#author}}…{{/author}}` shows nothing when site.yml names no author.
        if !config.author.isEmpty { values["author"] = config.author }
        if let footer = config.footer { values["footer"] = footer }
        for (key, value) in [("licence", config.licence), ("licenceURL", config.licenceURL),
                             ("dataLicence", config.dataLicence), ("dataLicenceURL", config.dataLicenceURL)] {
            if let value { values[key] = value }
        }
        if config.licence != nil || config.dataLicence != nil { values["hasLicence"] = true }
        return values
    }

    /// What `page` makes of `context` depends on: the template and the template files, the page's language (numbers
    /// kept with their units) and the injected script. Nil when a value cannot be digested. The values of a chapter's
    /// body (`body.keys`, as `bodyContext` made them) count by the body's digest, not read again.
    /// `wordsAsBuilt`: `t` is this edition's words (no page value replaced them), so it counts by `wordsDigest`.
    private func cacheKey(_ template: String, context: [String: Any], body: (keys: Set<String>, digest: ContentDigest)?,
                          wordsAsBuilt: Bool) -> ContentDigest? {
        var digester = TemplateValueDigester(sharedMenu: sharedMenu)
        digester.add(template)
        digester.add(templates.digest.first)
        digester.add(templates.digest.second)
        digester.add(config.language)
        digester.add(injectedScript == nil ? 0 : 1)
        digester.add(injectedScript ?? "")
        var skipped: Set<String> = []
        digester.add(body == nil ? 0 : 1)
        if let body {
            digester.add(body.digest.first)
            digester.add(body.digest.second)
            skipped = body.keys
        }
        digester.add(wordsAsBuilt && wordsDigest != nil ? 1 : 0)
        if wordsAsBuilt, let wordsDigest {
            digester.add(wordsDigest.first)
            digester.add(wordsDigest.second)
            skipped.insert("t")
        }
        return digester.add(values: context, skipping: skipped) ? digester.digest : nil
    }
}

import Foundation
import Synchronization

/// The sources and glossary pages as they are rendered: the second to arrive calls `handOver` with both (those that
/// rendered), on its worker's thread.
private final class ListPagesGate: @unchecked Sendable {  // `handOver` is called once, under the lock's hand-off
    private let handOver: (OutputTree) -> Void
    private let arrived = Mutex<(count: Int, lists: OutputTree)>((0, OutputTree()))

    init(_ handOver: @escaping (OutputTree) -> Void) {
        self.handOver = handOver
    }

    func arrive(_ result: Result<(String, MadeFile), Diagnostic>) {
        let complete = arrived.withLock { arrived -> OutputTree? in
            if case .success(let (path, .held(bytes))) = result { arrived.lists[path] = bytes }
            arrived.count += 1
            return arrived.count == 2 ? arrived.lists : nil
        }
        if let complete { handOver(complete) }
    }
}

/// Template values made once per build and only read after that, shared by the pages laid out on all cores.
struct FrozenContext: @unchecked Sendable {
    let context: TemplateContext
}

/// Page values made once per build and only read (copied) after that (`PageLayout.siteValues`).
struct FrozenValues: @unchecked Sendable {
    let values: [String: Any]
}

/// The search box's words (`{{#search}}{{label}}…`) and the translations they come from.
let searchWordKeys: [(String, String)] = [("label", "searchLabel"), ("placeholder", "searchPlaceholder"), ("results", "searchResults"),
                                          ("one", "searchOne"), ("many", "searchMany"), ("onPages", "searchOnPages"),
                                          ("fromPages", "searchFromPages"), ("none", "searchNone"), ("error", "searchError")]

/// A page in a source's "cited in" list on the sources page: the page's values (`href`, `title`, `number`,
/// `chapterShort`), shared by every source it cites, and whether another page comes before it in this source's list
/// (`notFirst`), as a `TemplateContext` holding all of them would answer.
private struct CitedIn: MustacheParent {
    let page: TemplateContext
    let notFirst: Bool

    func child(named name: String) -> Any? {
        name == "notFirst" ? notFirst : page.child(named: name)
    }

    /// The same values in one `TemplateContext`.
    var context: TemplateContext {
        var values = page.values
        values["notFirst"] = notFirst
        return TemplateContext(values)
    }
}

/// The texts of the 404 page's message in the starter's template: another language's block is left out of a 404 page
/// when they are the page's own.
let notFoundTexts = ["notFoundTitle", "notFoundText", "notFoundHelp"]
