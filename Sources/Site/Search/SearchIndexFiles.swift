/// The search index of one language as files a `<script>` can load (so it works from `file://` too), each a call
/// `explainerSearch(name, data)`; `assets/search.js` defines the function and reads them:
///
/// - `meta.js`: the language, whether English word rules apply, the number of documents, the first document of each
///   page, of each group that does not start a page (`splits`) and of each block (as `SearchCode.gaps`), and the first
///   term of each shard;
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

    static let version = 2

    /// Output path → text, below the site root.
    func files(for documents: [SearchDocument], language: SearchLanguage) -> [(path: String, text: String)] {
        let snippets = documents.map { snippetText($0.text) }
        let groups = groups(of: documents, snippets: snippets)
        let index = SearchIndex(documents: documents, tokenizer: language.tokenizer, groups: groups, maximumPostings: maximumPostings)
        var files: [(path: String, text: String)] = []
        var shardStarts: [String] = []
        var shard = String.UnicodeScalarView(), postings = String.UnicodeScalarView()
        var shardSize = 0  // characters in both (a view's count walks it)
        func endShard() {
            guard !shard.isEmpty else { return }
            let name = "s\(shardStarts.count - 1)"
            files.append((language.folder + name + ".js", call(name, jsonString(String(shard) + "\n\n" + String(postings)))))
            shard = String.UnicodeScalarView()
            postings = String.UnicodeScalarView()
            shardSize = 0
        }
        var previous: [Unicode.Scalar] = []
        for entry in index.entries {
            let term = Array(entry.term.unicodeScalars)
            if shard.isEmpty {
                shardStarts.append(shardStarts.isEmpty ? "" : entry.term)
                previous = []
            } else {
                shard.append("\n")
                postings.append("\n")
            }
            // Front coding: how many leading characters the term shares with the one before (in this shard), then the rest.
            var shared = 0
            while shared < min(term.count, previous.count, 63), term[shared] == previous[shared] { shared += 1 }
            SearchCode.appendDigit(shared, to: &shard)
            shard.append(contentsOf: term[shared...])
            previous = term
            var line = String.UnicodeScalarView()
            if !entry.complete { line.append("!") }
            var last = 0
            for posting in entry.postings {
                SearchCode.appendNumber(posting.document - last, to: &line)
                SearchCode.appendDigit(posting.impact, to: &line)
                last = posting.document
            }
            postings.append(contentsOf: line)
            shardSize += (shardSize == 0 ? 0 : 2) + 1 + term.count - shared + line.count
            if shardSize >= shardCharacters { endShard() }
        }
        endShard()

        var blockStarts: [Int] = []
        var block: [String] = []
        var blockSize = 0
        func endBlock() {
            guard !block.isEmpty else { return }
            let name = "b\(blockStarts.count - 1)"
            files.append((language.folder + name + ".js", call(name, "[\n" + block.joined(separator: ",\n") + "\n]")))
            block = []
            blockSize = 0
        }
        var number = 0
        while number < documents.count {
            var end = number + 1
            while end < documents.count && groups[end] == groups[number] { end += 1 }
            let texts = snippets[number..<end]
            let size = texts.reduce(0) { $0 + $1.unicodeScalars.count }
            if !block.isEmpty && (blockSize + size > blockCharacters || block.count + texts.count > blockDocuments) { endBlock() }
            if block.isEmpty { blockStarts.append(number) }
            for (document, text) in zip(documents[number..<end], texts) {
                block.append("[" + [document.page, document.pageTitle, document.heading, document.anchor, text]
                    .map(jsonString).joined(separator: ",") + "]")
            }
            blockSize += size
            number = end
        }
        endBlock()

        var pageStarts: [Int] = [], splits: [Int] = []
        for number in documents.indices where number == 0 || groups[number - 1] != groups[number] {
            if number == 0 || documents[number - 1].page != documents[number].page { pageStarts.append(number) } else { splits.append(number) }
        }
        let meta = "{\"version\":\(Self.version),\"language\":\(jsonString(language.tag)),\"english\":\(language.englishRules),"
            + "\"documents\":\(documents.count),\"pages\":\(jsonString(SearchCode.gaps(pageStarts))),"
            + "\"splits\":\(jsonString(SearchCode.gaps(splits))),\"blocks\":\(jsonString(SearchCode.gaps(blockStarts))),"
            + "\"shards\":[" + shardStarts.map(jsonString).joined(separator: ",") + "]}"
        files.append((language.folder + "meta.js", call("meta", meta)))
        return files.sorted { $0.path < $1.path }
    }

    /// Each document's group: a page's documents in runs up to `blockCharacters` of snippet text or `blockDocuments`.
    /// `snippets`, when given, are the documents' `snippetText`s (so that they are cut once).
    func groups(of documents: [SearchDocument], snippets: [String]? = nil) -> [Int] {
        var groups: [Int] = [], group = -1, size = 0, count = 0
        for (number, document) in documents.enumerated() {
            if number == 0 || documents[number - 1].page != document.page || size >= blockCharacters || count >= blockDocuments {
                group += 1
                size = 0
                count = 0
            }
            groups.append(group)
            size += (snippets?[number] ?? snippetText(document.text)).unicodeScalars.count
            count += 1
        }
        return groups
    }

    /// The text cut to `snippetCharacters` at the last space before it (Chinese has none: then at the limit).
    func snippetText(_ text: String) -> String {
        // Most texts are short enough (UTF-8 has at least one byte per character): no copy of their characters.
        guard text.utf8.count > snippetCharacters else { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > snippetCharacters else { return text }
        var cut = snippetCharacters
        if let space = scalars[..<cut].lastIndex(of: " "), space > cut - 40 { cut = space }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<cut])
        return String(out) + " …"
    }

    private func call(_ name: String, _ data: String) -> String {
        "explainerSearch(\"\(name)\",\(data));\n"
    }
}
