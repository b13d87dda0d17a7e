import Yams

/// A value of a free `extra:` map (in a page's front matter or in site.yml), kept as the writer wrote it and handed to
/// templates as it is: `{{extra.subtitle}}`, `{{#extra.tags}}{{.}}{{/extra.tags}}`, `{{#extra.wide}}…{{/extra.wide}}`.
public indirect enum ExtraValue: Sendable, Equatable {
    case text(String)
    case bool(Bool)
    case list([ExtraValue])
    case map([String: ExtraValue])

    /// What templates see: text, `true`/`false` (so a section over a false flag renders nothing), lists and maps.
    var templateValue: Any {
        switch self {
        case .text(let text): TemplateText(text: text)
        case .bool(let flag): flag
        case .list(let items): items.map(\.templateValue)
        case .map(let entries): TemplateContext(entries.mapValues(\.templateValue))
        }
    }
}

extension YAMLReader {
    /// Reads an `extra:` value: a mapping of names to text, numbers (kept as written), booleans, lists and maps.
    func extra(_ node: Node, key: String) throws(Diagnostic) -> ExtraValue {
        guard case .mapping = node else {
            throw error(at: node, "'\(key)' must be a mapping of names to values",
                        hint: "write it as '\(key):' followed by indented 'name: value' lines")
        }
        return try extraValue(node, key: key)
    }

    private func extraValue(_ node: Node, key: String) throws(Diagnostic) -> ExtraValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any, let flag = node.bool { return .bool(flag) }
            return .text(scalar.string)
        case .sequence(let sequence):
            var items: [ExtraValue] = []
            for item in sequence { items.append(try extraValue(item, key: key)) }
            return .list(items)
        case .mapping(let mapping):
            var entries: [String: ExtraValue] = [:]
            for (name, value) in mapping {
                guard let name = name.string, !name.isEmpty else { throw error(at: name, "names in '\(key)' must be words") }
                entries[name] = try extraValue(value, key: key + "." + name)
            }
            return .map(entries)
        case .alias:
            throw error(at: node, "YAML aliases are not supported in '\(key)'", hint: "write the value out")
        }
    }
}
