/// Two chapters in the same folder with the same number prefix (`02-the-run.md`, `02-runs.md`): their order would
/// be decided by the rest of their names, which is rarely what the writer meant. Reported on every file after the
/// first (chapters come sorted by number, then path).
func checkChapterNumbers(_ files: [(path: String, place: ChapterFile)]) -> [Diagnostic] {
    var first: [String: String] = [:]   // "folder|number" → first path
    var problems: [Diagnostic] = []
    for (path, place) in files where place.kind == .chapter {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        let key = folder + "|" + String(place.number)
        let prefix = String(fileName(path).prefix { $0.isASCII && $0.isNumber })
        if let other = first[key] {
            problems.append(Diagnostic(file: path, line: 1, column: 1,
                                       message: "chapter number \(prefix) is also used by \(other)",
                                       hint: "give each chapter its own number: the numbers set the order of the chapters "
                                           + "(gaps such as 10-, 20-, 30- leave room for new ones)"))
        } else {
            first[key] = path
        }
    }
    return problems
}
