/// Every term's postings over the site, gathered from runs of counted documents as they come (`add`): each run's terms
/// are given their numbers over the site when it is added, and the run keeps its postings ordered by term (each
/// term's in document order), 8 bytes a posting; its counts' own term tables are let go. The index is scored from the
/// runs as they are (`postings(of:)`), so the site's postings are never copied into one list beside them.
///
/// Terms are numbered in order of first appearance; a term's postings are the same whatever the runs (the index is a
/// function of the documents alone).
struct SearchPostings: Sendable {
    /// One run's postings, by term.
    struct Run: Sendable {
        /// The terms on the run's documents, ascending.
        var terms: [Int32]
        /// Per term (as in `terms`), where its postings start in `documents` and `counts` (and one past the last).
        var termStarts: [Int32]
        /// Document numbers over the site, ascending per term.
        var documents: [Int32]
        var counts: [Float]

        /// The same postings with term `t` numbered `number[t]`, ordered by the new numbers.
        consuming func numbered(_ number: [Int32]) -> Run {
            let renamed = terms.map { number[Int($0)] }
            let moved = renamed.indices.sorted { renamed[$0] < renamed[$1] }
            var starts: [Int32] = [0], documents: [Int32] = [], counts: [Float] = []
            starts.reserveCapacity(termStarts.count)
            documents.reserveCapacity(self.documents.count)
            counts.reserveCapacity(self.counts.count)
            for at in moved {
                let postings = Int(termStarts[at])..<Int(termStarts[at + 1])
                documents += self.documents[postings]
                counts += self.counts[postings]
                starts.append(Int32(documents.count))
            }
            return Run(terms: moved.map { renamed[$0] }, termStarts: starts, documents: documents, counts: counts)
        }
    }

    private var numbers = SearchTermTable()
    /// In order of first appearance.
    private(set) var terms: [String] = []
    private(set) var runs: [Run] = []
    /// Per document, its weighted length.
    private(set) var lengths: [Double] = []
    /// The terms of the documents' names (`TermCounts.names`), by document over the site and term number.
    private(set) var names: [(document: Int32, term: Int32, share: Float)] = []
    /// Per term, its place in the run being added (-1 when absent): kept between runs so it is not made again.
    private var place: [Int32] = []

    /// Documents added so far.
    var documentCount: Int { lengths.count }

    /// Adds the counts of the next documents (those after the documents added before), counted in `chunks` in order, as
    /// one run.
    mutating func add(_ chunks: [TermCounts]) {
        let first = lengths.count
        let maps = chunks.map { counted in
            (0..<counted.terms.count).map { entry -> Int32 in
                counted.terms.withKey(entry) { bytes, hash in
                    if let known = numbers.find(bytes, hash: hash) { return Int32(known) }
                    terms.append(String(decoding: bytes, as: UTF8.self))
                    return Int32(numbers.insert(bytes, hash: hash, value: 0))
                }
            }
        }
        if place.count < terms.count { place += [Int32](repeating: -1, count: terms.count - place.count) }
        var present: [Int32] = []
        for (counted, map) in zip(chunks, maps) {
            for local in counted.termOfCount where place[Int(map[Int(local)])] == -1 {
                let term = map[Int(local)]
                place[Int(term)] = 0
                present.append(term)
            }
        }
        present.sort()
        for (index, term) in present.enumerated() { place[Int(term)] = Int32(index) }
        var starts = [Int32](repeating: 0, count: present.count + 1)
        for (counted, map) in zip(chunks, maps) {
            for local in counted.termOfCount { starts[Int(place[Int(map[Int(local)])]) + 1] += 1 }
        }
        for index in present.indices { starts[index + 1] += starts[index] }
        let total = Int(starts[present.count])
        var fill = Array(starts.dropLast())
        var documents = [Int32](repeating: 0, count: total)
        var counts = [Float](repeating: 0, count: total)
        var document = Int32(first)
        for (counted, map) in zip(chunks, maps) {
            names += counted.names.map { (document + $0.document, map[Int($0.term)], $0.share) }
            for position in 0..<(counted.documentStarts.count - 1) {
                for at in counted.documentStarts[position]..<counted.documentStarts[position + 1] {
                    let index = Int(place[Int(map[Int(counted.termOfCount[at])])])
                    documents[Int(fill[index])] = document
                    counts[Int(fill[index])] = counted.counts[at]
                    fill[index] += 1
                }
                document += 1
            }
            lengths += counted.lengths
        }
        for term in present { place[Int(term)] = -1 }
        runs.append(Run(terms: present, termStarts: starts, documents: documents, counts: counts))
    }

    /// Numbers the terms again so that term `n` is `order[n]` (each term once), for reading them in that order
    /// (`postings(of:)`); the postings stay the same, each term's in document order. A run at a time is copied into
    /// its new order, so the site's postings are never held twice. No documents can be added after.
    mutating func numberTerms(in order: [Int]) {
        precondition(order.count == terms.count)
        var number = [Int32](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { number[old] = Int32(new) }
        terms = order.map { terms[$0] }
        names = names.map { ($0.document, number[Int($0.term)], $0.share) }
        numbers = SearchTermTable()
        place = []
        for index in runs.indices {
            let run = runs[index]
            runs[index] = Run(terms: [], termStarts: [0], documents: [], counts: [])
            runs[index] = run.numbered(number)
        }
    }

    /// Reads each term's postings, for the terms of `range` in order: `body` gets the term and its postings'
    /// documents and counts (in document order), in buffers it must not keep.
    func postings(of range: Range<Int>, _ body: (_ term: Int, _ documents: [Int32], _ counts: [Float]) -> Void) {
        // Each run's place in its terms, from the first term at or after the range's start.
        var cursors = runs.map { run -> Int in
            var low = 0, high = run.terms.count
            while low < high {
                let middle = (low + high) / 2
                if Int(run.terms[middle]) < range.lowerBound { low = middle + 1 } else { high = middle }
            }
            return low
        }
        var documents: [Int32] = [], counts: [Float] = []
        for term in range {
            documents.removeAll(keepingCapacity: true)
            counts.removeAll(keepingCapacity: true)
            for index in runs.indices where cursors[index] < runs[index].terms.count && Int(runs[index].terms[cursors[index]]) == term {
                let run = runs[index], at = cursors[index]
                let postings = Int(run.termStarts[at])..<Int(run.termStarts[at + 1])
                documents += run.documents[postings]
                counts += run.counts[postings]
                cursors[index] += 1
            }
            body(term, documents, counts)
        }
    }
}
