/// Everything a build writes: output-relative path → bytes. Written by `OutputTree.write(to:)` only.
public struct OutputTree: Sendable, Equatable {
    public var files: [String: [UInt8]]
    /// What the build found worth fixing, though it succeeded (printed as `file:line:col: warning: …`); not written.
    public var warnings: [Diagnostic] = []

    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    public subscript(path: String) -> [UInt8]? {
        get { files[path] }
        set { files[path] = newValue }
    }

    mutating func add(_ path: String, text: String) {
        files[path] = Array(text.utf8)
    }

    /// The file a request path resolves to: the path itself, or its `index.html` for a folder.
    public func resolve(_ path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") { return files[path + "index.html"] != nil ? path + "index.html" : nil }
        if files[path] != nil { return path }
        return files[path + "/index.html"] != nil ? path + "/index.html" : nil
    }

    /// Paths in sorted order, so anything derived from the tree is deterministic.
    public var sortedPaths: [String] { files.keys.sorted() }
}
