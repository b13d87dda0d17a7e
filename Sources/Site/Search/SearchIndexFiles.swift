/// The search index of one language as files a `<script>` can load (so it works from `file://` too), each a call
/// `explainerSearch(name, data)`; `assets/search.js` defines the function and reads them:
///
/// - `meta.js`: the language, whether English word rules apply, the number of documents, the first document of each
///   page and of each block (as `SearchCode.gaps`), and the first term of each shard;
/// - `s<N>.js`, the shards: consecutive runs of the sorted terms, one line per term: a digit (how many leading
///   characters it shares with the term on the line before), the rest of the term, a space, and the postings:
///   (document gap as a `SearchCode` number, impact as one digit) pairs in document order, after a `!` when the list
///   was cut to `SearchIndex.maximumPostings`. A query downloads only the shards its terms fall in.
/// - `b<N>.js`, the blocks: consecutive documents as `[page, page title, heading, anchor, text]`, the text cut to
///   `snippetCharacters`. A query downloads the blocks of the results it shows.
///
/// Every file is a pure function of the documents: the same site gives the same bytes.
struct SearchIndexFiles: Sendable {
    /// A shard ends after the term that takes it past this many characters (a term is never split).
    var shardCharacters = 16_000
    /// A block ends after the document that takes its text past this many characters, or at `blockDocuments`.
    var blockCharacters = 8_000
    var blockDocuments = 32
    /// The most characters of a document's text the blocks keep for snippets (cut at a word, then " …"); the index has
    /// all of it. Long sections would otherwise make most of the download.
    var snippetCharacters = 1_000
    /// See `SearchIndex.maximumPostings`.
    var maximumPostings = SearchIndex.maximumPostings

    static let version = 1

    /// Output path → text, below the site root.
    func files(for documents: [SearchDocument], language: SearchLanguage) -> [(path: String, text: String)] {
        let index = SearchIndex(documents: documents, tokenizer: language.tokenizer, maximumPostings: maximumPostings)
        var files: [(path: String, text: String)] = []
        var shardStarts: [String] = []
        var shard = String.UnicodeScalarView()
        func endShard() {
            guard !shard.isEmpty else { return }
            let name = "s\(shardStarts.count - 1)"
            files.append((language.folder + name + ".js", call(name, jsonString(String(shard)))))
            shard = String.UnicodeScalarView()
        }
        var previous: [Unicode.Scalar] = []
        for entry in index.entries {
            let term = Array(entry.term.unicodeScalars)
            if shard.isEmpty {
                shardStarts.append(shardStarts.isEmpty ? "" : entry.term)
                previous = []
            } else {
                shard.append("\n")
            }
            // Front coding: how many leading characters the term shares with the one before (in this shard), then the rest.
            var shared = 0
            while shared < min(term.count, previous.count, 63), term[shared] == previous[shared] { shared += 1 }
            SearchCode.appendDigit(shared, to: &shard)
            shard.append(contentsOf: term[shared...])
            shard.append(" ")
            previous = term
            if !entry.complete { shard.append("!") }
            var last = 0
            for posting in entry.postings {
                SearchCode.appendNumber(posting.document - last, to: &shard)
                SearchCode.appendDigit(posting.impact, to: &shard)
                last = posting.document
            }
            if shard.count >= shardCharacters { endShard() }
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
        for (number, document) in documents.enumerated() {
            if block.isEmpty { blockStarts.append(number) }
            let text = snippetText(document.text)
            block.append("[" + [document.page, document.pageTitle, document.heading, document.anchor, text]
                .map(jsonString).joined(separator: ",") + "]")
            blockSize += text.unicodeScalars.count
            if blockSize >= blockCharacters || block.count >= blockDocuments { endBlock() }
        }
        endBlock()

        var pageStarts: [Int] = []
        for (number, document) in documents.enumerated() where number == 0 || documents[number - 1].page != document.page {
            pageStarts.append(number)
        }
        let meta = "{\"version\":\(Self.version),\"language\":\(jsonString(language.tag)),\"english\":\(language.englishRules),"
            + "\"documents\":\(documents.count),\"pages\":\(jsonString(SearchCode.gaps(pageStarts))),"
            + "\"blocks\":\(jsonString(SearchCode.gaps(blockStarts))),"
            + "\"shards\":[" + shardStarts.map(jsonString).joined(separator: ",") + "]}"
        files.append((language.folder + "meta.js", call("meta", meta)))
        return files.sorted { $0.path < $1.path }
    }

    /// The text cut to `snippetCharacters` at the last space before it (Chinese has none: then at the limit).
    func snippetText(_ text: String) -> String {
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
