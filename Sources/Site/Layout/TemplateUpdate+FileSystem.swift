import Foundation
import Simulation

/// Reads every file of `templates/` under `root` (hidden ones left out) as text: path (`templates/…`) → text.
public func readSiteTemplates(root: URL) throws(BuildFailure) -> [String: String] {
    let folder = root.appending(path: "templates")
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw BuildFailure([Diagnostic(file: "templates", line: 1, column: 1, message: "there is no templates/ folder here",
                                       hint: "run this in an explainer's folder (the one holding content/ and templates/), or pass --root")])
    }
    var files: [String: String] = [:]
    for name in (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
        let url = folder.appending(path: name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
        guard let data = FileManager.default.contents(atPath: url.path) else { continue }
        files["templates/" + name] = String(decoding: data, as: UTF8.self)
    }
    return files
}

/// Writes this explainer's version of each of `paths` (`templates/…`) into the site under `root`.
public func updateTemplates(_ paths: [String], root: URL) throws(BuildFailure) {
    let starter = Dictionary(uniqueKeysWithValues: starterTemplates.map { ($0.path, $0.text) })
    var problems: [Diagnostic] = []
    for path in paths {
        guard let text = starter[path] else {
            problems.append(Diagnostic(file: path, line: 1, column: 1, message: "this explainer has no \(path)",
                                       hint: suggestionHint(for: path, among: starter.keys.sorted(), noun: "templates")))
            continue
        }
        let url = root.appending(path: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            problems.append(Diagnostic(file: path, line: 1, column: 1, message: "cannot write \(path): \(error.localizedDescription)"))
        }
    }
    if !problems.isEmpty { throw BuildFailure(problems) }
}
