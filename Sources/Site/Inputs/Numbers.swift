import Markdown
import Simulation
import Yams

/// One number as the site prints it, with where it comes from (`content/numbers.yml`).
struct NumberEntry: Sendable, Equatable {
    enum Confidence: String, Sendable, CaseIterable { case high, medium, low }
    /// As printed, e.g. `about $27 billion`.
    var number: String
    /// What it measures, in plain words.
    var what: String
    /// Keys in sources.yml; empty for an illustrative-model result.
    var sources: [String]
    /// An illustrative-model result rather than a sourced fact.
    var model: Bool
    /// The date or period the number refers to: `YYYY[-MM[-DD]]`, or two of them joined by `/`.
    var date: String
    var confidence: Confidence
    /// Chapter files without `.md`, e.g. `05-four-steps`.
    var chapters: [String]
    /// A public note (inline Markdown).
    var note: String?
    var line: Int
    /// The `chapters` and `source` nodes' lines, for diagnostics found once the chapters are known.
    var chaptersLine: Int
    var sourceLine: Int
}

/// `content/numbers.yml`: numbers, optionally grouped under `- section: …` items.
struct NumbersFile: Sendable, Equatable {
    struct Section: Sendable, Equatable {
        var title: String?
        var numbers: [NumberEntry]
    }
    var file: String
    var sections: [Section]

    static let keys = ["number", "what", "source", "model", "date", "confidence", "chapters", "note", "private"]

    static func parse(_ text: String, file: String) throws(BuildFailure) -> NumbersFile {
        let reader = YAMLReader(file: file, lineOffset: 0)
        guard let items = try reader.parseList(
            text, notAList: "numbers.yml must be a list of numbers (lines starting '- number: …')",
            hint: "see the README's numbers.yml example") else { return NumbersFile(file: file, sections: []) }
        var sections = [Section(title: nil, numbers: [])]
        var collector = DiagnosticCollector()
        for item in items {
            collector.collect { () throws(BuildFailure) in
                if case let .mapping(mapping) = item, mapping.count == 1, mapping.first?.key.string == "section" {
                    let title: String
                    do throws(Diagnostic) { title = try reader.string(mapping.first!.value, key: "section") } catch { throw BuildFailure([error]) }
                    sections.append(Section(title: title, numbers: []))
                    return
                }
                let fields = try reader.mapping(item, allowed: keys + ["section"], required: [], context: "number")
                var problems: [Diagnostic] = []
                func text(_ key: String) -> String? {
                    guard let node = fields[key] else { return nil }
                    do throws(Diagnostic) { return try reader.string(node, key: key) } catch {
                        problems.append(error)
                        return nil
                    }
                }
                func list(_ key: String) -> [String] {
                    guard let node = fields[key] else { return [] }
                    do throws(Diagnostic) { return try reader.textList(node, key: key) } catch {
                        problems.append(error)
                        return []
                    }
                }
                if let section = fields["section"] {
                    problems.append(reader.error(at: section, "'section' must be an item of its own",
                                                 hint: "write '- section: Heading' on its own line before the numbers it groups"))
                }
                let at = reader.error(at: item, "")
                let number = text("number"), what = text("what"), date = text("date"), confidenceText = text("confidence")
                let sources = list("source")
                _ = text("private")
                var model = false
                if let node = fields["model"] {
                    do throws(Diagnostic) { model = try reader.bool(node, key: "model") } catch { problems.append(error) }
                }
                let label = number.map { "'\($0)'" } ?? "this number"
                for key in ["number", "what", "date", "confidence"] where fields[key] == nil {
                    problems.append(Diagnostic(file: file, line: at.line, column: at.column,
                                               message: "missing required key '\(key)' in the entry for \(label)",
                                               hint: numberHint(for: key)))
                }
                if fields["source"] == nil && !model {
                    problems.append(Diagnostic(file: file, line: at.line, column: at.column,
                                               message: "the entry for \(label) has no 'source'",
                                               hint: "give the key of its source in sources.yml (or a list of keys); "
                                                   + "for an illustrative-model result write 'model: true' instead"))
                }
                if fields["source"] != nil && model, let node = fields["model"] {
                    problems.append(reader.error(at: node, "the entry for \(label) has both 'source' and 'model: true'",
                                                 hint: "a sourced number has a source; a model result says 'model: true'"))
                }
                if let date, !isNumberDate(date), let node = fields["date"] {
                    problems.append(reader.error(at: node, "'date' of \(label) must be YYYY, YYYY-MM or YYYY-MM-DD, or a period such as 2026/2028, not '\(date)'",
                                                 hint: "the date (or period) the number refers to"))
                }
                let confidence = confidenceText.flatMap(NumberEntry.Confidence.init(rawValue:))
                if let confidenceText, confidence == nil, let node = fields["confidence"] {
                    problems.append(reader.error(at: node, "'confidence' of \(label) must be high, medium or low, not '\(confidenceText)'",
                                                 hint: "high: a primary source states it; medium: a reliable secondary source or a simple "
                                                     + "derivation; low: estimates and contested claims"))
                }
                if !problems.isEmpty { throw BuildFailure(problems) }
                sections[sections.count - 1].numbers.append(NumberEntry(
                    number: number!, what: what!, sources: sources, model: model, date: date!, confidence: confidence!,
                    chapters: list("chapters"), note: text("note"), line: at.line,
                    chaptersLine: fields["chapters"].map { reader.error(at: $0, "").line } ?? at.line,
                    sourceLine: fields["source"].map { reader.error(at: $0, "").line } ?? at.line))
            }
        }
        try collector.throwIfAny()
        return NumbersFile(file: file, sections: sections.filter { !$0.numbers.isEmpty || $0.title != nil })
    }

    /// Every source key must be in sources.yml and every chapter must exist.
    func check(bibliography: [String: SourceEntry], chapterFiles: [String]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let keys = bibliography.keys.sorted()
        for entry in sections.flatMap(\.numbers) {
            for key in entry.sources where bibliography[key] == nil {
                problems.append(Diagnostic(file: file, line: entry.sourceLine, column: 1,
                                           message: "the source '\(key)' of '\(entry.number)' is not in sources.yml",
                                           hint: closestMatch(to: key, among: keys).map { "did you mean '\($0)'?" }
                                               ?? "add it to content/sources.yml or correct the key"))
            }
            for chapter in entry.chapters where !chapterFiles.contains(chapter) {
                problems.append(Diagnostic(file: file, line: entry.chaptersLine, column: 1,
                                           message: "'\(entry.number)' names the chapter '\(chapter)', which does not exist",
                                           hint: closestMatch(to: chapter, among: chapterFiles).map { "did you mean '\($0)'?" }
                                               ?? "write the chapter's file name without .md, e.g. \(chapterFiles.first ?? "10-introduction")"))
            }
        }
        return problems
    }
}

private func numberHint(for key: String) -> String {
    switch key {
    case "number": "the number as the site prints it, e.g. 'number: about $27 billion'"
    case "what": "what it measures, in plain words"
    case "date": "the date or period it refers to: YYYY-MM-DD, YYYY-MM, YYYY, or 2026/2028"
    default: "how sure it is: high, medium or low"
    }
}

/// A date, or a period of two dates joined by `/` (ISO 8601 style).
func isNumberDate(_ text: String) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    return (1...2).contains(parts.count) && parts.allSatisfy(isPartialISODate) && (parts.count == 1 || parts[0] < parts[1])
}


/// The date as HTML, one `<time>` per end of a period (HTML has no datetime for a period):
/// `<time datetime="2026">2026</time>–<time datetime="2028">2028</time>`.
func numberDateHTML(_ text: String, words: Translations) -> String {
    text.split(separator: "/").map { part in
        "<time datetime=\"\(part)\">" + escapeHTML(words.partialDate(String(part))) + "</time>"
    }.joined(separator: "\u{2013}")
}
