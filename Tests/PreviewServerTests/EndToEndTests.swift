import Foundation
import PreviewServer
import Site
import TestSupport
import Testing

/// Everything the server reported, for tests to wait on.
private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [PreviewEvent] = []

    func add(_ event: PreviewEvent) { lock.withLock { events.append(event) } }

    var all: [PreviewEvent] { lock.withLock { events } }

    func url(timeout: Duration = .seconds(60)) async -> String? {
        await poll(timeout: timeout) { all.lazy.compactMap { if case let .listening(url) = $0 { url } else { nil } }.first }
    }
}

/// Replaces a file the way many editors save: write a temporary file, then rename it over the original.
private func save(_ text: String, to url: URL) throws {
    try text.write(to: url, atomically: true, encoding: .utf8)
}

@Suite(.serialized) struct EndToEnd {
    @Test(.timeLimit(.minutes(2)))
    func editsReachOpenPagesAndAFailedBuildKeepsTheLastGoodSiteUntilFixed() async throws {
        let root = try writeSite(miniSource(intro: "First version of the intro."))
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = PreviewServer.Configuration(root: root.path, port: 0)
        configuration.pollInterval = .milliseconds(20)
        let server = PreviewServer(configuration)
        let reports = Reports()
        let running = Task { try await server.run { reports.add($0) } }
        defer { running.cancel() }

        let url = try #require(await reports.url())
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let port = try #require(Int(url.dropFirst("http://127.0.0.1:".count).dropLast()))

        let home = try await request(port: port, "/intro/")
        #expect(home.status == 200)
        #expect(home.body.contains("First version of the intro."))
        #expect(home.body.contains(LiveReload.scriptTag))

        let events = try await EventStreamClient(port: port, path: LiveReload.eventsPath)
        defer { events.close() }
        #expect(events.responseHead.lowercased().contains("content-type: text/event-stream"))
        #expect(await events.next() == ReceivedEvent(name: "hello", data: "{\"generation\":1}"))

        // An edited chapter: a reload event, and the new text served.
        let chapter = root.appending(path: "content/01-intro.md")
        let original = try String(contentsOf: chapter, encoding: .utf8)
        try save(original.replacingOccurrences(of: "First version", with: "Second version"), to: chapter)
        #expect(await events.next() == ReceivedEvent(name: "reload", data: "{\"generation\":2}"))
        #expect(try await request(port: port, "/intro/").body.contains("Second version of the intro."))

        // A stylesheet edit: swapped in place, no reload.
        let stylesheet = root.appending(path: "templates/assets/site.css")
        let css = try String(contentsOf: stylesheet, encoding: .utf8)
        try save(css + "\n.e2e-marker { color: red; }\n", to: stylesheet)
        #expect(await events.next() == ReceivedEvent(name: "css", data: "{\"generation\":3,\"paths\":[\"assets/site.css\"]}"))
        #expect(try await request(port: port, "/assets/site.css").body.contains(".e2e-marker"))

        // A broken chapter: the errors over SSE and on the page, and the last good content still served.
        try save(original.replacingOccurrences(of: "title: Intro", with: "titel: Intro"), to: chapter)
        let failure = try #require(await events.next())
        #expect(failure.name == "errors")
        #expect(failure.data.contains("content/01-intro.md:2:1: "))
        let broken = try await request(port: port, "/intro/")
        #expect(broken.status == 200)
        #expect(broken.body.contains("Second version of the intro."))
        #expect(broken.body.contains("<div id=\"explainer-error-overlay\""))
        #expect(broken.body.contains("content/01-intro.md:2:1: "))

        // Fixed: a reload, and the overlay gone.
        try save(original.replacingOccurrences(of: "First version", with: "Third version"), to: chapter)
        #expect(await events.next() == ReceivedEvent(name: "reload", data: "{\"generation\":4}"))
        let fixed = try await request(port: port, "/intro/")
        #expect(fixed.body.contains("Third version of the intro."))
        #expect(!fixed.body.contains("<div id=\"explainer-error-overlay\""))

        // Stopping ends open event streams too.
        running.cancel()
        _ = await running.result
        #expect(await events.waitForEnd())
        let kinds = reports.all.map { event -> String in
            switch event {
            case .listening: "listening"
            case .built: "built"
            case .failed: "failed"
            }
        }
        #expect(kinds == ["built", "listening", "built", "built", "failed", "built"])
    }

    @Test(.timeLimit(.minutes(2)))
    func theFirstBuildSaysHowManyDraftsItLeftOut() async throws {
        var source = miniSource()
        source.chapters.append(SourceFile(path: "content/03-later.md", text: "---\ntitle: Later\ndraft: true\n---\nNot yet.\n"))
        let root = try writeSite(source)
        defer { try? FileManager.default.removeItem(at: root) }
        for (includeDrafts, expected) in [(false, 1), (true, 0)] {
            var configuration = PreviewServer.Configuration(root: root.path, port: 0, includeDrafts: includeDrafts)
            configuration.pollInterval = .milliseconds(20)
            let reports = Reports()
            let running = Task { try await PreviewServer(configuration).run { reports.add($0) } }
            defer { running.cancel() }
            let drafts = await poll(timeout: .seconds(60)) {
                reports.all.lazy.compactMap { if case let .built(_, _, _, _, _, drafts) = $0 { drafts } else { nil } }.first
            }
            #expect(drafts == expected, "includeDrafts: \(includeDrafts)")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func aBuildsWarningsAreReportedOnceAndShownOnOpenPagesUntilFixed() async throws {
        let open = "---\ntitle: Intro\n---\nFirst version.\n\n```careful\nMind the tide.\n\n## High water\n\nSwallowed.\n"
        var source = miniSource()
        source.chapters[0] = SourceFile(path: "content/01-intro.md", text: open)
        let root = try writeSite(source)
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = PreviewServer.Configuration(root: root.path, port: 0)
        configuration.pollInterval = .milliseconds(20)
        let reports = Reports()
        let running = Task { try await PreviewServer(configuration).run { reports.add($0) } }
        defer { running.cancel() }
        let url = try #require(await reports.url())
        let port = try #require(Int(url.dropFirst("http://127.0.0.1:".count).dropLast()))
        let warningsOfBuild = { (index: Int) async -> BuildWarnings? in
            await poll(timeout: .seconds(60)) {
                let built = reports.all.compactMap { if case let .built(_, _, _, _, warnings, _) = $0 { warnings } else { nil } }
                return built.count > index ? built[index] : nil
            }
        }

        // The first build: the warning for the terminal, and for every page that connects (not in the page itself).
        let first = try #require(await warningsOfBuild(0))
        #expect(!first.repeated)
        #expect(first.diagnostics.map(\.description) == [
            "content/01-intro.md:6:1: warning: the fence ```careful is never closed: everything after it, to the end of the file, "
                + "is inside it\n  hint: close it with a line ``` where the block ends"])
        #expect(!(try await request(port: port, "/intro/").body.contains("<div id=\"explainer-warnings\"")))
        let events = try await EventStreamClient(port: port, path: LiveReload.eventsPath)
        defer { events.close() }
        #expect(await events.next() == ReceivedEvent(name: "hello", data: "{\"generation\":1}"))
        let shown = try #require(await events.next())
        #expect(shown.name == "warnings" && shown.data.contains("content/01-intro.md:6:1: the fence ```careful is never closed"))

        // An edit that leaves the same warning: reported as repeated, and not sent to the page again.
        let chapter = root.appending(path: "content/01-intro.md")
        try save(open.replacingOccurrences(of: "First version", with: "Second version"), to: chapter)
        #expect(await events.next() == ReceivedEvent(name: "reload", data: "{\"generation\":2}"))
        #expect(try #require(await warningsOfBuild(1)) == BuildWarnings(first.diagnostics, repeated: true))

        // The fence closed: no warnings left, and the panel goes.
        try save(open.replacingOccurrences(of: "Mind the tide.\n", with: "Mind the tide.\n```\n"), to: chapter)
        #expect(await events.next() == ReceivedEvent(name: "reload", data: "{\"generation\":3}"))
        #expect(await events.next() == ReceivedEvent(name: "warnings", data: "{\"html\":\"\",\"languages\":{},\"key\":\"\",\"lines\":[]}"))
        #expect(try #require(await warningsOfBuild(2)) == BuildWarnings([], repeated: false))
    }

    @Test(.timeLimit(.minutes(1)))
    func stoppingDoesNotWaitForABuildInProgress() async throws {
        let root = try writeSite(miniSource())
        defer { try? FileManager.default.removeItem(at: root) }
        let gate = DispatchSemaphore(value: 0)
        let server = PreviewServer(PreviewServer.Configuration(root: root.path, port: 0)) { source, options throws(BuildFailure) in
            gate.wait()  // a build that only ends when the test lets it
            return try build(source, options: options)
        }
        let running = Task { try await server.run { _ in } }
        try await Task.sleep(for: .milliseconds(100))
        running.cancel()
        let outcome = await running.result
        gate.signal()
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(await server.state.tree == nil)
    }

    @Test(.timeLimit(.minutes(1)))
    func stoppingRightAfterABurstOfConnectionsEndsEveryOneAndTheServer() async throws {
        // Cancelling the server while connections waited in its accept queue stopped the whole process: NIO traps on a
        // connection dropped from that queue (swift-nio#3481). The server now stops gracefully and closes each one.
        let root = try writeSite(miniSource())
        defer { try? FileManager.default.removeItem(at: root) }
        let reports = Reports()
        let running = Task { try await PreviewServer(PreviewServer.Configuration(root: root.path, port: 0)).run { reports.add($0) } }
        let url = try #require(await reports.url())
        let port = try #require(Int(url.dropFirst("http://127.0.0.1:".count).dropLast()))
        let connections = try await openConnections(port: port, count: 64, requesting: "/")
        running.cancel()
        await #expect(throws: CancellationError.self) { try await running.value }
        #expect(try await allClosedByTheServer(connections))
    }

    @Test func aSecondServerOnTheSamePortIsToldTheNextFreeOne() async throws {
        let root = try writeSite(miniSource())
        defer { try? FileManager.default.removeItem(at: root) }
        let reports = Reports()
        let first = Task { try await PreviewServer(PreviewServer.Configuration(root: root.path, port: 0)).run { reports.add($0) } }
        defer { first.cancel() }
        let url = try #require(await reports.url())
        let port = try #require(Int(url.dropFirst("http://127.0.0.1:".count).dropLast()))
        let error = await #expect(throws: PreviewError.self) {
            try await PreviewServer(PreviewServer.Configuration(root: root.path, port: port)).run { _ in }
        }
        guard case let .portInUse(host, busy, suggestion?) = error else {
            Issue.record("expected a busy port with a suggestion, got \(String(describing: error))")
            return
        }
        #expect(host == "127.0.0.1" && busy == port && suggestion > port)
        #expect(error?.hint == "port \(suggestion) is free: run again with --port \(suggestion)")
    }

    @Test func aFolderWithoutContentIsNotASite() async throws {
        let error = await #expect(throws: PreviewError.self) {
            try await PreviewServer(PreviewServer.Configuration(root: "/nonexistent-site", port: 0)).run { _ in }
        }
        #expect(error == .notASite(root: "/nonexistent-site"))
    }
}
