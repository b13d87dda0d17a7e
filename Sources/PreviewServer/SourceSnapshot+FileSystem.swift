#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SourceSnapshot {
    /// Stats every file under `folders` (relative to `root`), recursively; skips what `isWatchedSourcePath` rejects.
    ///
    /// Polling is portable and sees renames, deletions and new files alike; for a few dozen files a scan costs
    /// well under a millisecond.
    public static func scan(root: String, folders: [String] = ["content", "templates"]) -> SourceSnapshot {
        var files: [String: FileStamp] = [:]
        for folder in folders { walk(root: root, relative: folder, into: &files, depth: 0) }
        return SourceSnapshot(files: files)
    }

    private static func walk(root: String, relative: String, into files: inout [String: FileStamp], depth: Int) {
        guard depth < 16, let directory = opendir(root + "/" + relative) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = relative + "/" + name
            var info = stat()
            guard stat(root + "/" + path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if !name.hasPrefix(".") { walk(root: root, relative: path, into: &files, depth: depth + 1) }
            } else if (info.st_mode & S_IFMT) == S_IFREG, isWatchedSourcePath(path) {
                files[path] = FileStamp(size: Int64(info.st_size), modified: modificationNanoseconds(info),
                                        inode: UInt64(info.st_ino))
            }
        }
    }

    private static func modificationNanoseconds(_ info: stat) -> Int64 {
        #if canImport(Darwin)
        Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
