import Simulation
import Yams

/// The interface words of one language (`templates/i18n/<code>.yml`): every text a page shows that is not the writer's
/// content, from "Figure" and "Previous" to the 404 page, by key.
///
/// Templates show them as `{{t.key}}`; texts with a number or name in them mark its place with `{n}` (or another
/// `{name}`) and are filled in by the build (`format`).
public struct Translations: Sendable, Equatable {
    /// BCP 47, e.g. `zh-Hant`.
    public var code: String
    /// Where they came from: `templates/i18n/zh-Hant.yml` (of the site, or built in when the site has none).
    public var file: String
    public var strings: [String: String]

    public init(code: String, file: String, strings: [String: String]) {
        self.code = code
        self.file = file
        self.strings = strings
    }

    /// The text for `key`, or the key itself if it is missing (the build checks every key first, so it is not).
    public subscript(_ key: String) -> String { strings[key] ?? key }

    /// The text for `key` with each `{name}` replaced by its value.
    ///
    /// One pass over the text's bytes (names are ASCII between braces); a value is put in as it is, never searched
    /// for names again.
    public func format(_ key: String, _ values: [String: String]) -> String {
        let text = self[key]
        let bytes = text.utf8
        guard bytes.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        result.reserveCapacity(bytes.count + 16)
        var copied = bytes.startIndex, from = bytes.startIndex
        while let open = bytes[from...].firstIndex(of: UInt8(ascii: "{")) {
            let start = bytes.index(after: open)
            guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "}")) else { break }
            if let value = values[String(text[start..<close])] {
                result += text[copied..<open]
                result += value
                copied = bytes.index(after: close)
                from = copied
            } else {
                from = start
            }
        }
        result += text[copied...]
        return result
    }

    /// `format(key, ["n": …])`.
    public func format(_ key: String, _ number: Int) -> String { format(key, ["n": String(number)]) }

    /// explainer's own translations files (its starter templates' `templates/i18n/<code>.yml`), by path: parsed once
    /// per process, not on every build or preview rebuild that falls back on them.
    static let shipped: [String: Translations] = Dictionary(uniqueKeysWithValues: starterTemplates.compactMap { file in
        guard file.path.hasPrefix("templates/i18n/"), file.path.hasSuffix(".yml") else { return nil }
        let code = String(file.path.dropFirst("templates/i18n/".count).dropLast(".yml".count))
        return (try? parse(file.text, code: code, file: file.path)).map { (file.path, $0) }
    })

    /// explainer's own translations for `code` (its starter templates' `templates/i18n/<code>.yml`), if it has them.
    static func builtIn(_ code: String) -> Translations? { shipped["templates/i18n/\(code).yml"] }

    /// explainer's own translations for the language `tag`, or for the longest shorter tag it has them for
    /// (`zh-Hant-TW` → `zh-Hant.yml`); nil when explainer has none for the language. `code` is explainer's file's.
    static func builtIn(forTag tag: String) -> Translations? {
        var parts = tag.split(separator: "-").map(String.init)
        while !parts.isEmpty {
            if let words = builtIn(parts.joined(separator: "-")) { return words }
            parts.removeLast()
        }
        return nil
    }

    /// The built-in English words: for code that shows a chapter outside a site's build (`explainer charts`).
    public static let english = builtIn("en")!

    /// Forms a site's own file made before they had keys gets from explainer's file for its language without a word:
    /// they are what its pages showed then (months, separators, the month column's heading). A language explainer has
    /// no file for is still told, since English forms are wrong there.
    static let quietlyFilled: Set<String> = ["monthShortFormat", "monthsShort", "decimalSeparator", "groupSeparator", "moneyFormat", "tableMonth",
                                             "comma"]

    /// Keys the build itself shows (templates may use more; every language must have all keys of the default
    /// language's file too).
    static let required = ["languageName", "fallbackNotice", "chapterNumber", "readingTime", "chapterShort", "chapterTitle",
                           "illustrativeModel", "sources", "glossary", "numbers", "corrections", "galleryTitle",
                           "sourcesDescription", "galleryDescription", "numbersDescription", "correctionsDescription",
                           "notFoundTitle", "figure", "scenario", "highlight", "settings", "labelled", "dataTable",
                           "dataTableFor", "downloadCSV", "careful", "whatHappenedNext", "dateFormat", "monthFormat", "months",
                           "monthShortFormat", "monthsShort", "decimalSeparator", "groupSeparator",
                           "consulted", "via", "inLanguage", "translationOf", "confidenceHigh", "confidenceMedium", "confidenceLow",
                           "tableFrom", "tableTo", "tableValue", "tableYear", "tableMonth", "tableStep", "tableWhatHappens", "tableDetail",
                           "tableAlongArrow", "parenthetical", "unitUSD", "unitUSDBillions", "unitUSDTrillions",
                           "unitMoney", "unitMoneyBillions", "unitMoneyTrillions", "unitYears", "unitMonths", "everyNthRow",
                           "csvModel", "csvScenario", "csvSource", "csvSourceInCaption", "csvLicence", "csvTitle", "csvDataNotes",
                           "previewFailedOne",
                           "previewFailedMany", "previewHint", "previewNoBuild", "previewTitle", "previewWarningsOne", "previewWarningsMany",
                           "previewHideWarnings", "footnotes", "backToText",
                           "space", "fullStop", "comma", "unitAfterAside", "authorsAnd", "authorsSeparator", "authorsLastSeparator", "authorsOthers"] + searchWordKeys.map(\.1)

    /// Parses a flat YAML mapping `key: text`: written the plain way, without the YAML parser (`simpleFlatMapping`).
    static func parse(_ text: String, code: String, file: String) throws(BuildFailure) -> Translations {
        if let strings = simpleFlatMapping(text) { return Translations(code: code, file: file, strings: strings) }
        return try parseYAML(text, code: code, file: file)
    }

    /// `parse` by the YAML parser, which also reports what is wrong with a file, with its position.
    static func parseYAML(_ text: String, code: String, file: String) throws(BuildFailure) -> Translations {
        let reader = YAMLReader(file: file, lineOffset: 0)
        let node: Node?
        do throws(Diagnostic) { node = try reader.parse(text) } catch { throw BuildFailure([error]) }
        guard let node, case let .mapping(mapping) = node else {
            throw BuildFailure([reader.error(at: node, "a translations file must be a YAML mapping of 'key: text' lines",
                                             hint: "copy templates/i18n/en.yml from a new site and translate its texts")])
        }
        var strings: [String: String] = [:]
        var collector = DiagnosticCollector()
        for (key, value) in mapping {
            guard let name = key.string, case let .scalar(scalar) = value else {
                collector.add(reader.error(at: value, "each line of a translations file is 'key: text'"))
                continue
            }
            strings[name] = scalar.string
        }
        try collector.throwIfAny()
        return Translations(code: code, file: file, strings: strings)
    }
}

/// The translations of every language of the site, the default's first: the site's own `templates/i18n/<code>.yml`,
/// else the one built into explainer for that language (its starter templates). A site's own file that lacks texts
/// explainer has (one made by an earlier explainer, or copied from one) gets them from explainer's file for its
/// language, else from the English one, with a warning that names them; a file that lacks a key of the site's own
/// (in the default language's file only) is an error, and so is a key the default lacks.
///
/// A tag with more subtags uses the file of a shorter one (`zh-Hant-TW` → `zh-Hant.yml`, `en-GB` → `en.yml`); a
/// language with no file at all gets explainer's English words and a warning in `warnings`.
func loadTranslations(_ files: [SourceFile], languages: [SiteLanguage], warnings: inout [Diagnostic]) throws(BuildFailure) -> [Translations] {
    var collector = DiagnosticCollector()
    var found: [Translations] = []
    /// The path of the built-in file a site's own file stands in for, by language.
    var standingIn: [String: String] = [:]
    for language in languages {
        var parts = language.code.split(separator: "-").map(String.init)
        var candidates: [String] = []
        while !parts.isEmpty { candidates.append(parts.joined(separator: "-")); parts.removeLast() }
        var path = "templates/i18n/\(language.code).yml"
        var text: String? = nil
        search: for code in candidates {
            let candidate = "templates/i18n/\(code).yml"
            if let file = files.first(where: { $0.path == candidate }) {
                path = candidate
                text = collector.collect { () throws(BuildFailure) in try decodeOrFail(file) }
                standingIn[language.code] = candidate
                break search
            } else if let builtIn = starterTemplates.first(where: { $0.path == candidate }) {
                path = candidate
                text = builtIn.text
                break search
            }
        }
        if text == nil, collector.diagnostics.isEmpty, let english = starterTemplates.first(where: { $0.path == "templates/i18n/en.yml" }) {
            // `FR.yml` for `fr`: the file is there, under a name that differs in capitals only.
            let miscased = files.first { file in candidates.contains { "templates/i18n/\($0).yml".lowercased() == file.path.lowercased() } }
            // `kr.yml` beside `code: ko`: a file of the folder no language of the site uses, named in the hint.
            let siteFiles = Set(languages.flatMap { language in
                language.code.split(separator: "-").indices.map { end in
                    "templates/i18n/" + language.code.split(separator: "-")[...end].joined(separator: "-").lowercased() + ".yml"
                }
            })
            let unused = files.map(\.path).filter { path in
                path.hasPrefix("templates/i18n/") && path.hasSuffix(".yml") && !path.dropFirst(15).contains("/")
                    && !siteFiles.contains(path.lowercased()) && !starterTemplates.contains { $0.path == path }
            }.sorted()
            warnings.append(Diagnostic(file: miscased?.path ?? path, line: 1, column: 1,
                                       message: "no translations for language '\(language.code)': its pages show explainer's English interface words",
                                       hint: miscased.map { file in
                                           // `EN` in site.yml beside en.yml: the code is what is off (codes begin in
                                           // lowercase: en, zh-Hant), not the file (recheck 12, x12).
                                           let stem = String(file.path.dropFirst("templates/i18n/".count).dropLast(4))
                                           return stem == language.code.lowercased() && stem != language.code
                                               ? "write the code as the file is named, '\(stem)', in site.yml: a language code begins in lowercase"
                                               : "rename \(file.path) to \(path): the file is named by the language's code as site.yml writes it"
                                       }
                                           ?? (unused.isEmpty ? "" : "no language of site.yml uses " + unused.joined(separator: ", ")
                                               + ": is it meant to be \(path)? Else ")
                                           + "copy templates/i18n/en.yml to \(path) and translate its texts", severity: .warning))
            text = english.text
        }
        guard let text, var parsed = collector.collect({ () throws(BuildFailure) in
            try Translations.parse(text, code: language.code, file: path)
        }) else { continue }
        let english = Translations.english["languageName"]
        if parsed.strings["languageName"] == english, language.code.split(separator: "-").first?.lowercased() != "en",
           let name = nativeLanguageName(language.code) ?? Translations.english.languageName(of: language.code) {
            // English words for another language (none of its own, or a copy of en.yml): the language switch must
            // still call the language by its name, not "English".
            if standingIn[language.code] != nil {
                warnings.append(Diagnostic(file: path, line: 1, column: 1,
                                           message: "'languageName: \(english)' calls \(language.code) English: the language switch shows '\(name)' instead",
                                           hint: "write the language's name in itself, e.g. languageName: \(name)", severity: .warning))
            }
            parsed.strings["languageName"] = name
        }
        // A copy of en.yml (`cp en.yml fr.yml`) gets both warnings at once: its name, and every text still English.
        if standingIn[language.code] != nil, let warning = untranslatedTextsWarning(parsed, file: path) {
            warnings.append(warning)
        }
        if standingIn[language.code] != nil {
            let mistakes = parsed.mistakes(text: text)
            collector.add(mistakes.errors)
            warnings += mistakes.warnings
        }
        found.append(parsed)
    }
    try collector.throwIfAny()
    /// The line of the translations file `path` on which `key` is written (1 when it is not written at a line's start).
    func line(of key: String, in path: String) -> Int {
        files.first { $0.path == path }.flatMap { keyLine(key, in: $0.bytes) } ?? 1
    }
    // A key of the default language's own file that explainer does not know, close to one of explainer's that the file
    // lacks, is a misspelt key (`inThisChapitre:`), not a text of the site's own: an error at its line, not a "missing
    // translation" of it blamed on every other language's file (trial 17 S7).
    var misspelt: Set<String> = []
    if let first = found.first, let path = standingIn[first.code] {
        let known = Set(Translations.english.strings.keys)
        let lacking = known.subtracting(first.strings.keys).sorted()
        for key in Set(first.strings.keys).subtracting(known).sorted() {
            guard let meant = closestMatch(to: key, among: lacking) else { continue }
            misspelt.insert(key)
            collector.add(Diagnostic(file: path, line: line(of: key, in: path), column: 1,
                                     message: "unknown key '\(key)': explainer has no such text",
                                     hint: "did you mean '\(meant)'? Keys are English whatever the file's language"))
        }
    }
    // A site's own file that lacks some texts (written for an earlier explainer, which had fewer, or copied and partly
    // cut) takes them from explainer's own file for that language (or a shorter tag of it), else from its English one,
    // with a warning, so that an upgrade never stops a build that worked.
    for index in found.indices {
        guard let path = standingIn[found[index].code] else { continue }
        let ownLanguage = Translations.builtIn(forTag: found[index].code)
        let fallback = ownLanguage ?? .english
        // The default language takes every text it lacks; the others those the default language has (or the build needs).
        var wanted = Set(fallback.strings.keys)
        if index > 0 { wanted.formIntersection(Set(found[0].strings.keys).union(Translations.required)) }
        let added = wanted.subtracting(found[index].strings.keys).sorted()
        guard !added.isEmpty else { continue }
        for key in added { found[index].strings[key] = fallback.strings[key] }
        let told = ownLanguage == nil ? added : added.filter { !Translations.quietlyFilled.contains($0) }
        if !told.isEmpty { warnings.append(missingTextsWarning(told, file: path, fallback: fallback)) }
    }
    let reference = Set(found[0].strings.keys).subtracting(misspelt).union(Translations.required)
    for translations in found {
        let missing = reference.subtracting(translations.strings.keys).sorted()
        if !missing.isEmpty {
            collector.add(Diagnostic(file: translations.file, line: 1, column: 1,
                                     message: "missing translation\(missing.count == 1 ? "" : "s") of "
                                         + missing.map { "'\($0)'" }.joined(separator: ", "),
                                     hint: "add \(missing.count == 1 ? "it" : "them") in \(translations.code); see \(found[0].file) "
                                         + "for what each says"))
        }
        for extra in Set(translations.strings.keys).subtracting(reference).sorted() where translations.code != found[0].code {
            collector.add(Diagnostic(file: translations.file, line: line(of: extra, in: translations.file), column: 1,
                                     message: "unknown key '\(extra)': \(found[0].file) has no such text",
                                     hint: closestMatch(to: extra, among: reference.sorted()).map { "did you mean '\($0)'?" }
                                         ?? "a language's file translates the keys of \(found[0].file); a text of the site's own "
                                            + "is added there first (then every language's file has it)"))
        }
    }
    try collector.throwIfAny()
    return found
}

/// The line (1-based) of a translations file on which `key` is written, plain or quoted, at the line's start; nil when
/// it is not written so (the key came from elsewhere).
private func keyLine(_ key: String, in bytes: [UInt8]) -> Int? {
    let forms = [key + ":", "\"" + key + "\":", "'" + key + "':"].map { Array($0.utf8) }
    var line = 1, start = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
        if forms.contains(where: { bytes[start..<index].starts(with: $0) }) { return line }
        line += 1
        start = index + 1
    }
    return nil
}

/// The warning for a site's file of another language than English that still has explainer's English text for some keys
/// (a copy of en.yml, partly translated): those of two words or more, which another language does not share by chance
/// as it may a single word ("Sources" in French). Nil when there is none.
func untranslatedTextsWarning(_ words: Translations, file: String) -> Diagnostic? {
    guard words.code.split(separator: "-").first?.lowercased() != "en" else { return nil }
    func wordCount(_ text: String) -> Int {
        var plain = "", inPlaceholder = false
        for character in text {
            if character == "{" { inPlaceholder = true } else if character == "}" { inPlaceholder = false; plain.append(" ") }
            else if !inPlaceholder { plain.append(character) }
        }
        return plain.split { !$0.isLetter }.filter { $0.count >= 2 }.count
    }
    let english = Translations.english.strings
    // In en.yml's order, which is the pages' (every page's words first, the charts' last).
    let order = englishKeyOrder
    let keys = words.strings.keys.filter { key in
        key != "languageName" && english[key] == words.strings[key] && wordCount(words.strings[key]!) >= 2
    }.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
    guard !keys.isEmpty else { return nil }
    let shown = keys.prefix(4).map { "'\($0)' (\"\(english[$0]!)\")" }.joined(separator: ", ")
    return Diagnostic(file: file, line: 1, column: 1,
                      message: "\(keys.count) text\(keys.count == 1 ? " is" : "s are") still explainer's English: " + shown
                          + (keys.count > 4 ? " and \(keys.count - 4) more" : ""),
                      hint: "translate \(keys.count == 1 ? "it" : "them") in \(file); the pages show \(keys.count == 1 ? "it" : "them") as written",
                      severity: .warning)
}

/// Each key's place in explainer's en.yml.
private let englishKeyOrder: [String: Int] = {
    let text = starterTemplates.first { $0.path == "templates/i18n/en.yml" }?.text ?? ""
    var order: [String: Int] = [:]
    for (index, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") && !line.hasPrefix(" ") {
        if let colon = line.firstIndex(of: ":") { order[String(line[..<colon])] = order[String(line[..<colon])] ?? index }
    }
    return order
}()

/// The warning for a site's translations file that lacks `keys` (sorted), whose texts now come from `fallback`: every
/// key named, with its English text while there are few.
func missingTextsWarning(_ keys: [String], file: String, fallback: Translations) -> Diagnostic {
    let names = keys.map { "'\($0)'" }
    let listed = keys.count <= 3
        ? "no text for " + zip(keys, names).map { key, name in "\(name) (\"\(Translations.english[key])\")" }.joined(separator: ", ")
        : "no text for \(keys.count) keys: " + names.joined(separator: ", ")
    let source = fallback.code == "en" ? "explainer's English" : "explainer's own \(fallback.code)"
    let texts = "text\(keys.count == 1 ? "" : "s")"
    let ownFile = "templates/i18n/\(fallback.code).yml"
    return Diagnostic(file: file, line: 1, column: 1,
                      message: listed + ": the pages show \(source) \(texts) instead",
                      hint: file == ownFile
                          ? "see what changed with `explainer templates diff \(file)`, and add the \(texts) or take explainer's file "
                              + "with `explainer templates update \(file)`"
                          : "add the \(texts) to \(file) in its language; explainer's \(ownFile) (in a site made with `explainer new`) "
                              + "has \(keys.count == 1 ? "it" : "them")",
                      severity: .warning)
}

/// The interface words of every language `source` declares, for a page that must speak even when the build failed
/// (the preview server's error overlay): the site's own file where it parses, else explainer's built-in file for the
/// language (or a shorter tag of it), else English. Never fails; the default language comes first.
public func interfaceWords(_ source: SourceTree?) -> [Translations] {
    let config = source?.config.flatMap { file in
        (try? decodeOrFail(file)).flatMap { text in try? SiteConfig.parse(text, file: file.path) }
    }
    let languages = config?.editions ?? [SiteLanguage(code: "en")]
    return languages.map { language in
        var parts = language.code.split(separator: "-").map(String.init)
        while !parts.isEmpty {
            let code = parts.joined(separator: "-"), path = "templates/i18n/\(code).yml"
            if let file = source?.translations.first(where: { $0.path == path }), let text = try? decodeOrFail(file),
               let parsed = try? Translations.parse(text, code: language.code, file: path) {
                return parsed.filling(from: .english)
            }
            if var builtIn = Translations.builtIn(code) {
                builtIn.code = language.code
                return builtIn
            }
            parts.removeLast()
        }
        var english = Translations.english
        english.code = language.code
        english.strings["languageName"] = nativeLanguageName(language.code) ?? english.languageName(of: language.code) ?? language.code
        return english
    }
}

extension Translations {
    /// These words, with `other`'s text for each key they lack.
    func filling(from other: Translations) -> Translations {
        var copy = self
        copy.strings.merge(other.strings) { mine, _ in mine }
        return copy
    }
}
