import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputTree {
    /// Writes the tree to `destination` atomically: into a staging folder beside it, then swapped in.
    ///
    /// If anything fails, the previous `destination` is left exactly as it was. The site the swap replaces is kept
    /// beside it as `.NAME.spare` and becomes the next build's staging folder: files are rewritten in place (and
    /// unchanged ones left alone) instead of created anew, which is most of the cost of writing a large site on
    /// file systems where creating a file is slow. Deleting the spare folder at any time is safe.
    public func write(to destination: URL) throws(BuildFailure) {
        try write(to: destination, staged: nil)
    }

    /// `write(to:)`, into the staging folder `staged` claimed before the build (which holds the `spilled` files
    /// already); nil claims one now.
    public func write(to destination: URL, staged: StagedWrite?) throws(BuildFailure) {
        let files = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        if staged == nil, isMountPoint(destination) {
            // A folder that is a mount point (a container's volume, a tmpfs) cannot be renamed: the site, built whole,
            // is written into it in place (QA 17 M2: every build failed with "cannot replace").
            do {
                try StagingFolder(root: destination.path).sync(with: self)
            } catch {
                throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "cannot write the site: \(error.localizedDescription)",
                                               hint: "check that \(destination.path) is writable")])
            }
            return
        }
        let stage: StagedWrite
        if let staged {
            stage = staged
        } else {
            stage = try StagedWrite.claim(destination)
        }
        let staging = stage.staging
        let exists = stage.destinationExists
        let previous = parent.appending(path: ".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        let spare = stage.spare
        do {
            try StagingFolder(root: staging.path).sync(with: self)
        } catch {
            try? files.removeItem(at: staging)
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "cannot write the site: \(error.localizedDescription)",
                                           hint: "check that \(parent.path) is writable")])
        }
        if exists, exchangePaths(staging.path, destination.path) {
            // One atomic step: `destination` now holds the new site and `staging` the old one.
            retire(staging, as: spare)
            return
        }
        do {
            if exists {
                try files.moveItem(at: destination, to: previous)
            }
            do {
                try files.moveItem(at: staging, to: destination)
            } catch {
                if exists { try? files.moveItem(at: previous, to: destination) }
                throw error
            }
            if exists { retire(previous, as: spare) }
        } catch {
            try? files.removeItem(at: staging)
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "cannot replace '\(name)': \(error.localizedDescription)")])
        }
    }

    /// A file written while the build ran, read back (empty if it cannot be read).
    func readSpilled(_ path: String) -> [UInt8] {
        guard let spillRoot else { return [] }
        return readWholeFile(spillRoot + "/" + path) ?? []
    }

}

/// Whether `folder` is a mount point (on another device than its parent, or the file system's root): it cannot be
/// renamed, so a build writes into it in place.
public func isMountPoint(_ folder: URL) -> Bool {
    var own = stat(), parent = stat()
    guard stat(folder.path, &own) == 0, (own.st_mode & S_IFMT) == S_IFDIR,
          stat(folder.deletingLastPathComponent().path, &parent) == 0 else { return false }
    return own.st_dev != parent.st_dev || own.st_ino == parent.st_ino
}

/// `folder` with a symbolic link at its end followed to the folder it names: a build replaces the folder the link
/// leads to, not the link (QA 17 M1: the link itself was swapped with the spare, so its target got every second build).
public func followingOutputLink(_ folder: URL) -> URL {
    var info = stat()
    guard lstat(folder.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return folder }
    return folder.resolvingSymlinksInPath()
}

/// Keeps a replaced site as the spare for the next build, or removes it if there is one already.
private func retire(_ old: URL, as spare: URL) {
    if rename(old.path, spare.path) != 0 { try? FileManager.default.removeItem(at: old) }
}

/// Removes staging folders left by builds that were killed mid-write (their process is gone).
private func removeStaleStaging(in parent: URL, name: String) {
    let files = FileManager.default
    for entry in (try? files.contentsOfDirectory(atPath: parent.path)) ?? [] {
        for prefix in [".\(name).tmp-", ".\(name).old-"] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), !processIsRunning(pid) else { continue }
            try? files.removeItem(at: parent.appending(path: entry))
        }
    }
}

/// The staging folder of one `explainer build`, claimed before the build starts so that pages can be written into it
/// as soon as they are laid out (`OutputTree.spilled`) instead of all being held until the end. The destination is
/// only replaced by `OutputTree.write(to:staged:)` once the whole build has succeeded; a build that fails gives the
/// folder back as the spare (`abandon`), so the previous site is left exactly as it was.
public final class StagedWrite: Sendable {
    let staging: URL
    let spare: URL
    let destinationExists: Bool
    /// Whether the folder was the last build's spare (rather than made for this build).
    private let wasSpare: Bool

    private init(staging: URL, spare: URL, destinationExists: Bool, wasSpare: Bool) {
        self.staging = staging
        self.spare = spare
        self.destinationExists = destinationExists
        self.wasSpare = wasSpare
    }

    /// Claims the staging folder for `destination`: the spare of the last build if there is one (one rename, so two
    /// builds running at once never share it), else a new folder.
    public static func claim(_ destination: URL) throws(BuildFailure) -> StagedWrite {
        let files = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        var isDirectory: ObjCBool = false
        let exists = files.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "'\(name)' exists and is not a folder",
                                           hint: "move the file away or choose another output folder with --output")])
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appending(path: ".\(name).tmp-\(pid)")
        let spare = parent.appending(path: ".\(name).spare")
        removeStaleStaging(in: parent, name: name)
        var wasSpare = true
        do {
            try? files.removeItem(at: staging)
            if rename(spare.path, staging.path) != 0 {
                wasSpare = false
                try files.createDirectory(at: staging, withIntermediateDirectories: true)
            }
        } catch {
            try? files.removeItem(at: staging)
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "cannot write the site: \(error.localizedDescription)",
                                           hint: "check that \(parent.path) is writable")])
        }
        return StagedWrite(staging: staging, spare: spare, destinationExists: exists, wasSpare: wasSpare)
    }

    /// Writes one file into the staging folder now (unless it holds those bytes already), making its folders. False
    /// when that failed in any way (a file where a folder goes, a folder where the file goes, a full disk): the
    /// tree then keeps the bytes and the write at the end deals with it as with any other file.
    func write(_ path: String, _ bytes: [UInt8]) -> Bool {
        let root = staging.path
        var end = path.startIndex
        while let slash = path[end...].firstIndex(of: "/") {
            let folder = root + "/" + path[..<slash]
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { return false }
            end = path.index(after: slash)
        }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { scratch.deallocate() }
        do throws(FileWriteError) {
            try writeIfChanged(root + "/" + path, bytes: bytes, scratch: scratch)
            return true
        } catch {
            return false
        }
    }

    /// `bytes` written into the staging folder now, as what the checks need of them; held, if the write failed.
    func keep(_ path: String, _ bytes: [UInt8], markers: MarkerFinder) -> MadeFile {
        write(path, bytes) ? .written(WrittenFile(path: path, bytes: bytes, markers: markers), root: staging.path) : .held(bytes)
    }

    /// The build failed: the spare it was, with whatever was written into it, is the spare again; a folder made for
    /// this build is removed, so a failed build leaves nothing beside the destination that was not there before.
    public func abandon() {
        if wasSpare { retire(staging, as: spare) } else { try? FileManager.default.removeItem(at: staging) }
    }
}

/// A whole file's bytes, or nil if it cannot be read.
private func readWholeFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        var offset = 0
        while offset < size {
            let result = pread(descriptor, buffer.baseAddress! + offset, size - offset, off_t(offset))
            if result < 0 && errno == EINTR { continue }
            if result <= 0 { failed = true; break }
            offset += result
        }
        count = offset
    }
    return failed ? nil : bytes
}

/// A staging folder made to hold exactly an output tree: it may start empty or hold an older site (the spare).
struct StagingFolder {
    let root: String

    /// Makes the folder's contents equal to `tree` and `OutputMarker`: writes what differs, removes what the tree does
    /// not have.
    func sync(with tree: OutputTree) throws(FileWriteError) {
        let existing = try listing()
        // In any order: each path's folders are made from the top down, so a parent always comes before its child.
        let paths = Array(tree.files.keys)
        var folders: Set<Substring> = [""]
        // Files written while the build ran are in place already; their folders are kept like the others'.
        for path in tree.written.keys {
            var end = path.startIndex
            while let slash = path[end...].firstIndex(of: "/") {
                folders.insert(path[..<slash])
                end = path.index(after: slash)
            }
        }
        for path in paths {
            // Each folder is made once, after its parent (which comes first in the same path).
            var end = path.startIndex
            while let slash = path[end...].firstIndex(of: "/") {
                let folder = path[..<slash]
                if folders.insert(folder).inserted, existing.folders[String(folder)] == nil {
                    if existing.files.contains(String(folder)) { try removeFile(String(folder)) }
                    try makeFolder(root + "/" + folder)
                }
                end = path.index(after: slash)
            }
        }
        // Files go to different folders, so the file system handles them in parallel.
        let root = root
        let failures = concurrentChunkedMap(paths, chunks: 4 * activeProcessorCount) { chunk in
            // One buffer per chunk to read back what a file holds; most files of a rebuilt site are unchanged.
            let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
            defer { scratch.deallocate() }
            return chunk.map { path -> FileWriteError? in
                do throws(FileWriteError) {
                    if existing.folders[path] != nil { try removeTree(root + "/" + path) }
                    try writeIfChanged(root + "/" + path, bytes: tree.files[path]!, scratch: scratch)
                } catch {
                    return error
                }
                return nil
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        for file in existing.files where tree.files[file] == nil && tree.written[file] == nil && !folders.contains(Substring(file))
            && file != OutputMarker.fileName {
            try removeFile(file)
        }
        // Deepest first; a folder that is now one of the tree's files was replaced already.
        let unwanted = existing.folders.keys.filter { !folders.contains(Substring($0)) && !tree.has($0) }
        for folder in unwanted.sorted(by: >) {
            try removeTree(root + "/" + folder)
        }
        // Marks the folder as a build's, which the next build may replace (`checkOutputFolder`).
        if !tree.has(OutputMarker.fileName) {
            let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 * 1024, alignment: 16)
            defer { scratch.deallocate() }
            try writeIfChanged(root + "/" + OutputMarker.fileName, bytes: OutputMarker.bytes, scratch: scratch)
        }
    }

    /// Relative paths of the files and folders under the root (folders with nothing in particular as value). The
    /// folders at the top (a site has one per page) are listed on all cores.
    private func listing() throws(FileWriteError) -> (files: Set<String>, folders: [String: Void]) {
        let top = try list("")
        var files = Set(top.files)
        var folders: [String: Void] = [:]
        let below = concurrentChunkedMap(top.folders, chunks: 4 * activeProcessorCount) { chunk in
            chunk.map { folder in Result { () throws(FileWriteError) in try listTree(folder) } }
        }
        for (folder, result) in zip(top.folders, below) {
            folders[folder] = ()
            let tree = try result.get()
            files.formUnion(tree.files)
            for inner in tree.folders { folders[inner] = () }
        }
        return (files, folders)
    }

    /// Every file and folder below `folder` (relative paths; the folder itself not included).
    private func listTree(_ folder: String) throws(FileWriteError) -> (files: [String], folders: [String]) {
        var files: [String] = []
        var folders: [String] = []
        var pending = [folder]
        while let relative = pending.popLast() {
            let found = try list(relative)
            files += found.files
            folders += found.folders
            pending += found.folders
        }
        return (files, folders)
    }

    /// The files and folders directly in `relative` ("" for the root), as paths relative to the root.
    private func list(_ relative: String) throws(FileWriteError) -> (files: [String], folders: [String]) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(path) else { throw FileWriteError(path: path, code: errno) }
        defer { closedir(directory) }
        var files: [String] = []
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(root + "/" + child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder { folders.append(child) } else { files.append(child) }
        }
        return (files, folders)
    }

    /// Removes a file; one already gone with its folder (replaced by a file of the same name) is not an error.
    private func removeFile(_ relative: String) throws(FileWriteError) {
        guard unlink(root + "/" + relative) == 0 || errno == ENOENT || errno == ENOTDIR else {
            throw FileWriteError(path: root + "/" + relative, code: errno)
        }
    }

    private func removeTree(_ path: String) throws(FileWriteError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // gone already, with a folder above it
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw FileWriteError(path: path, code: EIO)
        }
    }

    private func makeFolder(_ path: String) throws(FileWriteError) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw FileWriteError(path: path, code: errno) }
    }
}

/// Writes `bytes` to `path` unless the file holds them already. No temporary file, rename or fsync per file
/// (Foundation's `createFile` does all three): the staging folder is swapped in whole, which makes the write atomic.
private func writeIfChanged(_ path: String, bytes: [UInt8], scratch: UnsafeMutableRawBufferPointer) throws(FileWriteError) {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw FileWriteError(path: path, code: errno) }
    if Int(info.st_size) == bytes.count, holds(descriptor, bytes, scratch: scratch) { return }
    guard ftruncate(descriptor, 0) == 0 else { throw FileWriteError(path: path, code: errno) }
    var written = 0
    while written < bytes.count {
        let result = bytes.withUnsafeBytes { buffer in
            pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(written))
        }
        if result < 0 {
            if errno == EINTR { continue }
            throw FileWriteError(path: path, code: errno)
        }
        written += result
    }
}

/// Whether the open file (already known to be as long) holds exactly `bytes`: read back a buffer at a time and
/// compared with `memcmp`. A read that fails counts as a difference, so the file is rewritten.
private func holds(_ descriptor: CInt, _ bytes: [UInt8], scratch: UnsafeMutableRawBufferPointer) -> Bool {
    bytes.withUnsafeBytes { expected in
        var offset = 0
        while offset < expected.count {
            let result = pread(descriptor, scratch.baseAddress!, min(scratch.count, expected.count - offset), off_t(offset))
            if result < 0 && errno == EINTR { continue }
            guard result > 0, memcmp(scratch.baseAddress!, expected.baseAddress! + offset, result) == 0 else { return false }
            offset += result
        }
        return true
    }
}

/// A failed system call on an output file, described the way the shell would (`path: Permission denied`).
struct FileWriteError: LocalizedError, Sendable {
    var path: String
    var code: Int32
    var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
}
