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

/// What `new` and `update` last wrote of each template file (`templateBasePath`), by the file's path (`templates/…`);
/// empty for a site made before explainer kept them.
public func readTemplateBases(root: URL) -> [String: String] {
    let folder = root.appending(path: templateBasePath("templates"))
    var bases: [String: String] = [:]
    for name in (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted() {
        guard let data = FileManager.default.contents(atPath: folder.appending(path: name).path) else { continue }
        bases["templates/" + name] = String(decoding: data, as: UTF8.self)
    }
    return bases
}

/// Brings each of `paths` (`templates/…`) up to this explainer's version in the site under `root`
/// (`TemplateUpdate`): added, replaced, merged with the writer's changes, or kept. The writer's text of a file that
/// is rewritten with changes of theirs in it is kept in `.explainer/previous/`, and this explainer's text becomes
/// the file's base for the next update (`TemplateUpdate.recordsBase`), as it does for every file still the same as
/// this explainer's that had none. `replacing` takes this explainer's text whatever the writer changed.
public func updateTemplates(_ paths: [String], root: URL, replacing: Bool = false) throws(BuildFailure) -> [TemplateUpdate] {
    let starter = Dictionary(uniqueKeysWithValues: starterTemplates.map { ($0.path, $0.text) })
    let differences = Dictionary(uniqueKeysWithValues: compareTemplates((try? readSiteTemplates(root: root)) ?? [:],
                                                                        bases: readTemplateBases(root: root)).map { ($0.path, $0) })
    var problems: [Diagnostic] = []
    var updates: [TemplateUpdate] = []
    for path in paths {
        guard let text = starter[path], let difference = differences[path] else {
            problems.append(Diagnostic(file: path, line: 1, column: 1, message: "this explainer has no \(path)",
                                       hint: suggestionHint(for: path, among: starter.keys.sorted(), noun: "templates")))
            continue
        }
        let update = TemplateUpdate(difference, starter: text, replacing: replacing)
        do {
            if update.keepsPrevious, let site = difference.site {
                try write(site, to: root.appending(path: templatePreviousPath(path)))
            }
            if let newText = update.text { try write(newText, to: root.appending(path: path)) }
            if update.recordsBase { try write(text, to: root.appending(path: templateBasePath(path))) }
            updates.append(update)
        } catch {
            problems.append(Diagnostic(file: path, line: 1, column: 1, message: "cannot write \(path): \(error.localizedDescription)"))
        }
    }
    // A site made before explainer kept the bases: the files that are still explainer's get theirs now, so that a
    // later update can merge them.
    for difference in differences.values where difference.state == .same && difference.base == nil {
        try? write(difference.starter!, to: root.appending(path: templateBasePath(difference.path)))
    }
    if !problems.isEmpty { throw BuildFailure(problems) }
    return updates
}

private func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
}
