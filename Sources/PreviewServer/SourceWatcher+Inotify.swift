#if os(Linux)
import Glibc

/// The kernel's file events for the source folders: a watch on every folder (inotify watches are not recursive), added
/// for new folders as they appear and dropped for folders that go away.
///
/// Used by one thread only: made on the caller's, then handed to the watching thread for good.
final class InotifyWatch: @unchecked Sendable {
    private let root: String
    private let folders: [String]
    private let descriptor: Int32
    /// The folder (relative to the root, "" for the root itself) behind each watch.
    private var folderOf: [Int32: String] = [:]
    /// The watched source files that exist, as far as the events tell.
    private var known: Set<String> = []

    /// What changes a file's contents or existence: closing after a write (not each write, so a file is read once it
    /// is complete), renames in and out, creation, deletion and metadata (`touch`). Plus the folder's own removal.
    private static let fileEvents = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM)
        | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_ONLYDIR)
    /// At the root, only the source folders coming and going matter.
    private static let rootEvents = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
        | UInt32(IN_ONLYDIR)

    /// Nil when inotify is unavailable (another system's kernel, or the watch limit reached): the caller polls instead.
    init?(root: String, folders: [String]) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        (self.root, self.folders, self.descriptor) = (root, folders, descriptor)
        let rootWatch = inotify_add_watch(descriptor, root, Self.rootEvents)
        guard rootWatch >= 0 else {
            close(descriptor)
            return nil
        }
        folderOf[rootWatch] = ""
        for folder in folders {
            guard addWatches(under: folder, found: { known.insert($0) }) else {
                close(descriptor)
                return nil
            }
        }
    }

    /// Files created in the burst under way and not yet closed after writing (hidden ones too: an editor's temporary
    /// file is one, and renamed over a source file it may still be open).
    private var writing: Set<String> = []
    /// The burst's renames by cookie (`IN_MOVED_FROM` and `IN_MOVED_TO` share one): whether the file moved was still
    /// being written. Foundation's atomic write, for one, renames its temporary file over the original and only then
    /// closes it, so the file renamed in is complete only once that close arrives.
    private var renamedWhileWriting: [UInt32: Bool] = [:]

    /// Reads events until `core` stops; publishes what a burst touched once `quietPeriod` passes without events, or
    /// `settledPeriod` once the burst looks complete (`looksComplete`).
    func run(core: WatcherCore, quietPeriod: Duration, settledPeriod: Duration) {
        defer { close(descriptor) }
        var touched: Set<String> = []
        var burstStart: ContinuousClock.Instant?
        var complete = false
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while !core.isStopped {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // Idle: wake now and then to notice a stop. In a burst: wait only the quiet period.
            let wait = complete ? min(settledPeriod, quietPeriod) : quietPeriod
            let ready = poll(&request, 1, burstStart == nil ? 250 : wait.wholeMilliseconds)
            if ready > 0 {
                drain(buffer, into: &touched)
                complete = looksComplete(touched)
                if !touched.isEmpty, burstStart == nil { burstStart = .now }
                // A burst that never settles (a build tool writing into content/) is still reported every second.
                if let start = burstStart, ContinuousClock.now - start < .seconds(1) { continue }
            } else if ready < 0, errno == EINTR {
                continue
            }
            guard burstStart != nil else { continue }
            let settled = settledPaths(touched, known: &known) { path in
                var info = stat()
                return stat(root + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            }
            touched.removeAll()
            writing.removeAll()
            renamedWhileWriting.removeAll()
            burstStart = nil
            complete = false
            if !settled.isEmpty { core.publish(settled) }
        }
    }

    /// Whether the burst looks like a finished save, so that the watcher need not wait the whole quiet period: every
    /// file it touched is either a file the site had, there again and closed (written in place, or a temporary file
    /// renamed over it), or a file that came and went (that temporary file). A file still being written, a new file
    /// (perhaps a temporary one about to be renamed) or a file gone (perhaps about to come back, as editors that
    /// move the original aside do) waits the whole quiet period.
    private func looksComplete(_ touched: Set<String>) -> Bool {
        touched.allSatisfy { path in
            var info = stat()
            let exists = stat(root + "/" + path, &info) == 0
            return exists ? known.contains(path) && !writing.contains(path) : !known.contains(path)
        }
    }

    /// Reads every pending event; adds the paths they name (and, for folders that came or went, every file under them).
    private func drain(_ buffer: UnsafeMutableRawBufferPointer, into touched: inout Set<String>) {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let cookie = buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(rebasing: buffer[(offset + 16)..<(offset + 16 + length)])
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                handle(watch: watch, mask: mask, cookie: cookie, name: name, into: &touched)
            }
        }
    }

    private func handle(watch: Int32, mask: UInt32, cookie: UInt32, name: String, into touched: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: every file that was or is there may have changed.
            touched.formUnion(known)
            for folder in folders { addWatches(under: folder) { touched.insert($0) } }
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folderOf[watch] = nil
            return
        }
        guard let folder = folderOf[watch], !name.isEmpty else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        if mask & UInt32(IN_ISDIR) == 0 { trackWriting(path, mask: mask, cookie: cookie) }
        guard !name.hasPrefix(".") else { return }
        if folder.isEmpty && !folders.contains(name) { return }
        guard mask & UInt32(IN_ISDIR) != 0 else {
            touched.insert(path)
            return
        }
        if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
            // A new folder may hold files already (moved in, or written before its watch was added).
            addWatches(under: path) { touched.insert($0) }
        } else if mask & (UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)) != 0 {
            // Moved away: its watches would report under the wrong names, and its files are gone from the site.
            let prefix = path + "/"
            for (descriptor, watched) in folderOf where watched == path || watched.hasPrefix(prefix) {
                inotify_rm_watch(self.descriptor, descriptor)
                folderOf[descriptor] = nil
            }
            touched.formUnion(known.filter { $0.hasPrefix(prefix) })
        }
    }

    /// Follows whether `path` is still being written: from its creation until it is closed after writing or deleted;
    /// a rename carries the state from the old name to the new one (a rename from outside the watched folders, whose
    /// cookie the burst has not seen, brings in a complete file).
    private func trackWriting(_ path: String, mask: UInt32, cookie: UInt32) {
        if mask & UInt32(IN_CREATE) != 0 { writing.insert(path) }
        if mask & UInt32(IN_MOVED_FROM) != 0 { renamedWhileWriting[cookie] = writing.remove(path) != nil }
        if mask & UInt32(IN_MOVED_TO) != 0 {
            if renamedWhileWriting.removeValue(forKey: cookie) == true { writing.insert(path) } else { writing.remove(path) }
        }
        if mask & (UInt32(IN_CLOSE_WRITE) | UInt32(IN_DELETE)) != 0 { writing.remove(path) }
    }

    /// Watches `relative` and every folder below it (hidden ones aside, as the build skips them); reports each file.
    @discardableResult
    private func addWatches(under relative: String, depth: Int = 0, found: (String) -> Void) -> Bool {
        guard depth < 16 else { return true }
        let watch = inotify_add_watch(descriptor, root + "/" + relative, Self.fileEvents)
        // A missing folder is not an error: the root's watch sees it being created.
        guard watch >= 0 else { return errno == ENOENT || errno == ENOTDIR }
        folderOf[watch] = relative
        guard let directory = opendir(root + "/" + relative) else { return true }
        defer { closedir(directory) }
        var ok = true
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            let path = relative + "/" + name
            var info = stat()
            guard stat(root + "/" + path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                ok = addWatches(under: path, depth: depth + 1, found: found) && ok
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                found(path)
            }
        }
        return ok
    }
}
#endif
