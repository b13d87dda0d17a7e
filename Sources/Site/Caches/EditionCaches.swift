import Synchronization

/// The caches of a multilingual site's other languages, one per language code, made on first use: `FigureCache` and
/// `ParseCache` keep one each, since the same ids and files mean other things in another language.
final class EditionCaches<Cache: AnyObject & Sendable>: Sendable {
    private let caches = Mutex<[String: Cache]>([:])

    /// The cache of language `code`, made by `make` the first time.
    func cache(_ code: String, make: () -> Cache) -> Cache {
        caches.withLock { caches in
            if let cache = caches[code] { return cache }
            let cache = make()
            caches[code] = cache
            return cache
        }
    }
}
