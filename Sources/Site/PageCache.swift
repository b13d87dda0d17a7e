import Synchronization

/// Pages laid out by earlier builds of the same site (the preview server's rebuilds): a page whose template values,
/// templates, language and injected script are those of a page laid out before is not rendered again. Keyed by
/// the digest of all of them (`TemplateValueDigester`), so an edit re-renders exactly the pages it changes: a
/// chapter's text its own page, its title every page that lists it.
///
/// Like `ParseCache`, safe to use from several threads; one per language (`edition(_:)`).
public final class PageCache: Sendable {
    /// A page as `PageLayout.page` made it, with the names its templates looked up (replayed into the build's
    /// `TemplateLookups` when the page is reused, so unknown names are found as if it had been rendered).
    struct Page: Sendable {
        var html: String
        var found: Set<String>
        var missed: Set<String>
    }

    /// A chapter's body values (`PageLayout.bodyContext`): text, numbers, flags and lists of `TemplateContext`s,
    /// immutable once made.
    struct Body: @unchecked Sendable {
        var values: [String: Any]
    }

    private let pages = Mutex<[ContentDigest: Page]>([:])
    private let bodies = Mutex<[ContentDigest: Body]>([:])
    /// The digests used by the build under way: every other page is dropped when it ends (`retainUsed`).
    private let used = Mutex<Set<ContentDigest>>([])
    /// Each output path's page as the last build served it, as text and as bytes: a page that comes out the same
    /// hands back the same bytes' storage, so the server's comparisons with the last build (`==` on arrays that
    /// share storage) are free and no page is copied into bytes again.
    private let served = Mutex<[String: (html: String, bytes: [UInt8])]>([:])
    private let servedUsed = Mutex<Set<String>>([])
    private let hitCount = Mutex(0)
    private let bodyHitCount = Mutex(0)
    private let editions = EditionCaches<PageCache>()
    /// Whether each output file may hold an internal marker (`checkInternalStrings`), kept with its bytes.
    let internalStrings = FileVerdicts<Bool>()

    public init() {}

    /// The cache of one other language of a multilingual site.
    func edition(_ code: String) -> PageCache {
        editions.cache(code, make: PageCache.init)
    }

    /// How many pages builds have taken from the cache (for tests and the server's log).
    public var hits: Int { hitCount.withLock { $0 } }
    /// How many chapter bodies builds have taken from the cache.
    public var bodyHits: Int { bodyHitCount.withLock { $0 } }

    func page(_ key: ContentDigest) -> Page? {
        used.withLock { _ = $0.insert(key) }
        guard let page = pages.withLock({ $0[key] }) else { return nil }
        hitCount.withLock { $0 += 1 }
        return page
    }

    func store(_ page: Page, for key: ContentDigest) {
        pages.withLock { $0[key] = page }
    }

    func body(_ key: ContentDigest) -> Body? {
        used.withLock { _ = $0.insert(key) }
        guard let body = bodies.withLock({ $0[key] }) else { return nil }
        bodyHitCount.withLock { $0 += 1 }
        return body
    }

    func store(_ body: Body, for key: ContentDigest) {
        bodies.withLock { $0[key] = body }
    }

    /// `html` as bytes: those of the last build's page at `path` when its text is the same (a page taken from the
    /// cache is the same string, so that comparison is free).
    func bytes(of html: String, at path: String) -> [UInt8] {
        servedUsed.withLock { _ = $0.insert(path) }
        if let last = served.withLock({ $0[path] }), last.html == html { return last.bytes }
        let bytes = Array(html.utf8)
        served.withLock { $0[path] = (html, bytes) }
        return bytes
    }

    /// Keeps only the pages and bodies of the build that just ended, so the cache never outgrows the site.
    func retainUsed() {
        let paths = servedUsed.withLock { used in
            defer { used = [] }
            return used
        }
        served.withLock { served in served = served.filter { paths.contains($0.key) } }
        let kept = used.withLock { used in
            defer { used = [] }
            return used
        }
        pages.withLock { pages in pages = pages.filter { kept.contains($0.key) } }
        bodies.withLock { bodies in bodies = bodies.filter { kept.contains($0.key) } }
    }
}
