import Synchronization

/// What earlier builds of the same site (the preview server's rebuilds) made for its search index: each chapter's
/// documents, by the chapter's digest (`chapterDigests`), and the weighted term counts of each run of documents the
/// index counts at once, by the digest of those documents' fields and the tokenizer's rules. A rebuild after an
/// edit of one chapter then reads that chapter's HTML and tokenizes its run again, not the whole site.
///
/// Like `PageCache`, safe to use from several threads; one per language (`edition(_:)`).
public final class SearchCache: Sendable {
    private let documents = Mutex<[ContentDigest: [SearchDocument]]>([:])
    private let counts = Mutex<[ContentDigest: TermCounts]>([:])
    /// The keys used by the build under way: every other entry is dropped when it ends (`retainUsed`).
    private let used = Mutex<Set<ContentDigest>>([])
    private let hitCount = Mutex(0)
    private let editions = EditionCaches<SearchCache>()

    public init() {}

    /// The cache of one other language of a multilingual site.
    func edition(_ code: String) -> SearchCache {
        editions.cache(code, make: SearchCache.init)
    }

    /// How many chapters' documents and runs' counts builds have taken from the cache (for tests).
    public var hits: Int { hitCount.withLock { $0 } }

    /// The documents of the chapter whose digest is `key` (made by `make` when they are not cached).
    func documents(_ key: ContentDigest, make: () -> [SearchDocument]) -> [SearchDocument] {
        used.withLock { _ = $0.insert(key) }
        if let cached = documents.withLock({ $0[key] }) {
            hitCount.withLock { $0 += 1 }
            return cached
        }
        let made = make()
        documents.withLock { $0[key] = made }
        return made
    }

    /// The term counts of `run` under `tokenizer` (counted by `make` when they are not cached).
    func counts(_ run: ArraySlice<SearchDocument>, tokenizer: SearchTokenizer, make: () -> TermCounts) -> TermCounts {
        var digester = ContentDigester()
        digester.add(tokenizer.english ? 1 : 0)
        digester.add(run.count)
        for document in run {
            digester.add(document.fields.count)
            for field in document.fields {
                digester.add(field.text)
                digester.add(Int(bitPattern: UInt(field.weight.bitPattern)))
            }
        }
        let key = digester.digest
        used.withLock { _ = $0.insert(key) }
        if let cached = counts.withLock({ $0[key] }) {
            hitCount.withLock { $0 += 1 }
            return cached
        }
        let made = make()
        counts.withLock { $0[key] = made }
        return made
    }

    /// Keeps only the entries of the build that just ended, so the cache never outgrows the site.
    func retainUsed() {
        let kept = used.withLock { used in
            defer { used = [] }
            return used
        }
        documents.withLock { documents in documents = documents.filter { kept.contains($0.key) } }
        counts.withLock { counts in counts = counts.filter { kept.contains($0.key) } }
    }
}
