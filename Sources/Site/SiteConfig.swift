/// `content/site.yml`: the site's title, description, language, author and optional base URL.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var description: String
    /// BCP 47, e.g. `en`, `zh-Hant`.
    public var language: String
    public var author: String
    /// Used only for absolute URLs in sitemap and feed; every link inside pages is relative.
    public var baseURL: String?

    static let keys = ["title", "description", "language", "author", "baseURL"]

    public init(title: String, description: String = "", language: String = "en", author: String = "", baseURL: String? = nil) {
        self.title = title
        self.description = description
        self.language = language
        self.author = author
        self.baseURL = baseURL
    }

    /// Parses the YAML text of `site.yml`; unknown keys and a missing title are errors.
    static func parse(_ text: String, file: String) throws(BuildFailure) -> SiteConfig {
        let reader = YAMLReader(file: file, lineOffset: 0)
        let node: Yams.Node?
        do throws(Diagnostic) { node = try reader.parse(text) } catch { throw BuildFailure([error]) }
        let entries = try reader.mapping(node, allowed: keys, required: ["title"], context: "site.yml",
                                         missingAt: (1, 1))
        var config = SiteConfig(title: "")
        var collector = DiagnosticCollector()
        for key in keys.sorted() {
            guard let value = entries[key] else { continue }
            collector.collect { () throws(Diagnostic) in
                let text = try reader.string(value, key: key)
                switch key {
                case "title": config.title = text
                case "description": config.description = text
                case "language": config.language = text
                case "author": config.author = text
                default: config.baseURL = text.hasSuffix("/") ? text : text + "/"
                }
            }
        }
        try collector.throwIfAny()
        return config
    }
}

import Yams
