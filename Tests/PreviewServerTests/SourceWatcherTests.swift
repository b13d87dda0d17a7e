import Foundation
import PreviewServer
import Testing

/// A site folder with one chapter and one stylesheet, removed after the test.
private struct Folder {
    let root = FileManager.default.temporaryDirectory.appending(path: "explainer-watch-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: root.appending(path: "content"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appending(path: "templates/assets"), withIntermediateDirectories: true)
        try write("a", "content/01-a.md")
        try write("a{}", "templates/assets/site.css")
    }

    func write(_ text: String, _ path: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Saves the way many editors do: a temporary file next to the original, renamed over it.
    func saveByRename(_ text: String, _ path: String) throws {
        try write(text, path + ".tmp-save")
        _ = rename(root.appending(path: path + ".tmp-save").path, root.appending(path: path).path)
    }

    func move(_ from: String, _ to: String) throws {
        try FileManager.default.moveItem(at: root.appending(path: from), to: root.appending(path: to))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Collects batches until `expected` has been reported; returns everything reported by then.
private func reported(by watcher: SourceWatcher, until expected: Set<String>) async -> Set<String> {
    var seen: Set<String> = []
    for await batch in watcher.changes {
        seen.formUnion(batch)
        if seen.isSuperset(of: expected) { break }
    }
    return seen
}

@Suite struct SourceWatching {
    static let mechanisms: [Bool] = {
        #if os(Linux)
        [false, true]  // inotify, then the polling fallback
        #else
        [true]
        #endif
    }()

    private func watcher(_ folder: Folder, polling: Bool) -> SourceWatcher {
        var configuration = SourceWatcher.Configuration(root: folder.root.path)
        configuration.forcePolling = polling
        configuration.pollInterval = .milliseconds(10)
        // Generous, so that a loaded machine pausing the test between its writes does not split a save in two.
        configuration.quietPeriod = .milliseconds(200)
        return SourceWatcher(configuration)
    }

    #if os(Linux)
    @Test func linuxUsesInotifyUnlessPollingIsForced() throws {
        let folder = try Folder()
        defer { folder.remove() }
        #expect(watcher(folder, polling: false).mechanism == .inotify)
        #expect(watcher(folder, polling: true).mechanism == .polling)
    }
    #endif

    @Test(.timeLimit(.minutes(1)), arguments: mechanisms)
    func aSaveByRenameIsReportedAsTheEditedFileAlone(polling: Bool) async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let watcher = watcher(folder, polling: polling)
        defer { watcher.stop() }
        try folder.saveByRename("b", "content/01-a.md")
        #expect(await reported(by: watcher, until: ["content/01-a.md"]) == ["content/01-a.md"])
    }

    @Test(.timeLimit(.minutes(1)), arguments: mechanisms)
    func editorLitterIsNotReported(polling: Bool) async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let watcher = watcher(folder, polling: polling)
        defer { watcher.stop() }
        try folder.write("swap", "content/.01-a.md.swp")
        try folder.write("backup", "content/01-a.md~")
        try folder.write("x", "notes.txt")
        try folder.write("b{}", "templates/assets/site.css")
        #expect(await reported(by: watcher, until: ["templates/assets/site.css"]) == ["templates/assets/site.css"])
    }

    @Test(.timeLimit(.minutes(1)), arguments: mechanisms)
    func filesInANewFolderAreReportedAndSoAreLaterEditsInIt(polling: Bool) async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let watcher = watcher(folder, polling: polling)
        defer { watcher.stop() }
        try folder.write("x,y", "content/data/deep/t.csv")
        #expect(await reported(by: watcher, until: ["content/data/deep/t.csv"]) == ["content/data/deep/t.csv"])
        try folder.saveByRename("x,z", "content/data/deep/t.csv")
        #expect(await reported(by: watcher, until: ["content/data/deep/t.csv"]) == ["content/data/deep/t.csv"])
    }

    @Test(.timeLimit(.minutes(1)), arguments: mechanisms)
    func aFolderMovedInOrAwayReportsEveryFileInIt(polling: Bool) async throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("1", "drafts/figures/a.csv")
        try folder.write("2", "drafts/figures/b.csv")
        let watcher = watcher(folder, polling: polling)
        defer { watcher.stop() }
        try folder.move("drafts/figures", "content/figures")
        let movedIn: Set = ["content/figures/a.csv", "content/figures/b.csv"]
        #expect(await reported(by: watcher, until: movedIn) == movedIn)
        try folder.move("content/figures", "drafts/again")
        #expect(await reported(by: watcher, until: movedIn) == movedIn)
        // The moved folder's old watch must not report under its old name.
        try folder.write("3", "drafts/again/a.csv")
        try folder.write("c", "content/01-a.md")
        #expect(await reported(by: watcher, until: ["content/01-a.md"]) == ["content/01-a.md"])
    }

    @Test(.timeLimit(.minutes(1)), arguments: mechanisms)
    func deletionsAreReported(polling: Bool) async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let watcher = watcher(folder, polling: polling)
        defer { watcher.stop() }
        try FileManager.default.removeItem(at: folder.root.appending(path: "content/01-a.md"))
        #expect(await reported(by: watcher, until: ["content/01-a.md"]) == ["content/01-a.md"])
    }

    @Test(.timeLimit(.minutes(1)))
    func stoppingEndsTheChanges() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let watcher = watcher(folder, polling: false)
        watcher.stop()
        var batches = 0
        for await _ in watcher.changes { batches += 1 }
        #expect(batches == 0)
    }

    #if os(Linux)
    /// With inotify, a save that is clearly over (the file the site had, replaced and closed) is reported without
    /// waiting the whole quiet period; a new file, which may be an editor's temporary one, waits all of it.
    private func settling(_ folder: Folder) -> SourceWatcher {
        var configuration = SourceWatcher.Configuration(root: folder.root.path)
        configuration.quietPeriod = .seconds(3)
        configuration.settledPeriod = .milliseconds(2)
        return SourceWatcher(configuration)
    }

    @Test(.timeLimit(.minutes(1)))
    func aFinishedSaveIsReportedBeforeTheQuietPeriodEnds() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let watcher = settling(folder)
        defer { watcher.stop() }
        let start = ContinuousClock.now
        try folder.saveByRename("b", "content/01-a.md")
        #expect(await reported(by: watcher, until: ["content/01-a.md"]) == ["content/01-a.md"])
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test(.timeLimit(.minutes(1)))
    func aNewFileWaitsTheWholeQuietPeriod() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let watcher = settling(folder)
        defer { watcher.stop() }
        let start = ContinuousClock.now
        try folder.write("b", "content/02-b.md")
        #expect(await reported(by: watcher, until: ["content/02-b.md"]) == ["content/02-b.md"])
        #expect(ContinuousClock.now - start >= .seconds(3))
    }

    /// Foundation's atomic write renames its hidden temporary file over the original and only then closes it: the
    /// save is reported once, after the close, not once at the rename and again at the close.
    @Test(.timeLimit(.minutes(1)))
    func aFileRenamedInWhileStillOpenIsReportedOnceAfterItIsClosed() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        // A quiet period far longer than the test's pause before the close, even on a machine so loaded that the pause
        // stretches to seconds (a CI run saw it pass 3 s): only the close may end the burst.
        var configuration = SourceWatcher.Configuration(root: folder.root.path)
        configuration.quietPeriod = .seconds(40)
        configuration.settledPeriod = .milliseconds(2)
        let watcher = SourceWatcher(configuration)
        let collector = Task {
            var batches: [(at: ContinuousClock.Instant, paths: Set<String>)] = []
            for await batch in watcher.changes { batches.append((.now, Set(batch))) }
            return batches
        }
        let temporary = folder.root.appending(path: "content/.01-a.md.partial").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(descriptor >= 0)
        #expect("b".withCString { write(descriptor, $0, 1) } == 1)
        #expect(rename(temporary, folder.root.appending(path: "content/01-a.md").path) == 0)
        try await Task.sleep(for: .milliseconds(300))
        let closed = ContinuousClock.now
        close(descriptor)
        try await Task.sleep(for: .milliseconds(500))
        watcher.stop()
        let batches = await collector.value
        #expect(batches.map { $0.paths } == [["content/01-a.md"]])
        #expect(batches.allSatisfy { $0.at >= closed })
    }
    #endif
}
