/// The search index's groups and blocks (`SearchIndexFiles`), cut as the documents come, one after the other: each
/// document's group (a page's documents in runs up to `blockCharacters` of snippet text or `blockDocuments`), and
/// blocks of consecutive whole groups within the same limits (or one group). A block is handed out (`takeClosed`) as
/// soon as the group after it shows where it ends, with only what it shows of its documents, so the documents
/// themselves need not be kept.
struct SearchBlockCutter {
    /// What a block shows of a document: `[page, page title, heading, anchor, snippet]`.
    struct Shown: Sendable {
        var page: String
        var pageTitle: String
        var heading: String
        var anchor: String
        var snippet: String
    }

    let blockCharacters: Int
    let blockDocuments: Int
    /// Each document's group, so far.
    private(set) var groups: [Int] = []
    /// The document each block starts at, so far.
    private(set) var blockStarts: [Int] = []
    /// The group being filled: its documents and the characters of their snippets.
    private var group: [Shown] = []
    private var groupSize = 0
    /// The block being filled (whole groups) and its characters.
    private var block: [Shown] = []
    private var blockSize = 0
    private var closed: [(number: Int, shown: [Shown])] = []

    init(blockCharacters: Int, blockDocuments: Int) {
        self.blockCharacters = blockCharacters
        self.blockDocuments = blockDocuments
    }

    /// Adds the next document; true when it starts a group.
    mutating func add(_ document: Shown) -> Bool {
        let starts = group.isEmpty || group.last!.page != document.page || groupSize >= blockCharacters || group.count >= blockDocuments
        if starts {
            endGroup()
            groups.append((groups.last ?? -1) + 1)
        } else {
            groups.append(groups.last!)
        }
        groupSize += scalarCount(document.snippet)
        group.append(document)
        return starts
    }

    /// The blocks that are complete, numbered from 0 over the whole index, and no longer held here.
    mutating func takeClosed() -> [(number: Int, shown: [Shown])] {
        defer { closed = [] }
        return closed
    }

    /// Ends the last group and block, and returns the blocks not yet taken.
    mutating func finish() -> [(number: Int, shown: [Shown])] {
        endGroup()
        if !block.isEmpty {
            closed.append((blockStarts.count - 1, block))
            block = []
            blockSize = 0
        }
        return takeClosed()
    }

    /// Puts the group just ended into the block, or starts a block with it when it would take the block past its limits.
    private mutating func endGroup() {
        guard !group.isEmpty else { return }
        if !block.isEmpty && (blockSize + groupSize > blockCharacters || block.count + group.count > blockDocuments) {
            closed.append((blockStarts.count - 1, block))
            block = []
            blockSize = 0
        }
        if block.isEmpty { blockStarts.append(groups.count - group.count) }
        blockSize += groupSize
        block += group
        group = []
        groupSize = 0
    }
}
