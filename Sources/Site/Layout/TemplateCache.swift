import Synchronization

/// The templates parsed by the last build of the same site (the preview server's rebuilds): parsed again only when a
/// template file's bytes change. Each build gets them with lookups of its own (`TemplateSet.lookups`), so unknown
/// names are reported as by a build without the cache.
public final class TemplateCache: Sendable {
    private struct Entry: Sendable {
        var files: [SourceFile]
        var templates: TemplateSet
    }

    private let entry = Mutex<Entry?>(nil)
    private let hitCount = Mutex(0)

    public init() {}

    /// How many builds found their templates in the cache (for tests).
    public var hits: Int { hitCount.withLock { $0 } }

    /// The templates of `files`: from the cache when the same files were parsed last.
    func templates(_ files: [SourceFile]) throws(BuildFailure) -> TemplateSet {
        if let cached = entry.withLock({ $0?.files == files ? $0?.templates : nil }) {
            hitCount.withLock { $0 += 1 }
            return cached.withNewLookups()
        }
        let templates = try TemplateSet(files)
        entry.withLock { $0 = Entry(files: files, templates: templates) }
        return templates.withNewLookups()
    }
}
