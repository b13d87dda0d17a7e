import Simulation
import Yams

/// One entry of the corrections log (`content/corrections.yml`).
struct Correction: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    var date: String
    /// The corrected chapter or page, as its file name without `.md`; nil for the whole site.
    var chapter: String?
    /// What was wrong and what is right now (inline Markdown).
    var text: String
    var line: Int
    var chapterLine: Int
}

/// Parses `content/corrections.yml`: a list of `date`, optional `chapter`, `text`.
func parseCorrections(_ text: String, file: String) throws(BuildFailure) -> [Correction] {
    let reader = YAMLReader(file: file, lineOffset: 0)
    guard let items = try reader.parseList(
        text, notAList: "corrections.yml must be a list of corrections (lines starting '- date: …')") else { return [] }
    var corrections: [Correction] = []
    var collector = DiagnosticCollector()
    for item in items {
        collector.collect { () throws(BuildFailure) in
            let fields = try reader.mapping(item, allowed: ["date", "chapter", "text"], required: ["date", "text"],
                                            context: "correction")
            do throws(Diagnostic) {
                let date = try reader.date(fields["date"]!, key: "date")
                let chapter = try fields["chapter"].map { node throws(Diagnostic) in try reader.string(node, key: "chapter") }
                let body = try reader.string(fields["text"]!, key: "text")
                let line = reader.error(at: item, "").line
                corrections.append(Correction(date: date, chapter: chapter, text: body, line: line,
                                              chapterLine: fields["chapter"].map { reader.error(at: $0, "").line } ?? line))
            } catch {
                throw BuildFailure([error])
            }
        }
    }
    try collector.throwIfAny()
    // Newest first; entries of one day keep their order in the file.
    return corrections.enumerated().sorted { ($1.element.date, $0.offset) < ($0.element.date, $1.offset) }.map(\.element)
}

/// Every corrected chapter must exist.
func checkCorrections(_ corrections: [Correction], file: String, chapterFiles: [String]) -> [Diagnostic] {
    corrections.compactMap { correction in
        guard let chapter = correction.chapter, !chapterFiles.contains(chapter) else { return nil }
        return Diagnostic(file: file, line: correction.chapterLine, column: 1,
                          message: "the correction of \(correction.date) names '\(chapter)', which is not a chapter or page",
                          hint: closestMatch(to: chapter, among: chapterFiles).map { "did you mean '\($0)'?" }
                              ?? "write the file name without .md, e.g. \(chapterFiles.first ?? "10-introduction")")
    }
}

/// A correction's anchor on the corrections page: its date and page, numbered when one day corrects a page twice
/// (`correction-2026-12-07-06-tranches-correlation-2`).
func correctionAnchor(_ correction: Correction, in corrections: [Correction]) -> String {
    let same = corrections.filter { $0.date == correction.date && $0.chapter == correction.chapter }
    let base = "correction-" + correction.date + (correction.chapter.map { "-" + $0 } ?? "")
    guard same.count > 1, let index = same.firstIndex(of: correction) else { return base }
    return index == 0 ? base : base + "-\(index + 1)"
}

extension Chapter {
    /// The name the corrections log gives a corrected page: "Chapter 2: The run", or a page's own title.
    func correctedPageTitle(words: Translations) -> String {
        kind == .chapter ? words.format("chapterTitle", ["n": String(number), "title": frontMatter.title]) : frontMatter.title
    }
}
