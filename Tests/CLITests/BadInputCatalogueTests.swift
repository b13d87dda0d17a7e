import Foundation
import Testing

/// Every case of Tests/Fixtures/bad: the exact diagnostics, exit status 1, and the previous public/ untouched.
@Suite(.serialized) struct BadInputCatalogue {
    static let folder = repositoryRoot.appending(path: "Tests/Fixtures/bad")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }()

    @Test func catalogueHasAtLeastTwentyFiveCases() {
        #expect(Self.cases.count >= 25)
    }

    @Test(arguments: cases) func badInputGivesItsExactErrorAndKeepsTheLastGoodSite(_ name: String) throws {
        let site = try smallSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try explainer(["build"], in: site)
        try #require(first.status == 0, "the base site must build: \(first.standardError)")
        let before = try snapshot(site.appending(path: "public"))

        let fixture = Self.folder.appending(path: name)
        try applyFixture(fixture, to: site)
        let expected = try String(contentsOf: fixture.appending(path: "expected.txt"), encoding: .utf8)
        let run = try explainer(["build"], in: site)
        if expected == "ok\n" {
            #expect(run.status == 0, "\(name) must build: \(run.standardError)")
        } else {
            #expect(run.status == 1)
            #expect(run.standardError == expected)
            #expect(try snapshot(site.appending(path: "public")) == before, "\(name) changed public/")
        }
    }

    @Test func aTenMegabyteChapterBuilds() throws {
        let site = try smallSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let paragraph = String(repeating: "Lorem ipsum dolor sit amet, *consectetur* adipiscing elit. ", count: 12) + "\n\n"
        let body = String(repeating: paragraph, count: 10 * 1024 * 1024 / paragraph.utf8.count)
        try ("---\ntitle: Big\n---\n## Big\n\n" + body).write(to: site.appending(path: "content/02-big.md"), atomically: true,
                                                               encoding: .utf8)
        let run = try explainer(["build"], in: site)
        #expect(run.status == 0, "\(run.standardError)")
        let page = try Data(contentsOf: site.appending(path: "public/big/index.html"))
        #expect(page.count > 10 * 1024 * 1024)
    }

    @Test func publicBeingAFileIsAnErrorAndTheFileIsKept() throws {
        let site = try smallSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try Data("not a folder".utf8).write(to: site.appending(path: "public"))
        let run = try explainer(["build"], in: site)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("public:1:1: error: 'public' exists and is not a folder"))
        #expect(try Data(contentsOf: site.appending(path: "public")) == Data("not a folder".utf8))
    }

    @Test func anOutputFolderThatCannotBeCreatedIsAnErrorAndNothingIsLeftBehind() throws {
        let site = try smallSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try Data("a file".utf8).write(to: site.appending(path: "blocker"))
        let run = try explainer(["build", "--output", "blocker/public"], in: site)
        #expect(run.status == 1)
        #expect(run.standardError.contains("error: cannot write the site"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    /// A valid site: the repository's templates, a config, one chapter and the one source it cites.
    private func smallSite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appending(path: "explainer-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appending(path: "content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appending(path: "templates"), to: site.appending(path: "templates"))
        try "title: Catalogue\ndescription: Bad inputs.\nlanguage: en\n"
            .write(to: site.appending(path: "content/site.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Intro\n---\n## A heading\n\nText [@somebody-2025].\n"
            .write(to: site.appending(path: "content/01-intro.md"), atomically: true, encoding: .utf8)
        try "somebody-2025:\n  title: A report\n  publisher: Somebody\n  date: 2025\n"
            .write(to: site.appending(path: "content/sources.yml"), atomically: true, encoding: .utf8)
        return site
    }

    private func applyFixture(_ fixture: URL, to site: URL) throws {
        let files = FileManager.default
        let remove = fixture.appending(path: "remove.txt")
        if files.fileExists(atPath: remove.path) {
            for path in try String(contentsOf: remove, encoding: .utf8).split(separator: "\n") {
                try files.removeItem(at: site.appending(path: String(path)))
            }
        }
        let overlay = fixture.appending(path: "files")
        for relative in files.enumerator(atPath: overlay.path)?.allObjects as? [String] ?? [] {
            var isDirectory: ObjCBool = false
            let source = overlay.appending(path: relative)
            guard files.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let target = site.appending(path: relative)
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if files.fileExists(atPath: target.path) { try files.removeItem(at: target) }
            try files.copyItem(at: source, to: target)
        }
    }
}
