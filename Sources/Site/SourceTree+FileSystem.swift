import Foundation

extension SourceTree {
    /// Reads `content/` (with `content/data/` and `content/images/`) and `templates/` under `root`; the build's only reads.
    public static func read(from root: URL) throws(BuildFailure) -> SourceTree {
        let files = FileManager.default
        var problems: [Diagnostic] = []
        let realRoot = realPath(root.path) ?? root.path
        func load(_ relative: String) -> SourceFile? {
            let url = root.appending(path: relative)
            guard files.fileExists(atPath: url.path) else { return nil }
            // A symbolic link is followed only when it stays inside the site, so a build never publishes a file
            // from elsewhere on the machine (templates/assets and content/images are copied into the output).
            let target = realPath(url.path) ?? url.path
            guard target == realRoot || target.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
                problems.append(Diagnostic(file: relative, line: 1, column: 1,
                                           message: "'\(relative)' is a symbolic link to '\(target)', outside the site folder",
                                           hint: "copy the file into the site; links that leave the site are not followed"))
                return nil
            }
            do {
                return SourceFile(path: relative, bytes: Array(try Data(contentsOf: url)))
            } catch {
                problems.append(Diagnostic(file: relative, line: 1, column: 1, message: "cannot read file: \(error.localizedDescription)"))
                return nil
            }
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
            chapters: list("content", recursive: false, suffix: ".md").compactMap(load),
            sources: load("content/sources.yml"),
            glossary: load("content/glossary.yml"),
            data: list("content/data", recursive: false, suffix: ".csv").compactMap(load),
            templates: list("templates", recursive: false, suffix: ".mustache").compactMap(load),
            assets: list("templates/assets", recursive: true).compactMap(load),
            images: list("content/images", recursive: true).compactMap(load))
        if !problems.isEmpty { throw BuildFailure(problems) }
        return tree
    }
}

/// The path with every symbolic link resolved (libc's `realpath`), nil if it cannot be resolved.
private func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
