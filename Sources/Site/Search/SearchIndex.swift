import Foundation

/// An inverted index: for each term, the documents that hold it and how much the term says about each (its impact, a
/// BM25 score over weighted fields, quantized to 1…`SearchIndex.maximumImpact` on a square-root scale). A query's score for a document is the
/// sum of its terms' impacts there, so the browser only adds small integers.
///
/// Documents may be gathered into groups (runs of consecutive documents, such as a page's sections): the postings then
/// name groups, and a group's score for a term is its best document's plus a tenth of the others'. Fewer, shorter
/// lists; the browser finds the sections inside a group from the group's text, which it fetches to show anyway.
struct SearchIndex: Sendable, Equatable {
    struct Posting: Sendable, Equatable {
        /// The document, or with groups the group.
        var document: Int
        var impact: Int
    }

    struct Entry: Sendable, Equatable {
        var term: String
        /// In document order.
        var postings: [Posting]
        /// False when the term is on more than `maximumPostings` documents and only the ones it says most about are
        /// kept: the browser then counts the term as a bonus, never against a document that lacks it.
        var complete = true
    }

    /// In JavaScript's string order (UTF-16 code units), so the browser can search the list by bisection.
    var entries: [Entry]
    var documentCount: Int

    /// 31 levels (five bits) keep the index small; on a square-root scale they still tell weak matches apart.
    static let maximumImpact = 31
    /// The most documents a term keeps (those it scores highest on): on a site of thousands of pages a common word is
    /// on most of them, says little about any, and would make every query that has it download a long list.
    static let maximumPostings = 4_000
    /// BM25's term-frequency saturation and length normalization.
    static let k1 = 1.2
    static let b = 0.75
}

extension SearchIndex {
    /// - Parameter chunks: how many pieces the documents are counted in, on all cores (the index is the same whatever it is).
    /// - Parameter maximumPostings: see `SearchIndex.maximumPostings`.
    /// - Parameter groups: each document's group, ascending from 0 (nil: each document is its own).
    init(documents: [SearchDocument], tokenizer: SearchTokenizer, groups: [Int]? = nil, chunks: Int = activeProcessorCount * 4,
         maximumPostings: Int = SearchIndex.maximumPostings) {
        precondition(groups.map { $0.count == documents.count } ?? true)
        // Weighted term counts per document, on all cores; merged in document order.
        let counted = concurrentChunkedMap(documents, chunks: chunks) { chunk in
            chunk.map { document -> (counts: [String: Double], length: Double) in
                var counts: [String: Double] = [:]
                var length = 0.0
                for field in document.fields {
                    for term in tokenizer.terms(field.text, mode: .index) {
                        counts[term, default: 0] += field.weight
                        length += field.weight
                    }
                }
                return (counts, length)
            }
        }
        let averageLength = max(counted.reduce(0) { $0 + $1.length } / Double(max(counted.count, 1)), 1)
        var raw: [String: [(document: Int, count: Double)]] = [:]
        for (document, item) in counted.enumerated() {
            for (term, count) in item.counts { raw[term, default: []].append((document, count)) }
        }
        let total = Double(documents.count)
        var scored: [(term: String, postings: [(document: Int, score: Double)])] = []
        scored.reserveCapacity(raw.count)
        var highest = 0.0
        for (term, postings) in raw {
            let frequency = Double(postings.count)
            let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
            var scores: [(document: Int, score: Double)] = []
            var best = 0.0, sum = 0.0
            for (position, posting) in postings.enumerated() {
                let norm = Self.k1 * (1 - Self.b + Self.b * counted[posting.document].length / averageLength)
                let score = documents[posting.document].boost * idf * posting.count * (Self.k1 + 1) / (posting.count + norm)
                best = max(best, score)
                sum += score
                let group = groups?[posting.document] ?? posting.document
                if position + 1 == postings.count || (groups?[postings[position + 1].document] ?? postings[position + 1].document) != group {
                    let grouped = best + 0.1 * (sum - best)
                    highest = max(highest, grouped)
                    scores.append((group, grouped))
                    best = 0
                    sum = 0
                }
            }
            scored.append((term, scores))
        }
        entries = scored.map { term, postings in
            var kept = postings
            if kept.count > maximumPostings {
                kept = Array(kept.sorted { ($0.score, -$0.document) > ($1.score, -$1.document) }.prefix(maximumPostings))
                    .sorted { $0.document < $1.document }
            }
            return Entry(term: term, postings: kept.map { Posting(document: $0.document, impact: Self.quantize($0.score, highest: highest)) },
                         complete: kept.count == postings.count)
        }.sorted { $0.term.utf16.lexicographicallyPrecedes($1.term.utf16) }
        documentCount = documents.count
    }

    /// 1…maximumImpact, in proportion to the square root of the score's share of the highest score in the index.
    static func quantize(_ score: Double, highest: Double) -> Int {
        guard highest > 0 else { return 1 }
        return min(maximumImpact, max(1, Int(((score / highest).squareRoot() * Double(maximumImpact)).rounded())))
    }
}
