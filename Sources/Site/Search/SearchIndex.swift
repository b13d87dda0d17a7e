import Foundation

/// An inverted index: for each term, the documents that hold it and how much the term says about each (its impact, a
/// BM25 score over weighted fields, quantized to 1…`SearchIndex.maximumImpact` on a square-root scale). A query's score for a document is the
/// sum of its terms' impacts there, so the browser only adds small integers.
///
/// Documents may be gathered into groups (runs of consecutive documents, such as a page's sections): the postings then
/// name groups, and a group's score for a term is its best document's plus a tenth of the others'. Fewer, shorter
/// lists; the browser finds the sections inside a group from the group's text, which it fetches to show anyway.
struct SearchIndex: Sendable, Equatable {
    /// Eight bytes: a site's index holds millions of them while its files are written.
    struct Posting: Sendable, Equatable {
        private var storedDocument: Int32
        private var storedImpact: UInt8

        /// The document, or with groups the group.
        var document: Int { Int(storedDocument) }
        /// 1…`SearchIndex.maximumImpact`.
        var impact: Int { Int(storedImpact) }

        init(document: Int, impact: Int) {
            storedDocument = Int32(document)
            storedImpact = UInt8(impact)
        }
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
    /// - Parameter cache: term counts of earlier builds (the preview server's), by the documents counted.
    init(documents: consuming [SearchDocument], tokenizer: SearchTokenizer, groups: [Int]? = nil, chunks: Int = activeProcessorCount * 4,
         maximumPostings: Int = SearchIndex.maximumPostings, cache: SearchCache? = nil) {
        let documentCount = documents.count
        precondition(groups.map { $0.count == documentCount } ?? true)
        let boosts = documents.map(\.boost)
        // Weighted term counts per document, on all cores, each chunk numbering its own terms; merged in document order.
        var postings = SearchPostings()
        postings.add(Self.counts(of: consume documents, chunks: chunks, tokenizer: tokenizer, cache: cache))
        self.init(postings: consume postings, boosts: boosts, groups: groups, maximumPostings: maximumPostings)
    }

    /// The index of the documents whose postings are `postings` (`SearchPostings`), each with its boost, in groups
    /// (`entries(of:boosts:groups:maximumPostings:_:)`, every entry kept).
    init(postings: consuming SearchPostings, boosts: [Double], groups: [Int]? = nil, maximumPostings: Int = SearchIndex.maximumPostings) {
        var entries: [Entry] = []
        Self.entries(of: postings, boosts: boosts, groups: groups, maximumPostings: maximumPostings) { entries += $0 }
        self.entries = entries
        documentCount = boosts.count
    }

    /// The entries of the index of the documents whose postings are `postings`, each with its boost, in groups: given
    /// to `body` in order (JavaScript's order of their terms), a few runs of terms at a time, so a caller that writes
    /// them out never holds every entry. Scores are made twice, a run of terms at a time on all cores: once for the
    /// highest score in the index, then again to quantize each run's into its terms' entries, so every term's scores
    /// are never held at once either.
    static func entries(of postings: consuming SearchPostings, boosts: [Double], groups: [Int]?, maximumPostings: Int,
                        _ body: ([Entry]) -> Void) {
        let documentCount = boosts.count
        precondition(postings.documentCount == documentCount && groups.map { $0.count == documentCount } ?? true)
        // Terms numbered in the entries' order, so that each run of terms scored is a run of entries.
        postings.numberTerms(in: javaScriptOrder(postings.terms))
        let terms = postings.terms
        let termChunks = stride(from: 0, to: terms.count, by: max(1, (terms.count + 63) / 64))
            .map { $0..<min($0 + max(1, (terms.count + 63) / 64), terms.count) }
        let scorer = Scorer(consume postings, documentCount: documentCount, boosts: boosts, groups: groups)
        let highest = concurrentMap(termChunks) { scorer.score($0).highest }.reduce(0.0) { max($0, $1) }
        let batch = max(2, activeProcessorCount * 2)
        for first in stride(from: 0, to: termChunks.count, by: batch) {
            let made = concurrentMap(Array(termChunks[first..<min(first + batch, termChunks.count)])) { range -> [Entry] in
                let part = scorer.score(range)
                return range.map { term in
                    let index = term - range.lowerBound
                    let first = index == 0 ? 0 : part.ends[index - 1], end = part.ends[index]
                    var kept = Array(first..<end)
                    let complete = kept.count <= maximumPostings
                    if !complete {
                        kept = Array(kept.sorted { (part.scores[$0], -part.groups[$0]) > (part.scores[$1], -part.groups[$1]) }.prefix(maximumPostings))
                            .sorted { part.groups[$0] < part.groups[$1] }
                    }
                    return Entry(term: terms[term],
                                 postings: kept.map { Posting(document: Int(part.groups[$0]), impact: quantize(part.scores[$0], highest: highest)) },
                                 complete: complete)
                }
            }
            for entries in made { body(entries) }
        }
    }

    /// The documents' weighted term counts, on all cores in `chunks` runs of consecutive documents (each run handed to
    /// the thread that counts it and let go there once counted, so the text is not held beside the counts: a caller
    /// that passes its only copy of the documents holds none then), in document order.
    static func counts(of documents: consuming [SearchDocument], chunks: Int, tokenizer: SearchTokenizer,
                       cache: SearchCache?) -> [TermCounts] {
        let count = documents.count
        let chunkSize = max(1, (count + max(chunks, 1) - 1) / max(chunks, 1))
        let runs = stride(from: 0, to: count, by: chunkSize).map { Array(documents[$0..<min($0 + chunkSize, count)]) }
        documents = []
        return concurrentMap(handingOver: consume runs) { run in
            cache?.counts(run[...], tokenizer: tokenizer) { TermCounts(run[...], tokenizer: tokenizer) }
                ?? TermCounts(run[...], tokenizer: tokenizer)
        }
    }

    /// Each term's BM25 score per group, a run of terms at a time.
    private struct Scorer: Sendable {
        let postings: SearchPostings
        let averageLength: Double
        let total: Double
        let boosts: [Double]
        let groups: [Int]?
        /// The share of a name each term of a name is (`TermCounts.names`), by document and term number
        /// (`nameKey`); and per document whether it has names (empty when none has).
        let nameShares: [Int64: Float]
        let named: [Bool]
        /// What a whole name says, however common its words ("Figure", "5", "1"): as much as a term on one document.
        let nameIDF: Double

        init(_ postings: consuming SearchPostings, documentCount: Int, boosts: [Double], groups: [Int]?) {
            var shares: [Int64: Float] = [:], named: [Bool] = []
            for name in postings.names {
                if named.isEmpty { named = [Bool](repeating: false, count: documentCount) }
                named[Int(name.document)] = true
                shares[Self.nameKey(document: Int(name.document), term: Int(name.term))] = name.share
            }
            nameShares = shares
            self.named = named
            var lengthSum = 0.0
            for length in postings.lengths { lengthSum += length }
            averageLength = max(lengthSum / Double(max(documentCount, 1)), 1)
            total = Double(documentCount)
            nameIDF = log(1 + (total - 0.5) / 1.5)
            self.postings = postings
            self.boosts = boosts
            self.groups = groups
        }

        /// The scores of the terms in `range`.
        func score(_ range: Range<Int>) -> ScoredTerms {
            var ends: [Int] = [], groupList: [Int32] = [], scores: [Double] = []
            var highest = 0.0
            ends.reserveCapacity(range.count)
            let lengths = postings.lengths
            postings.postings(of: range) { term, documents, counts in
                let frequency = Double(documents.count)
                let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
                var best = 0.0, sum = 0.0
                for at in documents.indices {
                    let document = Int(documents[at]), count = Double(counts[at])
                    let norm = SearchIndex.k1 * (1 - SearchIndex.b + SearchIndex.b * lengths[document] / averageLength)
                    var part = idf * count * (SearchIndex.k1 + 1) / (count + norm)
                    if !named.isEmpty && named[document], let share = nameShares[Self.nameKey(document: document, term: term)] {
                        part += Double(share) * nameIDF
                    }
                    let score = boosts[document] * part
                    best = max(best, score)
                    sum += score
                    let group = groups?[document] ?? document
                    if at + 1 == documents.count || (groups?[Int(documents[at + 1])] ?? Int(documents[at + 1])) != group {
                        let grouped = best + 0.1 * (sum - best)
                        highest = max(highest, grouped)
                        groupList.append(Int32(group))
                        scores.append(grouped)
                        best = 0
                        sum = 0
                    }
                }
                ends.append(scores.count)
            }
            return (ends, groupList, scores, highest)
        }

        static func nameKey(document: Int, term: Int) -> Int64 { Int64(document) << 32 | Int64(term) }
    }

    /// 1…maximumImpact, in proportion to the square root of the score's share of the highest score in the index.
    static func quantize(_ score: Double, highest: Double) -> Int {
        guard highest > 0 else { return 1 }
        return min(maximumImpact, max(1, Int(((score / highest).squareRoot() * Double(maximumImpact)).rounded())))
    }
}
/// A run of terms' scores: per term, where its list ends in `groups` and `scores`; and the run's highest score.
private typealias ScoredTerms = (ends: [Int], groups: [Int32], scores: [Double], highest: Double)


/// The weighted term counts of a run of documents, the terms numbered in this run (`SearchIndex.init`).
struct TermCounts: Sendable {
    /// The run's terms, each with its number.
    var terms = SearchTermTable()
    /// Per document, where its counts start in `termOfCount` and `counts` (and one past the last).
    var documentStarts: [Int] = [0]
    var termOfCount: [Int32] = []
    /// Sums of whole-number field weights (`SearchWeights`), so a `Float` holds them exactly in half the bytes of a `Double`.
    var counts: [Float] = []
    var lengths: [Double] = []
    /// Each term of a name (`SearchField.name`): its document (the place in this run), the term and its share of what
    /// the name adds (1 / the name's terms as a query makes them, times the name's weight); the largest when the term
    /// is in several names.
    var names: [(document: Int32, term: Int32, share: Float)] = []

    init(_ documents: ArraySlice<SearchDocument>, tokenizer: SearchTokenizer) {
        var scanner = SearchTermScanner()
        // Words as scanned → their term's number, or -1 for a stopword.
        var words = SearchTermTable()
        var numbers = TermNumbers()
        var touched: [Int32] = []
        var shares: [Int32: Float] = [:]
        for (position, document) in documents.enumerated() {
            var length = 0.0
            for field in document.fields {
                let weight = field.weight
                scanner.scan(field.text, mode: .index) { bytes, isWord in
                    let hash = SearchTermTable.hash(bytes)
                    var term: Int32
                    if isWord {
                        if let entry = words.find(bytes, hash: hash) {
                            term = words.values[entry]
                        } else {
                            term = -1
                            if var text = tokenizer.wordTerm(String(decoding: bytes, as: UTF8.self)) {
                                term = text.withUTF8 { numbers.number(of: $0, hash: SearchTermTable.hash($0)) }
                            }
                            words.insert(bytes, hash: hash, value: term)
                        }
                        if term < 0 { return }
                    } else {
                        term = numbers.number(of: bytes, hash: hash)
                    }
                    if numbers.counter[Int(term)] != position {
                        numbers.counter[Int(term)] = position
                        touched.append(term)
                    }
                    numbers.weights[Int(term)] += weight
                    length += weight
                }
                guard field.name > 0 else { continue }
                // The name's terms as a reader types it (pairs of a run of Chinese characters, not its single ones):
                // a query of the whole name has each once. Every one was counted just above.
                var units: [Int32] = []
                scanner.scan(field.text, mode: .query) { bytes, isWord in
                    let hash = SearchTermTable.hash(bytes)
                    let term = isWord ? words.find(bytes, hash: hash).map { words.values[$0] } ?? -1
                        : numbers.table.find(bytes, hash: hash).map(Int32.init) ?? -1
                    if term >= 0 && !units.contains(term) { units.append(term) }
                }
                for term in units { shares[term] = max(shares[term] ?? 0, Float(field.name) / Float(units.count)) }
            }
            for (term, share) in shares.sorted(by: { $0.key < $1.key }) { names.append((Int32(position), term, share)) }
            shares.removeAll(keepingCapacity: true)
            for term in touched {
                termOfCount.append(term)
                counts.append(Float(numbers.weights[Int(term)]))
                numbers.weights[Int(term)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            documentStarts.append(counts.count)
            lengths.append(length)
        }
        terms = numbers.table
    }
}

/// The terms of a run of documents numbered as they first appear, with each term's weight in the document being
/// counted and the document that last counted it (`TermCounts.init`). A struct, not variables captured by a local
/// function: captured variables are boxed and every access to them is checked for exclusivity at run time.
private struct TermNumbers {
    var table = SearchTermTable()
    var weights: [Double] = []
    var counter: [Int] = []

    /// The term's number, a new one (weight 0, not yet counted) if it has none.
    mutating func number(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        if let entry = table.find(term, hash: hash) { return Int32(entry) }
        weights.append(0)
        counter.append(-1)
        return Int32(table.insert(term, hash: hash, value: 0))
    }
}

/// The indices of `texts` in JavaScript's string order (UTF-16 code units), so the browser can search them by bisection.
/// Without a character beyond U+FFFF (four UTF-8 bytes, a surrogate pair in UTF-16) that is the order of their UTF-8
/// bytes, compared in place; otherwise each text's UTF-16 is made once for the sort.
func javaScriptOrder(_ texts: [String]) -> [Int] {
    if texts.allSatisfy({ !$0.utf8.contains { $0 >= 0xF0 } }) {
        return texts.indices.sorted { texts[$0].utf8.lexicographicallyPrecedes(texts[$1].utf8) }
    }
    let keys = texts.map { Array($0.utf16) }
    return texts.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
}
