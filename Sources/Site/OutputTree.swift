/// Everything a build writes: output-relative path → bytes. Written by `OutputTree.write(to:)` only.
public struct OutputTree: Sendable, Equatable {
    public var files: [String: [UInt8]]
    /// What the build found worth fixing, though it succeeded (printed as `file:line:col: warning: …`); not written.
    public var warnings: [Diagnostic] = []
    /// Files written into the staging folder while the build ran (`explainer build` with a `StagedWrite`), whose
    /// bytes the tree does not hold: the subscript reads them back from `spillRoot`. Empty for any other build.
    public private(set) var spilled: Set<String> = []
    private(set) var spillRoot: String?

    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    public subscript(path: String) -> [UInt8]? {
        get { files[path] ?? (spilled.contains(path) ? readSpilled(path) : nil) }
        set {
            if spilled.contains(path) { spilled.remove(path) }
            files[path] = newValue
        }
    }

    /// Whether the tree has a file at `path` (held or written already).
    public func has(_ path: String) -> Bool { files[path] != nil || spilled.contains(path) }

    mutating func add(_ path: String, text: String) {
        self[path] = Array(text.utf8)
    }

    /// Records a file written already into the staging folder `root` (its bytes are not kept).
    mutating func addSpilled(_ path: String, root: String) {
        files[path] = nil
        spilled.insert(path)
        spillRoot = root
    }

    /// The file a request path resolves to: the path itself, or its `index.html` for a folder.
    public func resolve(_ path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") { return has(path + "index.html") ? path + "index.html" : nil }
        if has(path) { return path }
        return has(path + "/index.html") ? path + "/index.html" : nil
    }

    /// Every path, held or written already.
    public var allPaths: [String] { spilled.isEmpty ? Array(files.keys) : Array(files.keys) + spilled }

    /// Paths in sorted order, so anything derived from the tree is deterministic.
    public var sortedPaths: [String] { allPaths.sorted() }
}
