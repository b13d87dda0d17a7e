import Foundation
import Markdown
import Testing
@testable import Site

/// Where a page's footnotes list goes: after the takeaway and before the sources for the chapter when the template
/// places it (`{{{footnotes}}}`), at the end of the body when a template made before there was `footnotes` does not.
@Suite struct FootnotePlacement {
    static let chapter = """
        ---
        title: Notes
        takeaway: Remember this.
        ---
        A claim[^a] with a source [@book]. See [the note](#fn-1).

        [^a]: The footnote's own words, with a [link back](#fnref-1) and another source [@paper].

        """
    static let sources = "book:\n  title: A book\npaper:\n  title: A paper\n"

    /// The repository's template `name` as an earlier explainer wrote it: without the lines that place `footnotes`.
    static func templateWithoutFootnotes(_ name: String) throws -> SourceFile {
        let file = try #require(repositorySource.templates.first { $0.path == "templates/\(name).mustache" })
        let placing = "{{#footnotes}}\n{{{footnotes}}}\n{{/footnotes}}\n"
        let text = String(decoding: file.bytes, as: UTF8.self)
        try #require(text.contains(placing))
        return SourceFile(path: file.path, text: text.replacingOccurrences(of: placing, with: ""))
    }

    static func replacing(_ templates: [SourceFile], with file: SourceFile) -> [SourceFile] {
        templates.filter { $0.path != file.path } + [file]
    }

    /// Where each of `marks` first starts in `page` (in UTF-8 bytes), failing the test for one that is missing.
    static func positions(of marks: [String], in page: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Int] {
        marks.map { mark in
            guard let range = page.range(of: mark) else {
                Issue.record("\(mark) is not on the page", sourceLocation: sourceLocation)
                return -1
            }
            return page.utf8.distance(from: page.startIndex, to: range.lowerBound)
        }
    }

    @Test func aChaptersFootnotesComeAfterItsTakeawayAndBeforeItsSources() throws {
        let output = try build(miniSite(chapter: Self.chapter, sources: Self.sources))
        let page = try #require(text(output, "intro/index.html"))
        let marks = ["<div class=\"prose\">", "A claim<sup class=\"footnote-ref\">", "</div>\n<aside class=\"takeaway\"",
                     "<section class=\"footnotes notes\"", "The footnote’s own words", "<section class=\"notes\" id=\"notes\""]
        let found = Self.positions(of: marks, in: page)
        #expect(found == found.sorted(), "prose, takeaway, footnotes, sources for the chapter: \(found)")
        #expect(page.components(separatedBy: "<section class=\"footnotes notes\"").count == 2, "the list is on the page once")
        // The citation inside the footnote is a source note of the chapter's, numbered after the text's.
        #expect(page.contains("<li id=\"note-2\">"))
    }

    @Test func aStandalonePagesFootnotesComeAfterItsBodyAndBeforeItsSources() throws {
        var site = miniSite(chapter: "---\ntitle: One\n---\nText.\n", sources: Self.sources)
        site.chapters.append(SourceFile(path: "content/about.md", text: Self.chapter.replacingOccurrences(of: "takeaway: Remember this.\n", with: "")))
        let output = try build(site)
        let page = try #require(text(output, "about/index.html"))
        let found = Self.positions(of: ["A claim<sup", "</div>\n<section class=\"footnotes notes\"", "The footnote’s own words",
                                        "<section class=\"notes\" id=\"notes\""], in: page)
        #expect(found == found.sorted(), "body, footnotes, sources for the page: \(found)")
    }

    @Test func aTemplateThatNeverNamesFootnotesStillShowsThemAtTheEndOfTheBody() throws {
        var site = miniSite(chapter: Self.chapter, sources: Self.sources)
        site.templates = Self.replacing(site.templates, with: try Self.templateWithoutFootnotes("chapter"))
        site.chapters.append(SourceFile(path: "content/about.md", text: "---\ntitle: About\n---\nMore[^b].\n\n[^b]: The page's note.\n"))
        site.templates = Self.replacing(site.templates, with: try Self.templateWithoutFootnotes("page"))
        let output = try build(site)
        let page = try #require(text(output, "intro/index.html"))
        let found = Self.positions(of: ["<div class=\"prose\">", "A claim<sup", "<section class=\"footnotes notes\"",
                                        "The footnote’s own words", "</div>\n<aside class=\"takeaway\"",
                                        "<section class=\"notes\" id=\"notes\""], in: page)
        #expect(found == found.sorted(), "inside the body, before the takeaway, as before: \(found)")
        let about = try #require(text(output, "about/index.html"))
        #expect(Self.positions(of: ["More<sup", "<section class=\"footnotes notes\"", "The page’s note", "</div>\n</article>"], in: about).isSorted)
    }

    @Test func aPartialOrTheBaseTemplateNamingFootnotesPlacesThem() throws {
        for (including, partial) in [("chapter", "{{> foot}}\n"), ("base", "")] {
            var site = miniSite(chapter: Self.chapter, sources: Self.sources)
            let old = try Self.templateWithoutFootnotes("chapter")
            var chapter = String(decoding: old.bytes, as: UTF8.self)
            if !partial.isEmpty { chapter = chapter.replacingOccurrences(of: "{{#hasNotes}}\n", with: partial + "{{#hasNotes}}\n") }
            site.templates = Self.replacing(site.templates, with: SourceFile(path: old.path, text: chapter))
            site.templates.append(SourceFile(path: "templates/foot.mustache", text: "<div class=\"foot\">{{{footnotes}}}</div>\n"))
            if including == "base" {
                let base = try #require(site.templates.first { $0.path == "templates/base.mustache" })
                site.templates = Self.replacing(site.templates, with: SourceFile(
                    path: base.path, text: String(decoding: base.bytes, as: UTF8.self).replacingOccurrences(of: "</body>", with: "{{> foot}}</body>")))
            }
            let page = try #require(text(try build(site), "intro/index.html"))
            let found = Self.positions(of: ["</div>\n<aside class=\"takeaway\"", "<div class=\"foot\"><section class=\"footnotes notes\""], in: page)
            #expect(found.isSorted, "placed by the partial included in \(including): \(found)")
            #expect(page.components(separatedBy: "<section class=\"footnotes notes\"").count == 2, "\(including): on the page once")
        }
    }

    @Test func theTemplatesThatPlaceFootnotesAreFoundThroughTheirPartials() {
        let texts = ["chapter": "{{{body}}}{{> a}}", "a": "{{> b}}", "b": "{{#footnotes}}{{{footnotes}}}{{/footnotes}}",
                     "page": "{{{body}}}{{! footnotes }}", "index": "{{{intro}}}{{> c}}", "c": "{{> footnotes}}", "base": "{{{content}}}"]
        let partials = Dictionary(uniqueKeysWithValues: texts.map { ($0.key, partialReferences(in: $0.value, template: $0.key)) })
        #expect(templatesUsing("footnotes", texts: texts, partials: partials) == ["chapter", "a", "b"])
        var withBase = texts
        withBase["base"] = "{{{content}}}{{{footnotes}}}"
        #expect(templatesUsing("footnotes", texts: withBase, partials: partials) == Set(texts.keys))
    }

    @Test func footnoteLinksAndBackLinksPassTheLinkCheckWhereverTheListIs() throws {
        let other = SourceFile(path: "content/02-two.md", text: "---\ntitle: Two\n---\nSee [the first note](01-intro.md#fn-1).\n")
        var site = miniSite(chapter: Self.chapter, extraChapters: [other], sources: Self.sources)
        #expect(diagnostics(of: site).isEmpty)
        site.templates = Self.replacing(site.templates, with: try Self.templateWithoutFootnotes("chapter"))
        #expect(diagnostics(of: site).isEmpty)
        // A broken link inside a footnote is still found, at its line in the file.
        var broken = miniSite(chapter: Self.chapter.replacingOccurrences(of: "(#fnref-1)", with: "(#fnref-9)"), sources: Self.sources)
        #expect(diagnostics(of: broken).map { "\($0.file):\($0.line) \($0.message)" }
                == ["content/01-intro.md:7 link '#fnref-9' points to a missing anchor '#fnref-9'"])
        broken.templates = Self.replacing(broken.templates, with: try Self.templateWithoutFootnotes("chapter"))
        #expect(diagnostics(of: broken).map(\.line) == [7])
    }

    @Test func theSearchTextAndReadingTimeStillCountTheFootnotes() throws {
        let site = miniSite(chapter: Self.chapter, sources: Self.sources)
        let inputs = try SiteInputs.parse(site)
        let chapter = try parseChapter(site.chapters[0], place: ChapterFile(fileName: "01-intro.md")!, terms: inputs.autolinkTerms,
                                       registry: .standard)
        #expect(!chapter.rendered.footnotes.isEmpty && !chapter.rendered.html.contains("footnotes notes"))
        // The footnotes are a result of their own, after the text's (`SearchSnippetText`).
        let documents = searchDocuments(of: chapter)
        let opening = try #require(documents.first { $0.heading.isEmpty })
        #expect(!opening.text.contains("The footnote’s own words"))
        #expect(documents.last?.anchor == "fn-1" && documents.last?.text.contains("The footnote’s own words") == true)
        // The words of the text and of the footnote, as if each were a document of its own.
        let textWords = renderMarkdown("A claim with a source [@book]. See [the note](#fn-1).\n").wordCount
        let footnoteWords = renderMarkdown("The footnote's own words, with a [link back](#fnref-1) and another source [@paper].\n").wordCount
        #expect(textWords > 0 && footnoteWords > 0)
        #expect(chapter.rendered.wordCount == textWords + footnoteWords)
        // The built site's index holds them too.
        let output = try build(site)
        #expect(output.sortedPaths.filter { $0.hasPrefix("search/") }.contains { text(output, $0)?.contains("footnote’s own words") == true })
    }

    @Test func pagesWrittenAsTheyAreLaidOutKeepTheirFootnotes() throws {
        // Such a build takes each body out of its parse result for the page and the search index (`ChapterBodies`).
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var site = miniSite(chapter: Self.chapter, sources: Self.sources)
        site.chapters.append(SourceFile(path: "content/about.md", text: "---\ntitle: About\n---\nMore[^b].\n\n[^b]: The page's note.\n"))
        for templates in [site.templates, Self.replacing(site.templates, with: try Self.templateWithoutFootnotes("chapter"))] {
            site.templates = templates
            let held = try build(site)
            let staged = try StagedWrite.claim(folder.appending(path: "public"))
            let output = try build(site, options: BuildOptions(staged: staged))
            #expect(!output.spilled.isEmpty)
            for path in held.sortedPaths { #expect(output[path] == held[path], "\(path)") }
            try output.write(to: folder.appending(path: "public"), staged: staged)
            #expect(text(held, "intro/index.html")?.contains("The footnote’s own words") == true)
        }
    }

    @Test func cachedRebuildsPlaceTheFootnotesAsTheTemplatesSayAfterEachEdit() throws {
        let options = BuildOptions(parseCache: ParseCache(), pageCache: PageCache(), templateCache: TemplateCache(),
                                   searchCache: SearchCache())
        var site = miniSite(chapter: Self.chapter, sources: Self.sources)
        let placing = site.templates
        let old = Self.replacing(site.templates, with: try Self.templateWithoutFootnotes("chapter"))
        for (templates, chapter) in [(placing, Self.chapter), (placing, Self.chapter), (old, Self.chapter),
                                     (old, Self.chapter + "\nOne more sentence.\n"), (placing, Self.chapter + "\nOne more sentence.\n")] {
            site.templates = templates
            site.chapters[0] = SourceFile(path: site.chapters[0].path, text: chapter)
            let cached = try build(site, options: options)
            let fresh = try build(site)
            #expect(cached == fresh)
            #expect(text(cached, "intro/index.html")?.contains("The footnote’s own words") == true)
        }
        #expect(options.pageCache!.bodyHits > 0)
    }
}

private extension Array where Element == Int {
    var isSorted: Bool { self == sorted() && !contains(-1) }
}

/// Trial 13 (S5): deleting `{{{footnotes}}}` but keeping its section lost every page's footnotes, and the only error
/// was a broken `#fn-1` link at a generated page's 1:1.
@Suite struct UnprintedFootnotesSection {
    @Test func aSectionWithoutItsPrintIsAnErrorAtTheTemplate() throws {
        let file = try #require(repositorySource.templates.first { $0.path == "templates/chapter.mustache" })
        let text = String(decoding: file.bytes, as: UTF8.self)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "{{#footnotes}}" }) + 1
        var site = miniSite(chapter: FootnotePlacement.chapter, sources: FootnotePlacement.sources)
        site.templates = FootnotePlacement.replacing(site.templates, with: SourceFile(
            path: file.path, text: text.replacingOccurrences(of: "{{#footnotes}}\n{{{footnotes}}}\n{{/footnotes}}", with: "{{#footnotes}}\n{{/footnotes}}")))
        let found = diagnostics(of: site)
        #expect(found == [Diagnostic(file: "templates/chapter.mustache", line: line, column: 1,
                                     message: "'footnotes' is tested here but printed nowhere: the chapters' footnotes would be in no page",
                                     hint: "write {{{footnotes}}} inside the section (three braces: it holds HTML), or remove the "
                                        + "section to have the footnotes at the end of the chapter's text")])
    }

    @Test func aPrintInAPartialCounts() {
        let texts = ["chapter": "{{{body}}}{{#footnotes}}{{> notes}}{{/footnotes}}", "notes": "{{{footnotes}}}"]
        let partials = ["chapter": [PartialReference(template: "chapter", partial: "notes", line: 1, column: 25)]]
        #expect(unprintedFootnotes(texts: texts, partials: partials).isEmpty)
        #expect(unprintedFootnotes(texts: texts).map(\.file) == ["templates/chapter.mustache"])
        #expect(unprintedFootnotes(texts: ["chapter": "{{{body}}}"]).isEmpty)
    }
}
