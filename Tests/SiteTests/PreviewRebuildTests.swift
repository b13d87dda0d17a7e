import Testing
@testable import Site

/// Preview rebuilds reuse what earlier builds made (parsed chapters and site files, figures, templates, laid-out
/// pages); each must give exactly what a build without caches gives, whatever the edit.
@Suite struct PreviewRebuilds {
    /// The outcome of a build: its files, or its problems.
    private func outcome(_ source: SourceTree, options: BuildOptions = BuildOptions()) -> Result<OutputTree, BuildFailure> {
        do throws(BuildFailure) { return .success(try build(source, options: options)) } catch { return .failure(error) }
    }

    /// Whether two outcomes are the same bytes (or the same problems), naming the first file that differs.
    private func expectSame(_ cached: Result<OutputTree, BuildFailure>, _ fresh: Result<OutputTree, BuildFailure>,
                            after edit: String) {
        switch (cached, fresh) {
        case let (.success(cached), .success(fresh)):
            let differing = changedPaths(cached, fresh)
            #expect(differing.isEmpty, "after \(edit): \(differing.prefix(5)) differ from a build without caches")
            #expect(cached.warnings == fresh.warnings, "after \(edit): other warnings")
        case let (.failure(cached), .failure(fresh)):
            #expect(cached.diagnostics == fresh.diagnostics, "after \(edit): other problems")
        default:
            Issue.record("after \(edit): one build failed and the other did not")
        }
    }

    private func changedPaths(_ one: OutputTree, _ other: OutputTree) -> [String] {
        Set(one.files.keys).union(other.files.keys).filter { one.files[$0] != other.files[$0] }.sorted()
    }

    /// The site with the text of the file at `path` changed by `change` (the file must exist).
    private func editing(_ source: SourceTree, _ path: String, _ change: (String) -> String) throws -> SourceTree {
        var source = source
        func edit(_ file: inout SourceFile?) { if file?.path == path { file = file.map { editFile($0) } } }
        func edit(_ files: inout [SourceFile]) { files = files.map { $0.path == path ? editFile($0) : $0 } }
        func editFile(_ file: SourceFile) -> SourceFile { SourceFile(path: file.path, text: change(String(decoding: file.bytes, as: UTF8.self))) }
        let before = source
        edit(&source.config); edit(&source.sources); edit(&source.glossary); edit(&source.numbers); edit(&source.corrections)
        edit(&source.chapters); edit(&source.templates); edit(&source.translations); edit(&source.localized)
        try #require(source != before, "\(path) is not in the site, or the edit changed nothing")
        return source
    }

    private func replacing(_ old: String, with new: String) -> (String) -> String {
        { text in
            guard let range = text.range(of: old) else { return text }
            return text.replacingCharacters(in: range, with: new)
        }
    }

    @Test func aRebuildWithoutEditsTakesEveryChapterFromTheCaches() throws {
        let chapters = (2...4).map { SourceFile(path: "content/0\($0)-part-\($0).md", text: "---\ntitle: Part \($0)\n---\n## A heading\n\nText \($0).\n") }
        var site = miniSite(chapter: "---\ntitle: Intro\n---\nIntro.\n", config: "title: T\ndescription: D.\nlanguage: en\nsearch: true\n",
                            extraChapters: chapters)
        site.chapters.sort { $0.path < $1.path }
        let options = BuildOptions(parseCache: ParseCache(), pageCache: PageCache(), templateCache: TemplateCache(),
                                   searchCache: SearchCache())
        let first = try build(site, options: options)
        #expect(options.pageCache!.hits == 0 && options.pageCache!.bodyHits == 0)
        let second = try build(site, options: options)
        #expect(second == first)
        #expect(options.pageCache!.bodyHits == 4)
        #expect(options.searchCache!.hits >= 4)
    }

    @Test func theSearchIndexIsMadeAgainWhenADocumentsBytesChange() {
        let cache = SearchCache()
        let language = SearchLanguage(tag: "en")
        func document(_ text: String) -> SearchDocument {
            SearchDocument(page: "a/", pageTitle: "A", heading: "", anchor: "", text: text, fields: [SearchField(text: text, weight: 1)])
        }
        var made = 0
        for text in ["caf\u{E9}", "caf\u{E9}", "cafe\u{301}", "cafe\u{301}"] {
            _ = cache.files([document(text)], language: language) { made += 1; return [] }
        }
        // The same text as a String, other bytes: other index files.
        #expect(made == 2)
    }

    @Test func everyCachedRebuildAfterASequenceOfEditsIsTheBuildWithoutCaches() throws {
        var options = BuildOptions(figureCache: FigureCache(), parseCache: ParseCache(), pageCache: PageCache(),
                                   templateCache: TemplateCache(), searchCache: SearchCache())
        options.pagesReady = { _ in }  // as the preview builds: pages first, then each language's search index
        // The builds without caches share a figure cache, and only that (figures are pure functions of their request,
        // data and words; FigureCache has its own tests): the site's 46 model runs per language would otherwise be
        // run again for each of the 15 builds, most of this test's time in a debug build.
        let fresh = BuildOptions(figureCache: FigureCache())
        var site = repositorySource
        expectSame(outcome(site, options: options), outcome(site, options: fresh), after: "the first build")
        let pagesBefore = options.pageCache!.hits
        var edits: [(String, (SourceTree) throws -> SourceTree)] = [
            ("a chapter's body", { try self.editing($0, "content/05-four-steps.md") { $0 + "\nOne more sentence.\n" } }),
            ("a chapter's title", { try self.editing($0, "content/05-four-steps.md",
                                                     self.replacing("title: From a lease to a bond, in four steps",
                                                                    with: "title: From a lease to a bond, in four short steps")) }),
            ("a Chinese chapter's body", { try self.editing($0, "content/zh-hant/05-four-steps.md") { $0 + "\n再多一句。\n" } }),
            ("sources.yml", { try self.editing($0, "content/sources.yml",
                                               self.replacing("title: The Simple Macroeconomics of AI",
                                                              with: "title: The Simple Macroeconomics of Artificial Intelligence")) }),
            ("the glossary", { try self.editing($0, "content/glossary.yml",
                                                self.replacing("A bond whose interest", with: "A security whose interest")) }),
            // A translated glossary missing its last entry is an error found again after the rebuild that caused
            // it, and gone after the one that mends it (the check's last result is kept while both files stay).
            ("a translated glossary entry removed", { try self.editing($0, "content/zh-hant/glossary.yml") { text in
                String(text[..<text.range(of: "\n- term: 價格報酬", options: .backwards)!.lowerBound]) + "\n" } }),
            ("the entry put back", { try self.editing($0, "content/zh-hant/glossary.yml") { $0 + "\n- term: 價格報酬（Price return）\n  aliases: [價格報酬]\n  definition: 股票或指數在一段期間內的價格變化，不計入期間發放的股利。\n" } }),
            ("numbers.yml", { try self.editing($0, "content/numbers.yml",
                                               self.replacing("note: The date shown on copies of the article.",
                                                              with: "note: The date *shown* on copies of the article.")) }),
            ("corrections.yml", { try self.editing($0, "content/corrections.yml",
                                                   self.replacing("chapters 5 and 10 now say so.", with: "chapters 5 and 10 now say so, with a link.")) }),
            ("a template", { try self.editing($0, "templates/footer.mustache") { $0 + "<!-- edited -->\n" } }),
            ("a translation file", { try self.editing($0, "templates/i18n/zh-Hant.yml") { $0.replacingOccurrences(of: "分鐘", with: "分") } }),
            ("site.yml", { try self.editing($0, "content/site.yml", self.replacing("title: How the AI crash happens",
                                                                                    with: "title: How the AI crash could happen")) }),
        ]
        let extra = "---\ntitle: An added chapter\n---\nA short chapter added and removed again.\n"
        let extraChinese = "---\ntitle: 新增的一章\n---\n新增又刪除的一章。\n"
        edits.append(("adding a chapter", { site in
            var site = site
            site.chapters.append(SourceFile(path: "content/13-added.md", text: extra))
            site.localized.append(SourceFile(path: "content/zh-hant/13-added.md", text: extraChinese))
            site.localized.sort { $0.path < $1.path }
            return site
        }))
        edits.append(("removing it", { site in
            var site = site
            site.chapters.removeAll { $0.path == "content/13-added.md" }
            site.localized.removeAll { $0.path == "content/zh-hant/13-added.md" }
            return site
        }))
        // The internal-strings check keeps each file's verdict with its bytes: a marker must be found when it
        // appears in a page whose other files did not change, and forgotten when it goes.
        edits.append(("an internal marker in a chapter", { try self.editing($0, "content/06-tranches-correlation.md") { $0 + "\nSee CONTENT.md.\n" } }))
        edits.append(("the marker taken out", { try self.editing($0, "content/06-tranches-correlation.md") { String($0.dropLast("\nSee CONTENT.md.\n".count)) } }))
        // The link check keeps each page's verdict while the site's paths and every page's ids stay the same: a link
        // broken by an edit of another page (the heading it points to renamed) must be found on the unchanged page.
        let link = "\nSee [step 2](05-four-steps.md#step-2-lease-it-back).\n"
        edits.append(("a link to another chapter's heading", { try self.editing($0, "content/06-tranches-correlation.md") { $0 + link } }))
        edits.append(("that heading renamed", { try self.editing($0, "content/05-four-steps.md",
                                                                 self.replacing("## Step 2: lease it back", with: "## Step 2: rent it back")) }))
        edits.append(("the heading as it was", { try self.editing($0, "content/05-four-steps.md",
                                                                  self.replacing("## Step 2: rent it back", with: "## Step 2: lease it back")) }))
        edits.append(("a link to a missing heading", { try self.editing($0, "content/06-tranches-correlation.md",
                                                                        self.replacing("#step-2-lease-it-back", with: "#step-9")) }))
        edits.append(("the link taken out", { try self.editing($0, "content/06-tranches-correlation.md") {
            String($0.dropLast(link.replacingOccurrences(of: "#step-2-lease-it-back", with: "#step-9").count)) } }))
        edits.append(("a broken front matter", { try self.editing($0, "content/07-depreciation.md") { "---\ntitel: Broken\n" + $0.dropFirst(4) } }))
        edits.append(("its fix", { try self.editing($0, "content/07-depreciation.md") { "---\n" + $0.dropFirst("---\ntitel: Broken\n".count) } }))
        for (name, edit) in edits {
            site = try edit(site)
            expectSame(outcome(site, options: options), outcome(site, options: fresh), after: name)
        }
        #expect(options.pageCache!.hits > pagesBefore, "no page was ever reused")
        #expect(options.templateCache!.hits > 0)
        #expect(options.searchCache!.hits > 0)
    }
}
