/// The search index of one language as files a `<script>` can load (so it works from `file://` too), each a call
/// `explainerSearch(name, data)`; `assets/search.js` defines the function and reads them:
///
/// - `meta.js`: the language, whether English word rules apply (and then the stopwords, space-separated), the number
///   of documents, the first document of each page, of each group that does not start a page (`splits`) and of each
///   block (as `SearchCode.gaps`), and the first term of each shard;
/// - `s<N>.js`, the shards: consecutive runs of the sorted terms, one line per term: a digit (how many leading
///   characters it shares with the term on the line before) and the rest of the term; an empty line; then the
///   postings, one line per term in the same order: (group gap as a `SearchCode` number, impact as one digit) pairs,
///   after a `!` when the list was cut to `SearchIndex.maximumPostings`. (Terms and numbers apart compress better.)
///   A query downloads only the shards its terms fall in.
/// - `b<N>.js`, the blocks: consecutive documents as `[page, page title, heading, anchor, text]`, the text cut to
///   `snippetCharacters`. A query downloads the blocks of the groups it shows, and finds their best sections there.
///
/// Postings name groups, not documents (`SearchIndex`): runs of a page's documents up to `blockCharacters` of text or
/// `blockDocuments`, never two pages. Blocks hold whole groups. Every file is a pure function of the documents: the
/// same site gives the same bytes.
struct SearchIndexFiles: Sendable {
    /// A shard ends after the term that takes it past this many characters (a term is never split).
    var shardCharacters = 16_000
    /// A group ends after the document that takes its text past this many characters, at `blockDocuments` or at the end of
    /// its page; a block holds as many whole groups as stay within the same limits (or one group).
    var blockCharacters = 8_000
    var blockDocuments = 32
    /// The most characters of a document's text the blocks keep for snippets (cut at a word, then " …"); the index has
    /// all of it. Long sections would otherwise make most of the download.
    var snippetCharacters = 1_000
    /// See `SearchIndex.maximumPostings`.
    var maximumPostings = SearchIndex.maximumPostings
    /// Term counts of earlier builds (the preview server's); nil counts every document.
    var cache: SearchCache? = nil

    static let version = 2

    /// Output path → text, below the site root.
    func files(for documents: [SearchDocument], language: SearchLanguage) -> [(path: String, text: String)] {
        files(for: documents, language: language) { _, text in text }.map { ($0.path, $0.file) }
    }

    /// Output path → what `made` makes of each file's text, below the site root. `made` gets each file as soon as it is
    /// made (on the thread that made it), so a caller that writes it out never holds every file's text at once. The
    /// blocks are made first, from the documents' snippets; the documents then go to the index alone, which lets each
    /// run's text go once it is counted, so the text is not held beside the counts.
    func files<File: Sendable>(for documents: consuming [SearchDocument], language: SearchLanguage,
                               made: @Sendable (_ path: String, _ text: String) -> File) -> [(path: String, file: File)] {
        var only: [SearchDocument]? = consume documents
        return files(inRuns: AnyIterator { only.take() }, language: language, made: made)
    }

    /// `files(for:language:made:)` of the documents that `runs` gives, one run after the other (say, a few chapters'
    /// documents at a time): each run's blocks are written and its terms counted before the next run is asked for, and
    /// its documents are let go then, so only one run's text is held at a time. The files are the same whatever the
    /// runs.
    func files<File: Sendable>(inRuns runs: some IteratorProtocol<[SearchDocument]>, language: SearchLanguage,
                               made: @Sendable (_ path: String, _ text: String) -> File) -> [(path: String, file: File)] {
        var runs = runs
        var files: [(path: String, file: File)] = []
        var blocks = SearchBlockCutter(blockCharacters: blockCharacters, blockDocuments: blockDocuments)
        var gathering = SearchPostings()
        var boosts: [Double] = []
        var pageStarts: [Int] = [], splits: [Int] = []
        var previousPage: String? = nil
        @Sendable func blockText(_ name: String, _ shown: [SearchBlockCutter.Shown]) -> String {
            var data: [UInt8] = [0x5B, 0x0A]
            for (number, item) in shown.enumerated() {
                if number > 0 { data += [0x2C, 0x0A] }
                data.append(0x5B)
                for (field, text) in [item.page, item.pageTitle, item.heading, item.anchor, item.snippet].enumerated() {
                    if field > 0 { data.append(0x2C) }
                    var text = text
                    text.withUTF8 { appendJSONString($0, to: &data) }
                }
                data.append(0x5D)
            }
            data += [0x0A, 0x5D]
            return call(name, data)
        }
        func write(_ closed: [(number: Int, shown: [SearchBlockCutter.Shown])]) {
            // Written on all cores: they are most of the bytes.
            files += concurrentMap(closed) { number, shown -> (path: String, file: File) in
                let name = "b\(number)", path = language.folder + name + ".js"
                guard let cache else { return (path, made(path, blockText(name, shown))) }
                // Preview rebuilds keep a block whose documents show the same.
                let fields = shown.flatMap { [$0.page, $0.pageTitle, $0.heading, $0.anchor, $0.snippet] }
                return (path, made(path, cache.block(path, fields: fields) { blockText(name, shown) }))
            }
        }
        while let run = runs.next() {
            for document in run {
                let number = boosts.count
                if blocks.add(shown(document)) {
                    if number == 0 || previousPage != document.page { pageStarts.append(number) } else { splits.append(number) }
                }
                previousPage = document.page
                boosts.append(document.boost)
            }
            write(blocks.takeClosed())
            // With a cache (preview rebuilds) the documents are counted in runs of about 48, so an edit of one chapter
            // counts its run again, not an eighth of the site (the index is the same whatever the runs).
            let chunks = cache == nil ? activeProcessorCount * 4 : max(activeProcessorCount * 4, run.count / 48)
            gathering.add(SearchIndex.counts(of: consume run, chunks: chunks, tokenizer: language.tokenizer, cache: cache))
        }
        write(blocks.finish())
        let documentCount = boosts.count
        let blockStarts = blocks.blockStarts
        var shardStarts: [String] = []
        // The shard's terms and postings, as bytes (all of it ASCII but the terms).
        var shard: [UInt8] = [], postings: [UInt8] = []
        var shardSize = 0  // characters in both
        func endShard() {
            guard !shard.isEmpty else { return }
            let name = "s\(shardStarts.count - 1)"
            var data: [UInt8] = []
            data.reserveCapacity(shard.count + postings.count + 64)
            shard += [0x0A, 0x0A]
            shard += postings
            shard.withUnsafeBufferPointer { appendJSONString($0, to: &data) }
            files.append((language.folder + name + ".js", made(language.folder + name + ".js", call(name, data))))
            shard.removeAll(keepingCapacity: true)
            postings.removeAll(keepingCapacity: true)
            shardSize = 0
        }
        var previous: [Unicode.Scalar] = []
        // The entries come a few runs of terms at a time, in order, and each run goes once its shards' text has it.
        SearchIndex.entries(of: consume gathering, boosts: boosts, groups: blocks.groups, maximumPostings: maximumPostings) { entries in
            for entry in entries {
                let term = Array(entry.term.unicodeScalars)
                if shard.isEmpty {
                    shardStarts.append(shardStarts.isEmpty ? "" : entry.term)
                    previous = []
                } else {
                    shard.append(0x0A)
                    postings.append(0x0A)
                }
                // Front coding: how many leading characters the term shares with the one before (in this shard), then the rest.
                var shared = 0
                while shared < min(term.count, previous.count, 63), term[shared] == previous[shared] { shared += 1 }
                shard.append(SearchCode.bytes[shared])
                for scalar in term[shared...] { shard.append(contentsOf: UTF8.encode(scalar)!) }
                previous = term
                let before = postings.count
                if !entry.complete { postings.append(0x21) }
                var last = 0
                for posting in entry.postings {
                    SearchCode.appendNumber(posting.document - last, to: &postings)
                    postings.append(SearchCode.bytes[posting.impact])
                    last = posting.document
                }
                shardSize += (shardSize == 0 ? 0 : 2) + 1 + term.count - shared + postings.count - before
                if shardSize >= shardCharacters { endShard() }
            }
        }
        endShard()

        // The stopwords go with the index, so that the browser has the list the index was made with.
        let stopwords = language.englishRules ? "\"stopwords\":" + jsonString(englishStopwords.sorted().joined(separator: " ")) + "," : ""
        let meta = "{\"version\":\(Self.version),\"language\":\(jsonString(language.tag)),\"english\":\(language.englishRules),"
            + stopwords
            + "\"documents\":\(documentCount),\"pages\":\(jsonString(SearchCode.gaps(pageStarts))),"
            + "\"splits\":\(jsonString(SearchCode.gaps(splits))),\"blocks\":\(jsonString(SearchCode.gaps(blockStarts))),"
            + "\"shards\":[" + shardStarts.map(jsonString).joined(separator: ",") + "]}"
        files.append((language.folder + "meta.js", made(language.folder + "meta.js", call("meta", meta))))
        return files.sorted { $0.path < $1.path }
    }

    /// Each document's group: a page's documents in runs up to `blockCharacters` of snippet text or `blockDocuments`,
    /// as `files(inRuns:language:made:)` cuts them.
    func groups(of documents: [SearchDocument]) -> [Int] {
        var blocks = SearchBlockCutter(blockCharacters: blockCharacters, blockDocuments: blockDocuments)
        for document in documents { _ = blocks.add(shown(document)) }
        return blocks.groups
    }

    /// What a block shows of `document`.
    private func shown(_ document: SearchDocument) -> SearchBlockCutter.Shown {
        SearchBlockCutter.Shown(page: document.page, pageTitle: document.pageTitle, heading: document.heading,
                                anchor: document.anchor, snippet: snippetText(document.text))
    }

    /// The text cut to `snippetCharacters` at the last space before it (Chinese has none: then at the limit).
    func snippetText(_ text: String) -> String {
        // Most texts are short enough (UTF-8 has at least one byte per character): no copy of their characters.
        guard text.utf8.count > snippetCharacters else { return text }
        var text = text
        return text.withUTF8 { bytes -> String? in
            // The byte where scalar number `snippetCharacters` starts, if there is one.
            var scalars = 0, cut = 0
            while cut < bytes.count {
                if bytes[cut] & 0xC0 != 0x80 {
                    if scalars == snippetCharacters { break }
                    scalars += 1
                }
                cut += 1
            }
            guard cut < bytes.count else { return nil }
            // A space among the 39 characters before it.
            var back = cut, characters = 0
            while back > 0 && characters < 39 {
                back -= 1
                if bytes[back] & 0xC0 != 0x80 {
                    characters += 1
                    if bytes[back] == 0x20 {
                        cut = back
                        break
                    }
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self) + " …"
        } ?? text
    }

    private func call(_ name: String, _ data: String) -> String {
        "explainerSearch(\"\(name)\",\(data));\n"
    }

    private func call(_ name: String, _ data: [UInt8]) -> String {
        var out = Array("explainerSearch(\"\(name)\",".utf8)
        out.reserveCapacity(out.count + data.count + 3)
        out += data
        out += Array(");\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}

/// `jsonString` of UTF-8 text, appended to `out` as bytes (runs that need no escape copied whole).
func appendJSONString(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    out.append(0x22)
    var index = 0, run = 0
    let hex = Array("0123456789abcdef".utf8)
    while index < text.count {
        let byte = text[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 else {
            index += 1
            continue
        }
        var escape: [UInt8]
        switch byte {
        case 0x22: escape = [0x5C, 0x22]
        case 0x5C: escape = [0x5C, 0x5C]
        case 0x0A: escape = [0x5C, 0x6E]
        case 0x0D: escape = [0x5C, 0x72]
        case 0x09: escape = [0x5C, 0x74]
        case 0xE2:
            // U+2028, U+2029: line ends to JavaScript.
            guard index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9) else {
                index += 1
                continue
            }
            escape = [0x5C, 0x75, 0x32, 0x30, 0x32, text[index + 2] == 0xA8 ? 0x38 : 0x39]
        default: escape = [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<index]))
        out += escape
        index += byte == 0xE2 ? 3 : 1
        run = index
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<text.count]))
    out.append(0x22)
}

/// The number of Unicode scalars in `text` (its UTF-8 bytes that start one).
func scalarCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
