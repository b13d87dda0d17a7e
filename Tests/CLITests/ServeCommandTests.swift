import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// `explainer serve` as a user runs it: a child process, its output, signals.
private final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private var errors = ""

    init(_ arguments: [String], in folder: URL, path: String? = nil) throws {
        // The test bundle lives in the build folder, next to the products it was built with.
        var search = Bundle.main.bundleURL
        var binary = URL(filePath: "/nonexistent")
        for _ in 0..<4 {
            let candidate = search.appending(path: "explainer")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { binary = candidate; break }
            search = search.deletingLastPathComponent()
        }
        process.executableURL = binary
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = folder
        if let path {
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = path
            process.environment = environment
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            lock.withLock { output += String(decoding: data, as: UTF8.self) }
        }
        err.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            lock.withLock { errors += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var standardOutput: String { lock.withLock { output } }
    var standardError: String { lock.withLock { errors } }

    /// The URL from the "Serving at …" line, once printed; nil if the server exits or `timeout` passes first.
    func url(timeout: Duration = .seconds(120)) async -> URL? {
        await poll(timeout: timeout, every: .milliseconds(20)) { () -> URL?? in
            if let line = standardOutput.split(separator: "\n").first(where: { $0.hasPrefix("Serving at ") }),
               let word = line.split(separator: " ").dropFirst(2).first {
                return .some(URL(string: String(word)))
            }
            return process.isRunning ? nil : .some(nil)
        } ?? nil
    }

    /// The exit status, waiting up to `timeout`; nil if still running.
    func exitStatus(timeout: Duration = .seconds(30)) async -> Int32? {
        await poll(timeout: timeout, every: .milliseconds(20)) {
            process.isRunning ? nil : process.terminationStatus
        }
    }
}

#if os(macOS)
private let opener = "open"
#else
private let opener = "xdg-open"
#endif

/// A folder for PATH holding only a fake browser opener that runs `script` (sh); empty without one.
private func fakeOpener(_ script: String?) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: "explainer-opener-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    guard let script else { return folder }
    let file = folder.appending(path: opener)
    try ("#!/bin/sh\n" + script + "\n").write(to: file, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
    return folder
}

/// The repository's templates and a one-chapter site, so the debug binary builds it quickly.
private func smallSite() throws -> URL {
    let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = FileManager.default.temporaryDirectory.appending(path: "explainer-serve-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appending(path: "content"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: root.appending(path: "templates"), to: folder.appending(path: "templates"))
    try "title: Small\ndescription: A small site.\nlanguage: en\n"
        .write(to: folder.appending(path: "content/site.yml"), atomically: true, encoding: .utf8)
    try "---\ntitle: Only\n---\nThe only chapter.\n"
        .write(to: folder.appending(path: "content/01-only.md"), atomically: true, encoding: .utf8)
    return folder
}

@Suite(.serialized) struct ServeCommand {
    @Test(arguments: [("interrupt", SIGINT), ("terminate", SIGTERM)])
    func servesOnLoopbackAndStopsCleanlyOnSignals(_ name: String, _ signal: Int32) async throws {
        let site = try smallSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let server = try ServeProcess(["--port", "0"], in: site)
        defer { if server.process.isRunning { server.process.terminate() } }
        let url = try #require(await server.url(), "no URL printed; stderr: \(server.standardError)")
        #expect(url.host() == "127.0.0.1")
        #expect(server.standardOutput.contains("Built "))

        let (data, response) = try await URLSession.shared.data(from: url.appending(path: "only/"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("The only chapter."))

        kill(server.process.processIdentifier, signal)
        #expect(await server.exitStatus() == 0, "\(name): \(server.standardError)")
        #expect(server.standardOutput.hasSuffix("Stopped.\n"))
    }

    @Test func aBuildsWarningsArePrintedOnceUntilTheyChange() async throws {
        let site = try smallSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let chapter = site.appending(path: "content/01-only.md")
        let open = "---\ntitle: Only\n---\nThe only chapter.\n\n```careful\nMind the tide.\n\n## High water\n"
        try open.write(to: chapter, atomically: true, encoding: .utf8)
        let server = try ServeProcess(["--port", "0"], in: site)
        defer { if server.process.isRunning { server.process.terminate() } }
        _ = try #require(await server.url(), "no URL printed; stderr: \(server.standardError)")
        let warning = "content/01-only.md:6:1: warning: the fence ```careful is never closed"
        #expect(server.standardError.contains(warning))
        #expect(server.standardOutput.contains(" ms, with 1 warning (above; the pages show it too).\n"))

        // The same warning after an edit: not printed again.
        try open.replacingOccurrences(of: "The only", with: "The one").write(to: chapter, atomically: true, encoding: .utf8)
        let again = await poll(timeout: .seconds(60)) { server.standardOutput.contains("Rebuilt ") ? true : nil }
        #expect(again == true)
        #expect(server.standardOutput.contains(": pages reloaded; the warning above still applies.\n"))
        #expect(server.standardError.components(separatedBy: warning).count == 2)

        // Closed: said once.
        try (open + "```\n").write(to: chapter, atomically: true, encoding: .utf8)
        let fixed = await poll(timeout: .seconds(60)) { server.standardOutput.contains("no warnings left") ? true : nil }
        #expect(fixed == true, "\(server.standardOutput)")
        #expect(server.standardError.components(separatedBy: warning).count == 2)
    }

    @Test func aBusyPortIsReportedWithTheNextFreeOne() async throws {
        let site = try smallSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try ServeProcess(["--port", "0"], in: site)
        defer { first.process.terminate() }
        let url = try #require(await first.url())
        let port = try #require(url.port)

        let second = try ServeProcess(["--port", String(port)], in: site)
        #expect(await second.exitStatus() == 1)
        #expect(second.standardError.contains("error: port \(port) on 127.0.0.1 is already in use"))
        #expect(second.standardError.contains("hint: port "))
        #expect(second.standardError.contains(": run again with --port "))
    }

    /// `--open` on a machine with no opener, one whose opener fails (xdg-open exits 3 when it finds no browser), and
    /// one whose opener never returns: serve keeps serving and says once why no browser opened, with the URL.
    @Test(arguments: [(nil, "\(opener) is not on PATH"), ("exit 3", "\(opener) exited with status 3"),
                      ("exec /bin/sleep 20", "\(opener) has not finished after 5 s")])
    func openSaysOnceWhyNoBrowserOpened(_ script: String?, _ why: String) async throws {
        let site = try smallSite()
        let bin = try fakeOpener(script)
        defer { try? FileManager.default.removeItem(at: site); try? FileManager.default.removeItem(at: bin) }
        let server = try ServeProcess(["--port", "0", "--open"], in: site, path: bin.path)
        defer { if server.process.isRunning { server.process.terminate() } }
        let url = try #require(await server.url(), "no URL printed; stderr: \(server.standardError)")
        // Serving from the start, whatever the opener does.
        let (_, response) = try await URLSession.shared.data(from: url.appending(path: "only/"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let note = script?.hasPrefix("exec") == true
            ? "note: \(why); if no browser opened, open \(url.absoluteString) yourself\n"
            : "note: no browser was opened (\(why)); open \(url.absoluteString) yourself\n"
        // The whole line, not only its start: the pipe may hand the note over in two reads.
        let said = await poll(timeout: .seconds(20)) { server.standardError.contains(note) ? true : nil }
        #expect(said == true, "\(server.standardError)")
        try await Task.sleep(for: .seconds(script == "exit 3" ? 6 : 1))
        #expect(server.standardError.components(separatedBy: "note: ").count == 2, "once: \(server.standardError)")
        let (_, again) = try await URLSession.shared.data(from: url.appending(path: "only/"))
        #expect((again as? HTTPURLResponse)?.statusCode == 200)
        kill(server.process.processIdentifier, SIGINT)
        #expect(await server.exitStatus() == 0, "\(server.standardError)")
    }

    @Test func aPortOutOfRangeIsAUsageError() async throws {
        let server = try ServeProcess(["--port", "70000"], in: FileManager.default.temporaryDirectory)
        #expect(await server.exitStatus() == 2)
        #expect(server.standardError.contains("--port must be between 0 and 65535"))
    }
}
