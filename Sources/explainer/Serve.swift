import ArgumentParser
import Dispatch
import Foundation
import PreviewServer
import Site

extension Explainer {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the site from memory, rebuild on every save and reload open pages.",
            discussion: "Builds once, serves the result on 127.0.0.1, and watches content/ and templates/. After a save "
                + "it rebuilds and pushes the change to open pages: a stylesheet is swapped in place, anything else reloads "
                + "the page at the same scroll position. If a rebuild fails, the last good site stays up with the errors "
                + "shown on every page (and here) until the next good build. A good build's warnings are printed here "
                + "(once, until they change) and shown in a strip at the bottom of open pages. Stop with Ctrl-C.")

        @OptionGroup var site: SiteOptions

        @Option(help: "Address to listen on. Anything but a loopback address makes the preview reachable from other machines.")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on (0 picks a free one).")
        var port = 8080

        @Flag(help: "Open the site in the default browser once it is served.")
        var open = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
            guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        }

        func run() async throws {
            try requireSiteFolder(URL(filePath: site.root))
            let configuration = PreviewServer.Configuration(root: site.root, host: host, port: port, includeDrafts: site.drafts)
            let server = PreviewServer(configuration)
            let open = open
            let exposed = !(host == "localhost" || host == "::1" || host.hasPrefix("127."))
            let task = Task {
                try await server.run { event in report(event, open: open, exposed: exposed) }
            }
            let signals = stopOnSignals([SIGINT, SIGTERM]) { task.cancel() }
            defer { signals.forEach { $0.cancel() } }
            do {
                try await task.value
            } catch is CancellationError {
            } catch let error as PreviewError {
                printError("error: \(error)")
                if let hint = error.hint { printError("  hint: \(hint)") }
                // Not a site is the wrong folder (a usage error); a busy port or one that cannot be bound is the
                // machine's state, so the preview could not be done.
                if case .notASite = error { throw ExitCode.usageError }
                throw ExitCode.failure
            }
            print("Stopped.")
        }
    }
}

/// Prints what the server does, one line per event; build errors go to standard error like `explainer build`'s.
private func report(_ event: PreviewEvent, open: Bool, exposed: Bool) {
    switch event {
    case let .listening(url):
        print("Serving at \(url) — watching content/ and templates/; press Ctrl-C to stop.")
        if exposed { printError("warning: not a loopback address: other machines on the network can see this preview") }
        if open {
            fflush(nil)  // the URL first, then any note about the browser, in a pipe too
            openInBrowser(url)
        }
    case let .built(changed, pages, duration, pushed, warnings, drafts):
        // A new set of warnings is printed as `build` prints them; while rebuilds give the same set, only their count.
        var standardError = StandardError()
        if !warnings.repeated {
            for warning in warnings.diagnostics { print(warning, to: &standardError) }
        }
        let count = warnings.diagnostics.count, noun = "warning\(count == 1 ? "" : "s")"
        let remark = switch (count, warnings.repeated) {
        case (0, true): ""
        case (0, false): "; no warnings left"
        case (_, false): ", with \(count) \(noun) (above; the pages show \(count == 1 ? "it" : "them") too)"
        case (_, true): "; the \(count == 1 ? "" : "\(count) ")\(noun) above still \(count == 1 ? "applies" : "apply")"
        }
        if changed.isEmpty {
            print("Built \(pages) pages in \(milliseconds(duration)) ms\(remark)"
                  + draftsNote(drafts, left: "left out", command: "serve") + ".")
        } else {
            let action = switch pushed {
            case .stylesheets?: "stylesheet swapped"
            case .reload?: "pages reloaded"
            default: "nothing visible changed"
            }
            print("Rebuilt in \(milliseconds(duration)) ms after \(summary(changed)): \(action)\(remark).")
        }
    case let .failed(changed, failure, duration):
        var standardError = StandardError()
        for diagnostic in failure.diagnostics { print(diagnostic, to: &standardError) }
        let count = failure.diagnostics.count
        let errors = "\(count) error\(count == 1 ? "" : "s")"
        if changed.isEmpty {
            print("The build failed with \(errors) in \(milliseconds(duration)) ms; pages show the errors until a save fixes them.",
                  to: &standardError)
        } else {
            print("Rebuilding after \(summary(changed)) failed with \(errors) in \(milliseconds(duration)) ms; "
                  + "still serving the last good version, with the errors shown on every page.", to: &standardError)
        }
    }
    fflush(nil)  // stdout may be a pipe (tests, scripts): show each line as it happens
}

private func summary(_ changed: [String]) -> String {
    changed.count <= 3 ? changed.joined(separator: ", ") : "\(changed.prefix(2).joined(separator: ", ")) and \(changed.count - 2) more"
}

private func printError(_ line: String) {
    var standardError = StandardError()
    print(line, to: &standardError)
}

/// Calls `handler` on the main queue when one of `signals` arrives; the default handlers are turned off meanwhile.
private func stopOnSignals(_ signals: [Int32], handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
    signals.map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
        return source
    }
}

/// Opens `url` with the desktop's opener, without waiting for it: the server is already serving. When no browser
/// opens, it says so once, with the reason: the opener is not on PATH, could not start, failed (its exit status:
/// xdg-open exits 3 on a machine with no browser), or has not finished after `patience` (a browser that takes the
/// terminal, an opener stuck on a headless machine; it is left running, as it may be the browser itself).
private func openInBrowser(_ url: String, patience: Int = 5) {
    #if os(macOS)
    let opener = "open"
    #else
    let opener = "xdg-open"
    #endif
    let note = OnceNote(url: url)
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { URL(filePath: String($0)).appending(path: opener) }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    guard let path else {
        note.say("\(opener) is not on PATH")
        return
    }
    let process = Process()
    process.executableURL = path
    process.arguments = [url]
    // Nothing of the terminal: a text browser started by the opener must not read serve's keystrokes.
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.terminationHandler = { finished in
        switch finished.terminationReason {
        case .exit where finished.terminationStatus == 0: break
        case .exit: note.say("\(opener) exited with status \(finished.terminationStatus)")
        default: note.say("\(opener) was stopped by signal \(finished.terminationStatus)")
        }
    }
    do {
        try process.run()
    } catch {
        note.say("\(opener) could not be started: \(error.localizedDescription)")
        return
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(patience)) {
        guard process.isRunning else { return }
        note.say("\(opener) has not finished after \(patience) s", certain: false)
    }
}

/// The one note `openInBrowser` prints, whichever of its watchers (exit, timeout) speaks first.
private final class OnceNote: @unchecked Sendable {
    private let url: String
    private let lock = NSLock()
    private var said = false

    init(url: String) { self.url = url }

    /// Prints the note unless one was printed: `why`, and the URL to open by hand.
    func say(_ why: String, certain: Bool = true) {
        let first = lock.withLock { () -> Bool in
            defer { said = true }
            return !said
        }
        guard first else { return }
        printError(certain ? "note: no browser was opened (\(why)); open \(url) yourself"
                           : "note: \(why); if no browser opened, open \(url) yourself")
        fflush(nil)
    }
}
