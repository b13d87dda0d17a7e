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
        if open { openInBrowser(url) }
    case let .built(changed, pages, duration, pushed, warnings):
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
            print("Built \(pages) pages in \(milliseconds(duration)) ms\(remark).")
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

/// Opens `url` with the desktop's opener; a missing opener is reported, never fatal.
private func openInBrowser(_ url: String) {
    #if os(macOS)
    let opener = "open"
    #else
    let opener = "xdg-open"
    #endif
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { URL(filePath: String($0)).appending(path: opener) }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    guard let path else {
        printError("note: \(opener) not found, so no browser was opened; open \(url) yourself")
        return
    }
    let process = Process()
    process.executableURL = path
    process.arguments = [url]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        printError("note: could not open a browser (\(error.localizedDescription)); open \(url) yourself")
    }
}
