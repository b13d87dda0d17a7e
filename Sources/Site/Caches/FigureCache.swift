import Synchronization

/// Figures kept between builds of the same site (the preview server's rebuilds). A figure is reused when
/// everything that determines it is unchanged: its chart block (compared without its position in the file, so
/// prose edits above it do not count), the data table it draws, the interface words of its table and CSV and the language of the data file's notes. The models and the drawing code cannot change
/// while a process runs, so an in-memory cache needs no generator version.
///
/// The cache is the one shared, mutable thing a build may be given; it is safe to use from several threads.
public final class FigureCache: Sendable {
    private struct Entry: Sendable {
        var request: FigureRequest
        var data: DataTable?
        var words: Translations
        var notesLanguage: String?
        var figure: RenderedFigure
    }

    /// By figure id, which is unique in a site.
    private let storage = KeyedMemo<String, Entry>()
    private let editions = EditionCaches<FigureCache>()
    /// The chart gallery's samples, by the digest of the words they were drawn with (`galleryItems`).
    private let gallery = Mutex<(words: ContentDigest, items: [GalleryItem])?>(nil)

    public init() {}

    /// The cache of one other language of a multilingual site (the same ids, drawn with that language's words).
    func edition(_ code: String) -> FigureCache {
        editions.cache(code, make: FigureCache.init)
    }

    /// How many figures the last builds found in the cache (for tests and the server's log).
    public var hits: Int { storage.hits }

    /// Number of cached figures.
    public var count: Int { storage.count }

    /// The cached figure for `request`, placed where `request` is now; nil when it must be built.
    func figure(for request: FigureRequest, data: DataTable?, words: Translations = .english, notesLanguage: String? = nil) -> RenderedFigure? {
        let content = Self.withoutPosition(request)
        guard let entry = storage.value(request.id, if: {
            $0.request == content && $0.data == data && $0.words == words && $0.notesLanguage == notesLanguage
        }) else {
            return nil
        }
        var figure = entry.figure
        figure.request = request
        return figure
    }

    func store(_ figure: RenderedFigure, for request: FigureRequest, data: DataTable?, words: Translations = .english,
               notesLanguage: String? = nil) {
        let entry = Entry(request: Self.withoutPosition(request), data: data, words: words, notesLanguage: notesLanguage, figure: figure)
        storage.store(entry, for: request.id)
    }

    /// The chart gallery's samples drawn with `words`: from the cache when the same words drew them last. The samples
    /// are explainer's own, so nothing else of the site changes them.
    func galleryItems(words: Translations, make: () throws(BuildFailure) -> [GalleryItem]) throws(BuildFailure) -> [GalleryItem] {
        var digester = ContentDigester()
        digester.add(words.code)
        digester.add(words.file)
        for (key, value) in words.strings.sorted(by: { $0.key < $1.key }) {
            digester.add(key)
            digester.add(value)
        }
        let key = digester.digest
        if let cached = gallery.withLock({ $0?.words == key ? $0?.items : nil }) { return cached }
        let items = try make()
        gallery.withLock { $0 = (key, items) }
        return items
    }

    /// Drops figures no longer in the site, so the cache never outgrows it.
    func retainOnly(ids: Set<String>) {
        storage.retainOnly(ids)
    }

    /// A request's content without its place in the file.
    private static func withoutPosition(_ request: FigureRequest) -> FigureRequest {
        var content = request
        content.file = ""
        content.line = 0
        content.column = 0
        content.parameterLines = [:]
        content.annotations = content.annotations.map { annotation in
            var moved = annotation
            moved.line = 0
            moved.column = 0
            moved.valueLines = [:]
            return moved
        }
        return content
    }
}
