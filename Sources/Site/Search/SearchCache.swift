/// What earlier builds of the same site (the preview server's rebuilds) made for its search index: each chapter's
/// documents, by the chapter's digest (`chapterDigests`), and the weighted term counts of each run of documents the
/// index counts at once, by the digest of those documents' fields and the tokenizer's rules. A rebuild after an
/// edit of one chapter then reads that chapter's HTML and tokenizes its run again, not the whole site.
///
/// Like `PageCache`, safe to use from several threads; one per language (`edition(_:)`).
public final class SearchCache: Sendable {
    /// Each build keeps only the entries it used (`retainUsed`).
    private let documents = KeyedMemo<ContentDigest, [SearchDocument]>()
    private let counts = KeyedMemo<ContentDigest, TermCounts>()
    private let editions = EditionCaches<SearchCache>()

    public init() {}

    /// The cache of one other language of a multilingual site.
    func edition(_ code: String) -> SearchCache {
        editions.cache(code, make: SearchCache.init)
    }

    /// How many chapters' documents and runs' counts builds have taken from the cache (for tests).
    public var hits: Int { documents.hits + counts.hits }

    /// The documents of the chapter whose digest is `key` (made by `make` when they are not cached).
    func documents(_ key: ContentDigest, make: () -> [SearchDocument]) -> [SearchDocument] {
        documents.value(key, make: make)
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
        return counts.value(digester.digest, make: make)
    }

    /// Keeps only the entries of the build that just ended, so the cache never outgrows the site.
    func retainUsed() {
        documents.retainUsed()
        counts.retainUsed()
    }
}
