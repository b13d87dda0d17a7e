import Foundation
import Synchronization

/// Watches a site's source folders and hands out the changed paths once a burst of saves has settled.
///
/// On Linux the kernel reports each change (inotify), so a save is seen at once; elsewhere, or when inotify is
/// unavailable, the folders are scanned every `pollInterval`. Either way the watcher runs on its own thread and
/// `changes` yields one batch per settled burst; batches that arrive while the caller is busy (rebuilding) are merged
/// into one.
public final class SourceWatcher: Sendable {
    public enum Mechanism: String, Sendable {
        case inotify, polling
    }

    public struct Configuration: Sendable {
        /// The site folder; paths are reported relative to it (`content/01-a.md`).
        public var root: String
        public var folders = ["content", "templates"]
        /// A burst of saves (temporary file, rename, chmod) counts as one change once this long passes without another.
        public var quietPeriod: Duration = .milliseconds(10)
        /// With inotify, a burst that looks like a finished save (each file it touched is one the site had, there again
        /// and closed, or a temporary file that came and went) counts as one change once this long passes without
        /// another: a save is then rebuilt ~8 ms sooner.
        public var settledPeriod: Duration = .milliseconds(2)
        /// How often the polling fallback looks at file stamps.
        public var pollInterval: Duration = .milliseconds(50)
        /// Scan even where inotify works (for tests of the fallback).
        public var forcePolling = false

        public init(root: String) {
            self.root = root
        }
    }

    public let mechanism: Mechanism
    private let core: WatcherCore
    private let signals: AsyncStream<Void>

    /// Starts watching at once: a save after `init` returns is reported.
    public init(_ configuration: Configuration) {
        let (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let core = WatcherCore(signal: continuation)
        var mechanism = Mechanism.polling
        #if os(Linux)
        if !configuration.forcePolling, let inotify = InotifyWatch(root: configuration.root, folders: configuration.folders) {
            mechanism = .inotify
            startThread { inotify.run(core: core, quietPeriod: configuration.quietPeriod, settledPeriod: configuration.settledPeriod) }
        }
        #endif
        if mechanism == .polling {
            let polling = PollingWatch(root: configuration.root, folders: configuration.folders)
            startThread { polling.run(core: core, interval: configuration.pollInterval, quietPeriod: configuration.quietPeriod) }
        }
        continuation.onTermination = { _ in core.stop() }
        (self.mechanism, self.core, self.signals) = (mechanism, core, signals)
    }

    deinit {
        core.stop()
    }

    /// The changed watched paths (sorted) of each settled burst; ends when the watcher stops or the task is cancelled.
    public var changes: some AsyncSequence<[String], Never> & Sendable {
        let core = core
        return signals.compactMap { _ -> [String]? in
            let batch = core.take()
            return batch.isEmpty ? nil : batch
        }
    }

    /// Stops the thread (within a quarter of a second) and ends `changes`.
    public func stop() {
        core.stop()
    }
}

/// What the watching thread and the consumer share: the paths not yet handed out, and whether to stop.
final class WatcherCore: Sendable {
    private let pending = Mutex<Set<String>>([])
    private let stopped = Atomic<Bool>(false)
    private let signal: AsyncStream<Void>.Continuation

    init(signal: AsyncStream<Void>.Continuation) {
        self.signal = signal
    }

    var isStopped: Bool { stopped.load(ordering: .acquiring) }

    /// Adds a settled batch and wakes the consumer.
    func publish(_ paths: some Sequence<String>) {
        let added = pending.withLock { pending in
            let before = pending.count
            pending.formUnion(paths)
            return pending.count > before
        }
        if added { signal.yield() }
    }

    func take() -> [String] {
        pending.withLock { pending in
            defer { pending.removeAll() }
            return pending.sorted()
        }
    }

    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        signal.finish()
    }
}

private func startThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.name = "explainer-watch"
    thread.start()
}

extension Duration {
    /// Whole milliseconds, at least 1 (for `poll` and `usleep`).
    var wholeMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        return Int32(clamping: max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }
}

/// Of the paths a burst touched, those that matter: watched sources that exist now or existed before the burst. A
/// temporary file that an editor created and renamed away within the burst is neither.
func settledPaths(_ touched: Set<String>, known: inout Set<String>, exists: (String) -> Bool) -> [String] {
    var settled: [String] = []
    for path in touched.sorted() where isWatchedSourcePath(path) {
        let isThere = exists(path)
        if isThere || known.contains(path) { settled.append(path) }
        if isThere { known.insert(path) } else { known.remove(path) }
    }
    return settled
}
