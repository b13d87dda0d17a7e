import Synchronization

/// Figures kept between builds of the same site (the preview server's rebuilds), keyed by everything that
/// determines them: the chart block (without its position in the file), the data table it draws and the
/// generator version. A figure whose key is unchanged is not simulated or drawn again.
///
/// The cache is the one shared, mutable thing a build may be given; it is safe to use from several threads.
public final class FigureCache: Sendable {
    /// Changes whenever the models or the chart drawing change in a way that alters output.
    static let generatorVersion = "explainer-figures-1"

    private let storage = Mutex<[String: RenderedFigure]>([:])
    private let hitCount = Mutex(0)

    public init() {}

    /// How many figures the last builds found in the cache (for tests and the server's log).
    public var hits: Int { hitCount.withLock { $0 } }

    /// Number of cached figures.
    public var count: Int { storage.withLock { $0.count } }

    func figure(for key: String) -> RenderedFigure? {
        let found = storage.withLock { $0[key] }
        if found != nil { hitCount.withLock { $0 += 1 } }
        return found
    }

    func store(_ figure: RenderedFigure, for key: String) {
        storage.withLock { $0[key] = figure }
    }

    /// Drops figures no longer used by the site, so the cache never outgrows it.
    func retainOnly(_ keys: Set<String>) {
        storage.withLock { cache in cache = cache.filter { keys.contains($0.key) } }
    }

    /// The key of a request: its content without its place in the file, plus the data it draws.
    static func key(for request: FigureRequest, data: DataTable?) -> String {
        var content = request
        content.file = ""
        content.line = 0
        content.column = 0
        content.parameterLines = [:]
        let labels = request.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        content.labels = [:]
        return [generatorVersion, String(reflecting: content), labels.joined(separator: "\u{1F}"),
                data.map { String(reflecting: $0) } ?? ""].joined(separator: "\u{1E}")
    }
}
