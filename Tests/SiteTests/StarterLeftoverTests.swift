import Testing
@testable import Site

@Suite struct StarterLeftovers {
    /// The starter with its two example chapters replaced by one of the writer's own.
    private func startedSite() -> SourceTree {
        var source = starterSource(title: "Tides")
        source.chapters.removeAll { $0.path.hasPrefix("content/10-") || $0.path.hasPrefix("content/20-") }
        source.chapters.append(SourceFile(path: "content/10-tides.md", text: "---\ntitle: Tides\n---\nThe sea rises twice a day.\n"))
        return source
    }

    private func leftoverPaths(_ output: OutputTree) -> [String] {
        output.warnings.filter { $0.message.contains("still the starter's example") }.map(\.file)
    }

    @Test func aSiteThatIsStillAllStarterGetsNoLeftoverWarnings() throws {
        #expect(leftoverPaths(try build(starterSource(title: "Tides"))) == [])
    }

    @Test func examplesLeftBesideTheWritersOwnChapterAreWarnedAboutAtTheirFiles() throws {
        let output = try build(startedSite())
        #expect(leftoverPaths(output) == ["content/about.md", "content/data/museum-visitors.csv", "content/glossary.yml",
                                          "content/images/cover.png", "content/images/example-diagram.svg", "content/index.md"])
        let home = try #require(output.warnings.first { $0.file == "content/index.md" })
        #expect(home.message == "'content/index.md' is still the starter's example file: it is published beside your chapters")
        #expect(home.hint == "write your own in its place, or delete it")
        #expect(home.severity == .warning)
    }

    @Test func anExampleTheWriterEditedIsNoLongerALeftover() throws {
        var source = startedSite()
        let index = try #require(source.chapters.firstIndex { $0.path == "content/index.md" })
        source.chapters[index] = SourceFile(path: "content/index.md", text: "How the tides work, for sailors.\n")
        source.glossary = SourceFile(path: "content/glossary.yml", text: "- term: Tide\n  definition: The sea rising and falling.\n")
        let found = leftoverPaths(try build(source))
        #expect(!found.contains("content/index.md"))
        #expect(!found.contains("content/glossary.yml"))
        #expect(found.contains("content/about.md"))
    }

    /// A site made by explainer 0.2.0, whose example chapters linked to pages (`../next-steps/`) where the starter
    /// now names files: its chapters left as they were are leftovers too.
    @Test func exampleChaptersAsAnEarlierExplainerWroteThemAreLeftoversToo() throws {
        var source = starterSource(title: "Tides")
        let earlier = [
            ("content/10-why-bad-years-bunch.md",
             "Link to another chapter or page by its file, such as [the next chapter](20-next-steps.md) or [the About\npage](about.md): the build checks that the file is there and writes the page's address. Links within the page\nname a heading",
             "Links to other pages are relative, such as [the next chapter](../next-steps/) or [the About page](../about/);\nlinks within the page name a heading"),
            ("content/20-next-steps.md", "(10-why-bad-years-bunch.md)", "(../why-bad-years-bunch/)"),
        ]
        for (path, now, then) in earlier {
            let index = try #require(source.chapters.firstIndex { $0.path == path })
            let text = String(decoding: source.chapters[index].bytes, as: UTF8.self)
            #expect(text.contains(now))
            source.chapters[index] = SourceFile(path: path, text: text.replacing(now, with: then))
        }
        source.chapters.append(SourceFile(path: "content/30-tides.md", text: "---\ntitle: Tides\n---\nThe sea rises twice a day.\n"))
        let found = leftoverPaths(try build(source))
        #expect(found.contains("content/10-why-bad-years-bunch.md"))
        #expect(found.contains("content/20-next-steps.md"))
    }
}
