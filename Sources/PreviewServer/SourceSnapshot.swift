/// What the watcher knows about one source file: enough to notice any save, including saves that replace the
/// file by renaming a temporary one over it (new inode) within the same second.
public struct FileStamp: Equatable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }
}

/// The watched source files (paths relative to the site root) and their stamps at one moment.
public struct SourceSnapshot: Equatable, Sendable {
    public var files: [String: FileStamp]

    public init(files: [String: FileStamp] = [:]) {
        self.files = files
    }

    /// Paths added, removed or changed since `previous`, sorted.
    public func changedPaths(since previous: SourceSnapshot) -> [String] {
        var changed: [String] = []
        for (path, stamp) in files where previous.files[path] != stamp { changed.append(path) }
        for path in previous.files.keys where files[path] == nil { changed.append(path) }
        return changed.sorted()
    }
}
