/// Extensions other tools use for Markdown. Chapters must end in `.md`; a file with one of these is reported, not
/// skipped, so no chapter goes missing without a word.
let otherMarkdownExtensions = ["markdown", "mdown", "mkdn", "mkd", "mdwn", "mdtxt", "mdtext", "markdn", "mdx", "qmd",
                               "rmd", "text"]

/// Whether `name` looks like a Markdown file with another extension than `.md` (`02-the-run.markdown`, `notes.MD`).
func hasOtherMarkdownExtension(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
    let ext = name[name.index(after: dot)...]
    return ext != "md" && (ext.lowercased() == "md" || otherMarkdownExtensions.contains(ext.lowercased()))
}

/// The error for such a file.
func otherMarkdownExtensionDiagnostic(path: String, name: String) -> Diagnostic {
    let stem = name[..<name.lastIndex(of: ".")!]
    return Diagnostic(file: path, line: 1, column: 1,
                      message: "'\(name)' is not read: chapters and pages are Markdown files ending in .md",
                      hint: "rename it to \(stem).md")
}
