import Simulation
import Foundation
import Markdown
import Yams

/// One entry of `content/sources.yml`: who, what, where, when, and how a reader finds it.
///
/// `privateNote` (the `private:` key) is for the repository only: no page, index, feed or download ever shows it.
public struct SourceEntry: Sendable, Equatable {
    public var key: String
    /// People, each written `Surname, Given names`; a name without a comma is shown and sorted as written.
    public var authors: [String] = []
    /// A corporate author, shown and sorted as written (a leading "The " is not sorted on).
    public var organisation: String?
    /// A real headline or document title: shown in curly quotes.
    public var title: String?
    /// A descriptive label where there is no single headline: shown in square brackets, without quotes.
    public var label: String?
    /// The same per language code, when written as a mapping (see `annotations`).
    public var labels: [String: String] = [:]
    public var subtitle: String?
    /// The publisher, a name as written; with a description in it ("a user post", "press release") a site in several
    /// languages may write it per language code (see `annotations`).
    public var publisher: String?
    public var publishers: [String: String] = [:]
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String?
    public var url: String?
    /// A bare DOI (`10.1257/jep.33.2.3`), linked through doi.org.
    public var doi: String?
    /// The date of the copy consulted (`YYYY-MM-DD`), for pages that change.
    public var consulted: String?
    /// The key of the source this one translates.
    public var translationOf: String?
    /// The language of a source not in the site's language: a BCP 47 tag (`zh-Hant`), shown in each page's words
    /// (`language.zh-Hant` of its translations file: Traditional Chinese, 繁體中文). A one-language site may write the
    /// name instead (`Traditional Chinese`), shown as written.
    public var language: String?
    /// The route, when a reader needs it to find the text.
    public var via: String?
    /// The same per language code, when written as a mapping (see `annotations`).
    public var vias: [String: String] = [:]
    /// One public sentence on what the source supports (inline Markdown), as written when it has one language.
    public var annotation: String?
    /// The same sentence per language code, when it is written as a mapping (`annotation: {en: …, zh-Hant: …}`):
    /// on a site in several languages, each language's pages show their own.
    public var annotations: [String: String] = [:]
    /// Never rendered.
    public var privateNote: String?
    /// The line of the entry's key in sources.yml.
    public var line = 1

    static let keys = ["authors", "organisation", "title", "label", "subtitle", "publisher", "date", "url", "doi",
                       "consulted", "translation_of", "language", "via", "annotation", "private"]
    /// Keys of the first sources.yml format, now errors that name their replacement.
    static let replacedKeys = [
        "author": "'author' is now 'authors' (people, as [\"Surname, Given names\", …]) or 'organisation' (a corporate author)",
        "accessed": "'accessed' is now 'consulted' (the day you read a page that changes; leave it out for fixed texts)",
        "note": "'note' is now 'annotation' (one public sentence) or 'private' (never shown: ledger rows, verification notes)",
    ]

    public init(key: String, authors: [String] = [], organisation: String? = nil, title: String? = nil,
                label: String? = nil) {
        self.key = key
        self.authors = authors
        self.organisation = organisation
        self.title = title
        self.label = label
    }

    /// What the entry is called in search results and lists: its title, else its label.
    var heading: String { title ?? label ?? key }

    /// The entry as the pages of language `code` show it: its label, annotation and route in that language, where
    /// they are written per language.
    func localized(_ code: String) -> SourceEntry {
        var entry = self
        if let text = labels[code] { entry.label = text }
        if let text = annotations[code] { entry.annotation = text }
        if let text = vias[code] { entry.via = text }
        if let text = publishers[code] { entry.publisher = text }
        return entry
    }

    /// The author line as a reader reads it, joined in the page's words: the first person inverted (the list is sorted
    /// on it), the others in natural order: "Wong, Matteo, and Charlie Warzel", 「Wong, Matteo與Charlie Warzel」.
    /// The publisher as a reference shows it: not repeated when it is the organisation named first ("The Real Deal.
    /// […]. The Real Deal").
    var shownPublisher: String? {
        guard let publisher, publisher.lowercased() != organisation?.lowercased() else { return nil }
        return publisher
    }

    func creatorText(words: Translations) -> String? {
        if let organisation { return organisation }
        guard let first = authors.first else { return nil }
        let rest = authors.dropFirst().map(naturalOrder)
        guard let last = rest.last else { return first }
        // An inverted first name has a comma of its own, so English sets the last one apart with a comma too.
        if rest.count == 1 { return first + words[first.contains(",") ? "authorsLastSeparator" : "authorsAnd"] + last }
        return ([first] + rest.dropLast()).joined(separator: words["authorsSeparator"]) + words["authorsLastSeparator"] + last
    }

    /// The key the sources page sorts on: the first author's surname (then given names), else the organisation
    /// without a leading "The ", else the title; case and accents ignored.
    var sortKey: String {
        var text: String
        if let organisation {
            text = organisation
            if text.hasPrefix("The ") { text = String(text.dropFirst(4)) }
        } else if let first = authors.first {
            text = first
        } else {
            text = heading
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The short form another entry uses to point at this one: "Wong and Warzel, “Here’s How the AI Crash Happens”".
    func shortReference(words: Translations, languages: (page: String, default: String)? = nil) -> String {
        let names = organisation.map { [$0] } ?? authors.map(surname)
        let who = names.count <= 2 ? names.joined(separator: words["authorsAnd"]) : words.format("authorsOthers", ["name": names[0]])
        let what = title.map { "\u{201C}" + inItsLanguage(escapeHTML($0), languages) + "\u{201D}" }
            ?? "[" + escapeHTML(label ?? key) + "]"
        return who.isEmpty ? what : escapeHTML(who) + words["comma"] + what
    }

    /// A title as a page in `languages.page` shows it: marked with its own language where that is not the page's
    /// (`language`, else the site's default language), so a screen reader reads an English title on a Chinese page
    /// with an English voice.
    func inItsLanguage(_ html: String, _ languages: (page: String, default: String)?) -> String {
        guard let languages else { return html }
        let own = language ?? languages.default
        guard own.lowercased() != languages.page.lowercased() else { return html }
        return "<span lang=\"\(escapeHTML(own))\">" + html + "</span>"
    }

    /// The reference as HTML: authors. “Title: Subtitle” (linked) (language). [Translation of …] *Publisher*, date.
    /// doi. Consulted … Via … Annotation. `entries` resolves `translation_of`, linked as from a page one folder down
    /// (`../sources/#…`; the home page's notes drop the `../`).
    func html(entries: [String: SourceEntry], words: Translations, languages: (page: String, default: String)? = nil) -> String {
        var sentences: [String] = []
        if let creator = creatorText(words: words) {
            sentences.append(escapeHTML(creator.hasSuffix(".") ? creator : creator + words["fullStop"]))
        }
        var name: String
        if let title {
            var text = title
            if let subtitle { text += ": " + subtitle }
            name = "\u{201C}" + inItsLanguage(escapeHTML(text), languages) + "\u{201D}"
        } else {
            name = "[" + escapeHTML(label ?? key) + "]"
        }
        if let url, isSafeURL(url) {
            name = "<a href=\"\(escapeHTML(url))\" rel=\"noopener\">\(name)</a>"
            if let host = displayHost(url) { name += " <span class=\"source-host\">(\(escapeHTML(host)))</span>" }
        }
        if let language {
            name += " " + escapeHTML(words.format("inLanguage", ["language": words.languageName(of: language) ?? language]))
        }
        var what = name
        if let target = translationOf, let original = entries[target] {
            // "(in Traditional Chinese). Translation of …", 「（繁體中文）。譯自 …」: the stop and space of the page's language.
            what += escapeHTML(words["fullStop"] + words["space"] + words["translationOf"] + words["space"]) + "<a href=\"../sources/#source-\(escapeHTML(target))\">\(original.shortReference(words: words, languages: languages))</a>"
        }
        var place: [String] = []
        if let publisher = shownPublisher {
            // Chinese and Japanese set no italics (a slanted 大西洋月刊 is a browser's fake): a publisher in those
            // scripts stands upright, with the title marks its writer gives it (《大西洋月刊》).
            place.append(publisher.unicodeScalars.contains(where: isHanOrKana) ? escapeHTML(publisher)
                         : "<i>" + escapeHTML(publisher) + "</i>")
        }
        if let date {
            // A date that starts the sentence starts with a capital, as a month's name written in lowercase
            // ("junio de 2022") would not.
            let text = words.partialDate(date)
            place.append(escapeHTML(place.isEmpty ? text.prefix(1).uppercased() + text.dropFirst() : text))
        }
        // The page's own stop and comma between the parts (。 and ， on a Chinese page), whatever the title's language.
        let stop = words["fullStop"]
        sentences.append(what + stop + (place.isEmpty ? "" : words["space"] + place.joined(separator: words["comma"]) + stop))
        if let doi {
            let link = "https://doi.org/" + doi
            sentences.append("<a href=\"\(escapeHTML(link))\" rel=\"noopener\">doi:\(escapeHTML(doi))</a>.")
        }
        if let consulted { sentences.append(escapeHTML(words.format("consulted", ["date": words.partialDate(consulted)]))) }
        if let via {
            sentences.append(escapeHTML(words.format("via", ["via": via.hasSuffix(".") || via.hasSuffix("。") ? String(via.dropLast()) : via])))
        }
        if let annotation {
            sentences.append("<span class=\"annotation\">" + inlineMarkdown(annotation) + "</span>")
        }
        // Sentences are set apart by a space, except after a full-width stop (轉引自媒體報導。指出……).
        var html = ""
        for sentence in sentences {
            if let last = html.last, !"。！？）」』".contains(last) { html += " " }
            html += sentence
        }
        return html
    }
}

/// `Surname, Given` → `Given Surname`; a name without a comma as written.
private func naturalOrder(_ name: String) -> String {
    guard let comma = name.firstIndex(of: ",") else { return name }
    let surname = name[..<comma].trimmingCharacters(in: .whitespaces)
    let given = name[name.index(after: comma)...].trimmingCharacters(in: .whitespaces)
    return given.isEmpty ? surname : given + " " + surname
}

/// The surname of `Surname, Given`; a name without a comma as written.
private func surname(_ name: String) -> String {
    guard let comma = name.firstIndex(of: ",") else { return name }
    return name[..<comma].trimmingCharacters(in: .whitespaces)
}

/// The host a reader sees after a link, without `www.`: `theatlantic.com`.
func displayHost(_ url: String) -> String? {
    guard let range = url.range(of: "://") else { return nil }
    var host = url[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if host.hasPrefix("www.") { host = host.dropFirst(4) }
    return host.isEmpty ? nil : String(host)
}

/// One line of Markdown as inline HTML (no paragraph around it, no citations).
func inlineMarkdown(_ text: String) -> String {
    var html = renderMarkdown(text, options: MarkdownOptions(citations: false)).htmlWithFootnotes
        .trimmingCharacters(in: .whitespacesAndNewlines)
    if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
    return html
}

/// Only web links and mailto are written into pages; `javascript:` and friends are dropped.
func isSafeURL(_ url: String) -> Bool {
    let lowered = url.lowercased()
    return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:")
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
func isPartialISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4,
          parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
    if parts.count == 3 { return isISODate(text) }
    if parts.count == 2 { return parts[1].count == 2 && (1...12).contains(Int(parts[1]) ?? 0) }
    return true
}


/// Parses `content/sources.yml`: a map from key to reference fields (see `SourceEntry`). `languages` are the site's
/// language codes, the default first: with more than one, an annotation is written once per language.
/// `drafts` are those of them that fall back to the default language (site.yml's `fallback: true`): a text may leave
/// them out, and a one-language text is then shown to them as written.
func parseBibliography(_ text: String, file: String, languages: [String] = [], drafts: Set<String> = [])
    throws(BuildFailure) -> [String: SourceEntry] {
    let complete = languages.filter { !drafts.contains($0) }
    let reader = YAMLReader(file: file, lineOffset: 0)
    let node: Node?
    do throws(Diagnostic) { node = try reader.parse(text) } catch { throw BuildFailure([error]) }
    guard let node else { return [:] }
    guard case let .mapping(mapping) = node else {
        throw BuildFailure([reader.error(at: node, "sources.yml must map each key to its fields")])
    }
    var entries: [String: SourceEntry] = [:]
    var keyNodes: [String: Node] = [:]
    var translations: [(key: String, node: Node)] = []
    var collector = DiagnosticCollector()
    for (keyNode, value) in mapping {
        collector.collect { () throws(BuildFailure) in
            let key: String
            do throws(Diagnostic) { key = try reader.string(keyNode, key: "key") } catch { throw BuildFailure([error]) }
            // `aemet-año-2023`: a citation's key is ASCII letters, digits and - _ . :, so every [@aemet-año-2023]
            // would be printed as written (trial 15 S9). Said here, once, not at each citation.
            if let odd = key.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0))) }) {
                let proposed = String(latinLetters(key, umlauts: true).map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) ? $0 : "-" })
                // A key of another script (`乾旱-2023`) has no Latin spelling to propose.
                let letters = proposed.filter(\.isLetter).count * 2 >= key.filter(\.isLetter).count && proposed.contains(where: \.isLetter)
                throw BuildFailure([reader.error(at: keyNode, "source key '\(key)' has '\(odd)', which a citation's key cannot hold: "
                                                     + "every [@\(key)] would be printed as written",
                                                 hint: "keys are ASCII letters, digits and - _ . :"
                                                     + (letters ? " — write '\(proposed)' here and in its citations" : ": name the source in Latin letters, here and in its citations"))])
            }
            if case let .mapping(pairs) = value {
                let replaced = pairs.compactMap { pair -> Diagnostic? in
                    guard let name = pair.key.string, let hint = SourceEntry.replacedKeys[name] else { return nil }
                    return reader.error(at: pair.key, "source '\(key)' uses the old key '\(name)'", hint: hint)
                }
                if !replaced.isEmpty { throw BuildFailure(replaced) }
            }
            let fields = try reader.mapping(value, allowed: SourceEntry.keys, required: [], context: "source '\(key)'")
            var problems: [Diagnostic] = []
            func field(_ name: String) -> String? {
                guard let node = fields[name] else { return nil }
                do throws(Diagnostic) { return try reader.string(node, key: name) } catch {
                    problems.append(error)
                    return nil
                }
            }
            /// A text a reader sees (`label`, `annotation`, `via`, `publisher`): one string, or on a site in several languages one line per
            /// language code (`en: …`, `zh-Hant: …`), each language's pages showing their own.
            /// `publisher` is a name, which one text may give for every language (`oneForAll`).
            func perLanguage(_ name: String, oneForAll: Bool = false) -> (String?, [String: String]) {
                guard let node = fields[name] else { return (nil, [:]) }
                guard case let .mapping(pairs) = node else {
                    let text = field(name)
                    if text != nil && complete.count > 1 && !oneForAll {
                        problems.append(reader.error(at: node, "the \(name) of source '\(key)' is in one language, "
                                                         + "but the site is in \(languages.count) (\(languages.joined(separator: ", ")))",
                                                     hint: "write it once per language, as '\(name):' followed by lines '"
                                                         + languages.map { "\($0): …" }.joined(separator: "', '") + "'"))
                    }
                    return (text, [:])
                }
                var texts: [String: String] = [:]
                for (codeNode, textNode) in pairs {
                    do throws(Diagnostic) {
                        let code = try reader.string(codeNode, key: name)
                        texts[code] = try reader.string(textNode, key: name)
                        if !languages.isEmpty && !languages.contains(code) {
                            problems.append(reader.error(at: codeNode, "the \(name) of source '\(key)' has a text in '\(code)', "
                                                             + "which is not a language of this site",
                                                         hint: "the site's languages (site.yml) are " + languages.joined(separator: ", ")))
                        }
                    } catch { problems.append(error) }
                }
                let missing = complete.filter { texts[$0] == nil }
                if !missing.isEmpty {
                    problems.append(reader.error(at: node, "the \(name) of source '\(key)' has no text in " + missing.joined(separator: ", "),
                                                 hint: "add a line '\(missing[0]): …' under '\(name):' with its translation"))
                }
                // The default language's text stands for the entry (title checks, sorting, a one-language build) and
                // for the languages a draft leaves out; `localized` picks each edition's own.
                return (languages.first.flatMap { texts[$0] }, texts)
            }
            var entry = SourceEntry(key: key)
            entry.line = reader.error(at: keyNode, "").line
            if let node = fields["authors"] {
                if case .sequence(let list) = node {
                    entry.authors = list.compactMap { item in
                        do throws(Diagnostic) { return try reader.string(item, key: "authors") } catch {
                            problems.append(error)
                            return nil
                        }
                    }
                } else if let one = field("authors") {
                    entry.authors = [one]
                    // One string naming several people ("Diamond, Douglas W. and Dybvig, Philip H.") would be printed
                    // as one name, inverted at its first comma.
                    // Each part inverted ("Surname, Given names") is a person: "Procter and Gamble" is one name.
                    if let joiner = [" and ", " & ", "; "].first(where: { one.contains($0) }),
                       case let people = one.components(separatedBy: joiner).map({ $0.trimmingCharacters(in: .whitespaces) }),
                       people.allSatisfy({ $0.contains(", ") }) {
                        problems.append(reader.error(at: node, "'authors' of source '\(key)' is one text naming several people: "
                                                         + "the page would print it as one name",
                                                     hint: "write a list, one person each: authors: ["
                                                         + people.map { "\"\($0)\"" }.joined(separator: ", ") + "]"))
                    }
                }
                if entry.authors.isEmpty && problems.isEmpty {
                    problems.append(reader.error(at: node, "'authors' of source '\(key)' is empty",
                                                 hint: "list people as [\"Surname, Given names\", …], or use 'organisation'"))
                }
            }
            entry.organisation = field("organisation")
            // The page sets a title in quotation marks itself: a title typed inside its own (`“Boletín semanal”`,
            // 「…」) would be printed in two pairs (trial 15 S3).
            entry.title = field("title").map(withoutEnclosingQuotes)
            (entry.label, entry.labels) = perLanguage("label")
            entry.subtitle = field("subtitle")
            (entry.publisher, entry.publishers) = perLanguage("publisher", oneForAll: true)
            entry.date = field("date")
            entry.url = field("url")
            entry.doi = field("doi")
            entry.consulted = field("consulted")
            entry.translationOf = field("translation_of")
            entry.language = field("language")
            (entry.annotation, entry.annotations) = perLanguage("annotation")
            (entry.via, entry.vias) = perLanguage("via")
            entry.privateNote = field("private")
            let at = reader.error(at: keyNode, "")
            func problem(_ message: String, _ hint: String, node: String? = nil) {
                let place = node.flatMap { fields[$0] }.map { reader.error(at: $0, "") } ?? at
                problems.append(Diagnostic(file: place.file, line: place.line, column: place.column, message: message, hint: hint))
            }
            if fields["authors"] != nil && fields["organisation"] != nil {
                problem("source '\(key)' has both 'authors' and 'organisation'",
                        "give people under 'authors' or a corporate author under 'organisation', not both", node: "organisation")
            }
            switch (entry.title, entry.label) {
            case (nil, nil):
                problem("source '\(key)' needs a 'title' or a 'label'",
                        "'title' is the real headline (shown in quotation marks); 'label' describes a source without one (shown in [brackets])")
            case (.some, .some):
                problem("source '\(key)' has both 'title' and 'label'",
                        "keep 'title' if it is the real headline, else 'label'", node: "label")
            default: break
            }
            if entry.subtitle != nil && entry.title == nil {
                problem("'subtitle' needs a 'title' (source '\(key)')", "a label has no subtitle: put it into the label", node: "subtitle")
            }
            if let date = entry.date, !isPartialISODate(date) {
                problem("'date' of source '\(key)' must be YYYY, YYYY-MM or YYYY-MM-DD, not '\(date)'",
                        "write the publication date, e.g. 2025-10-30, 2025-10 or 2025", node: "date")
            }
            if let consulted = entry.consulted, !isISODate(consulted) {
                problem("'consulted' of source '\(key)' must be a date like 2026-12-03, not '\(consulted)'",
                        "the day you consulted the copy you cite (only for pages that change)", node: "consulted")
            } else if let consulted = entry.consulted, let date = entry.date, isPartialISODate(date),
                      consulted.prefix(date.count) < date {
                // Compared to the date's own precision: consulted 2024-03-02 is not before a date of 2024.
                problem("source '\(key)' was consulted on \(consulted), before its date \(date)",
                        "check both: 'date' is when the text was published, 'consulted' the day you read it", node: "consulted")
            }
            if let url = entry.url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") {
                problem("'url' of source '\(key)' must be an http(s) address without spaces",
                        "write the full address, e.g. https://www.example.org/report", node: "url")
            }
            if let doi = entry.doi, !doi.hasPrefix("10.") || doi.contains(" ") {
                problem("'doi' of source '\(key)' must be a bare DOI such as 10.1257/jep.33.2.3",
                        "drop any https://doi.org/ prefix", node: "doi")
            }
            if let target = fields["translation_of"], entry.translationOf != nil { translations.append((key, target)) }
            if !problems.isEmpty { throw BuildFailure(problems) }
            entries[key] = entry
            keyNodes[key] = keyNode
        }
    }
    for (key, node) in translations {
        guard let target = entries[key]?.translationOf else { continue }
        if entries[target] == nil {
            collector.add(reader.error(at: node, "'translation_of' of source '\(key)' names '\(target)', which is not in sources.yml",
                                       hint: closestMatch(to: target, among: entries.keys.sorted()).map { "did you mean '\($0)'?" }
                                           ?? "give the key of the source this one translates"))
        } else if target == key {
            collector.add(reader.error(at: node, "source '\(key)' cannot be a translation of itself",
                                       hint: "give the key of the original"))
        }
    }
    try collector.throwIfAny()
    return entries
}

extension Translations {
    /// The name of the language `tag` in these words, from the key `language.<tag>` (`language.zh-Hant`: 繁體中文), or
    /// of a shorter tag (`zh-Hant-TW` → `language.zh-Hant`); tags match whatever their case. Nil when there is none.
    func languageName(of tag: String) -> String? {
        var parts = tag.split(separator: "-").map(String.init)
        while !parts.isEmpty {
            let key = "language." + parts.joined(separator: "-").lowercased()
            if let name = strings.first(where: { $0.key.lowercased() == key })?.value { return name }
            parts.removeLast()
        }
        return nil
    }
}

/// A source's `language:` must be one every page can name in its own language: a tag that each translations file
/// names (`language.zh-Hant`). On a one-language site a language written by name (`Traditional Chinese`) is shown as
/// written; on a site in several languages that name would be English on every page, so it is an error.
func checkSourceLanguages(_ bibliography: [String: SourceEntry], translations: [Translations],
                          file: String = "content/sources.yml") -> [Diagnostic] {
    guard !translations.isEmpty else { return [] }
    var problems: [Diagnostic] = []
    for entry in bibliography.values.sorted(by: { ($0.line, $0.key) < ($1.line, $1.key) }) {
        guard let language = entry.language else { continue }
        if isLanguageTag(language) {
            let unnamed = translations.filter { $0.languageName(of: language) == nil }
            guard !unnamed.isEmpty else { continue }
            problems.append(Diagnostic(file: file, line: entry.line, column: 1,
                                       message: "source '\(entry.key)' is in '\(language)', which "
                                           + unnamed.map(\.file).joined(separator: " and ") + " gives no name for",
                                       hint: "add 'language.\(language): <its name>' to " + translations.map(\.file).joined(separator: " and ")
                                           + " (e.g. language.\(language): the language's name in each file's language)"))
        } else if translations.count > 1 {
            let guess = languageTag(forName: language)
            problems.append(Diagnostic(file: file, line: entry.line, column: 1,
                                       message: "the language of source '\(entry.key)' is written as a name, '\(language)', "
                                           + "which would show in that language on every edition",
                                       hint: (guess.map { "write the tag '\($0)': " } ?? "write a BCP 47 tag such as en, fr or zh-Hant: ")
                                           + "each page names it in its own language (language.<tag> in templates/i18n/<code>.yml)"))
        }
    }
    return problems
}

/// `text` without one pair of quotation marks around the whole of it: “…”, "…", «…», „…“, 「…」, 『…』.
func withoutEnclosingQuotes(_ text: String) -> String {
    let pairs: [(Character, Character)] = [("\u{201C}", "\u{201D}"), ("\"", "\""), ("«", "»"), ("\u{201E}", "\u{201C}"),
                                           ("「", "」"), ("『", "』")]
    guard text.count > 2, let pair = pairs.first(where: { text.first == $0.0 && text.last == $0.1 }) else { return text }
    let inner = text.dropFirst().dropLast()
    // Not two quotations side by side: “A” and “B”.
    guard !inner.contains(pair.1) else { return text }
    return String(inner).trimmingCharacters(in: .whitespaces)
}
