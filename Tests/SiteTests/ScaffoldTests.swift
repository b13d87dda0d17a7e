import Foundation
import Testing
@testable import Site

@Suite struct Scaffold {
    static let release = ExplainerRelease(version: "9.9.9", commit: String(repeating: "ab", count: 20),
                                          source: "https://example.org/explainer.git")

    @Test func starterSiteBuildsAsItIsWithAScenarioChartADataChartAndAnImage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeStarterSite(to: folder.appending(path: "mine"), title: "My \"first\": explainer", release: Self.release)
        let output = try build(try SourceTree.read(from: folder.appending(path: "mine")))
        let page = try #require(text(output, "why-bad-years-bunch/index.html"))
        #expect(page.contains("<input type=\"radio\" class=\"scenario-input s2\""))
        #expect(page.contains("src=\"../images/example-diagram.svg\""))
        #expect(page.contains("<aside class=\"careful\""))
        #expect(page.contains("Chapter 1 ·"))
        #expect(output["data/museum-visitors.csv"] != nil)
        #expect(output["data/closures-together.csv"] != nil)
        #expect(text(output, "index.html")?.contains("<h1>My “first”: explainer</h1>") == true)
        #expect(text(output, "index.html")?.contains("This introduction comes from <code>content/index.md</code>") == true)
        #expect(text(output, "about/index.html")?.contains("<h1>About</h1>") == true)
        #expect(text(output, "next-steps/index.html")?.contains("Chapter 2 ·") == true)
        #expect(text(output, "sources/index.html")?.contains("The Distribution of Loan Portfolio Value") == true)
        #expect(text(output, "glossary/index.html")?.contains("Correlation") == true)
        #expect(output["images/cover.png"]?.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(page.contains("<meta property=\"og:image\" content=\"../images/cover.png\">"))
    }

    /// The starter links between its pages by file, as the README recommends (the build checks such links and
    /// suggests the nearest file), and the pages get the pages' addresses.
    @Test func starterChaptersLinkToOtherPagesByTheirFiles() throws {
        let files = starterSite(title: "Tides", release: Self.release)
        let chapter = String(decoding: try #require(files.first { $0.path == "content/10-why-bad-years-bunch.md" }).bytes, as: UTF8.self)
        let next = String(decoding: try #require(files.first { $0.path == "content/20-next-steps.md" }).bytes, as: UTF8.self)
        #expect(chapter.contains("[the next chapter](20-next-steps.md)"))
        #expect(chapter.contains("page](about.md)"))
        #expect(next.contains("[back to the first chapter](10-why-bad-years-bunch.md)"))
        for text in [chapter, next] { #expect(!text.contains("](../"), "\(text)") }
        let output = try build(starterSource(title: "Tides"))
        let page = try #require(text(output, "why-bad-years-bunch/index.html"))
        #expect(page.contains("href=\"../next-steps/\""))
        #expect(page.contains("href=\"../about/\""))
        #expect(text(output, "next-steps/index.html")?.contains("href=\"../why-bad-years-bunch/\">back to the first chapter") == true)
    }

    /// Nothing of the project's own site in what a new explainer publishes: no gallery of its charts, none of its
    /// subject's words in the pages, and the files a writer's repository needs.
    @Test func starterSitePublishesNothingOfTheProjectsOwnSite() throws {
        let source = starterSource(title: "How tides work")
        let output = try build(source)
        #expect(output["gallery/index.html"] == nil)
        let words = ["AI", "crash", "invest", "financ", "data cent", "data-cent", "lease", "bond", "tranche",
                     "hyperscaler", "Nvidia", "OpenAI", "bubble", "securiti"]
        for path in output.sortedPaths where path.hasSuffix(".html") || path.hasSuffix(".csv") || path.hasSuffix(".css")
            || path.hasSuffix(".js") || path.hasSuffix(".xml") || path.hasSuffix(".txt") {
            // Everything, the settings line under a model chart included (its words are neutral).
            let page = text(output, path)!
            for word in words {
                // Whole words for the short ones ("AI" inside "AIR" or "maintain" is fine).
                let found = word == "AI" ? page.range(of: #"\bAI\b"#, options: .regularExpression) != nil
                    : page.range(of: word, options: .caseInsensitive) != nil
                #expect(!found, "\(path) contains '\(word)'")
            }
        }
        let files = starterSite(title: "How tides work", release: Self.release)
        let gitignore = try #require(files.first { $0.path == ".gitignore" })
        #expect(String(decoding: gitignore.bytes, as: UTF8.self) == "public/\n.public.spare/\n.public.tmp-*/\n.public.old-*/\n.explainer/previous/\n")
        let workflow = String(decoding: try #require(files.first { $0.path == ".github/workflows/pages.yml" }).bytes, as: UTF8.self)
        #expect(workflow.contains("EXPLAINER_SOURCE: \"https://example.org/explainer.git\""))
        #expect(workflow.contains("EXPLAINER_REF: \"\(Self.release.commit!)\""))
    }

    @Test func aWorkflowFromAnExplainerBuiltWithoutAPublicRepositorySaysWhatToSet() {
        let local = ExplainerRelease(version: "1.0.0", commit: nil, source: "/home/me/explainer")
        let workflow = String(decoding: starterSite(title: "T", release: local).first { $0.path == ".github/workflows/pages.yml" }!.bytes,
                              as: UTF8.self)
        #expect(workflow.contains("EXPLAINER_SOURCE: \"\"   # ← set to explainer's git repository"))
        #expect(workflow.contains("EXPLAINER_REF: \"\"   # ← set to the explainer commit or tag to build"))
    }

    @Test func starterTemplatesAreTheRepositoryTemplates() {
        let embedded = Dictionary(uniqueKeysWithValues: starterTemplates.map { ($0.path, $0.text) })
        let repository = repositorySource.templates + repositorySource.assets + repositorySource.translations
        #expect(embedded.keys.sorted() == repository.map(\.path).sorted(), "run `make embed` after adding or removing a template")
        for file in repository {
            #expect(embedded[file.path] == String(decoding: file.bytes, as: UTF8.self),
                    "\(file.path) changed; run `make embed` to update Sources/Site/Starter/StarterTemplates.swift")
        }
    }

    @Test func aNonEmptyFolderIsRefusedAndLeftAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appending(path: "notes.txt")
        try Data("mine".utf8).write(to: mine)
        let error = #expect(throws: BuildFailure.self) { try writeStarterSite(to: folder, title: "T", release: Self.release) }
        #expect(error?.diagnostics.first?.message.contains("is not empty (it holds notes.txt)") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        #expect(try Data(contentsOf: mine) == Data("mine".utf8))
    }

    @Test func aChaptersNameIsRefusedWithWhatAChapterIs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appending(path: "50-overpaying.md")
        let error = #expect(throws: BuildFailure.self) { try writeStarterSite(to: target, title: "T", release: Self.release) }
        let problem = try #require(error?.diagnostics.first)
        #expect(problem.message == "'\(target.path)' is a Markdown file's name: `explainer new` makes a whole new site, not a chapter")
        #expect(problem.hint?.hasPrefix("a chapter is a Markdown file in the site's content/ folder, e.g. content/50-overpaying.md") == true)
        #expect(problem.hint?.contains("title: Its title") == true)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func aFolderInsideASiteIsRefused() throws {
        let site = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        try writeStarterSite(to: site, title: "T", release: Self.release)
        let target = site.appending(path: "content/overpaying")
        let error = #expect(throws: BuildFailure.self) { try writeStarterSite(to: target, title: "T", release: Self.release) }
        #expect(error?.diagnostics.first?.message.contains("is inside the explainer site \(site.path)") == true,
                "\(error?.diagnostics ?? [])")
        #expect(error?.diagnostics.first?.hint?.hasPrefix("a chapter is a Markdown file in the site's content/ folder") == true)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func anEmptyFolderOrOneWithOnlyGitIsAccepted() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: ".git"), withIntermediateDirectories: true)
        try writeStarterSite(to: folder, title: "T", release: Self.release)
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "content/site.yml").path))
    }
}
