/// CSV files of content/data/ that no chart uses (not a draft's, not a translation's): they are neither drawn nor
/// published, which a writer who added one for a chart (and misspelt its name, or forgot the block) wants to know. A file
/// named in the data folder's notes (content/data/README.md) is kept there on purpose, such as a source the charted
/// files are derived from, and is left alone.
///
/// - Parameters:
///   - charted: the names charts give in `data:` (`prices.csv`), drafts' included.
///   - otherTexts: files that may name a data file too: the translations' chapters (whose charts are not parsed in the
///     default language's build) and the notes.
func unusedDataFileWarnings(_ data: [SourceFile], charted: Set<String>, otherTexts: [SourceFile]) -> [Diagnostic] {
    let unused = data.filter { !charted.contains(fileName($0.path)) }
    guard !unused.isEmpty else { return [] }
    let texts = otherTexts.map { String(decoding: $0.bytes, as: UTF8.self) }
    return unused.filter { file in !texts.contains { $0.contains(fileName(file.path)) } }.map { file in
        let name = fileName(file.path)
        return Diagnostic(file: file.path, line: 1, column: 1,
                          message: "no chart uses '\(name)': it is neither drawn nor published",
                          hint: "name it in a chart block (data: \(name)), or delete it; a file kept on purpose (the source of "
                              + "another) can be named in content/data/README.md", severity: .warning)
    }
}
