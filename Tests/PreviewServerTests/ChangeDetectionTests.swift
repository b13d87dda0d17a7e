import Foundation
import PreviewServer
import Site
import Testing

@Suite struct ChangeDetection {
    @Test func onlyStylesheetsUnderAssetsAreSwappedWithoutABuild() {
        #expect(changeKind(for: ["templates/assets/site.css"]) == .stylesheets(["templates/assets/site.css"]))
        #expect(changeKind(for: ["templates/assets/print.css", "templates/assets/site.css"])
            == .stylesheets(["templates/assets/print.css", "templates/assets/site.css"]))
    }

    @Test func anythingElseNeedsAFullBuild() {
        #expect(changeKind(for: ["content/05-four-steps.md"]) == .full)
        #expect(changeKind(for: ["templates/assets/site.css", "content/site.yml"]) == .full)
        #expect(changeKind(for: ["templates/base.mustache"]) == .full)
        #expect(changeKind(for: ["templates/assets/favicon.svg"]) == .full)
        #expect(changeKind(for: ["content/data/fig.csv"]) == .full)
    }

    @Test func editorLitterIsIgnored() {
        let litter = ["content/.05-four-steps.md.swp", "content/05-four-steps.md~", "content/#05-four-steps.md#",
                      "content/.#05-four-steps.md", "content/4913", "templates/assets/site.css.tmp",
                      "content/01-map.md___jb_tmp___", "content/.git/index", "README.md", "public/index.html"]
        #expect(changeKind(for: litter) == .none)
        #expect(changeKind(for: []) == .none)
        #expect(changeKind(for: litter + ["content/01-map.md"]) == .full)
        #expect(changeKind(for: litter + ["templates/assets/site.css"]) == .stylesheets(["templates/assets/site.css"]))
    }

    @Test func snapshotsReportAddedRemovedAndChangedFiles() {
        let before = SourceSnapshot(files: [
            "content/a.md": FileStamp(size: 10, modified: 1, inode: 1),
            "content/b.md": FileStamp(size: 10, modified: 1, inode: 2),
            "content/c.md": FileStamp(size: 10, modified: 1, inode: 3),
        ])
        let after = SourceSnapshot(files: [
            "content/a.md": FileStamp(size: 10, modified: 1, inode: 1),
            "content/b.md": FileStamp(size: 10, modified: 1, inode: 9),  // renamed over: same size and time
            "content/d.md": FileStamp(size: 1, modified: 2, inode: 4),
        ])
        #expect(after.changedPaths(since: before) == ["content/b.md", "content/c.md", "content/d.md"])
        #expect(after.changedPaths(since: after).isEmpty)
    }

    @Test func scanningSeesWritesRenamesAndDeletionsButNotLitter() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "explainer-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appending(path: "content/data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appending(path: "templates/assets/fonts"), withIntermediateDirectories: true)
        try "a".write(to: root.appending(path: "content/01-a.md"), atomically: false, encoding: .utf8)
        try "x,y".write(to: root.appending(path: "content/data/t.csv"), atomically: false, encoding: .utf8)
        try "f".write(to: root.appending(path: "templates/assets/fonts/f.woff2"), atomically: false, encoding: .utf8)
        try "s".write(to: root.appending(path: "content/.01-a.md.swp"), atomically: false, encoding: .utf8)
        try "n".write(to: root.appending(path: "notes.md"), atomically: false, encoding: .utf8)

        let first = SourceSnapshot.scan(root: root.path)
        #expect(first.files.keys.sorted() == ["content/01-a.md", "content/data/t.csv", "templates/assets/fonts/f.woff2"])

        // An editor that writes a temporary file and renames it over the original, keeping the size.
        try "b".write(to: root.appending(path: "content/01-a.md"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: root.appending(path: "content/data/t.csv"))
        let second = SourceSnapshot.scan(root: root.path)
        #expect(second.changedPaths(since: first) == ["content/01-a.md", "content/data/t.csv"])
    }

    @Test func aStylesheetEditPatchesSourcesAndOutputAlike() throws {
        let source = SourceTree(assets: [SourceFile(path: "templates/assets/site.css", text: "a{}")])
        let output = OutputTree(files: ["assets/site.css": Array("a{}".utf8), "index.html": Array("<p>".utf8)])
        let (patchedSource, patchedOutput) = try #require(
            patchStylesheets(["templates/assets/site.css": Array("b{}".utf8)], source: source, output: output))
        #expect(patchedSource.assets == [SourceFile(path: "templates/assets/site.css", text: "b{}")])
        #expect(patchedOutput == OutputTree(files: ["assets/site.css": Array("b{}".utf8), "index.html": Array("<p>".utf8)]))
    }

    @Test func aStylesheetTheBuildDidNotCopyVerbatimNeedsABuild() {
        let source = SourceTree(assets: [SourceFile(path: "templates/assets/site.css", text: "a{}")])
        let transformed = OutputTree(files: ["assets/site.css": Array("a{ }".utf8)])
        #expect(patchStylesheets(["templates/assets/site.css": [1]], source: source, output: transformed) == nil)
        let moved = OutputTree(files: ["assets/site.3f2a.css": Array("a{}".utf8)])
        #expect(patchStylesheets(["templates/assets/site.css": [1]], source: source, output: moved) == nil)
        let fresh = OutputTree(files: ["assets/site.css": Array("a{}".utf8)])
        #expect(patchStylesheets(["templates/assets/new.css": [1]], source: source, output: fresh) == nil)
    }
}

@Suite struct LiveEventChoice {
    private let before = OutputTree(files: ["index.html": [1], "assets/site.css": [2], "data/a.csv": [3]])

    @Test func onlyChangedStylesheetsAreSwapped() {
        var after = before
        after["assets/site.css"] = [9]
        #expect(liveEvent(from: before, to: after, hadErrors: false, generation: 4) == .stylesheets(["assets/site.css"], generation: 4))
    }

    @Test func anyOtherChangeReloads() {
        var after = before
        after["assets/site.css"] = [9]
        after["index.html"] = [9]
        #expect(liveEvent(from: before, to: after, hadErrors: false, generation: 2) == .reload(generation: 2))
        var removed = before
        removed["data/a.csv"] = nil
        #expect(liveEvent(from: before, to: removed, hadErrors: false, generation: 2) == .reload(generation: 2))
    }

    @Test func anUnchangedBuildPushesNothing() {
        #expect(liveEvent(from: before, to: before, hadErrors: false, generation: 2) == nil)
    }

    @Test func theFirstBuildAndTheFirstBuildAfterErrorsReload() {
        #expect(liveEvent(from: nil, to: before, hadErrors: false, generation: 1) == .reload(generation: 1))
        #expect(liveEvent(from: before, to: before, hadErrors: true, generation: 3) == .reload(generation: 3))
    }

    @Test func changedPathsIncludeAdditionsAndRemovals() {
        let after = OutputTree(files: ["index.html": [1], "assets/site.css": [2], "b.html": [4]])
        #expect(changedPaths(from: before, to: after) == ["b.html", "data/a.csv"])
    }
}

@Suite struct PortProbing {
    @Test func anAddressOfAnotherMachineIsUnavailableRatherThanBusy() {
        // 192.0.2.0/24 is reserved for documentation (RFC 5737): never an address of this machine.
        guard case .unavailable = probeListen(host: "192.0.2.1", port: 0) else {
            Issue.record("expected .unavailable")
            return
        }
    }

    @Test func anUnknownHostIsUnavailable() {
        guard case .unavailable = probeListen(host: "no-such-host.invalid", port: 0) else {
            Issue.record("expected .unavailable")
            return
        }
    }

    @Test func anyFreeLoopbackPortIsFree() {
        #expect(probeListen(host: "127.0.0.1", port: 0) == .free)
    }
}
