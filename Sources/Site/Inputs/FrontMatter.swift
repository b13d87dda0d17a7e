import Foundation
import Markdown
import Yams

/// A chapter's or page's front matter, checked strictly.
public struct FrontMatter: Sendable, Equatable {
    public var title: String
    public var question: String?
    public var summary: String?
    public var takeaway: String?
    public var draft = false
    /// When the page was first published, `YYYY-MM-DD`.
    public var date: String?
    /// When the page last changed in substance, `YYYY-MM-DD` (not before `date`).
    public var updated: String?
    /// The date this page's facts were last checked, `YYYY-MM-DD` (overrides site.yml's `factsAsOf`).
    public var factsAsOf: String?
    /// The page's description for search engines and link previews (meta description, `og:description`).
    public var description: String?
    /// Who wrote the page; `authors: Ada Lovelace` or a list.
    public var authors: [String] = []
    /// A picture in `content/images/` for link previews (`og:image`), e.g. `images/cover.png`.
    public var image: String?
    /// The line of `image:` in the file, for a diagnostic when the picture is missing.
    var imageLine = 0
    /// Anything else the writer's templates show, as `{{extra.name}}`.
    public var extra: [String: ExtraValue] = [:]

    static let keys = ["title", "question", "summary", "takeaway", "draft", "date", "updated", "factsAsOf", "description",
                       "authors", "image", "extra"]

    /// The keys written, with their values as the page shows them, in `keys`' order (`draft: false` is not told from
    /// no `draft`, so `draft` is left out); `extra`'s as `extra.name`.
    var writtenKeys: [(key: String, value: String)] {
        var written: [(String, String?)] = [("title", title), ("question", question), ("summary", summary),
                                            ("takeaway", takeaway), ("date", date), ("updated", updated),
                                            ("factsAsOf", factsAsOf), ("description", description),
                                            ("authors", authors.isEmpty ? nil : authors.joined(separator: ", ")), ("image", image)]
        written += extra.keys.sorted().map { ("extra.\($0)", "") }
        return written.compactMap { key, value in value.map { (key, $0) } }
    }

    /// Hints for keys of other tools' front matter (Hugo, Jekyll, Docusaurus), for a file named `fileName`.
    static func otherToolsKeys(fileName: String) -> [String: String] {
        let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        let slug = digits.isEmpty ? stem : String(stem.dropFirst(digits.count).drop { $0 == "-" })
        func order(_ key: String) -> String {
            "chapters are ordered by the number their file names start with (\(digits.isEmpty ? "20-\(slug).md" : fileName)), "
                + "not by '\(key)': remove this line, and rename the file to move the chapter"
        }
        let address = "the file's name (after its number) is the page's address, \(slug)/: remove this line, and rename "
            + "the file to change it"
        func own(_ key: String) -> String {
            "explainer makes no \(key) pages; to keep them for your templates, put them under 'extra:' (extra: {\(key): [a, b]}), "
                + "shown with {{#extra.\(key)}}{{.}}{{/extra.\(key)}}; else remove this line"
        }
        return ["weight": order("weight"), "order": order("order"), "sidebar_position": order("sidebar_position"),
                "nav_order": order("nav_order"), "slug": address,
                "url": address, "permalink": address, "tags": own("tags"), "categories": own("categories"),
                "keywords": own("keywords"), "series": own("series"),
                "lastmod": "did you mean 'updated'? (when the page last changed in substance, YYYY-MM-DD)",
                "publishDate": "did you mean 'date'? (when the page was first published, YYYY-MM-DD)"]
    }
}

/// A chapter file split into front matter and body, with the line where the body starts.
struct SplitChapter {
    var frontMatter: FrontMatter
    var body: String
    /// 1-based line in the file of the body's first line.
    var bodyLine: Int
    /// Values of the front matter that are wrong (a date that is not one, Markdown in a title) though its YAML was
    /// read: the build fails, but `frontMatter` holds a neutral value in their place, so the body is still checked.
    var problems: [Diagnostic] = []
    /// What is allowed but likely wrong (a date more than a year ahead).
    var warnings: [Diagnostic] = []
}

/// Splits `---` front matter from the body and parses it; every problem carries its line and column.
///
/// - Parameter homePage: the home page's introduction (`content/index.md`), where front matter and its title are
///   optional.
func splitFrontMatter(_ text: String, file: String, homePage: Bool = false) throws(BuildFailure) -> SplitChapter {
    // Only the lines up to the closing `---` are cut (or the first alone when it opens no front matter).
    let (lines, more) = leadingLines(text) { index, line in (index == 0) != (line.trimmingTrailingSpaces() == "---") }
    if lines.first?.trimmingTrailingSpaces() == "+++" {
        throw BuildFailure([Diagnostic(file: file, line: 1, column: 1,
                                       message: "TOML front matter is not supported; use YAML between --- lines",
                                       hint: "replace both '+++' lines with '---', and write each key as 'key: value' "
                                           + "(title = \"…\" becomes title: …)")])
    }
    if homePage, lines.first?.trimmingTrailingSpaces() != "---" {
        return SplitChapter(frontMatter: FrontMatter(title: ""), body: text, bodyLine: 1)
    }
    guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
        throw BuildFailure([missingFrontMatter(text, file: file)])
    }
    guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces() == "---" }) else {
        throw BuildFailure([Diagnostic(file: file, line: 1, column: 1, message: "front matter is not closed",
                                       hint: "add a line '---' after the last front-matter key")])
    }
    var matter: FrontMatter
    // Problems of values: reported with the body's, which is checked all the same.
    var problems: [Diagnostic] = []
    if let simple = simpleFrontMatter(lines[1..<close]) {
        matter = simple
    } else {
        (matter, problems) = try checkedYAMLFrontMatter(lines[1..<close], file: file, titleRequired: !homePage)
    }
    // The line a key is written on (0-based), looked for only when there is something to report there.
    func keyLine(_ key: String) -> Int? { lines[1..<close].firstIndex { $0.hasPrefix(key + ":") } }
    // Texts the page prints as they are: Markdown in them would show as written.
    let plainTexts = [("title", matter.title), ("question", matter.question), ("summary", matter.summary),
                      ("takeaway", matter.takeaway), ("description", matter.description)]
    for (key, text) in plainTexts {
        guard let text else { continue }
        let problem: (message: String, hint: String)
        if let markdown = markdownInPlainText(text, key: key) {
            problem = markdown
        } else if text.count > 1, let first = text.first, let last = text.last,
                  quotePairs.contains(where: { $0 == (first, last) }),
                  // One quotation around the whole value; „A“ oder „B“ quotes twice, inside a title.
                  !text.dropFirst().dropLast().contains(where: { $0 == first || $0 == last }) {
            // Curly quotes around the whole value are text to YAML: the page would show them.
            problem = ("'\(key)' is written in \(first == "\u{201C}" || first == "\u{2018}" ? "curly quotes" : "quotation marks") (\(first)…\(last)), which YAML keeps as part of the text: the page would show them",
                       "use straight quotes, \(key): \"\(text.dropFirst().dropLast())\", or none")
        } else {
            continue
        }
        guard let line = keyLine(key) else { continue }
        problems.append(Diagnostic(file: file, line: line + 1, column: key.count + 3, message: problem.message, hint: problem.hint))
    }
    for (key, text) in plainTexts {
        guard let text, let line = keyLine(key) else { continue }
        // `summary: &Co la sécheresse`, `title: !Attention …`: YAML takes `&Co` for an anchor and `!Attention` for a
        // tag and drops them from the text, without an error (trial 17 S8).
        let written = lines[line].dropFirst(key.count + 1).drop { $0 == " " }
        if let first = written.unicodeScalars.first, first == "&" || first == "!",
           let reading = yamlIndicatorReading(first) {
            let word = written.prefix { $0 != " " }
            problems.append(Diagnostic(file: file, line: line + 1, column: key.count + 3,
                                       message: "YAML reads '\(word)' at the start of '\(key)' \(reading): the page would show '\(text)'",
                                       hint: "put the value in quotes: " + quotedYAMLValue(key: key, String(written))))
            continue
        }
        // `question: … d’électricité&nbsp;?`: the page escapes the text, so the reader would see `&nbsp;` (trial 17 S4).
        if let reference = characterReference(in: text) {
            let place = lines[line..<close].indices.lazy.compactMap { number in
                lines[number].range(of: reference.written).map { (number, lines[number][..<$0.lowerBound].count + 1) }
            }.first ?? (line, key.count + 3)
            problems.append(Diagnostic(file: file, line: place.0 + 1, column: place.1,
                                       message: "'\(key)' is plain text, not HTML: pages would show '\(reference.written)' as written",
                                       hint: "type the character itself instead: \(reference.typeInstead)"))
        }
    }
    // A date more than a year ahead of the build's day is most likely a typo (2062 for 2026): published, the page
    // would say so, and the sitemap and feed would carry it. A warning: a page may be dated ahead on purpose.
    var warnings: [Diagnostic] = []
    for (key, date) in [("date", matter.date), ("updated", matter.updated), ("factsAsOf", matter.factsAsOf)] {
        guard let date, date > aYearAfterBuildDay, let line = keyLine(key) else { continue }
        warnings.append(Diagnostic(file: file, line: line + 1, column: key.count + 3,
                                   message: "'\(key)' is \(date), more than a year after today (\(buildDay)): the page would say so",
                                   hint: "check the year; a page is dated when it is published", severity: .warning))
    }
    // The texts get the punctuation the body gets from cmark (curly quotes, dashes), so a page never mixes the two.
    matter.title = smartPunctuatedText(matter.title)
    matter.question = matter.question.map(smartPunctuatedText)
    matter.summary = matter.summary.map(smartPunctuatedText)
    matter.takeaway = matter.takeaway.map(smartPunctuatedText)
    matter.description = matter.description.map(smartPunctuatedText)
    // The body is the rest of the text after the closing line (and its line feed): a slice, not a re-join of lines.
    let body = more ? String(text[text.utf8.index(after: lines[close].endIndex)...]) : ""
    return SplitChapter(frontMatter: matter, body: body, bodyLine: close + 2, problems: problems.sorted { $0.line < $1.line },
                        warnings: warnings)
}

/// Front matter read with the YAML parser: any YAML, every problem reported with its line and column.
func yamlFrontMatter(_ lines: ArraySlice<Substring>, file: String, titleRequired: Bool = true)
    throws(BuildFailure) -> FrontMatter {
    let (matter, problems) = try checkedYAMLFrontMatter(lines, file: file, titleRequired: titleRequired)
    if !problems.isEmpty { throw BuildFailure(problems) }
    return matter
}

/// Front matter read with the YAML parser. YAML that cannot be read, or keys that are unknown or missing, fail it;
/// a key whose value is wrong is a problem returned beside the front matter, which leaves that key's neutral value
/// (no date, no summary, `draft: false`) in its place, so that the page's body can still be checked.
func checkedYAMLFrontMatter(_ lines: ArraySlice<Substring>, file: String, titleRequired: Bool = true)
    throws(BuildFailure) -> (FrontMatter, [Diagnostic]) {
    let yaml = lines.joined(separator: "\n")
    let reader = YAMLReader(file: file, lineOffset: 1)
    let node: Node?
    do throws(Diagnostic) { node = try reader.parse(yaml, checkCommentCuts: false) } catch { throw BuildFailure([error]) }
    if node == nil && !titleRequired { return (FrontMatter(title: ""), []) }
    guard node != nil else {
        throw BuildFailure([Diagnostic(file: file, line: 1, column: 1, message: "missing required key 'title' in front matter",
                                       hint: "add a line such as 'title: How the tide turns' between the two '---' lines")])
    }
    let entries = try reader.mapping(node, allowed: FrontMatter.keys, required: titleRequired ? ["title"] : [],
                                     context: "front matter", missingAt: (1, 1),
                                     otherTools: FrontMatter.otherToolsKeys(fileName: fileName(file)))
    var matter = FrontMatter(title: "")
    var collector = DiagnosticCollector()
    // Every text value, `authors: Jane Doe #1` and `extra:`'s included, not only the texts the page prints first.
    if let problem = reader.commentCut(in: node, text: yaml) { collector.add(problem) }
    for key in FrontMatter.keys {
        guard let value = entries[key] else { continue }
        collector.collect { () throws(Diagnostic) in
            switch key {
            case "title": matter.title = try reader.string(value, key: key)
            case "question": matter.question = try reader.string(value, key: key)
            case "summary": matter.summary = try reader.string(value, key: key)
            case "takeaway": matter.takeaway = try reader.string(value, key: key)
            case "draft": matter.draft = try reader.bool(value, key: key)
            case "date": matter.date = try reader.date(value, key: key)
            case "updated": matter.updated = try reader.date(value, key: key)
            case "factsAsOf": matter.factsAsOf = try reader.date(value, key: key)
            case "description": matter.description = try reader.string(value, key: key)
            case "authors": matter.authors = try reader.textList(value, key: key)
            case "image":
                matter.image = try reader.string(value, key: key)
                matter.imageLine = reader.error(at: value, "").line
            default: matter.extra = try reader.extra(value, key: key).mapEntries
            }
        }
    }
    if let date = matter.date, let updated = matter.updated, updated < date, let node = entries["updated"] {
        collector.add(reader.error(at: node, "'updated' (\(updated)) is before 'date' (\(date))",
                                   hint: "'date' is when the page was first published, 'updated' when it last changed"))
    }
    return (matter, collector.diagnostics)
}

/// The error for a chapter whose first line is not `---`: blank lines above an opening `---` (a stray empty first
/// line) are named as the mistake, since the file does have front matter further down.
func missingFrontMatter(_ text: String, file: String) -> Diagnostic {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if let opening = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
       opening > 0, lines[opening].trimmingCharacters(in: .whitespaces) == "---" {
        return Diagnostic(file: file, line: 1, column: 1,
                          message: "the front matter's '---' is on line \(opening + 1), not the first line, so the file has no front matter",
                          hint: "remove the blank line\(opening == 1 ? "" : "s") above it")
    }
    return Diagnostic(file: file, line: 1, column: 1, message: "missing front matter",
                      hint: "start the file with a line '---', then 'title: …', then another '---'")
}

/// For a date written day first, `25-11-2026` or `25/11/2026` (as in Spanish, French, German or British English),
/// what to write instead: `write 2026-11-25`, or both readings when the day could be the month (`05-11-2026`).
func dayMonthYear(_ text: String) -> String? {
    let pieces = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
    guard pieces.count == 3, pieces.map(\.count) == [pieces[0].count, pieces[1].count, 4],
          (1...2).contains(pieces[0].count), (1...2).contains(pieces[1].count),
          let first = Int(pieces[0]), let second = Int(pieces[1]), let year = Int(pieces[2]), year >= 1000 else { return nil }
    func iso(month: Int, day: Int) -> String? {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
    switch (iso(month: second, day: first), iso(month: first, day: second)) {
    case let (dayFirst?, monthFirst?) where dayFirst != monthFirst:
        return "write \(dayFirst) if \(pieces[0]) is the day, \(monthFirst) if it is the month"
    case let (dayFirst?, _): return "write \(dayFirst)"
    case let (nil, monthFirst?): return "write \(monthFirst)"
    default: return nil
    }
}

extension YAMLReader {
    /// A date written `YYYY-MM-DD`, a day of the calendar.
    func date(_ node: Node, key: String) throws(Diagnostic) -> String {
        let text = try string(node, key: key)
        guard isISODate(text) else {
            if let day = dayMonthYear(text) {
                throw error(at: node, "'\(key)' is \(text): dates are written year first, YYYY-MM-DD", hint: day)
            }
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3, text.count == 10, (1...12).contains(parts[1]) {
                throw error(at: node, "'\(key)' is \(text), which is not a day of the calendar: "
                                + "\(Translations.english.partialDate(String(text.prefix(7)))) has \(daysIn(month: parts[1], year: parts[0])) days",
                            hint: "write the real date as YYYY-MM-DD")
            }
            if parts.count == 3, text.count == 10, text.split(separator: "-").map(\.count) == [4, 2, 2], !(1...12).contains(parts[1]) {
                throw error(at: node, "'\(key)' is \(text): there is no month \(parts[1])",
                            hint: "write it as YYYY-MM-DD, the month (01–12) between the year and the day")
            }
            // 2026-12-7: a real day written without its zeros.
            if parts.count == 3, text.split(separator: "-").map(\.count) != [4, 2, 2], parts[0] >= 1000,
               (1...12).contains(parts[1]), (1...daysIn(month: parts[1], year: parts[0])).contains(parts[2]) {
                let padded = String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
                throw error(at: node, "'\(key)' must be a date like 2025-11-30, with two-digit months and days",
                            hint: "write \(key): \(padded)")
            }
            throw error(at: node, "'\(key)' must be a date like 2025-11-30", hint: "write it as YYYY-MM-DD")
        }
        return text
    }

    /// One text or a list of texts.
    func textList(_ node: Node, key: String) throws(Diagnostic) -> [String] {
        if case .scalar = node { return [try string(node, key: key)] }
        guard case let .sequence(sequence) = node else {
            throw error(at: node, "'\(key)' must be a name or a list of names", hint: "e.g. \(key): [Ada Lovelace, Alan Turing]")
        }
        var out: [String] = []
        for item in sequence { out.append(try string(item, key: key)) }
        return out
    }
}

extension ExtraValue {
    /// The entries of a map (what `YAMLReader.extra` returns).
    var mapEntries: [String: ExtraValue] {
        if case .map(let entries) = self { return entries }
        return [:]
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var slice = self
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}

/// Quotation marks around a whole value that YAML keeps as text: English curly quotes, German „…“ (and „…”, ‚…‘),
/// guillemets either way round (»…« in German, «…» in French, and the single ›…‹), and full-width ＂…＂.
private let quotePairs: [(Character, Character)] = [("\u{201C}", "\u{201D}"), ("\u{2018}", "\u{2019}"), ("\u{201E}", "\u{201C}"),
                                                    ("\u{201E}", "\u{201D}"), ("\u{00BB}", "\u{00AB}"), ("\u{00AB}", "\u{00BB}"),
                                                    ("\u{201A}", "\u{2018}"), ("\u{203A}", "\u{2039}"), ("\u{2039}", "\u{203A}"),
                                                    ("\u{FF02}", "\u{FF02}")]

/// The day the build runs, `YYYY-MM-DD` (UTC), and the same day a year later: read once per process. Only warnings
/// use them; what a build writes never depends on the clock.
let buildDay: String = {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return String(format: "%04d-%02d-%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday)
}()
let aYearAfterBuildDay = String(Int(buildDay.prefix(4))! + 1) + buildDay.dropFirst(4)
