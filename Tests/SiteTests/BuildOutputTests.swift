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
        for file in repositorySource.chapters {
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
        for path in output.sortedPaths where path.hasSuffix(".html") {
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
        #expect(page.contains("<desc"))
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

    @Test func rawHTMLInChaptersIsNotPassedThrough() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n<script>alert(1)</script>\n\nText.\n"))
        #expect(text(output, "intro/index.html")?.contains("<script>alert(1)") == false)
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
        #expect(Set(written.keys) == ["index.html", "a/b/c.csv"])
        #expect(written["a/b/c.csv"] == Data("x\n1\n".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "public" }
        #expect(leftovers.isEmpty)
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

    @Test func writingOverAFileIsRefusedAndTheFileKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appending(path: "public")
        try Data("keep me".utf8).write(to: destination)
        #expect(throws: BuildFailure.self) { try OutputTree(files: ["a": [1]]).write(to: destination) }
        #expect(try Data(contentsOf: destination) == Data("keep me".utf8))
    }
}

@Suite struct GalleryPage {
    @Test func galleryShowsEveryChartKindInBothThemes() throws {
        let output = try build(repositorySource)
        let page = try #require(text(output, "gallery/index.html"))
        for sample in Charts.Gallery.samples {
            #expect(page.contains("id=\"\(sample.name)-light-svg\""), "\(sample.name) light missing")
            #expect(page.contains("id=\"\(sample.name)-dark-svg\""), "\(sample.name) dark missing")
        }
        #expect(page.components(separatedBy: "class=\"theme-dark gallery-frame\"").count - 1 == Charts.Gallery.samples.count)
    }

    @Test func siteWithoutAGalleryTemplateHasNoGalleryPage() throws {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        #expect(try build(site)["gallery/index.html"] != nil)
        site.templates.removeAll { $0.path == "templates/gallery.mustache" }
        #expect(try build(site)["gallery/index.html"] == nil)
    }
}

@Suite struct ResponsiveFigures {
    @Test func everyChartHasAPhoneLayoutAndSharesOneStylesheet() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n```chart\nid: c\ntitle: T\ncaption: C.\nmodel: gpuCollateral\n```\n"))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("id=\"chart-c-svg\"") && page.contains("viewBox=\"0 0 720 "))
        #expect(page.contains("id=\"chart-c-narrow-svg\"") && page.contains("viewBox=\"0 0 400 "))
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
