/// Every term's postings over the site, gathered from runs of counted documents as they come (`add`), in document
/// order: each run's terms are given their numbers over the site when it is added, and the run keeps only those
/// numbers and its counts (its own term table is let go), so the runs of a whole site are held as 8 bytes a posting.
/// `gathered()` then lays them out by term, letting each run go once its postings are placed.
///
/// Terms are numbered in order of first appearance; the postings are the same whatever the runs (the index is a
/// function of the documents alone).
struct SearchPostings {
    /// One run's postings, its terms numbered over the site.
    private struct Run {
        /// Per document, where its postings start in `terms` and `counts` (and one past the last).
        var documentStarts: [Int]
        var terms: [Int32]
        var counts: [Float]
    }

    private var numbers = SearchTermTable()
    private var terms: [String] = []
    private var runs: [Run] = []
    private var lengths: [Double] = []

    /// Documents added so far.
    var documentCount: Int { lengths.count }

    /// Adds the next run of documents' counts (the documents after those added before).
    mutating func add(_ counted: TermCounts) {
        let local = (0..<counted.terms.count).map { entry -> Int32 in
            counted.terms.withKey(entry) { bytes, hash in
                if let known = numbers.find(bytes, hash: hash) { return Int32(known) }
                terms.append(String(decoding: bytes, as: UTF8.self))
                return Int32(numbers.insert(bytes, hash: hash, value: 0))
            }
        }
        // Exactly as long as the postings (the counted arrays grew by appending, with room to spare).
        let mapped = counted.termOfCount.map { local[Int($0)] }
        let counts = [Float](unsafeUninitializedCapacity: counted.counts.count) { buffer, count in
            count = counted.counts.withUnsafeBufferPointer { buffer.initialize(from: $0).1 }
        }
        runs.append(Run(documentStarts: counted.documentStarts, terms: mapped, counts: counts))
        lengths += counted.lengths
    }

    /// The postings by term. Each run is let go once its postings are placed; the arrays they go into are not
    /// filled beforehand, so their pages are touched as they are placed rather than all at once.
    consuming func gathered() -> GatheredPostings {
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for run in runs { for term in run.terms { starts[Int(term) + 1] += 1 } }
        for term in 0..<terms.count { starts[term + 1] += starts[term] }
        let total = starts[terms.count]
        var fill = Array(starts.dropLast())
        var documentNumbers = [Int32](unsafeUninitializedCapacity: total) { _, count in count = total }
        var postingCounts = [Float](unsafeUninitializedCapacity: total) { _, count in count = total }
        var first: Int32 = 0
        documentNumbers.withUnsafeMutableBufferPointer { documentNumbers in
            postingCounts.withUnsafeMutableBufferPointer { postingCounts in
                for index in runs.indices {
                    let run = runs[index]
                    runs[index] = Run(documentStarts: [], terms: [], counts: [])
                    for position in 0..<(run.documentStarts.count - 1) {
                        for at in run.documentStarts[position]..<run.documentStarts[position + 1] {
                            let term = Int(run.terms[at])
                            documentNumbers[fill[term]] = first + Int32(position)
                            postingCounts[fill[term]] = run.counts[at]
                            fill[term] += 1
                        }
                    }
                    first += Int32(run.documentStarts.count - 1)
                }
            }
        }
        return GatheredPostings(terms: terms, starts: starts, documents: documentNumbers, counts: postingCounts, lengths: lengths)
    }
}

/// Every term's postings over the site, in document order (documents numbered in the order given).
struct GatheredPostings {
    /// In order of first appearance.
    var terms: [String]
    /// Per term, where its postings start in `documents` and `counts` (and one past the last).
    var starts: [Int]
    var documents: [Int32]
    var counts: [Float]
    /// Per document, its weighted length.
    var lengths: [Double]
}
