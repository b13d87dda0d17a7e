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

    /// Pages and bodies by their digests; each build keeps only those it used (`retainUsed`).
    private let pages = KeyedMemo<ContentDigest, Page>()
    private let bodies = KeyedMemo<ContentDigest, Body>()
    /// Each output path's page as the last build served it, as text and as bytes: a page that comes out the same
    /// hands back the same bytes' storage, so the server's comparisons with the last build (`==` on arrays that
    /// share storage) are free and no page is copied into bytes again.
    private let served = KeyedMemo<String, Served>()
    private let editions = EditionCaches<PageCache>()
    /// Whether each output file may hold an internal marker (`checkInternalStrings`), kept with its bytes.
    let internalStrings = FileVerdicts<Bool>()
    /// What the link check found on each page, kept with its bytes (`LinkChecker`).
    let links = LinkVerdicts()
    /// The sources, numbers and corrections pages' lists, kept with their inputs.
    let lists = ListCache()

    private struct Served: Sendable {
        var html: String
        var bytes: [UInt8]
    }

    public init() {}

    /// The cache of one other language of a multilingual site.
    func edition(_ code: String) -> PageCache {
        editions.cache(code, make: PageCache.init)
    }

    /// How many pages builds have taken from the cache (for tests and the server's log).
    public var hits: Int { pages.hits }
    /// How many chapter bodies builds have taken from the cache.
    public var bodyHits: Int { bodies.hits }

    func page(_ key: ContentDigest) -> Page? { pages.value(key) }

    func store(_ page: Page, for key: ContentDigest) { pages.store(page, for: key) }

    func body(_ key: ContentDigest) -> Body? { bodies.value(key) }

    func store(_ body: Body, for key: ContentDigest) { bodies.store(body, for: key) }

    /// `html` as bytes: those of the last build's page at `path` when its text is the same (a page taken from the
    /// cache is the same string, so that comparison is free).
    func bytes(of html: String, at path: String) -> [UInt8] {
        served.value(path, if: { $0.html == html }) { Served(html: html, bytes: Array(html.utf8)) }.bytes
    }

    /// Keeps only the pages and bodies of the build that just ended, so the cache never outgrows the site.
    func retainUsed() {
        served.retainUsed()
        pages.retainUsed()
        bodies.retainUsed()
    }
}
