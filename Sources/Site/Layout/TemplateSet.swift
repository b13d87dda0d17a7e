import Mustache

/// The Mustache templates of `templates/`, parsed, with each parse error located in its file.
struct TemplateSet {
    static let required = ["base", "chapter", "index", "sources", "glossary", "404", "head", "nav", "footer"]
    private var library: MustacheLibrary
    private var names: Set<String>
    /// Each template's text, to place errors about the names it uses.
    private var texts: [String: String] = [:]
    /// Whether `{{#chapters}}` sections may be rendered from remembered entries (`MenuSections.prerenderable`).
    private(set) var prerendersMenus = false
    /// The names pages looked up, for `unknownVariables()`.
    private(set) var lookups = TemplateLookups()
    /// The digest of the template files (a key part of `PageCache`).
    private(set) var digest = ContentDigest(first: 0, second: 0)
    /// The templates whose pages place a chapter's footnotes themselves, with `{{{footnotes}}}`: those that use the
    /// name, in their own text, in a partial they include or in `base` (which renders with the page's values).
    /// Templates made before there was such a name get the footnotes at the end of the body instead.
    private var footnotesPlacers: Set<String> = []
    /// Each template's `t.` and `siteExtra.` tags, found once (the preview keeps a set of templates across rebuilds).
    private var keyTags: [String: KeyTemplateTags] = [:]

    /// Whether `templates/<name>.mustache` exists (for optional pages such as the gallery).
    func has(_ name: String) -> Bool { names.contains(name) }

    /// Whether the pages of template `name` show the footnotes list where the template says (`footnotes`), rather
    /// than at the end of the body (`body`, `intro`) as a template that never names it needs them.
    func placesFootnotes(_ name: String) -> Bool { footnotesPlacers.contains(name) }

    init(_ files: [SourceFile]) throws(BuildFailure) {
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        var names: Set<String> = []
        var texts: [String: String] = [:]
        var references: [String: [PartialReference]] = [:]
        // Each file parses on its own (on all cores); the results are taken in the files' order.
        let parsed = concurrentMap(files.filter { $0.path.hasSuffix(".mustache") }) { file -> (String, ParsedTemplate) in
            let name = String(fileName(file.path).dropLast(".mustache".count))
            do {
                let text = try decodeText(file)
                // The pragma line is standalone, so it renders nothing; parse errors are reported one line up.
                let template = try MustacheTemplate(string: TemplateEscaping.pragmaLine + text)
                return (name, .parsed(template, text: text, references: partialReferences(in: text, template: name)))
            } catch let diagnostic as Diagnostic {
                return (name, .failed(diagnostic))
            } catch let error as MustacheTemplate.ParserError {
                // The parser notices an unclosed section at the end of the file: the section is named where it opened.
                if let text = try? decodeText(file), let mismatch = sectionMismatch(in: text) {
                    return (name, .failed(Diagnostic(file: file.path, line: mismatch.line, column: mismatch.column,
                                                     message: "template syntax error: \(mismatch.message)", hint: mismatch.hint)))
                }
                let line = error.context.lineNumber - 1
                return (name, .failed(Diagnostic(file: file.path, line: line, column: error.context.columnNumber,
                                                 message: "template syntax error: \(describe(error.error))",
                                                 hint: syntaxErrorHint(error.error, line: (try? decodeText(file)).flatMap { text in
                                                     text.split(separator: "\n", omittingEmptySubsequences: false)
                                                         .dropFirst(line - 1).first.map(String.init)
                                                 }))))
            } catch {
                return (name, .failed(Diagnostic(file: file.path, line: 1, column: 1, message: "template error: \(error)")))
            }
        }
        for (name, result) in parsed {
            names.insert(name)  // present, even if it fails to parse: that error is reported on its own
            switch result {
            case .parsed(let template, let text, let partials):
                library.register(template, named: name)
                references[name] = partials
                texts[name] = text
                problems += escapedHTMLTags(in: text, file: "templates/\(name).mustache")
            case .failed(let diagnostic):
                problems.append(diagnostic)
            }
        }
        if problems.isEmpty { problems += checkPartials(references, reportedElsewhere: Set(Self.required)) }
        problems += unprintedFootnotes(texts: texts, partials: references)
        for name in Self.required where !names.contains(name) {
            problems.append(Diagnostic(file: "templates/\(name).mustache", line: 1, column: 1,
                                       message: "missing template '\(name)'",
                                       hint: "every site needs templates/\(name).mustache; `explainer new` writes a complete set"))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        self.library = library
        self.names = names
        self.texts = texts
        prerendersMenus = MenuSections.prerenderable(texts)
        footnotesPlacers = templatesUsing("footnotes", texts: texts, partials: references)
        keyTags = texts.mapValues(KeyTemplateTags.init)
        digest = ContentDigest(of: files)
    }

    /// One template file, parsed or not.
    private enum ParsedTemplate: @unchecked Sendable {
        case parsed(MustacheTemplate, text: String, references: [PartialReference])
        case failed(Diagnostic)
    }

    /// The same templates, recording the names pages look up afresh (for another build).
    func withNewLookups() -> TemplateSet {
        var templates = self
        templates.lookups = TemplateLookups()
        return templates
    }

    /// Renders a page template, then wraps it in `base` with the same context plus `content`.
    func renderPage(_ template: String, context: [String: Any]) throws(Diagnostic) -> String {
        try renderPage(template, context: context, recording: PageLookups())
    }

    /// `renderPage`, recording the names the page looked up in `pageLookups` too (`PageCache` keeps them).
    func renderPage(_ template: String, context: [String: Any], recording pageLookups: PageLookups) throws(Diagnostic) -> String {
        defer { lookups.record(pageLookups) }
        guard let body = library.render(TemplateContext(context, lookups: pageLookups), withTemplate: template) else {
            throw Diagnostic(file: "templates/\(template).mustache", line: 1, column: 1, message: "missing template '\(template)'")
        }
        // `base` sees the page's values and `content`, without a copy of the page's values.
        guard let html = library.render(BaseContext(page: TemplateContext(context, lookups: pageLookups), content: body),
                                        withTemplate: "base") else {
            throw Diagnostic(file: "templates/base.mustache", line: 1, column: 1, message: "missing template 'base'")
        }
        return html
    }
}

extension TemplateSet {
    /// Names templates used that no page has (a misspelt `{{siteTitel}}`), as errors at each use; call after every
    /// page is rendered.
    func unknownVariables() -> [Diagnostic] {
        unknownTemplateVariables(lookups, templates: texts)
    }

    /// Each template's `{{extra.…}}` tags, by name, for `unknownPageExtraKeys` (over every language's pages).
    var pageExtraTags: [String: [TemplateTag]] { keyTags.mapValues(\.pageExtra) }

    /// `{{t.key}}` and `{{siteExtra.key}}` with a key the interface texts `words`, or site.yml's `extra:`, lack.
    func unknownKeys(words: Translations, extra: Set<String>) -> [Diagnostic] {
        unknownTemplateKeys(keyTags: keyTags, words: Set(words.strings.keys), wordsFile: words.file, extra: extra)
    }
}

/// The templates that use `name` (`templateTags(using:in:)`) in their own text, in a partial they include (at any
/// depth) or in `base`, which every page is wrapped in with the page's values.
func templatesUsing(_ name: String, texts: [String: String], partials: [String: [PartialReference]]) -> Set<String> {
    let direct = Set(texts.keys.filter { !templateTags(using: name, in: texts[$0]!).isEmpty })
    let inBase = reaches("base", oneOf: direct, partials: partials)
    return Set(texts.keys.filter { inBase || reaches($0, oneOf: direct, partials: partials) })
}

/// Whether `template` is one of `targets` or includes one as a partial, at any depth.
func reaches(_ template: String, oneOf targets: Set<String>, partials: [String: [PartialReference]]) -> Bool {
    var seen: Set<String> = [template]
    var pending = [template]
    while let next = pending.popLast() {
        if targets.contains(next) { return true }
        for reference in partials[next] ?? [] where seen.insert(reference.partial).inserted { pending.append(reference.partial) }
    }
    return false
}

/// What to do about a parser's error, given the text of its line: a `{{{` tag closed with two braces is named.
private func syntaxErrorHint(_ error: any Error, line: String?) -> String {
    if let error = error as? MustacheTemplate.Error, case .unfinishedName = error, let line,
       line.components(separatedBy: "{{{").count > line.components(separatedBy: "}}}").count {
        return "a {{{name}}} tag (HTML put in as it is) closes with three braces: }}}"
    }
    return "check that every {{#section}} has a matching {{/section}}"
}

/// The parser's error in words.
private func describe(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    return switch error {
    case .expectedSectionEnd: "a section is still open at the end of the template"
    case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
    case .unfinishedName: "a tag is not closed with }}"
    case .invalidSetDelimiter: "invalid set-delimiter tag"
    default: "\(error)"
    }
}
