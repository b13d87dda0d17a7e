import Foundation
import Site

/// Everything the running server shares: the site it answers from, the last good build, the errors of the last
/// failed one, and the open event streams.
public actor PreviewState {
    /// What requests are answered from.
    ///
    /// Readable without hopping onto the actor: every request reads it, and a hop would add a suspension and a
    /// thread switch to each one. Only the actor writes it.
    public nonisolated var site: ServedSite { current.value }
    private nonisolated let current: LockedSite
    /// The last good build, if any.
    public private(set) var tree: OutputTree?
    /// The overlay of the last failed rebuild; nil while the site is up to date.
    public private(set) var overlay: ErrorOverlay?
    /// The warnings of the last good build (none before the first); shown on open pages unless a rebuild failed since.
    public private(set) var warnings = WarningPanel([])
    /// Counts good builds, so pages can tell that they missed one.
    public private(set) var generation = 0

    private let script: String
    private var subscribers: [Int: AsyncStream<LiveEvent>.Continuation] = [:]
    private var nextSubscriber = 0
    /// Set by `closeAll`: the server is stopping.
    private var closed = false
    /// The paths of the pages `publishPages` showed, until `publish` brings the same build's search index.
    private var pagesShown: Set<String>?
    /// The files the last build's search index added to its pages: shown with the next pages until their own index.
    private var indexPaths: Set<String> = []

    /// Starts with nothing built; `script` is what a placeholder page needs to reload itself.
    public init(script: String = LiveReload.scriptTag) {
        self.script = script
        self.current = LockedSite(ServedSite(OutputTree()))
    }

    /// Takes a good build: serves it, clears the errors, and tells open pages what to do; then shows its warnings
    /// (`words`: the site's interface words, the default language's first; nil keeps those of the last warnings).
    ///
    /// After `publishPages`, `next` is the same build with its search index: when the pages it showed are unchanged,
    /// the index is swapped in quietly (open pages have reloaded already).
    @discardableResult
    public func publish(_ next: OutputTree, words: [Translations]? = nil) -> LiveEvent? {
        let event = show(next)
        let panel = WarningPanel(next.warnings, words: words ?? warnings.words)
        if panel != warnings {
            warnings = panel
            broadcast(.warnings(panel))
        }
        return event
    }

    private func show(_ next: OutputTree) -> LiveEvent? {
        if let shown = pagesShown {
            pagesShown = nil
            indexPaths = Set(next.files.keys).subtracting(shown)
            if let tree, overlay == nil, changedPaths(from: tree, to: next).allSatisfy({ !shown.contains($0) }) {
                self.tree = next
                current.value = ServedSite(next, reusing: current.value)
                return nil
            }
        }
        let event = liveEvent(from: tree, to: next, hadErrors: overlay != nil, generation: generation + 1)
        if tree == nil || event != nil { generation += 1 }
        tree = next
        overlay = nil
        current.value = ServedSite(next, reusing: current.value)
        if let event { broadcast(event) }
        return event
    }

    /// Takes the pages of a good build whose search index is still being made (`BuildOptions.pagesReady`): serves them
    /// with the last build's index (and warnings) and tells open pages what to do, as `publish` does. `publish` then
    /// brings the index and the build's warnings.
    @discardableResult
    public func publishPages(_ pages: OutputTree) -> LiveEvent? {
        pagesShown = nil  // a build stopped between its pages and its index (the server stopping) leaves nothing behind
        var next = pages
        if let tree {
            for path in indexPaths where next.files[path] == nil { next.files[path] = tree.files[path] }
        }
        let event = show(next)
        pagesShown = Set(pages.files.keys)
        return event
    }

    /// Takes a failed build: keeps serving the last good site, now with the error overlay on every page, in the
    /// page's language (`words`: the site's interface words, the default language's first).
    @discardableResult
    public func fail(_ failure: BuildFailure, words: [Translations] = [.english]) -> LiveEvent {
        let overlay = ErrorOverlay(failure.diagnostics, words: words)
        self.overlay = overlay
        pagesShown = nil
        current.value = tree.map { ServedSite($0, overlay: overlay, reusing: current.value) }
            ?? .placeholder(overlay: overlay, script: script)
        let event = LiveEvent.errors(overlay)
        broadcast(event)
        return event
    }

    /// A new event stream: it starts with `hello` (and the errors, if any, else the warnings, if any) and then gets
    /// every broadcast. After `closeAll` it is empty and already ended, so a page that connects while the server stops
    /// does not hold it up.
    public func subscribe() -> AsyncStream<LiveEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self, bufferingPolicy: .bufferingNewest(32))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        continuation.yield(.hello(generation: generation))
        if let overlay {
            continuation.yield(.errors(overlay))
        } else if !warnings.diagnostics.isEmpty {
            continuation.yield(.warnings(warnings))
        }
        return stream
    }

    /// Number of open event streams.
    public var subscriberCount: Int { subscribers.count }

    /// Keeps idle streams alive and lets closed ones notice they are closed.
    public func heartbeat() {
        broadcast(.heartbeat)
    }

    /// Ends every event stream, and every later one at once, so the server can stop without waiting for pages to go away.
    public func closeAll() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    private func broadcast(_ event: LiveEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }
}

/// The served site behind a lock, so request handlers read it synchronously.
private final class LockedSite: @unchecked Sendable {
    private let lock = NSLock()
    private var site: ServedSite

    init(_ site: ServedSite) {
        self.site = site
    }

    var value: ServedSite {
        get { lock.withLock { site } }
        set { lock.withLock { site = newValue } }
    }
}
