/// Text that belongs to the repository and never to a reader: paths into the project's private research folder, the
/// content brief and its ledger rows. Matched without regard to case.
let internalMarkers = ["shared/seeds/", "shared/data/", "../shared", "CONTENT.md", "Ledger row"]

/// Output files that hold text a reader (or a reader's tool) sees: pages, feeds, indexes, downloads, drawings.
private let textOutputExtensions: Set<String> = ["html", "csv", "xml", "json", "txt", "svg", "js", "css", "md"]

/// Every place the built site shows an internal string (`internalMarkers`), as errors placed in the file the writer
/// edits when the string can be traced there (a chapter, sources.yml outside `private:`, a CSV, the glossary,
/// site.yml, a template), else at the output file and line.
///
/// `verdicts` (preview rebuilds) keeps each file's byte scan with its bytes, so unchanged files are not scanned again;
/// it then forgets files the output no longer has, unless `partial` (a check of the pages before the search index).
func checkInternalStrings(_ output: OutputTree, source: SourceTree, verdicts: FileVerdicts<Bool>? = nil,
                          partial: Bool = false) -> [Diagnostic] {
    let needles = internalMarkers.map { $0.lowercased() }
    let paths = output.sortedPaths.filter { path in
        guard let dot = path.lastIndex(of: ".") else { return false }
        return textOutputExtensions.contains(String(path[path.index(after: dot)...]))
    }
    // Almost every file holds no marker: a byte scan on all cores finds the few that may, and only those are lowercased
    // and searched as text (which costs more than the rest of the build on one core).
    let finder = MarkerFinder(internalMarkers)
    let candidates = concurrentChunkedMap(paths, chunks: 4 * activeProcessorCount) { chunk in
        chunk.map { path in
            guard let verdicts else { return output.written[path]?.mayHoldMarker ?? finder.mayHold(output[path]!) }
            return verdicts.verdict(path, output[path]!) { finder.mayHold($0) }
        }
    }
    if !partial { verdicts?.retainOnly(Set(paths)) }
    // (marker, output path, line) for every hit.
    var hits: [(marker: String, path: String, line: Int)] = []
    for (path, candidate) in zip(paths, candidates) where candidate {
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
        let hint = "readers must not see repository paths or working notes: keep such notes in a source's "
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

/// Finds ASCII markers in bytes without regard to ASCII case: a file it says holds none holds none once lowercased
/// either, as long as no marker has a letter that a non-ASCII character lowercases to ("k" from the Kelvin sign,
/// "i" from "İ"), which `init` checks.
struct MarkerFinder: Sendable {
    /// Each marker lowercased.
    private let markers: [[UInt8]]
    /// The shortest marker's length: the window the scan slides.
    private let window: Int
    /// By the window's last two bytes (`pairIndex`): how far the window may move on, the least over all markers of
    /// the distance from where a pair with that index ends in the marker's first `window` bytes to the window's end
    /// (0: a marker may start at the window), `window - 1` for an index no marker's pair has there. 4 KB, so it stays
    /// in the first-level cache (a table by the two whole bytes, 64 KB, did not).
    private let shifts: [UInt8]

    init(_ markers: [String]) {
        let markers = markers.map { marker in
            let bytes = Array(marker.lowercased().utf8)
            precondition(bytes.count >= 2 && bytes.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "k") && $0 != UInt8(ascii: "i") },
                         "marker '\(marker)' cannot be found by bytes")
            return bytes
        }
        let window = min(markers.map(\.count).min() ?? 2, 255)
        var shifts = [UInt8](repeating: UInt8(window - 1), count: 4096)
        for marker in markers {
            for end in 1..<window {
                let pair = pairIndex(marker[end - 1], marker[end])
                shifts[pair] = min(shifts[pair], UInt8(window - 1 - end))
            }
        }
        self.markers = markers
        self.window = window
        self.shifts = shifts
    }

    /// Whether `bytes` hold one of the markers, in any ASCII case. One pass for all markers, a window at a time: the
    /// window's last two bytes say how far on a marker may start (Wu and Manber's rule); where one may start at the
    /// window, the markers are compared there.
    func mayHold(_ bytes: [UInt8]) -> Bool {
        let window = window
        return shifts.withUnsafeBufferPointer { shifts in
            bytes.withUnsafeBufferPointer { buffer in
                let count = buffer.count
                var end = window - 1
                while end < count {
                    let shift = Int(shifts[pairIndex(buffer[end - 1], buffer[end])])
                    if shift == 0 {
                        for marker in markers where matches(marker, at: end - (window - 1), in: buffer) { return true }
                        end += 1
                    } else {
                        end += shift
                    }
                }
                return false
            }
        }
    }

    private func matches(_ marker: [UInt8], at start: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start + marker.count <= buffer.count else { return false }
        for index in marker.indices where lowercased(buffer[start + index]) != marker[index] { return false }
        return true
    }
}

/// Two bytes' place in `MarkerFinder`'s table: six bits of each, after setting the bit that makes an ASCII capital its
/// lowercase letter, so a pair in any case has its lowercase pair's place. Other pairs share places too; the table
/// holds the least shift of all pairs at a place, so sharing only shortens some shifts.
private func pairIndex(_ first: UInt8, _ second: UInt8) -> Int {
    Int((first | 0x20) & 0x3F) << 6 | Int((second | 0x20) & 0x3F)
}

/// An ASCII capital as its lowercase letter; any other byte as it is.
private func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
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
