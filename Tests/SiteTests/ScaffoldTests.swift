import Foundation
import Testing
@testable import Site

@Suite struct Scaffold {
    @Test func starterSiteBuildsAsItIsWithAScenarioChartADataChartAndAnImage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeStarterSite(to: folder.appending(path: "mine"), title: "My \"first\": explainer")
        let output = try build(try SourceTree.read(from: folder.appending(path: "mine")))
        let page = try #require(text(output, "introduction/index.html"))
        #expect(page.contains("<input type=\"radio\" class=\"scenario-input s2\""))
        #expect(page.contains("src=\"../images/example-diagram.svg\""))
        #expect(output["data/example-series.csv"] != nil)
        #expect(output["data/loss-distribution-stressed.csv"] != nil)
        #expect(text(output, "index.html")?.contains("<h1>My &quot;first&quot;: explainer</h1>") == true)
        #expect(text(output, "sources/index.html")?.contains("The Distribution of Loan Portfolio Value") == true)
        #expect(text(output, "glossary/index.html")?.contains("Default correlation") == true)
    }

    @Test func starterTemplatesAreTheRepositoryTemplates() {
        let embedded = Dictionary(uniqueKeysWithValues: starterTemplates.map { ($0.path, $0.text) })
        let repository = repositorySource.templates + repositorySource.assets
        #expect(embedded.keys.sorted() == repository.map(\.path).sorted(), "run `make embed` after adding or removing a template")
        for file in repository {
            #expect(embedded[file.path] == String(decoding: file.bytes, as: UTF8.self),
                    "\(file.path) changed; run `make embed` to update Sources/Site/StarterTemplates.swift")
        }
    }

    @Test func aNonEmptyFolderIsRefusedAndLeftAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appending(path: "notes.txt")
        try Data("mine".utf8).write(to: mine)
        let error = #expect(throws: BuildFailure.self) { try writeStarterSite(to: folder, title: "T") }
        #expect(error?.diagnostics.first?.message.contains("is not empty (it holds notes.txt)") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        #expect(try Data(contentsOf: mine) == Data("mine".utf8))
    }

    @Test func anEmptyFolderOrOneWithOnlyGitIsAccepted() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: ".git"), withIntermediateDirectories: true)
        try writeStarterSite(to: folder, title: "T")
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "content/site.yml").path))
    }
}
