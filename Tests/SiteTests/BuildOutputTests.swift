import Foundation
import Testing
import Charts
@testable import Site

@Suite struct BuildOutput {
    @Test func theRealSiteBuildsEveryChapterAndFigure() throws {
        let output = try build(repositorySource)
        #expect(output["index.html"] != nil)
        #expect(output["assets/site.css"] != nil)
        #expect(output["404.html"] != nil)
        #expect(output["sources/index.html"] != nil)
        #expect(output["glossary/index.html"] != nil)
        // content/index.md is the home page's text, not a chapter.
        for file in repositorySource.chapters where !file.path.hasSuffix("/index.md") {
            let name = String(file.path.split(separator: "/").last!)
            let place = try #require(ChapterFile(fileName: name))
            let page = try #require(text(output, place.slug + "/index.html"), "no page for \(name)")
            #expect(page.contains("<main"))
        }
        let csvCount = output.sortedPaths.filter { $0.hasPrefix("data/") && $0.hasSuffix(".csv") }.count
        #expect(csvCount >= 20)
    }

    @Test func everyInternalLinkIsRelative() throws {
        let output = try build(repositorySource)
        // Not 404.html nor a language's (zh-hant/404.html): served at any depth, they link from the root
        // (NotFoundPages tests them).
        for path in output.sortedPaths where path.hasSuffix(".html") && !path.hasSuffix("404.html") {
            let page = text(output, path)!
            #expect(!page.contains("href=\"/"), "root-absolute link in \(path)")
            #expect(!page.contains("src=\"/"), "root-absolute src in \(path)")
            #expect(!page.contains("src=\"http"), "remote resource in \(path)")
        }
    }

    @Test func everySVGIsSelfDescribing() throws {
        let output = try build(repositorySource)
        let page = try #require(text(output, "map/index.html") ?? output.sortedPaths.lazy.compactMap { text(output, $0) }
            .first { $0.contains("<svg") })
        #expect(page.contains("role=\"img\""))
        #expect(page.contains("<title"))
        // Described by the figure's caption, which the page shows below it, rather than by a copy of it in <desc>.
        let described = try #require(page.firstMatch(of: /aria-describedby="(figure-[a-z0-9-]+-caption)"/))
        #expect(page.contains("<figcaption id=\"\(described.1)\">"))
        #expect(!page.contains("<desc"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = try build(repositorySource)
        let second = try build(repositorySource)
        #expect(first.sortedPaths == second.sortedPaths)
        for path in first.sortedPaths { #expect(first[path] == second[path], "\(path) differs between builds") }
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let draft = SourceFile(path: "content/02-later.md", text: "---\ntitle: Later\ndraft: true\n---\nSoon.\n")
        let site = miniSite(chapter: "---\ntitle: A\n---\nText.\n", extraChapters: [draft])
        #expect(try build(site)["later/index.html"] == nil)
        #expect(try build(site, options: BuildOptions(includeDrafts: true))["later/index.html"] != nil)
    }

    /// Trial 11: `build --drafts` published a draft like any page, with no word, so a preview could be uploaded with it.
    @Test func aDraftBuiltWithDraftsIsNamedAndKeptFromSearchEngines() throws {
        let draft = SourceFile(path: "content/02-later.md", text: "---\ntitle: Later\ndraft: true\n---\nSoon.\n")
        let site = miniSite(chapter: "---\ntitle: A\n---\nText.\n", extraChapters: [draft])
        let output = try build(site, options: BuildOptions(includeDrafts: true))
        #expect(output.draftsIncluded == ["content/02-later.md"])
        let page = try #require(text(output, "later/index.html"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        let other = try #require(text(output, "intro/index.html"))
        #expect(!other.contains("noindex"))
        #expect(try build(site).draftsIncluded.isEmpty)
    }

    @Test func rawHTMLInChaptersIsNeverPassedThroughUntrusted() throws {
        // Refused as a whole (the build publishes nothing), rather than published with the HTML left out.
        #expect(throws: BuildFailure.self) {
            try build(miniSite(chapter: "---\ntitle: A\n---\n<script>alert(1)</script>\n\nText.\n"))
        }
    }

    @Test func missingTemplateIsAnError() {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        site.templates.removeAll { $0.path == "templates/chapter.mustache" }
        let problems = diagnostics(of: site)
        #expect(problems.contains { $0.message == "missing template 'chapter'" })
    }

    @Test func brokenInternalLinkIsAnError() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nSee [there](../nowhere/).\n"))
        #expect(problems.contains { $0.message.contains("nowhere") })
    }
}

@Suite struct WritingOutput {
    @Test func writeReplacesTheFolderWithExactlyTheTree() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appending(path: "public")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: destination.appending(path: "stale.txt"))
        let tree = OutputTree(files: ["index.html": Array("<p>hi</p>".utf8), "a/b/c.csv": Array("x\n1\n".utf8)])
        try tree.write(to: destination)
        let written = try snapshot(destination)
        #expect(Set(written.keys) == ["index.html", "a/b/c.csv", OutputMarker.fileName])
        #expect(written["a/b/c.csv"] == Data("x\n1\n".utf8))
        // The replaced site is kept as the next write's staging folder, and nothing else is left.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "public" }
        #expect(leftovers == [".public.spare"])
        #expect(try snapshot(folder.appending(path: ".public.spare")) == ["stale.txt": Data("stale".utf8)])
    }

    @Test func rewritingThroughTheSpareFolderLeavesExactlyEachTree() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appending(path: "public")
        let trees: [[String: String]] = [
            ["index.html": "one", "a/index.html": "A", "a/deep/x.csv": "1", "gone/f.txt": "f"],
            ["index.html": "two", "a/index.html": "A", "b/index.html": "B", "x": "was a folder below"],
            // Files become folders and folders files; a same-size change must still be written.
            ["index.html": "owt", "a": "now a file", "x/y.txt": "now a folder", "b/index.html": "B"],
            ["index.html": "one", "a/index.html": "A", "a/deep/x.csv": "1"],
            [:],
            ["z/z/z.txt": "deep again"],
        ]
        for files in trees {
            let tree = OutputTree(files: files.mapValues { Array($0.utf8) })
            try tree.write(to: destination)
            #expect(try snapshot(destination) == marked(files.mapValues { Data($0.utf8) }))
            // Folders no tree has are gone too, not only files.
            let folders = try allFolders(destination)
            let wanted = Set(files.keys.flatMap { path in
                path.split(separator: "/").dropLast().indices.map { path.split(separator: "/")[...$0].joined(separator: "/") }
            })
            #expect(folders == wanted)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "public" }
        #expect(leftovers == [".public.spare"])
    }

    @Test func aLargeFileIsComparedWholeAndAnUnchangedOneLeftAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appending(path: "public")
        let spareFile = folder.appending(path: ".public.spare/big.bin").path
        let large = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        var changedAtTheEnd = large
        changedAtTheEnd[changedAtTheEnd.count - 1] = UInt8(ascii: "b")
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        // Each write goes into the spare, the site of two writes before: writes 2 and 3 find a file of the same size
        // that differs only in its last byte, write 4 finds the same bytes and leaves the file as it was.
        for (index, bytes) in [large, large, changedAtTheEnd, changedAtTheEnd, changedAtTheEnd].enumerated() {
            if FileManager.default.fileExists(atPath: spareFile) {
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: spareFile)
            }
            try OutputTree(files: ["big.bin": bytes]).write(to: destination)
            let written = destination.appending(path: "big.bin")
            #expect(try Data(contentsOf: written) == Data(bytes), "write \(index)")
            let modified = try FileManager.default.attributesOfItem(atPath: written.path)[.modificationDate] as? Date
            #expect((modified == old) == (index == 4), "write \(index)")
        }
    }

    @Test func exchangeSwapsTwoFoldersInOneStep() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appending(path: "a"), b = folder.appending(path: "b")
        for (url, text) in [(a, "A"), (b, "B")] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url.appending(path: "f"))
        }
        #expect(exchangePaths(a.path, b.path))
        #expect(try Data(contentsOf: a.appending(path: "f")) == Data("B".utf8))
        #expect(try Data(contentsOf: b.appending(path: "f")) == Data("A".utf8))
    }

    @Test func stagingLeftByAKilledBuildIsRemovedByTheNextWrite() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A pid far above Linux's pid_max default, so no process has it.
        let stale = folder.appending(path: ".public.tmp-2147483000")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try OutputTree(files: ["index.html": Array("x".utf8)]).write(to: folder.appending(path: "public"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"])
    }

    @Test func pagesWrittenWhileTheBuildRunsGiveTheSameSite() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = miniSite(chapter: "---\ntitle: A\n---\n## Part one\n\nText with a [link](#part-one) and [another](../sources/).\n")
        let held = try build(site)
        let destination = folder.appending(path: "public")
        // Three times: the third build writes into the spare left by the second, given a stale file and folder.
        for round in 0..<3 {
            if round == 2 {
                try Data("stale".utf8).write(to: folder.appending(path: ".public.spare/stale.txt"))
                try FileManager.default.createDirectory(at: folder.appending(path: ".public.spare/old/x"), withIntermediateDirectories: true)
            }
            let staged = try StagedWrite.claim(destination)
            let output = try build(site, options: BuildOptions(staged: staged))
            #expect(!output.spilled.isEmpty, "pages were written as they were laid out")
            #expect(output.sortedPaths == held.sortedPaths)
            for path in held.sortedPaths { #expect(output[path] == held[path], "\(path)") }
            try output.write(to: destination, staged: staged)
            #expect(try snapshot(destination) == marked(held.files.mapValues { Data($0) }))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".public.spare", "public"].filter { round > 0 || $0 == "public" })
        }
        // A build that fails leaves the site as it was, and its staging folder becomes the spare again.
        let before = try snapshot(destination)
        let staged = try StagedWrite.claim(destination)
        #expect(throws: BuildFailure.self) {
            try build(miniSite(chapter: "---\ntitle: A\n---\nSee [there](../nowhere/).\n"), options: BuildOptions(staged: staged))
        }
        staged.abandon()
        #expect(try snapshot(destination) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".public.spare", "public"])
    }

    @Test func writingOverAFileIsRefusedAndTheFileKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appending(path: "public")
        try Data("keep me".utf8).write(to: destination)
        #expect(throws: BuildFailure.self) { try OutputTree(files: ["a": [1]]).write(to: destination) }
        #expect(try Data(contentsOf: destination) == Data("keep me".utf8))
    }
}

/// `files` with the marker every written output folder holds.
private func marked(_ files: [String: Data]) -> [String: Data] {
    files.merging([OutputMarker.fileName: Data(OutputMarker.text.utf8)]) { mine, _ in mine }
}

@Suite struct GalleryPage {
    @Test func galleryShowsEveryChartKindInBothThemesBesideItsBlockAndCSV() throws {
        let output = try build(repositorySourceWithGallery)
        let page = try #require(text(output, "gallery/index.html"))
        for kind in ChartKind.allCases {
            let id = "chart-sample-\(kind.rawValue)"
            #expect(page.contains("id=\"\(id)-light-svg\""), "\(kind) light missing")
            #expect(page.contains("id=\"\(id)-dark-svg\""), "\(kind) dark missing")
            #expect(page.contains("kind: \(kind.rawValue)\n"), "\(kind)'s chart block missing")
            // Headings name the kind in words; the code name is in the text below them.
            #expect(page.contains("<h2 id=\"gallery-\(kind.rawValue)\">\(kind.name)</h2>"), "\(kind)'s heading")
        }
        #expect(!page.contains("<h2 id=\"gallery-line\"><code>"))
        #expect(page.components(separatedBy: "class=\"theme-dark gallery-frame\"").count - 1 == ChartKind.allCases.count)
        #expect(page.contains("<pre><code>```chart\nid: sample-line\n"))
        #expect(page.contains("year,Northtown,Southport\n2010,12,20\n"))
    }

    @Test func theGalleryIsPublishedOnlyWhenSiteYmlAsksForIt() throws {
        let chapter = "---\ntitle: A\n---\nText.\n"
        #expect(try build(miniSite(chapter: chapter))["gallery/index.html"] == nil)
        var site = miniSite(chapter: chapter, config: "title: T\ngallery: true\n")
        #expect(try build(site)["gallery/index.html"] != nil)
        site.templates.removeAll { $0.path == "templates/gallery.mustache" }
        #expect(diagnostics(of: site).map(\.message) == ["'gallery: true' needs templates/gallery.mustache"])
    }
}

@Suite struct ResponsiveFigures {
    @Test func everyChartHasAPhoneLayoutAndSharesOneStylesheet() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n```chart\nid: c\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n"))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("id=\"chart-c-svg\"") && page.contains("viewBox=\"0 0 720 "))
        #expect(page.contains("id=\"chart-c-narrow-svg\"") && page.contains("viewBox=\"0 0 380 "))
        #expect(!page.contains("<style>"), "inline charts must not repeat the chart CSS")
        #expect(page.contains("assets/charts.css"))
        #expect(text(output, "assets/charts.css")?.contains("svg.ch") == true)
    }

    @Test func flowDiagramsScrollInsteadOfShrinking() throws {
        let csv = SourceFile(path: "content/data/flows.csv", text: "source,target,value\nA,B,3\nB,C,2\n")
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n```chart\nid: f\ntitle: T\ncaption: C.\ndata: flows.csv\nkind: flow\n```\n",
                                        data: [csv]))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<div class=\"chart-scroll\">"))
        #expect(!page.contains("chart-f-narrow-svg"))
    }
}

@Suite struct FigureCaching {
    @Test func aCachedRebuildIsByteIdenticalAndReusesEveryUnchangedFigure() throws {
        let cache = FigureCache()
        let options = BuildOptions(figureCache: cache)
        let cold = try build(repositorySource, options: options)
        #expect(cache.hits == 0)
        let figureCount = repositorySource.chapters.count > 0 ? cache.count : 0
        #expect(figureCount >= 14)
        let warm = try build(repositorySource, options: options)
        #expect(cache.hits == figureCount)
        #expect(warm == cold)
        #expect(warm == (try build(repositorySource)))
    }

    @Test func editingAChartBlockRecomputesOnlyThatFigure() throws {
        let cache = FigureCache()
        let chart = "```chart\nid: c\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n"
        let other = "```chart\nid: d\ntitle: T\ncaption: C.\nmodel: gpuCollateral\nparams: {halfLife: 3}\n```\n"
        var site = miniSite(chapter: "---\ntitle: A\n---\n" + chart + "\n" + other)
        _ = try build(site, options: BuildOptions(figureCache: cache))
        // Prose added above both charts moves them down: positions change, content does not.
        site.chapters[0] = SourceFile(path: "content/01-intro.md",
                                      text: "---\ntitle: A\n---\nNew paragraph.\n\n" + chart + "\n" + other.replacingOccurrences(of: "halfLife: 3", with: "halfLife: 4"))
        let output = try build(site, options: BuildOptions(figureCache: cache))
        #expect(cache.hits == 1)
        #expect(output == (try build(site)))
    }
}

@Suite struct ParseCaching {
    @Test func editingOneChapterReparsesOnlyThatChapterAndTheSiteIsTheSame() throws {
        let cache = ParseCache()
        let options = BuildOptions(parseCache: cache)
        _ = try build(repositorySource, options: options)
        #expect(cache.hits == 0)
        var edited = repositorySource
        let index = try #require(edited.chapters.firstIndex { $0.path.hasSuffix("05-four-steps.md") })
        edited.chapters[index] = SourceFile(path: edited.chapters[index].path,
                                            bytes: edited.chapters[index].bytes + Array("\nOne more sentence.\n".utf8))
        let warm = try build(edited, options: options)
        #expect(cache.hits == edited.chapters.count - 1)
        #expect(warm == (try build(edited)))
    }

    @Test func aChangedGlossaryReparsesEveryChapter() throws {
        let cache = ParseCache()
        let chapter = "---\ntitle: A\n---\nA tranche is a slice.\n"
        var site = miniSite(chapter: chapter)
        _ = try build(site, options: BuildOptions(parseCache: cache))
        site.glossary = SourceFile(path: "content/glossary.yml", text: "- term: tranche\n  definition: A slice of a pool.\n")
        let output = try build(site, options: BuildOptions(parseCache: cache))
        #expect(cache.hits == 0)
        #expect(output == (try build(site)))
        #expect(String(decoding: output["intro/index.html"]!, as: UTF8.self).contains("glossary/#"))
    }

    @Test func aBrokenChapterIsNotCachedAndItsFixIsSeen() throws {
        let cache = ParseCache()
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        _ = try build(site, options: BuildOptions(parseCache: cache))
        site.chapters[0] = SourceFile(path: site.chapters[0].path, text: "---\ntitel: A\n---\nText.\n")
        #expect(throws: BuildFailure.self) { try build(site, options: BuildOptions(parseCache: cache)) }
        site.chapters[0] = SourceFile(path: site.chapters[0].path, text: "---\ntitle: B\n---\nText.\n")
        let output = try build(site, options: BuildOptions(parseCache: cache))
        #expect(String(decoding: output["intro/index.html"]!, as: UTF8.self).contains("<h1>B</h1>"))
    }
}

@Suite struct EditionCaching {
    /// A preview rebuild of a two-language site after an English edit parses and draws nothing of the other language
    /// again, and gives the bytes of a build without caches.
    @Test func everyLanguageKeepsItsChaptersAndFiguresBetweenRebuilds() throws {
        let parse = ParseCache(), figures = FigureCache()
        let options = BuildOptions(figureCache: figures, parseCache: parse)
        _ = try build(repositorySource, options: options)
        var edited = repositorySource
        let index = try #require(edited.chapters.firstIndex { $0.path == "content/05-four-steps.md" })
        edited.chapters[index] = SourceFile(path: edited.chapters[index].path,
                                            bytes: edited.chapters[index].bytes + Array("\nOne more sentence.\n".utf8))
        let warm = try build(edited, options: options)
        #expect(warm == (try build(edited)))
        let chineseChapters = edited.localized.count { $0.path.hasPrefix("content/zh-hant/") && $0.path.hasSuffix(".md") }
        #expect(chineseChapters > 0)
        #expect(parse.edition("zh-Hant").hits == chineseChapters)
        let chineseFigures = figures.edition("zh-Hant")
        #expect(chineseFigures.count > 0 && chineseFigures.hits == chineseFigures.count)
    }
}

@Suite struct ParallelWork {
    @Test func concurrentMapKeepsTheOrderOfItsInput() {
        let items = Array(0..<1000)
        #expect(concurrentMap(items) { $0 * 2 } == items.map { $0 * 2 })
        #expect(concurrentChunkedMap(items, chunks: 7) { chunk in chunk.map { $0 + 1 } } == items.map { $0 + 1 })
        #expect(concurrentChunkedMap([Int](), chunks: 4) { $0.map { $0 } } == [])
        #expect(concurrentChunkedMap([1, 2], chunks: 64) { $0.map { $0 } } == [1, 2])
    }

    @Test func concurrentMapHandingOverKeepsTheOrderOfItsInput() {
        let runs = (0..<200).map { index in [String](repeating: "run \(index)", count: index % 5) }
        #expect(concurrentMap(handingOver: runs) { $0.joined(separator: ",") } == runs.map { $0.joined(separator: ",") })
        #expect(concurrentMap(handingOver: [[Int]]()) { $0.count } == [])
        #expect(concurrentMap(handingOver: [[1, 2]]) { $0.count } == [2])
    }

    @Test func lastRangeFindsTheLastOccurrence() {
        let page = "<body><p>a</p></body>\n<!-- </body> -->\n"
        let range = page.lastRange(of: "</body>")
        #expect(range.map { page[$0.lowerBound...] } == "</body> -->\n")
        #expect("abc".lastRange(of: "abcd") == nil)
        #expect("é</body>".lastRange(of: "</body>").map { String("é</body>"[$0]) } == "</body>")
    }
}

@Suite struct ReadingSources {
    @Test func hiddenFilesFoldersAndBrokenLinksAreSkippedAndNestedFilesRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = FileManager.default
        for path in ["content", "templates/assets/fonts", "templates/assets/.cache", "templates/assets/linked-folder-target"] {
            try files.createDirectory(at: folder.appending(path: path), withIntermediateDirectories: true)
        }
        let contents = ["content/01-a.md": "---\ntitle: A\n---\n", "content/.02-hidden.md": "x", "content/notes.txt": "x",
                        "templates/assets/site.css": "body {}", "templates/assets/fonts/a.woff2": "font",
                        "templates/assets/.cache/old.css": "x", "templates/assets/fonts/.DS_Store": "x"]
        for (path, text) in contents { try Data(text.utf8).write(to: folder.appending(path: path)) }
        try files.createSymbolicLink(at: folder.appending(path: "templates/assets/broken.css"),
                                     withDestinationURL: folder.appending(path: "nowhere.css"))
        let tree = try SourceTree.read(from: folder)
        #expect(tree.chapters.map(\.path) == ["content/01-a.md"])
        #expect(tree.assets.map(\.path).sorted() == ["templates/assets/fonts/a.woff2", "templates/assets/site.css"])
        #expect(tree.assets.first { $0.path.hasSuffix("a.woff2") }?.bytes == Array("font".utf8))
    }

    @Test func aSymbolicLinkOutOfTheSiteIsRefusedAndOneInsideIsFollowed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appending(path: "site"), outside = folder.appending(path: "secret.txt")
        let files = FileManager.default
        try files.createDirectory(at: site.appending(path: "templates/assets"), withIntermediateDirectories: true)
        try files.createDirectory(at: site.appending(path: "content"), withIntermediateDirectories: true)
        try Data("title: T\n".utf8).write(to: site.appending(path: "content/site.yml"))
        try Data("private".utf8).write(to: outside)
        try Data("body {}".utf8).write(to: site.appending(path: "content/shared.css"))
        try files.createSymbolicLink(at: site.appending(path: "templates/assets/site.css"),
                                     withDestinationURL: site.appending(path: "content/shared.css"))
        let inside = try SourceTree.read(from: site)
        #expect(inside.assets.map(\.path) == ["templates/assets/site.css"])
        #expect(inside.assets.first?.bytes == Array("body {}".utf8))

        try files.createSymbolicLink(at: site.appending(path: "templates/assets/leak.txt"), withDestinationURL: outside)
        #expect {
            try SourceTree.read(from: site)
        } throws: { error in
            let problem = (error as? BuildFailure)?.diagnostics.first
            return problem?.file == "templates/assets/leak.txt"
                && problem?.message.contains("outside the site folder") == true
        }
    }
}
