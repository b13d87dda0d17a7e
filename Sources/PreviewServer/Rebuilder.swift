import Foundation
import Site

/// Rebuilds the site after changes and hands the result to the server state; remembers the last good sources
/// so stylesheet edits can skip the build.
struct Rebuilder: Sendable {
    typealias Builder = PreviewServer.Builder

    let root: URL
    let options: BuildOptions
    let builder: Builder
    let state: PreviewState
    private(set) var lastGoodSource: SourceTree?
    /// The warnings the last good build reported, so an identical set is not reported again; nil before the first
    /// good build and after a failed one (the errors came between: the warnings are reported again).
    private(set) var reportedWarnings: [Diagnostic]?
    /// EXPLAINER_REBUILD_TIMINGS=1: each rebuild's stages on stderr, as `explainer build --timings` prints them. Read
    /// once per process (the environment is copied into a dictionary on every read).
    private static let printsTimings = ProcessInfo.processInfo.environment["EXPLAINER_REBUILD_TIMINGS"] != nil

    init(root: URL, options: BuildOptions, builder: @escaping Builder, state: PreviewState) {
        self.root = root
        self.options = options
        self.builder = builder
        self.state = state
    }

    /// Rebuilds as little as `changed` allows (everything when it is empty) and publishes the outcome; nil when
    /// the task was cancelled before the build finished (the server is stopping, so nothing is published).
    mutating func rebuild(changed: [String]) async -> PreviewEvent? {
        let start = ContinuousClock.now
        if case let .stylesheets(paths) = changeKind(for: changed), let patched = await patched(paths) {
            lastGoodSource = patched.0
            let pushed = await state.publish(patched.1)
            return .built(changed: changed, pages: pageCount(patched.1), duration: .now - start, pushed: pushed,
                          warnings: report(patched.1.warnings), drafts: patched.1.draftsLeftOut.count)
        }
        let root = root, builder = builder
        var options = options
        let timings = Self.printsTimings ? StageTimings() : nil
        options.timings = timings
        // Pages are shown (and open pages reloaded) as soon as they pass their checks; the search index follows.
        let shown = ShownPages(state: state)
        options.pagesReady = { pages in shown.publish(pages) }
        let lastGood = lastGoodSource
        let finished = await onBuildThread { [options] () -> (Result<(SourceTree, OutputTree), BuildFailure>, [Translations]) in
            timings?.end("waiting for the build thread")
            // A failure's overlay speaks the site's languages: those of the sources just read, else the last good ones.
            let source: SourceTree
            do throws(BuildFailure) { source = try SourceTree.read(from: root) } catch {
                return (.failure(error), interfaceWords(lastGood))
            }
            timings?.end("sources read")
            do throws(BuildFailure) {
                let output = try builder(source, options)
                // The warning panel speaks the site's languages too (only needed when there is something to say).
                return (.success((source, output)), output.warnings.isEmpty ? [] : interfaceWords(source))
            } catch {
                return (.failure(error), interfaceWords(source))
            }
        }
        guard let (result, words) = finished else { return nil }
        switch result {
        case let .success((source, output)):
            lastGoodSource = source
            timings?.end("back from the build thread")
            let pushed = await state.publish(output, words: words.isEmpty ? nil : words) ?? shown.event
            if let timings {
                timings.end("published")
                FileHandle.standardError.write(Data((timings.report + "\n").utf8))
            }
            return .built(changed: changed, pages: pageCount(output), duration: .now - start, pushed: pushed,
                          warnings: report(output.warnings), drafts: output.draftsLeftOut.count)
        case let .failure(failure):
            reportedWarnings = nil
            await state.fail(failure, words: words)
            return .failed(changed: changed, failure: failure, duration: .now - start)
        }
    }

    /// The current site with the edited stylesheets copied in, when that is exactly what a build would produce.
    private func patched(_ paths: [String]) async -> (SourceTree, OutputTree)? {
        guard let source = lastGoodSource, let output = await state.tree, await state.overlay == nil else { return nil }
        var edits: [String: [UInt8]] = [:]
        for path in paths {
            guard let data = FileManager.default.contents(atPath: root.appending(path: path).path) else { return nil }
            edits[path] = Array(data)
        }
        return patchStylesheets(edits, source: source, output: output)
    }

    /// A good build's warnings for the terminal: `repeated` when they are those the last good build reported.
    private mutating func report(_ warnings: [Diagnostic]) -> BuildWarnings {
        defer { reportedWarnings = warnings }
        return BuildWarnings(warnings, repeated: reportedWarnings.map { $0 == warnings } ?? warnings.isEmpty)
    }

    private func pageCount(_ output: OutputTree) -> Int {
        output.files.keys.count { $0.hasSuffix(".html") }
    }
}

/// Publishes a build's pages from its thread, before the build has ended, and keeps the event that sent.
private final class ShownPages: @unchecked Sendable {
    private let state: PreviewState
    private let lock = NSLock()
    private var sent: LiveEvent?

    init(state: PreviewState) { self.state = state }

    /// The event the pages' publication sent to open pages, if any.
    var event: LiveEvent? { lock.withLock { sent } }

    /// Publishes `pages` and returns once they are served. Called on the build's own thread (never a concurrency
    /// thread), which waits meanwhile; the search index goes on being made on its thread.
    func publish(_ pages: OutputTree) {
        let published = DispatchSemaphore(value: 0)
        Task { [state] in
            let event = await state.publishPages(pages)
            lock.withLock { sent = event }
            published.signal()
        }
        published.wait()
    }
}

/// Runs a CPU-bound build on its own thread, so it never occupies one of the few threads that serve requests.
///
/// Returns nil at once when the calling task is cancelled: a build cannot be interrupted, but Ctrl-C should not
/// wait for it. The thread then finishes on its own and its result is dropped.
func onBuildThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
    let handoff = Handoff<T>()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { continuation in
            guard handoff.wait(with: continuation) else { return }
            let thread = Thread { handoff.deliver(work()) }
            thread.stackSize = 16 << 20
            thread.start()
        }
    } onCancel: {
        handoff.deliver(nil)
    }
}

/// Resumes a continuation exactly once, with whichever comes first: the result or the cancellation.
private final class Handoff<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T?, Never>?
    private var delivered: T??

    /// Registers the waiter; false (and resumed already) if a value, or the cancellation, came first.
    func wait(with continuation: CheckedContinuation<T?, Never>) -> Bool {
        let early: T?? = lock.withLock {
            if let delivered { return delivered }
            self.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
        return early == nil
    }

    func deliver(_ value: T?) {
        let waiting: CheckedContinuation<T?, Never>? = lock.withLock {
            guard delivered == nil else { return nil }
            delivered = .some(value)
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: value)
    }
}
