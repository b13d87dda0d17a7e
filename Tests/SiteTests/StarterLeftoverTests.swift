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
}
