import Markdown
import Simulation

/// A chapter (or a standalone page, or the home page's introduction) after parsing and Markdown rendering, before
/// figures are drawn and the page is laid out.
public struct Chapter: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `content/NN-slug.md`: numbered, in the table of contents.
        case chapter
        /// `content/slug.md`: a page of its own, such as `about/`.
        case page
        /// `content/index.md`: the home page's introduction.
        case home
    }

    public var file: String
    public var kind: Kind = .chapter
    /// The number shown: a chapter's place in the order of the chapters being built (1, 2, 3 … whatever the file
    /// prefixes are); 0 for pages.
    public var number: Int
    /// The file's number prefix, which orders chapters (`10-` in `10-intro.md`); 0 for pages.
    public var order: Int = 0
    public var slug: String
    public var frontMatter: FrontMatter
    public var rendered: RenderedMarkdown
    /// Line in the file of the Markdown body's first line (after the front matter).
    public var bodyLine: Int
    /// One entry per intercepted ```chart block, in order.
    public var figures: [FigureRequest]
    /// What the writer may want to fix, though the page builds (a fence never closed).
    public var warnings: [Diagnostic] = []
    /// Wrong values of the front matter (a date that is not one): the build fails on them, but the chapter, read with
    /// neutral values in their place, goes through every other check, so one run lists its other problems too.
    public var errors: [Diagnostic] = []

    /// Output path of the page, e.g. `four-steps/index.html`.
    public var outputPath: String { kind == .home ? "index.html" : slug + "/index.html" }

    /// From the output page to the site's root: `../`, or nothing for the home page.
    var root: String { kind == .home ? "" : "../" }
    /// The file's name without its folder and `.md`: `05-four-steps` (how numbers.yml and corrections.yml name it).
    var fileStem: String {
        let name = fileName(file)
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Minutes to read: 220 words a minute, 400 Chinese, Japanese or Korean characters a minute, plus half a minute
    /// per figure; at least one.
    public var readingMinutes: Int {
        max(1, Int((Double(rendered.wordCount) / 220 + Double(rendered.cjkCharacterCount) / 400
                    + Double(figures.count) * 0.5).rounded(.up)))
    }
}

/// Ids the templates use on chapter pages; headings avoid them.
let reservedPageIDs: Set<String> = ["top", "main", "the-question", "takeaway", "notes", "outline", "chapter-nav",
                                    "site-nav", "content"]

/// Parses one chapter file: front matter, Markdown (with chart and careful blocks), chart block YAML.
///
/// `siteRoot` leads from a language's root to the site's (`../` for `zh-hant/`), where `images/` is.
/// `words` label the boxes (`careful`, `whatHappenedNext`) and date the news of a "next" box.
func parseChapter(_ file: SourceFile, place: ChapterFile, terms: AutolinkTerms, registry: ModelRegistry, siteRoot: String = "",
                  words: Translations = .english) throws(BuildFailure) -> Chapter {
    let text = try decodeOrFail(file)
    let controls = checkControlCharacters(text, file: file.path)
    if !controls.isEmpty { throw BuildFailure(controls) }
    let split = try splitFrontMatter(text, file: file.path, homePage: place.kind == .home)
    var options = MarkdownOptions(
        interceptedFences: ["chart"],
        containerFences: ["careful": .init(open: "<aside class=\"careful\" role=\"note\"><p class=\"box-label\">"
                                               + escapeHTML(words["careful"]) + "</p>", close: "</aside>"),
                          "next": .init(close: "</aside>", openWithArgument: { date in whatHappenedNextOpening(date, words: words) })],
        reservedIDs: reservedPageIDs, autolinks: terms,
        // Images are written relative to the chapter file (content/images/a.png → images/a.png); pages sit one folder
        // down, except the home page.
        relativeImagePrefix: siteRoot + (place.kind == .home ? "" : "../"),
        // Raw HTML is an error unless site.yml trusts it (`checkMarkdownProblems`), so a page is only ever published
        // with it when it is wanted.
        allowRawHTML: true)
    options.footnotesLabel = words["footnotes"]
    options.backToTextLabel = words["backToText"]
    let boxProblems = checkNextBoxes(split.body, file: file.path, lineOffset: split.bodyLine - 1, words: words)
    if !boxProblems.isEmpty { throw BuildFailure(split.problems + boxProblems) }
    var rendered = renderMarkdown(split.body, options: options)
    let offset = split.bodyLine - 1
    for index in rendered.headings.indices {
        rendered.headings[index].line += offset
        rendered.headings[index].underline? += offset
    }
    for index in rendered.citations.indices { rendered.citations[index].line += offset }
    for index in rendered.links.indices { rendered.links[index].line += offset }
    for index in rendered.possibleCitations.indices { rendered.possibleCitations[index].line += offset }
    var figures: [FigureRequest] = []
    var collector = DiagnosticCollector()
    collector.add(split.problems)
    let unclosed = unclosedFenceWarning(split.body, file: file.path, lineOffset: offset)
    for block in rendered.blocks {
        let parser = ChartBlockParser(registry: registry, file: file.path, fenceLine: block.line + offset,
                                      fenceColumn: block.column)
        do throws(BuildFailure) {
            figures.append(try parser.parse(block.body))
        } catch {
            // A chart block never closed holds the rest of the chapter: its YAML fails on the prose after it, a
            // consequence of the missing fence, which is what is reported.
            if let unclosed, unclosed.line == block.line + offset {
                collector.add(unclosedChartBlock(block, file: file.path, fenceLine: unclosed.line))
            } else if let next = fenceInsideChartBody(block.body) {
                // Never closed, it ran on to the next block's closing fence: the file's fences pair up wrong after it.
                collector.add(unclosedChartBlock(block, file: file.path, fenceLine: block.line + offset, nextFence: next))
            } else {
                collector.add(error.diagnostics)
            }
        }
    }
    // Problems of the chart blocks fail the chapter (its figures could not be drawn), with its front matter's.
    if collector.diagnostics.count > split.problems.count { try collector.throwIfAny() }
    var chapter = Chapter(file: file.path, kind: place.kind, number: place.number, order: place.number, slug: place.slug,
                          frontMatter: split.frontMatter, rendered: rendered, bodyLine: split.bodyLine, figures: figures)
    chapter.errors = split.problems
    chapter.warnings += split.warnings
    if let unclosed { chapter.warnings.append(unclosed) }
    chapter.warnings += fullWidthSyntaxWarnings(split.body, file: file.path, lineOffset: offset)
    if let warning = footnoteContinuationWarning(split.body, file: file.path, lineOffset: offset) {
        chapter.warnings.append(warning)
    }
    // `[About this site](#)`: a placeholder left for an address to come, which leads to the top of the page.
    for link in rendered.links where !link.isImage && (link.written ?? link.destination) == "#" {
        chapter.warnings.append(Diagnostic(file: file.path, line: link.line, column: link.column,
                                           message: "a link to '#' leads nowhere: it only takes the reader to the top of the page",
                                           hint: "write the address it should lead to (a chapter's file, such as about.md, "
                                               + "or #a-heading), or remove the link and keep its text; a link back to the top "
                                               + "of the page is written #main (the start of its content)",
                                           severity: .warning))
    }
    func authorsLine() -> Int {
        text.split(separator: "\n", maxSplits: split.bodyLine, omittingEmptySubsequences: false)
            .prefix(split.bodyLine - 1).firstIndex { $0.hasPrefix("authors:") }.map { $0 + 1 } ?? 1
    }
    if split.frontMatter.authors.contains(starterAuthor) {
        chapter.warnings.append(Diagnostic(file: file.path, line: authorsLine(), column: 1,
                                           message: "'authors' is still the starter's '\(starterAuthor)': the page would show it",
                                           hint: "write your name (or remove the line)", severity: .warning))
    } else if split.frontMatter.authors.count == 1, let people = severalPeople(split.frontMatter.authors[0]) {
        chapter.warnings.append(Diagnostic(file: file.path, line: authorsLine(), column: 1,
                                           message: "'authors' is one text naming several people: the page and its metadata "
                                               + "would give it as one name",
                                           hint: "write a list, one person each: authors: [" + people.joined(separator: ", ") + "]; "
                                               + "one person is written as the page shows the name, without a comma",
                                           severity: .warning))
    }
    // Front matter alone (a stub): published, it would be an empty page in the menu and the contents.
    if place.kind != .home, split.body.allSatisfy(\.isWhitespace) {
        chapter.warnings.append(Diagnostic(file: file.path, line: max(1, split.bodyLine - 1), column: 1,
                                           message: "'\(fileName(file.path))' has no text after its front matter: it would be "
                                               + "published as an empty page, listed in the menu",
                                           hint: "write its text below this line, or add 'draft: true' to its front matter to "
                                               + "leave it out until it is written", severity: .warning))
    }
    chapter.warnings += cjkSpacingWarnings(split.body, file: file.path, lineOffset: offset, language: words.code)
    return chapter
}

/// The opening of a "What happened next" box (```` ```next 2026-02-03 ````): its label carries the date its news is as
/// of, in the words of the pages' "Facts as of" ("What happened next · Facts as of 3 February 2026"), so that a box
/// older than the site's facts does not read as a dateline of today.
func whatHappenedNextOpening(_ date: String, words: Translations) -> String {
    "<aside class=\"what-next\" role=\"note\"><p class=\"box-label\">" + escapeHTML(words["whatHappenedNext"])
        + " · " + escapeHTML(words["factsAsOf"] + words["space"])
        + "<time datetime=\"\(escapeHTML(date))\">" + escapeHTML(words.date(date)) + "</time></p>"
}

/// Every ```` ```next ```` fence must carry the date its news is as of (`YYYY-MM-DD`).
func checkNextBoxes(_ body: String, file: String, lineOffset: Int, words labels: Translations = .english) -> [Diagnostic] {
    // A box's fence line has the word "next": a text without those bytes has none (and splitting it costs more than
    // the rest of the check).
    guard containsBytes(body, "next") else { return [] }
    var problems: [Diagnostic] = []
    var fence: Substring? = nil
    for (index, line) in splitLines(body).enumerated() {
        let trimmed = line.drop { $0 == " " }
        let marker = trimmed.prefix { $0 == "`" || $0 == "~" }
        if let open = fence {
            if marker.count >= open.count, marker.first == open.first, trimmed.dropFirst(marker.count).allSatisfy({ $0 == " " }) { fence = nil }
            continue
        }
        guard marker.count >= 3, Set(marker).count == 1 else { continue }
        fence = marker
        let words = trimmed.dropFirst(marker.count).split(separator: " ")
        guard words.first == "next" else { continue }
        if words.count != 2 || !isISODate(String(words[1])) {
            // The label as the page's language writes it.
            let label = "\"\(labels["whatHappenedNext"]) · \(labels.date("2026-02-03"))\""
            let written = words.dropFirst().joined(separator: " ")
            if written.isEmpty {
                problems.append(Diagnostic(file: file, line: lineOffset + index + 1, column: 1,
                                           message: "a 'next' box needs the date of its news, e.g. ```next 2026-02-03",
                                           hint: "write the date (YYYY-MM-DD) after 'next' on the fence line: the box is labelled \(label)"))
            } else {
                problems.append(Diagnostic(file: file, line: lineOffset + index + 1, column: 1,
                                           message: "a 'next' box's date is written YYYY-MM-DD, not '\(written)'",
                                           hint: (dayMonthYear(written).map { $0 + "; " } ?? "write ```next 2026-02-03 for 3 February 2026; ")
                                               + "the page writes the date in its own words: the box is labelled \(label)"))
            }
        }
    }
    return problems
}

/// The people of one `authors` text that names several ("Ada Lovelace, Alan Turing", "Ada Lovelace and Alan Turing"):
/// each part between commas, "and" (or "y", "e", "et", "und"), "&" or ";" is a name of two words or more. Nil for one person, written plainly
/// or inverted ("Lovelace, Ada"), or with a title ("Ada Lovelace, PhD"), and for a company ("Procter and Gamble").
func severalPeople(_ text: String) -> [String]? {
    var parts = [Substring(text)]
    // "and" in Spanish (y, e), French (et) and German (und) too.
    for separator in [", and ", ", ", " and ", " y ", " e ", " et ", " und ", " & ", "; "] {
        parts = parts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: true) }
    }
    let people = parts.map { $0.split(separator: " ") }.filter { !$0.isEmpty }
    guard people.count > 1, people.allSatisfy({ $0.count >= 2 }) else { return nil }
    return people.map { $0.joined(separator: " ") }
}
