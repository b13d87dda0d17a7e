import Foundation
import Testing
@testable import Site

/// Trial 13 (M1): `build --output content` (or `.`, or a folder holding the writer's own pages) replaced the folder
/// silently, and the next build deleted what was in it.
@Suite struct OutputFolderChoice {
    /// A site folder with content/, templates/, .explainer/ and .git/, each holding a file.
    private func site() throws -> URL {
        let root = try temporaryFolder().appending(path: "site")
        for folder in ["content", "templates", ".explainer/templates", ".git"] {
            try FileManager.default.createDirectory(at: root.appending(path: folder), withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: root.appending(path: folder + "/file"))
        }
        return root
    }

    private func refusal(_ output: String, in root: URL, force: Bool = false) -> Diagnostic? {
        let destination = output.hasPrefix("/") ? URL(filePath: output) : root.appending(path: output)
        do {
            try checkOutputFolder(destination, name: output, siteRoot: root, force: force)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test func aQuotedTildeIsRefusedWithTheHomeFolderWrittenOut() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for output in ["~/housing", "~"] {
            let problem = try #require(refusal(output, in: root, force: true), "\(output) was accepted")
            #expect(problem.message == "--output '\(output)' begins with a '~' the shell did not expand (it was quoted): the "
                        + "build would write into a folder named '~' inside the site")
        }
        #expect(refusal("~/housing", in: root)?.hint == "write the home folder out: --output \"$HOME/housing\" (or leave the ~ unquoted)")
        #expect(refusal("notes~/out", in: root) == nil)
    }

    @Test func theSiteFolderItsSourcesAndWhatHoldsItAreRefusedEvenWithForce() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for force in [false, true] {
            for output in ["content", "templates", ".", "./", "content/public", "templates/assets/out", ".explainer", ".git",
                           "content/../templates", "..", root.path, root.deletingLastPathComponent().path, "/"] {
                let problem = try #require(refusal(output, in: root, force: force), "\(output) was accepted")
                #expect(problem.message.hasPrefix("--output '\(output)' "), "\(problem.message)")
                #expect(problem.hint?.contains("public/") == true)
            }
        }
        let content = try #require(refusal("content", in: root))
        #expect(content.message.contains("is the site's content/ folder: the build would replace your chapters"))
        #expect(try #require(refusal(".", in: root)).message.contains("is the site folder itself"))
        #expect(try #require(refusal("..", in: root)).message.contains("holds the site folder"))
        #expect(try #require(refusal("content/public", in: root)).message.contains("lies inside the site's content/ folder"))
    }

    @Test func aSymbolicLinkToTheContentFolderIsRefusedToo() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try FileManager.default.createSymbolicLink(at: root.appending(path: "out"), withDestinationURL: root.appending(path: "content"))
        #expect(refusal("out", in: root, force: true) != nil)
    }

    @Test func aNewAnEmptyOrASiblingFolderIsAccepted() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root.appending(path: "empty"), withIntermediateDirectories: true)
        for output in ["public", "empty", "build/site", "../www", "contents", root.deletingLastPathComponent().path + "/www"] {
            #expect(refusal(output, in: root) == nil, "\(output) was refused")
        }
    }

    @Test func aFolderHoldingSomeoneElsesFilesIsRefusedUnlessForced() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let www = root.deletingLastPathComponent().appending(path: "www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try Data("<p>Impressum</p>".utf8).write(to: www.appending(path: "impressum.html"))
        let problem = try #require(refusal(www.path, in: root))
        #expect(problem.message.contains("was not written by explainer, and it holds files ('impressum.html')"))
        #expect(problem.hint?.contains("new or empty folder") == true)
        #expect(problem.hint?.contains("--force") == true)
        #expect(refusal(www.path, in: root, force: true) == nil)
        // Nothing was moved or written.
        #expect(try FileManager.default.contentsOfDirectory(atPath: www.path) == ["impressum.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.deletingLastPathComponent().path).sorted() == ["site", "www"])
    }

    @Test func aFolderAnExplainerBuildWroteIsReplacedWithoutAsking() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let public_ = root.appending(path: "public")
        try OutputTree(files: ["index.html": Array("<p>hi</p>".utf8)]).write(to: public_)
        #expect(FileManager.default.fileExists(atPath: public_.appending(path: OutputMarker.fileName).path))
        #expect(refusal("public", in: root) == nil)
        // Files the writer put into a built folder afterwards do not make it theirs: public/ is the build's.
        try Data("x".utf8).write(to: public_.appending(path: "notes.txt"))
        #expect(refusal("public", in: root) == nil)
    }

    @Test func aFolderBuiltByAnOlderExplainerWithoutTheMarkerIsKnownByItsChartStylesheet() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let old = root.appending(path: "public")
        try FileManager.default.createDirectory(at: old.appending(path: "assets"), withIntermediateDirectories: true)
        try Data("<p>old</p>".utf8).write(to: old.appending(path: "index.html"))
        try Data("/* Chart styles (generated by explainer from its chart theme). */\n.c{}\n".utf8)
            .write(to: old.appending(path: "assets/charts.css"))
        #expect(refusal("public", in: root) == nil)
        // A stylesheet of that name that explainer did not write does not count.
        try Data(".c{}\n".utf8).write(to: old.appending(path: "assets/charts.css"))
        #expect(refusal("public", in: root) != nil)
    }

    @Test func theRealSitesBuildIsMarkedAndKnownAsExplainersOwn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appending(path: "public")
        try build(repositorySource).write(to: destination)
        #expect(try Data(contentsOf: destination.appending(path: OutputMarker.fileName)) == Data(OutputMarker.text.utf8))
        #expect(foreignEntries(in: destination).isEmpty)
        // And by its stylesheet alone, as an older explainer's build.
        try FileManager.default.removeItem(at: destination.appending(path: OutputMarker.fileName))
        #expect(foreignEntries(in: destination).isEmpty)
    }
}
