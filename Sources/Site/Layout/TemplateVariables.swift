import Markdown
import Simulation
import Synchronization

/// Names templates looked up that no page had, so that a misspelt `{{siteTitel}}` is an error instead of rendering
/// as nothing (Mustache's rule for a missing name).
///
/// Every page's root context records the names that reached it: Mustache asks the innermost context first and the
/// page's own values last, so a name that reaches them and is absent there is absent everywhere. A name counts as
/// unknown when no page had it and it is not one of `pageVariables` (names a page has only sometimes, such as
/// `author` when site.yml names one, or `isGallery` on the gallery).
final class TemplateLookups: Sendable {
    private let names = Mutex<(found: Set<String>, missed: Set<String>)>(([], []))

    func record(_ page: PageLookups) {
        names.withLock { names in
            names.found.formUnion(page.found)
            names.missed.formUnion(page.missed)
        }
    }

    /// Names no page had, sorted.
    var unknown: [String] {
        names.withLock { names in names.missed.subtracting(names.found).subtracting(pageVariables).sorted() }
    }

    /// Names some page had, and those pages can have, for "did you mean".
    var known: [String] {
        names.withLock { names in names.found.union(pageVariables).sorted() }
    }
}

/// The names one page's root context was asked for: used while that page renders, on one thread.
final class PageLookups: @unchecked Sendable {
    /// Room for a page's names from the start (a page looks up about a hundred), so the sets are not regrown.
    var found = Set<String>(minimumCapacity: 128)
    var missed = Set<String>(minimumCapacity: 16)
}

/// Every name a page's own values can hold (`PageLayout`), including those only some pages or sites have.
/// A new conditional value in PageLayout needs its name here, or templates that test for it fail on sites without it.
let pageVariables: Set<String> = [
    // Every page.
    "root", "ogType", "siteTitle", "siteDescription", "language", "pageTitle", "description", "chapters", "pages",
    "allChapters",
    "glossaryIntro", "siteExtra", "extra", "content", "searchIndex", "search", "author", "footer", "publishedDate",
    "publishedText", "factsAsOf", "factsAsOfText", "corrected", "correctedText", "correctionsHref", "hasDateline",
    "numbersHref", "correctionsPage", "licence", "licenceURL", "dataLicence", "dataLicenceURL", "hasLicence", "date",
    "dateText", "updated", "updatedText", "authors", "authorList", "ogImage", "hasFeed", "canonical",
    // Chapters, pages and the home page (`footnotes` only on pages with footnotes, when the template places them).
    "body", "intro", "footnotes", "hasNotes", "notes", "hasOutline", "outline", "number", "chapterTitle", "readingMinutes", "question",
    "takeaway", "previous", "next", "pageHeading", "isHome", "toc",
    // Sources, glossary, gallery, numbers, corrections, 404.
    "sources", "terms", "isGallery", "noindex", "samplesLanguage", "items", "sections", "corrections", "is404", "inlineStyle",
    // Entries of lists, which a template may test for at the top level too.
    "href", "title", "current", "summary", "anchor", "term", "expansion", "definition", "html", "key", "id", "text", "isCited",
    "citedIn", "rows", "count", "what", "dateHTML", "sourceHTML", "confidence", "isModel", "textHTML", "kind",
    "firstColumn", "otherColumns", "block", "csvName", "hasCSV", "csv", "light", "dark", "notFirst", "noteHTML",
    "chaptersHTML", "columnLabels",
    // Languages (`Edition`): interface words, the way to the shared assets, the language switch and alternates, a
    // page shown untranslated, the 404 page's other languages, and their entries.
    "t", "assetRoot", "hasLanguages", "languages", "alternates", "xDefault", "fallbackLanguage", "otherLanguages",
    "originalLanguage", "originalLanguageName", "isDraft",
    "chapterLabel", "readingTime", "chapterShort", "confidenceText", "code", "name",
]

/// A `{{…}}` tag with its position, and the name it uses (`t.key`, `upper(a.b)`'s `a.b`).
typealias TemplateTag = (line: Int, column: Int, tag: String, expression: String)

/// A template's tags that use the interface texts (`{{t.key}}`), site.yml's `extra:` (`{{siteExtra.key}}`) and a
/// page's `extra:` (`{{extra.key}}`).
struct KeyTemplateTags {
    var words: [TemplateTag]
    var extra: [TemplateTag]
    var pageExtra: [TemplateTag]

    init(_ text: String) {
        words = templateTags(using: "t", in: text)
        extra = templateTags(using: "siteExtra", in: text)
        // Most templates name no `extra.` at all: a byte search spares them the tag scan.
        pageExtra = containsBytes(text, "extra.") ? templateTags(using: "extra", in: text) : []
    }
}

/// `{{…}}` tags that use `name` (as the first part of a dotted name, or inside a transform), with their positions.
func templateTags(using name: String, in text: String) -> [TemplateTag] {
    var found: [TemplateTag] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (lineIndex, line) in lines.enumerated() {
        var rest = line[...]
        while let open = rest.firstRange(of: "{{") {
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            var inner = rest[open.upperBound..<close.lowerBound]
            var tagEnd = close.upperBound
            if inner.first == "{", rest[tagEnd...].first == "}" { tagEnd = rest.index(after: tagEnd) }
            inner = inner.drop { "{&#^/ ".contains($0) }
            let expression = inner.prefix { $0 != " " && $0 != "}" }
            // `upper(a.b)`: the innermost name; `a.b`: its first part.
            let innermost = expression.split(whereSeparator: { $0 == "(" || $0 == ")" }).last ?? ""
            let first = innermost.split(separator: ".").first.map(String.init) ?? ""
            if first == name, !"!>=/".contains(line[open.upperBound...].first ?? " ") {
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                found.append((lineIndex + 1, column, String(line[open.lowerBound..<tagEnd]), String(innermost)))
            }
            rest = rest[tagEnd...]
        }
    }
    return found
}

/// The unknown names as errors at each tag that uses them (templates by name → text).
func unknownTemplateVariables(_ lookups: TemplateLookups, templates: [String: String]) -> [Diagnostic] {
    let known = lookups.known
    var problems: [Diagnostic] = []
    for name in lookups.unknown {
        for template in templates.keys.sorted() {
            for use in templateTags(using: name, in: templates[template]!) {
                // `{{site.title}}` was most likely meant as `{{siteTitle}}`: try the dotted name run together first.
                let parts = use.expression.split(separator: ".")
                let joined = (parts.first.map(String.init) ?? "") + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
                let guess = closestMatch(to: joined, among: known) ?? closestMatch(to: name, among: known)
                let hint = (guess.map { "did you mean '\($0)'? " } ?? "")
                    + "A name no page has renders as nothing; `explainer templates diff` shows the names this explainer's templates use"
                problems.append(Diagnostic(file: "templates/\(template).mustache", line: use.line, column: use.column,
                                           message: "unknown template variable '\(name)' in \(use.tag)", hint: hint))
            }
        }
    }
    return problems
}

/// `{{t.key}}` whose key is none of the interface texts, and `{{siteExtra.key}}` whose key site.yml's `extra:` lacks,
/// as errors at each use: Mustache would render them as nothing. `words` are the texts' keys (the translations file
/// `wordsFile` and explainer's own), `extra` the keys of `extra:`. A section over an extra value that is absent
/// (`{{#siteExtra.banner}}`) tests for it, and is an error only when the name is close to one that is there.
///
/// `keyTags` are each template's `t` and `siteExtra` tags (`keyTemplateTags`), found once per set of templates.
func unknownTemplateKeys(keyTags: [String: KeyTemplateTags], words: Set<String>, wordsFile: String, extra: Set<String>) -> [Diagnostic] {
    let sortedWords = words.sorted(), sortedExtra = extra.sorted()
    var problems: [Diagnostic] = []
    for template in keyTags.keys.sorted() {
        let tags = keyTags[template]!
        for (name, known, sorted, uses) in [("t", words, sortedWords, tags.words), ("siteExtra", extra, sortedExtra, tags.extra)] {
            for use in uses {
                let parts = use.expression.split(separator: ".")
                guard parts.count >= 2, parts[0] == name, !known.contains(String(parts[1])) else { continue }
                let key = String(parts[1])
                let guess = closestMatch(to: key, among: sorted)
                let testsForIt = use.tag.hasPrefix("{{#") || use.tag.hasPrefix("{{^")
                if name == "siteExtra", testsForIt, guess == nil { continue }
                let suggestion = guess.map { "did you mean '\(name).\($0)'? " } ?? ""
                let (message, hint): (String, String)
                if name == "t" {
                    message = "unknown interface text 't.\(key)' in \(use.tag)"
                    hint = suggestion + "'t.' names the texts of \(wordsFile) (and explainer's own); a key none has renders "
                        + "as nothing. A new text goes in every language's file under templates/i18n/"
                } else {
                    message = "'siteExtra.\(key)' in \(use.tag) is not in content/site.yml's 'extra:'"
                    hint = suggestion + (extra.isEmpty ? "site.yml has no 'extra:'; " : "'extra:' has " + sortedExtra.joined(separator: ", ") + "; ")
                        + "a name it lacks renders as nothing. Add '\(key): …' under 'extra:' in content/site.yml"
                }
                problems.append(Diagnostic(file: "templates/\(template).mustache", line: use.line, column: use.column,
                                           message: message, hint: hint))
            }
        }
    }
    return problems
}

/// `{{#extra.tags.0}}`, `{{extra.tags.length}}`: a part after a page's `extra.key` that Mustache cannot look up (an
/// item by number, a length), on no page, as a warning: the tag renders as nothing on every page.
private func unreachablePart(of use: TemplateTag, pages: [Chapter], file: String) -> Diagnostic? {
    let parts = use.expression.split(separator: ".").map(String.init)
    guard parts.count >= 3, let index = parts.indices.dropFirst(2).first(where: { index in
        parts[index].allSatisfy(\.isNumber) || ["length", "count", "size", "first", "last", "isEmpty"].contains(parts[index])
    }) else { return nil }
    // A map may have a key named so: only a path no page has is reported.
    func has(_ value: ExtraValue?, _ rest: ArraySlice<String>) -> Bool {
        guard let first = rest.first else { return value != nil }
        if case .map(let entries)? = value { return has(entries[first], rest.dropFirst()) }
        return false
    }
    let key = parts[1]
    let values = pages.compactMap { $0.frontMatter.extra[key] }
    guard !values.isEmpty, !values.contains(where: { has($0, parts[2...]) }) else { return nil }
    let list = "extra." + parts[1..<index].joined(separator: ".")
    return Diagnostic(file: file, line: use.line, column: use.column,
                      message: "'\(parts[index])' in \(use.tag) is not something Mustache can look up, so it renders as nothing on every page",
                      hint: "a list's items are not reached by number, nor its length by name: {{#\(list)}}…{{/\(list)}} "
                          + "shows its items one by one, and nothing for an empty list; to put something once around them "
                          + "(a <ul>), open it with {{#first(\(list))}} and close it with {{/first(\(list))}}",
                      severity: .warning)
}

/// `{{extra.key}}` whose key no page's front matter has under `extra:`, as warnings at each use: Mustache would render
/// it as nothing on every page. A key some pages have is fine (the others render nothing on purpose). As for
/// `siteExtra`, a section over an absent key (`{{#extra.banner}}`) tests for it, and is warned about only when the
/// name is close to one that is there.
///
/// `tags` are each template's `extra` tags, by template name (`TemplateSet.pageExtraTags`, found once per set of
/// templates).
func unknownPageExtraKeys(_ tags: [String: [TemplateTag]], pages: [Chapter]) -> [Diagnostic] {
    let extra = Set(pages.flatMap(\.frontMatter.extra.keys))
    let sorted = extra.sorted()
    var problems: [Diagnostic] = []
    let key = { (use: TemplateTag) -> String? in
        let parts = use.expression.split(separator: ".")
        return parts.count >= 2 ? String(parts[1]) : nil
    }
    for (path, uses) in tags.map({ ("templates/\($0.key).mustache", $0.value) }).sorted(by: { $0.0 < $1.0 }) where !uses.isEmpty {
        // `{{#extra.banner}}{{extra.banner}}{{/extra.banner}}`: the name inside the section is shown only when it is there.
        let tested = Set(uses.filter { $0.tag.hasPrefix("{{#") || $0.tag.hasPrefix("{{^") }.compactMap(key))
        for use in uses {
            if let problem = unreachablePart(of: use, pages: pages, file: path) {
                problems.append(problem)
                continue
            }
            guard let key = key(use), !extra.contains(key) else { continue }
            let guess = closestMatch(to: key, among: sorted)
            if tested.contains(key), guess == nil { continue }
            problems.append(Diagnostic(file: path, line: use.line, column: use.column,
                                       message: "'extra.\(key)' in \(use.tag) is in no page's front matter 'extra:', so it renders as nothing",
                                       hint: (guess.map { "did you mean 'extra.\($0)'? " } ?? "")
                                        + (extra.isEmpty ? "no page has 'extra:'; " : "pages' 'extra:' have " + sorted.joined(separator: ", ") + "; ")
                                        + "add '\(key): …' under 'extra:' in the front matter of the pages that show it",
                                       severity: .warning))
        }
    }
    return problems
}
