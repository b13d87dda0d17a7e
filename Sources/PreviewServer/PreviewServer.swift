import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Site

/// `explainer serve`: builds the site into memory, serves it, and rebuilds and live-reloads pages on every save.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        /// The site folder, holding `content/` and `templates/`.
        public var root: String
        /// Loopback unless asked otherwise: a preview should not be reachable from other machines by accident.
        public var host = "127.0.0.1"
        /// 0 asks the system for a free port (the URL reported by `.listening` has the real one).
        public var port = 8080
        public var includeDrafts = false
        /// How often the watcher looks at file stamps where the kernel cannot report changes (no inotify).
        public var pollInterval: Duration = .milliseconds(50)
        /// A burst of saves counts as one change once this long passes without another: editors' saves (temporary
        /// file, rename, chmod) take well under a millisecond between steps.
        public var quietPeriod: Duration = .milliseconds(10)
        /// Scan file stamps every `pollInterval` even where inotify works.
        public var forcePolling = false
        public var heartbeatInterval: Duration = .seconds(15)

        public init(root: String, host: String = "127.0.0.1", port: Int = 8080, includeDrafts: Bool = false) {
            self.root = root
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
        }
    }

    /// Turns sources into a site; the real build by default, replaceable by an incremental one.
    public typealias Builder = @Sendable (SourceTree, BuildOptions) throws(BuildFailure) -> OutputTree

    public let configuration: Configuration
    public let state: PreviewState
    private let builder: Builder

    public init(_ configuration: Configuration, state: PreviewState = PreviewState(),
                builder: @escaping Builder = { source, options throws(BuildFailure) in try build(source, options: options) }) {
        self.configuration = configuration
        self.state = state
        self.builder = builder
    }

    /// Figures and chapters of earlier builds, so a rebuild after editing one chapter parses only that chapter and
    /// simulates and draws only the figures whose blocks changed.
    private let figureCache = FigureCache()
    private let parseCache = ParseCache()
    private let pageCache = PageCache()
    private let templateCache = TemplateCache()
    private let searchCache = SearchCache()

    /// The options of every preview build: the live-reload script goes into each page; figures and chapters are cached.
    public var buildOptions: BuildOptions {
        BuildOptions(includeDrafts: configuration.includeDrafts, injectedScript: LiveReload.scriptTag,
                     figureCache: figureCache, parseCache: parseCache, pageCache: pageCache, templateCache: templateCache,
                     searchCache: searchCache)
    }

    /// Builds, listens, watches and rebuilds until the calling task is cancelled, then throws `CancellationError` once the
    /// server has stopped; reports progress to `report`.
    ///
    /// Throws `PreviewError` when it cannot start. A failing build does not stop it: the errors are reported and
    /// shown on the pages, and the next save tries again.
    public func run(report: @escaping @Sendable (PreviewEvent) -> Void) async throws {
        let root = URL(filePath: configuration.root)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.appending(path: "content").path, isDirectory: &isDirectory),
              isDirectory.boolValue else { throw PreviewError.notASite(root: configuration.root) }
        let host = configuration.host, port = configuration.port
        switch probeListen(host: host, port: port) {
        case .free: break
        case .inUse:
            throw PreviewError.portInUse(host: host, port: port, suggestion: port == 0 ? nil : nextFreePort(host: host, after: port))
        case let .unavailable(reason):
            throw PreviewError.cannotListen(host: host, port: port, reason: reason)
        }

        var rebuilder = Rebuilder(root: root, options: buildOptions, builder: builder, state: state)
        // Watching starts before the first build, so a save during it is not missed.
        var watching = SourceWatcher.Configuration(root: configuration.root)
        (watching.quietPeriod, watching.pollInterval) = (configuration.quietPeriod, configuration.pollInterval)
        watching.forcePolling = configuration.forcePolling
        let watcher = SourceWatcher(watching)
        defer { watcher.stop() }
        guard let first = await rebuilder.rebuild(changed: []) else { throw CancellationError() }
        report(first)

        var logger = Logger(label: "explainer.serve")
        // Cancellation on Ctrl-C is logged as an error by the server; start-up errors are thrown, not logged.
        logger.logLevel = .critical
        let app = Application(
            router: makeRouter(state: state),
            server: .preview(state: state),
            // A listen queue as long as the benchmark gives nginx (Hummingbird's default is 256): when a thousand
            // clients connect at once, the connections the server has not yet accepted wait in the queue instead of
            // having their SYNs dropped (each drop costs the client a retransmission 1 s later, then 3 s: wrk counted
            // those as timeouts). The kernel caps it at net.core.somaxconn.
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil,
                                                    backlog: 4096),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                report(.listening(url: "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/"))
            },
            logger: logger)

        // The server is stopped by a graceful shutdown, never by cancelling it. A connection the kernel accepted waits
        // in a queue until Hummingbird's accept loop takes it; cancelling that loop drops what is queued, and NIO
        // stops the process on a connection dropped that way ("Deinited NIOAsyncWriter without calling finish()",
        // swift-nio#3481). Pages are answered before the loop takes their connection (`SiteChannelHandler`), so one
        // page load just before Ctrl-C was enough, about one stop in a hundred on a busy machine. A graceful shutdown
        // stops accepting, hands every queued connection to the loop and closes idle ones; only if something still
        // holds the server after `gracefulStop` is it cancelled.
        var services = ServiceGroupConfiguration(services: [app], logger: logger)
        services.maximumGracefulShutdownDuration = Self.gracefulStop
        let serviceGroup = ServiceGroup(configuration: services)
        let serving = Task { try await serviceGroup.run() }  // unstructured, so not cancelled with the calling task

        let state = state
        try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await serving.value
                    } catch {
                        throw Self.startError(error, host: host, port: port)
                    }
                }
                group.addTask { [rebuilder] in
                    var rebuilder = rebuilder
                    for await changed in watcher.changes where changeKind(for: changed) != .none {
                        guard let outcome = await rebuilder.rebuild(changed: changed) else { return }
                        report(outcome)
                    }
                }
                group.addTask { [heartbeat = configuration.heartbeatInterval] in
                    while true {
                        try await Task.sleep(for: heartbeat)
                        await state.heartbeat()
                    }
                }
                // Whichever ends first (the server failing, or cancellation ending the others) stops the rest: the
                // one place that starts the server's shutdown, which the group then waits for.
                defer {
                    group.cancelAll()
                    Task { await serviceGroup.triggerGracefulShutdown() }
                }
                try await group.next()
            }
        } onCancel: {
            // Event streams never end by themselves; end them so the shutdown need not wait for pages to go away.
            Task { await state.closeAll() }
        }
        try Task.checkCancellation()  // stopped by cancellation, whichever task noticed it first
    }

    /// How long a stop waits for connections to finish before it cancels the server.
    static let gracefulStop: Duration = .seconds(3)

    /// Turns a bind failure from deep inside the server into something an author can act on.
    private static func startError(_ error: any Error, host: String, port: Int) -> any Error {
        if error is CancellationError { return error }
        let text = String(describing: error)
        if text.contains("Address already in use") || text.contains("EADDRINUSE") {
            return PreviewError.portInUse(host: host, port: port, suggestion: port == 0 ? nil : nextFreePort(host: host, after: port))
        }
        if text.contains("bind") || text.contains("getaddrinfo") || text.contains("resolve") {
            return PreviewError.cannotListen(host: host, port: port, reason: text)
        }
        return error
    }
}
