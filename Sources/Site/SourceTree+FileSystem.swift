import Foundation

extension SourceTree {
    /// Reads `content/` (with `content/data/` and `content/images/`) and `templates/` under `root`; the build's only reads.
    public static func read(from root: URL) throws(BuildFailure) -> SourceTree {
        let files = FileManager.default
        var problems: [Diagnostic] = []
        let realRoot = realPath(root.path) ?? root.path
        // Files are read on all cores (a large site has thousands of chapters); problems are kept in path order.
        func load(_ paths: [String]) -> [SourceFile] {
            let results = concurrentMap(paths) { relative in loadFile(relative, root: root, realRoot: realRoot) }
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
            return names.filter { name in
                var directory: ObjCBool = false
                let full = url.appending(path: name).path
                return !name.split(separator: "/").contains { $0.hasPrefix(".") }
                    && files.fileExists(atPath: full, isDirectory: &directory) && !directory.boolValue
                    && (suffix.map { name.hasSuffix($0) } ?? true)
            }.sorted().map { folder + "/" + $0 }
        }
        let tree = SourceTree(
            config: load("content/site.yml"),
            chapters: load(list("content", recursive: false, suffix: ".md")),
            sources: load("content/sources.yml"),
            glossary: load("content/glossary.yml"),
            data: load(list("content/data", recursive: false, suffix: ".csv")),
            templates: load(list("templates", recursive: false, suffix: ".mustache")),
            assets: load(list("templates/assets", recursive: true)),
            images: load(list("content/images", recursive: true)))
        if !problems.isEmpty { throw BuildFailure(problems) }
        return tree
    }
}

/// The file at `relative` below `root`: nil when there is none, a problem when it cannot be read or is a symbolic
/// link that leads out of the site (a build never publishes a file from elsewhere on the machine; templates/assets and
/// content/images are copied into the output).
private func loadFile(_ relative: String, root: URL, realRoot: String) -> Result<SourceFile?, Diagnostic> {
    let url = root.appending(path: relative)
    guard FileManager.default.fileExists(atPath: url.path) else { return .success(nil) }
    let target = realPath(url.path) ?? url.path
    guard target == realRoot || target.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
        return .failure(Diagnostic(file: relative, line: 1, column: 1,
                                   message: "'\(relative)' is a symbolic link to '\(target)', outside the site folder",
                                   hint: "copy the file into the site; links that leave the site are not followed"))
    }
    do {
        return .success(SourceFile(path: relative, bytes: Array(try Data(contentsOf: url))))
    } catch {
        return .failure(Diagnostic(file: relative, line: 1, column: 1, message: "cannot read file: \(error.localizedDescription)"))
    }
}

/// The path with every symbolic link resolved (libc's `realpath`), nil if it cannot be resolved.
private func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
