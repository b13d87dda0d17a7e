import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file every `explainer build` writes into its output folder, so that the next build knows the folder is its own
/// to replace (and a folder without it, holding someone's files, is not replaced unasked).
public enum OutputMarker {
    public static let fileName = ".explainer-output"
    public static let text = "This folder was written by `explainer build`. The next build replaces everything in it: "
        + "keep your own files elsewhere.\n"
    static let bytes = Array(text.utf8)
}

/// Refuses an output folder a build would destroy a writer's work in, before anything is moved or written:
///
/// - the site folder itself, a folder that holds it, or its `content/`, `templates/`, `.explainer/` or `.git/` (or a
///   folder inside one of them), whatever `force` says;
/// - an existing folder that holds files but was not written by explainer (no `OutputMarker`, and not an older
///   explainer's site either), unless `force`.
///
/// `name` is the folder as the writer gave it (`--output`), for the messages.
public func checkOutputFolder(_ destination: URL, name: String, siteRoot: URL, force: Bool) throws(BuildFailure) {
    let output = resolvedPath(destination)
    let root = resolvedPath(siteRoot)
    func refuse(_ message: String, _ hint: String) -> BuildFailure {
        BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: message, hint: hint)])
    }
    let elsewhere = "build into a folder of its own: the default public/ (no --output), or a new or empty folder"
    // `-o '~/site'` (quoted, or from a script) reaches explainer with its tilde: the shell expands `~` only unquoted,
    // so the build would make a folder named `~` inside the site and say it built into ~/site.
    if name == "~" || name.hasPrefix("~/") {
        throw refuse("--output '\(name)' begins with a '~' the shell did not expand (it was quoted): the build would "
                     + "write into a folder named '~' inside the site",
                     "write the home folder out: --output \"$HOME\(name.dropFirst())\" (or leave the ~ unquoted)")
    }
    if output == root {
        throw refuse("--output '\(name)' is the site folder itself: the build would replace content/ and templates/ "
                     + "with the built pages", elsewhere)
    }
    if root.hasPrefix(output == "/" ? "/" : output + "/") {
        throw refuse("--output '\(name)' holds the site folder: the build would replace it, content/ and templates/ "
                     + "included, with the built pages", elsewhere)
    }
    for (folder, what) in [("content", "your chapters, data and images"), ("templates", "your templates"),
                           (".explainer", "explainer's copy of the templates that updates are merged with"),
                           (".git", "the site's Git history")] {
        let protected = root + "/" + folder
        if output == protected {
            throw refuse("--output '\(name)' is the site's \(folder)/ folder: the build would replace \(what) "
                         + "with the built pages", elsewhere)
        }
        if output.hasPrefix(protected + "/") {
            throw refuse("--output '\(name)' lies inside the site's \(folder)/ folder, which holds \(what): "
                         + "the build must not write there", elsewhere)
        }
    }
    guard !force else { return }
    let foreign = foreignEntries(in: destination)
    guard !foreign.isEmpty else { return }
    let shown = foreign.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (foreign.count > 3 ? " and \(foreign.count - 3) more" : "")
    throw refuse("the output folder '\(name)' was not written by explainer, and it holds files (\(shown)): a build "
                 + "replaces the whole folder, so they would be lost",
                 "build into a new or empty folder and copy the site from there, or pass --force to replace '\(name)' "
                 + "and everything in it")
}

/// The names at the top of `folder` if it exists, holds something and is not an explainer build: empty when it may be
/// replaced. A build is known by `OutputMarker`, or (built before the marker) by the chart stylesheet every build writes.
func foreignEntries(in folder: URL) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
          let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    let entries = names.filter { $0 != ".DS_Store" && $0 != "Thumbs.db" }.sorted()
    guard !entries.isEmpty, !entries.contains(OutputMarker.fileName) else { return [] }
    if isOlderExplainerBuild(folder) { return [] }
    return entries
}

/// Whether `folder` is a site built by an explainer from before `OutputMarker`: its `assets/charts.css` is the one the
/// build generates.
private func isOlderExplainerBuild(_ folder: URL) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: folder.appending(path: "assets/charts.css").path) else { return false }
    defer { try? handle.close() }
    let start = (try? handle.read(upToCount: 64)) ?? Data()
    return String(decoding: start, as: UTF8.self).hasPrefix("/* Chart styles (generated by explainer")
}

/// `url`'s absolute path with symbolic links resolved, also for a path that does not exist yet (its deepest existing
/// folder is resolved, and the rest appended), so that two names for one folder compare equal.
private func resolvedPath(_ url: URL) -> String {
    var existing = url.absoluteURL.standardizedFileURL.path
    var rest: [String] = []
    while true {
        if let real = realpath(existing, nil) {
            defer { free(real) }
            let resolved = String(cString: real)
            let path = ([resolved == "/" ? "" : resolved] + rest.reversed()).joined(separator: "/")
            return path.isEmpty ? "/" : path
        }
        let parent = (existing as NSString).deletingLastPathComponent
        guard parent != existing, !parent.isEmpty else { return url.absoluteURL.standardizedFileURL.path }
        rest.append((existing as NSString).lastPathComponent)
        existing = parent
    }
}
