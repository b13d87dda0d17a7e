import Markdown
import Yams

/// One entry of `content/sources.yml`.
public struct SourceEntry: Sendable, Equatable {
    public var key: String
    public var author: String?
    public var title: String
    public var publisher: String?
    public var date: String?
    public var url: String?
    public var accessed: String?
    public var via: String?
    public var note: String?

    static let keys = ["author", "title", "publisher", "date", "url", "accessed", "via", "note"]

    /// The reference as HTML: author, "title", publisher, date, link, route.
    var html: String {
        var parts: [String] = []
        if let author { parts.append(escapeHTML(author)) }
        let titleHTML = "“" + escapeHTML(title) + "”"
        if let url, isSafeURL(url) {
            parts.append("<a href=\"\(escapeHTML(url))\" rel=\"noopener\">\(titleHTML)</a>")
        } else {
            parts.append(titleHTML)
        }
        if let publisher { parts.append("<i>" + escapeHTML(publisher) + "</i>") }
        if let date { parts.append(escapeHTML(date)) }
        var text = parts.joined(separator: ", ") + "."
        if let via { text += " Via " + escapeHTML(via) + "." }
        if let note { text += " " + escapeHTML(note) }
        if let accessed { text += " Accessed " + escapeHTML(accessed) + "." }
        return text
    }
}

/// Only web links and mailto are written into pages; `javascript:` and friends are dropped.
func isSafeURL(_ url: String) -> Bool {
    let lowered = url.lowercased()
    return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:")
}

/// Parses `content/sources.yml`: a map from key to reference fields; `title` is required.
func parseBibliography(_ text: String, file: String) throws(BuildFailure) -> [String: SourceEntry] {
    let reader = YAMLReader(file: file, lineOffset: 0)
    let node: Node?
    do throws(Diagnostic) { node = try reader.parse(text) } catch { throw BuildFailure([error]) }
    guard let node else { return [:] }
    guard case let .mapping(mapping) = node else {
        throw BuildFailure([reader.error(at: node, "sources.yml must map each key to its fields")])
    }
    var entries: [String: SourceEntry] = [:]
    var collector = DiagnosticCollector()
    for (keyNode, value) in mapping {
        collector.collect { () throws(BuildFailure) in
            let key: String
            do throws(Diagnostic) { key = try reader.string(keyNode, key: "key") } catch { throw BuildFailure([error]) }
            let fields = try reader.mapping(value, allowed: SourceEntry.keys, required: ["title"],
                                            context: "source '\(key)'")
            func field(_ name: String) throws(BuildFailure) -> String? {
                guard let node = fields[name] else { return nil }
                do throws(Diagnostic) { return try reader.string(node, key: name) } catch { throw BuildFailure([error]) }
            }
            entries[key] = SourceEntry(key: key, author: try field("author"), title: try field("title") ?? "",
                                       publisher: try field("publisher"), date: try field("date"), url: try field("url"),
                                       accessed: try field("accessed"), via: try field("via"), note: try field("note"))
        }
    }
    try collector.throwIfAny()
    return entries
}
