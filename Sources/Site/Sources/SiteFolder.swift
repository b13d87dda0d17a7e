import Foundation

/// Checks that `root` looks like an explainer site (it has `content/` or `templates/`) before anything is read, so
/// that running in the wrong folder gives one message instead of one per missing file.
public func checkSiteFolder(_ root: URL) throws(BuildFailure) {
    let files = FileManager.default
    let name = root.path
    var isDirectory: ObjCBool = false
    guard files.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "'\(name)' is not a folder",
                                       hint: "give --root the folder that holds content/ and templates/, "
                                           + "or start a new explainer with `explainer new FOLDER`")])
    }
    func exists(_ relative: String) -> Bool { files.fileExists(atPath: root.appending(path: relative).path) }
    guard !exists("content") && !exists("templates") else { return }
    let hint = exists("site.yml")
        ? "this looks like a content/ folder: run in the folder above it (`cd ..`), or pass --root .."
        : "run in the folder that holds content/ and templates/ (or pass --root FOLDER), "
            + "or start a new explainer with `explainer new FOLDER`"
    throw BuildFailure([Diagnostic(file: name, line: 1, column: 1,
                                   message: "\(name == "." ? "this folder" : "'\(name)'") is not an explainer site "
                                       + "(it has no content/ or templates/)",
                                   hint: hint)])
}
