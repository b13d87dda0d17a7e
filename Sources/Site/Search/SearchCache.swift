import Foundation

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
    /// The last index's files, with the documents and language they were made from: a language whose documents an
    /// edit did not change (the other languages' of a multilingual site, when one chapter is edited) keeps them.
    /// Each block file's text with its documents' shown fields (`SearchIndexFiles`), kept while they are the same.
    private let blocks = KeyedMemo<String, (fields: [String], text: String)>()
    private let index = LastMade<(documents: [SearchDocument], language: SearchLanguage), [(path: String, text: String)]>()

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
                digester.add(Int(bitPattern: UInt(field.name.bitPattern)))
            }
        }
        return counts.value(digester.digest, make: make)
    }

    /// The index files of `documents` in `language` (made by `make` unless the last ones were made from the same
    /// documents, byte for byte).
    func files(_ documents: [SearchDocument], language: SearchLanguage, make: () -> [(path: String, text: String)])
        -> [(path: String, text: String)] {
        index.value((documents, language), isSame: { $0.language == $1.language && sameBytes($0.documents, $1.documents) }) {
            defer { blocks.retainUsed() }
            return make()
        }
    }

    /// The text of the block file at `path`, whose documents' shown fields are `fields`: the last build's when they
    /// are the same, byte for byte (most blocks after an edit of one chapter), else `make`'s.
    func block(_ path: String, fields: [String], make: () -> String) -> String {
        blocks.value(path, if: { kept in kept.fields.count == fields.count && zip(kept.fields, fields).allSatisfy { sameBytes($0, $1) } }) {
            (fields, make())
        }.text
    }

    /// Keeps only the entries of the build that just ended, so the cache never outgrows the site.
    func retainUsed() {
        documents.retainUsed()
        counts.retainUsed()
    }
}

/// Whether two lists of documents are the same, text compared by its bytes (as the index files hold it: `==` on
/// Strings would take "é" composed and decomposed for one).
private func sameBytes(_ one: [SearchDocument], _ other: [SearchDocument]) -> Bool {
    guard one.count == other.count else { return false }
    for (a, b) in zip(one, other) {
        guard a.boost == b.boost, a.fields.count == b.fields.count, sameBytes(a.page, b.page), sameBytes(a.pageTitle, b.pageTitle),
              sameBytes(a.heading, b.heading), sameBytes(a.anchor, b.anchor), sameBytes(a.text, b.text) else { return false }
        for (x, y) in zip(a.fields, b.fields) where x.weight != y.weight || x.name != y.name || !sameBytes(x.text, y.text) { return false }
    }
    return true
}

private func sameBytes(_ one: String, _ other: String) -> Bool {
    var one = one, other = other
    return one.withUTF8 { a in
        other.withUTF8 { b in a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
    }
}
