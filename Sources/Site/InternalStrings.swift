/// Text that belongs to the repository and never to a reader: paths into the project's private research folder, the
/// content brief and its ledger rows. Matched without regard to case.
let internalMarkers = ["shared/seeds/", "shared/data/", "../shared", "CONTENT.md", "Ledger row"]

/// Output files that hold text a reader (or a reader's tool) sees: pages, feeds, indexes, downloads, drawings.
private let textOutputExtensions: Set<String> = ["html", "csv", "xml", "json", "txt", "svg", "js", "css", "md"]

/// Every place the built site shows an internal string (`internalMarkers`), as errors placed in the file the writer
/// edits when the string can be traced there (a chapter, sources.yml outside `private:`, a CSV, the glossary,
/// site.yml, a template), else at the output file and line.
func checkInternalStrings(_ output: OutputTree, source: SourceTree) -> [Diagnostic] {
    let needles = internalMarkers.map { $0.lowercased() }
    // (marker, output path, line) for every hit.
    var hits: [(marker: String, path: String, line: Int)] = []
    for path in output.sortedPaths {
        guard let dot = path.lastIndex(of: "."), textOutputExtensions.contains(String(path[path.index(after: dot)...])) else {
            continue
        }
        let text = String(decoding: output[path]!, as: UTF8.self).lowercased()
        for (index, needle) in needles.enumerated() where text.contains(needle) {
            for range in text.ranges(of: needle) {
                let line = text[..<range.lowerBound].utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                hits.append((internalMarkers[index], path, line))
            }
        }
    }
    guard !hits.isEmpty else { return [] }
    let origins = publicSourceLines(source)
    var problems: [Diagnostic] = []
    var reported: Set<String> = []
    for marker in internalMarkers {
        let found = hits.filter { $0.marker == marker }
        guard let first = found.first else { continue }
        let pages = Set(found.map(\.path)).sorted()
        let shown = pages.prefix(3).map { "public/" + $0 }.joined(separator: ", ") + (pages.count > 3 ? " and \(pages.count - 3) more" : "")
        let needle = marker.lowercased()
        let places = origins.filter { $0.text.lowercased().contains(needle) }
        let hint = "readers must not see repository paths, the brief or its ledger rows: keep such notes in a source's "
            + "'private:' field (never shown) or in the repository, and say it in words a reader can follow"
        if places.isEmpty {
            problems.append(Diagnostic(file: "public/" + first.path, line: first.line, column: 1,
                                       message: "'\(marker)' is internal and would be published (in \(shown))", hint: hint))
        }
        for place in places where reported.insert("\(place.file):\(place.line):\(marker)").inserted {
            let column = (place.text.lowercased().range(of: needle).map { place.text.lowercased()[..<$0.lowerBound].count } ?? 0) + 1
            problems.append(Diagnostic(file: place.file, line: place.line, column: column,
                                       message: "'\(marker)' is internal and would be published (in \(shown))", hint: hint))
        }
    }
    return problems
}

/// The lines of the writer's files whose text can reach a page: every line of chapters, CSVs and templates, the
/// YAML files without comments, and sources.yml without its `private:` (and old `note:`) fields.
func publicSourceLines(_ source: SourceTree) -> [(file: String, line: Int, text: String)] {
    var lines: [(file: String, line: Int, text: String)] = []
    func add(_ file: SourceFile, skip: (String, inout String?) -> Bool = { _, _ in false }) {
        var field: String? = nil
        for (index, line) in String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            if skip(text, &field) { continue }
            lines.append((file.path, index + 1, text))
        }
    }
    func isComment(_ text: String) -> Bool { text.drop { $0 == " " }.hasPrefix("#") }
    for file in source.chapters + source.localized + source.data + source.templates { add(file) }
    for file in [source.config, source.glossary].compactMap({ $0 }) { add(file) { text, _ in isComment(text) } }
    if let file = source.sources {
        add(file) { text, field in
            if isComment(text) { return true }
            // A field line of an entry (two spaces, key, colon) starts a field; deeper lines continue it.
            let indent = text.prefix { $0 == " " }.count
            if indent == 0 { field = nil } else if indent == 2, let colon = text.firstIndex(of: ":") {
                field = text[text.index(text.startIndex, offsetBy: 2)..<colon].trimmingCharacters(in: .whitespaces)
            }
            return field == "private" || field == "note"
        }
    }
    return lines
}

import Foundation
