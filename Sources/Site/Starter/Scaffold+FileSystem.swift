import Foundation

/// Writes the starter site into `folder`, which must be empty or not exist yet (a `.git` folder alone is fine).
public func writeStarterSite(to folder: URL, title: String, release: ExplainerRelease) throws(BuildFailure) {
    try checkNewSiteFolder(folder)
    let files = FileManager.default
    let name = folder.relativePath
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

/// Whether `folder` can receive a new site: it is new or empty (a lone `.git` is fine), its name is no chapter's
/// (`content/50-overpaying.md`, as `hugo new` takes one) and it is not inside an explainer site (a folder above it with
/// `content/site.yml`). What it is not is said with what a writer who meant a chapter should do.
public func checkNewSiteFolder(_ folder: URL) throws(BuildFailure) {
    let files = FileManager.default
    let name = folder.relativePath
    let chapterHint = "a chapter is a Markdown file in the site's content/ folder, e.g. content/50-overpaying.md: create it "
        + "with your editor, starting with its front matter (a line ---, then title: Its title, then ---), and write the chapter below"
    if folder.lastPathComponent.lowercased().hasSuffix(".md") {
        throw BuildFailure([Diagnostic(file: name, line: 1, column: 1,
                                       message: "'\(name)' is a Markdown file's name: `explainer new` makes a whole new site, not a chapter",
                                       hint: chapterHint)])
    }
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
    // Every folder above it, nearest first.
    var above = folder.standardizedFileURL.absoluteURL.path.split(separator: "/").map(String.init).dropLast()
    while true {
        let site = "/" + above.joined(separator: "/")
        if files.fileExists(atPath: (above.isEmpty ? "" : site) + "/content/site.yml") {
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1,
                                           message: "'\(name)' is inside the explainer site \(site): `explainer new` makes a whole new site",
                                           hint: chapterHint + "; for a new site, give a folder outside this one")])
        }
        guard !above.isEmpty else { break }
        above.removeLast()
    }
}
