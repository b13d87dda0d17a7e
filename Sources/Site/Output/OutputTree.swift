/// Everything a build writes: output-relative path → bytes. Written by `OutputTree.write(to:)` only.
public struct OutputTree: Sendable, Equatable {
    public var files: [String: [UInt8]]
    /// What the build found worth fixing, though it succeeded (printed as `file:line:col: warning: …`); not written.
    public var warnings: [Diagnostic] = []
    /// The draft chapters and pages left out of this build (built and checked only with `--drafts`), by path.
    public var draftsLeftOut: [String] = []
    /// The draft chapters and pages this build published (`--drafts`), by path: `explainer build` names them, so that
    /// a preview built with drafts is not uploaded by mistake.
    public var draftsIncluded: [String] = []
    /// Files written into the staging folder while the build ran (`explainer build` with a `StagedWrite`), whose
    /// bytes the tree does not hold: the subscript reads them back from `spillRoot`. Empty for any other build.
    public var spilled: Set<String> { Set(written.keys) }
    /// What the checks need of each written file, found while its bytes were in hand (so it is not read back for them).
    private(set) var written: [String: WrittenFile] = [:]
    private(set) var spillRoot: String?

    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    public subscript(path: String) -> [UInt8]? {
        get { files[path] ?? (written[path] != nil ? readSpilled(path) : nil) }
        set {
            if written[path] != nil { written[path] = nil }
            files[path] = newValue
        }
    }

    /// Whether the tree has a file at `path` (held or written already).
    public func has(_ path: String) -> Bool { files[path] != nil || written[path] != nil }

    mutating func add(_ path: String, text: String) {
        self[path] = Array(text.utf8)
    }

    /// Adds a file the build made: its bytes, or a file written already into the staging folder (its bytes not kept).
    mutating func add(_ path: String, _ file: MadeFile) {
        switch file {
        case .held(let bytes):
            self[path] = bytes
        case let .written(facts, root):
            files[path] = nil
            written[path] = facts
            spillRoot = root
        }
    }

    /// The file a request path resolves to: the path itself, or its `index.html` for a folder.
    public func resolve(_ path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") { return has(path + "index.html") ? path + "index.html" : nil }
        if has(path) { return path }
        return has(path + "/index.html") ? path + "/index.html" : nil
    }

    /// Every path, held or written already.
    public var allPaths: [String] { written.isEmpty ? Array(files.keys) : Array(files.keys) + written.keys }

    /// Paths in sorted order, so anything derived from the tree is deterministic.
    public var sortedPaths: [String] { allPaths.sorted() }
}

/// A file the build made: its bytes, or, once written into the staging folder `root` (`StagedWrite.keep`), what the
/// checks need of it.
enum MadeFile: Sendable {
    case held([UInt8])
    case written(WrittenFile, root: String)
}

/// What the build's checks need of a file written before they ran: a page's ids (`PageScan`) and whether the file
/// may hold an internal string (`MarkerFinder`), each found from the bytes as they were written.
struct WrittenFile: Sendable, Equatable {
    var ids: Set<String>?
    var mayHoldMarker: Bool

    /// `ids` only for a page (`.html`), as the link check scans them.
    init(path: String, bytes: [UInt8], markers: MarkerFinder) {
        ids = path.hasSuffix(".html") ? PageScan(bytes).ids : nil
        mayHoldMarker = markers.mayHold(bytes)
    }
}
