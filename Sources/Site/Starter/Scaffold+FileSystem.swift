import Foundation

/// Writes the starter site into `folder`, which must be empty or not exist yet (a `.git` folder alone is fine).
public func writeStarterSite(to folder: URL, title: String, release: ExplainerRelease) throws(BuildFailure) {
    let files = FileManager.default
    let name = folder.relativePath
    var isDirectory: ObjCBool = false
    if files.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else {
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "'\(name)' exists and is not a folder",
                                           hint: "choose a new folder name")])
        }
        let entries = ((try? files.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != ".git" }
        guard entries.isEmpty else {
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1,
                                           message: "'\(name)' is not empty (it holds \(entries.sorted().prefix(3).joined(separator: ", "))\(entries.count > 3 ? ", …" : ""))",
                                           hint: "give a new or empty folder, so nothing of yours is overwritten")])
        }
    }
    do {
        for file in starterSite(title: title, release: release) {
            let url = folder.appending(path: file.path)
            try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    } catch {
        throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "cannot write the new site: \(error.localizedDescription)",
                                       hint: "check that the parent folder exists and is writable")])
    }
}
