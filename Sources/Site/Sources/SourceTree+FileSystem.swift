import Foundation

extension SourceTree {
    /// Reads `content/` (with `content/data/` and `content/images/`) and `templates/` under `root`; the build's only reads.
    public static func read(from root: URL) throws(BuildFailure) -> SourceTree {
        let files = FileManager.default
        var problems: [Diagnostic] = []
        let realRoot = realPath(root.path) ?? root.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        // Files are read on all cores (a large site has thousands of chapters); problems are kept in path order.
        func load(_ paths: [String]) -> [SourceFile] {
            // Where each folder really is, found once: a plain file's real path is then its folder's plus its name.
            var found: [String: String?] = [:]
            for path in paths {
                let folder = parentFolder(of: path)
                if found[folder] == nil { found[folder] = .some(realPath(base + folder)) }
            }
            let realFolders = found
            let results = concurrentMap(paths) { relative in
                loadFile(relative, base: base, realRoot: realRoot, realFolder: realFolders[parentFolder(of: relative)] ?? nil)
            }
            return results.compactMap { result in
                switch result {
                case .success(let file): return file
                case .failure(let problem):
                    problems.append(problem)
                    return nil
                }
            }
        }
        func load(_ relative: String) -> SourceFile? { load([relative]).first }
        /// Whether each name below `prefix` is a folder (symbolic links followed, as `stat` does), nil if it cannot be
        /// stat'ed: on all cores, since a large site's content/ holds thousands of files.
        func folderFlags(_ prefix: String, _ names: [String]) -> [Bool?] {
            concurrentChunkedMap(names, chunks: 4 * activeProcessorCount) { chunk in
                chunk.map { name -> Bool? in
                    var info = stat()
                    return stat(prefix + name, &info) == 0 ? (info.st_mode & S_IFMT) == S_IFDIR : nil
                }
            }
        }
        /// A name that `stat` cannot follow: a symbolic link to nothing (a chapter moved away) would drop its file
        /// from the site without a word (QA 17 S2).
        func reportDanglingLink(_ relative: String) {
            var info = stat()
            guard lstat(base + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return }
            let target = (try? files.destinationOfSymbolicLink(atPath: base + relative)) ?? "?"
            problems.append(Diagnostic(file: relative, line: 1, column: 1,
                                       message: "'\(relative)' is a symbolic link to '\(target)', which does not exist",
                                       hint: "point the link at the file, copy the file in its place, or remove the link"))
        }
        func list(_ folder: String, recursive: Bool, suffix: String? = nil) -> [String] {
            let url = root.appending(path: folder)
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
            let names: [String]
            if recursive {
                names = (files.enumerator(atPath: url.path)?.allObjects as? [String]) ?? []
            } else {
                names = (try? files.contentsOfDirectory(atPath: url.path)) ?? []
            }
            let prefix = base + folder + "/"
            // No part of the path may be hidden; symbolic links are followed, as `stat` does. Windows' picture cache
            // (`Thumbs.db`, `desktop.ini`) is no file of the site, as the hidden `.DS_Store` of macOS is not.
            let candidates = names.filter { name in
                !name.hasPrefix(".") && !name.contains("/.") && (suffix.map { name.hasSuffix($0) } ?? true)
                    && !["Thumbs.db", "desktop.ini", "ehthumbs.db"].contains(name.split(separator: "/").last.map(String.init) ?? name)
            }
            let kinds = Array(zip(candidates, folderFlags(prefix, candidates)))
            // Under content/ a file dropped so is a chapter, a translation, a data file or a picture the writer
            // meant; a stray link among the templates' assets is passed over, as hidden files are.
            if folder.hasPrefix("content/") { for (name, kind) in kinds where kind == nil { reportDanglingLink(folder + "/" + name) } }
            return kinds.filter { $0.1 == false }.map(\.0).sorted().map { folder + "/" + $0 }
        }
        // content/ is listed, and each name in it stat'ed, once (a large site has thousands of chapters).
        let contentNames: [String] = {
            var isDirectory: ObjCBool = false
            let path = root.appending(path: "content").path
            guard files.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
            return ((try? files.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }
        }()
        let contentKinds = Array(zip(contentNames, folderFlags(base + "content/", contentNames)))
        for (name, kind) in contentKinds where kind == nil { reportDanglingLink("content/" + name) }
        // Each folder of content/ besides data/ and images/ holds a language's translations (content/zh-hant/).
        let languageFolders = contentKinds.filter { $0.1 == true && $0.0 != "data" && $0.0 != "images" }.map(\.0).sorted()
        let localized = languageFolders.flatMap { folder in
            list("content/" + folder, recursive: false).filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") }
        }
        let contentFiles = contentKinds.filter { $0.1 == false }.map(\.0).sorted().map { "content/" + $0 }
        let tree = SourceTree(
            config: load("content/site.yml"),
            // Markdown files with another extension, and text files, are read too, so that the build can say they are
            // not chapters.
            chapters: load(contentFiles.filter { $0.hasSuffix(".md") }
                + contentFiles.filter { hasOtherMarkdownExtension(fileName($0)) || isTextFile(fileName($0)) }),
            sources: load("content/sources.yml"),
            glossary: load("content/glossary.yml"),
            data: load(list("content/data", recursive: false, suffix: ".csv")),
            templates: load(list("templates", recursive: false, suffix: ".mustache")),
            assets: load(list("templates/assets", recursive: true)),
            images: load(list("content/images", recursive: true)),
            numbers: load("content/numbers.yml"),
            corrections: load("content/corrections.yml"),
            translations: load(list("templates/i18n", recursive: false, suffix: ".yml")),
            localized: load(localized),
            dataNotes: load("content/data/README.md"))
        if !problems.isEmpty { throw BuildFailure(problems) }
        return tree
    }
}

/// The file at `relative` below the site folder (`base` ends with "/"): nil when there is none, a problem when it
/// cannot be read or is a symbolic link that leads out of the site (a build never publishes a file from elsewhere on
/// the machine; templates/assets and content/images are copied into the output). `realFolder` is where the file's
/// folder really is: a plain file needs no `realpath` of its own, which costs a system call per path component.
private func loadFile(_ relative: String, base: String, realRoot: String, realFolder: String?) -> Result<SourceFile?, Diagnostic> {
    let path = base + relative
    var info = stat()
    let target: String
    if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let realFolder {
        let name = relative.lastIndex(of: "/").map { relative[relative.index(after: $0)...] } ?? relative[...]
        target = (realFolder.hasSuffix("/") ? realFolder : realFolder + "/") + name
    } else {
        guard stat(path, &info) == 0 else { return .success(nil) }
        target = realPath(path) ?? path
    }
    guard target == realRoot || target.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
        return .failure(Diagnostic(file: relative, line: 1, column: 1,
                                   message: "'\(relative)' is a symbolic link to '\(target)', outside the site folder",
                                   hint: "copy the file into the site; links that leave the site are not followed"))
    }
    switch readFile(path) {
    case .success(let bytes): return .success(SourceFile(path: relative, bytes: bytes))
    case .failure(let error):
        return .failure(Diagnostic(file: relative, line: 1, column: 1, message: "cannot read file: \(String(cString: strerror(error.code)))",
                                   hint: "check that the file is readable"))
    }
}

/// The whole file's bytes, read straight into the array, or the `errno` of the call that failed.
private func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(ReadFailure(errno)) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(ReadFailure(errno)) }
    var bytes: [UInt8] = []
    var capacity = max(Int(info.st_size), 0) + 1   // one more, to see the end of the file in the same read
    while true {
        var failure: Int32 = 0
        let before = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: capacity - before))
        var filled = before
        bytes.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let result = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if result == 0 { return }
                filled += result
            }
        }
        if failure != 0 { return .failure(ReadFailure(failure)) }
        if filled < capacity {
            bytes.removeLast(capacity - filled)
            return .success(bytes)
        }
        capacity *= 2   // the file grew while it was read
    }
}

/// The path with every symbolic link resolved (libc's `realpath`), nil if it cannot be resolved.
private func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// The folder part of a relative path ("" for a file at the top).
private func parentFolder(of relative: String) -> String {
    relative.lastIndex(of: "/").map { String(relative[..<$0]) } ?? ""
}

/// Why a file could not be read: the `errno` of the call that failed.
private struct ReadFailure: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}
