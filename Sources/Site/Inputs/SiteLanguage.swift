import Yams

/// One language of a multilingual site, from site.yml's `languages:` list (the default language first).
///
/// The default language's content is `content/*.md` and is published at the site's root; every other language's
/// content mirrors it file for file in `content/<path>/` and is published under `<path>/`.
public struct SiteLanguage: Sendable, Equatable {
    /// BCP 47, e.g. `en`, `zh-Hant`: the pages' `lang` and the name of the translations file `templates/i18n/<code>.yml`.
    public var code: String
    /// The folder of its content below `content/` and of its pages below the site's root, e.g. `zh-hant`; empty for the
    /// default language.
    public var path: String
    /// Site-wide texts of site.yml in this language (the default language's come from site.yml's own keys).
    public var title: String?
    public var description: String?
    public var footer: String?
    public var glossaryIntro: String?
    public var author: String?
    /// Whether a file not yet translated is published from the default language (marked on the page) instead of
    /// failing the build: for a draft translation.
    public var fallback = false

    public init(code: String, path: String = "", fallback: Bool = false) {
        self.code = code
        self.path = path
        self.fallback = fallback
    }

    /// `zh-hant/`, or nothing for the default language: where its pages are below the site's root.
    var prefix: String { path.isEmpty ? "" : path + "/" }
    /// `content/zh-hant/`, or `content/` for the default language.
    var contentFolder: String { "content/" + prefix }

    static let keys = ["code", "path", "title", "description", "footer", "glossaryIntro", "author", "fallback"]
}

extension YAMLReader {
    /// site.yml's `languages:`: a list of mappings, the default language first.
    func languages(_ node: Node, reserved: Set<String>) throws(BuildFailure) -> [SiteLanguage] {
        guard case let .sequence(items) = node, !items.isEmpty else {
            throw BuildFailure([error(at: node, "'languages' must be a list of languages, the default first",
                                      hint: "e.g. languages: [{code: en}, {code: zh-Hant, path: zh-hant, title: …}]")])
        }
        if let item = items.first(where: { if case .mapping = $0 { false } else { true } }) {
            // `languages: [en, fr]`: one error for the list, showing the form, not one per item.
            throw BuildFailure([error(at: item, "each language in 'languages' is a mapping with its 'code', not a bare '\(item.string ?? "…")'",
                                      hint: "write one '- code: …' line per language under 'languages:', the default first: "
                                        + "'  - code: en', then '  - code: fr' (or languages: [{code: en}, {code: fr}])")])
        }
        var languages: [SiteLanguage] = []
        var collector = DiagnosticCollector()
        for (index, item) in items.enumerated() {
            guard let entries = collector.collect({ () throws(BuildFailure) in
                try mapping(item, allowed: SiteLanguage.keys, required: ["code"], context: "language entry")
            }) else { continue }
            collector.collect { () throws(Diagnostic) in
                let code = try string(entries["code"]!, key: "code")
                if let problem = languageTagProblem(code) { throw error(at: entries["code"], problem.message, hint: problem.hint) }
                var language = SiteLanguage(code: code)
                if let node = entries["path"] {
                    let path = try string(node, key: "path")
                    guard index > 0 else {
                        throw error(at: node, "the default language (the first) is published at the site's root and has no 'path'",
                                    hint: "remove 'path' from the first language")
                    }
                    guard path.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
                          path.first != "-", path.last != "-" else {
                        let cleaned = latinLetters(path, umlauts: true).split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).joined(separator: "-")
                        let suggestion = cleaned.isEmpty || cleaned == path ? "" : "write 'path: \(cleaned)'; "
                        throw error(at: node, "'path' must be lowercase letters, digits and hyphens, e.g. zh-hant",
                                    hint: suggestion + "it names the folder content/<path>/ and the address <path>/ of the language's pages")
                    }
                    guard !reserved.contains(path) else {
                        throw error(at: node, "'path: \(path)' is a folder the site uses itself", hint: "choose another, e.g. \(path)-site")
                    }
                    language.path = path
                } else if index > 0 {
                    language.path = code.lowercased()
                }
                if let node = entries["fallback"] {
                    language.fallback = try bool(node, key: "fallback")
                    guard index > 0 || !language.fallback else {
                        throw error(at: node, "the default language cannot fall back: the others fall back to it",
                                    hint: "remove 'fallback' from the first language")
                    }
                }
                for key in ["title", "description", "footer", "glossaryIntro", "author"] {
                    guard let node = entries[key] else { continue }
                    let text = key == "author" ? try author(node) : try string(node, key: key)
                    if key == "footer" || key == "glossaryIntro", let problem = markdownInPlainText(text, key: key) {
                        throw error(at: node, problem.message, hint: problem.hint)
                    }
                    switch key {
                    case "title": language.title = text
                    case "description": language.description = text
                    case "footer": language.footer = text
                    case "author": language.author = text
                    default: language.glossaryIntro = text
                    }
                }
                if let same = languages.first(where: { $0.code.lowercased() == code.lowercased() }) {
                    throw error(at: entries["code"], "language '\(code)' is listed twice", hint: "list each language once (\(same.code))")
                }
                if index > 0, let same = languages.first(where: { $0.path == language.path }) {
                    throw error(at: entries["path"] ?? entries["code"], "two languages use the folder '\(language.path)' (\(same.code), \(code))",
                                hint: "give one of them another 'path'")
                }
                languages.append(language)
            }
        }
        try collector.throwIfAny()
        return languages
    }
}
