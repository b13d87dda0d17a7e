import Yams

/// Keys whose values are names the build reads, not text a page prints (`kind: line #x`): a one-word value of one of
/// these before ` #…` is left to YAML. Any other key's value, a name or a label included (`section: History #2`,
/// `author: Editors #1`), is text cut off.
private let settingKeys: Set<String> = ["kind", "id", "model", "data", "format", "scale", "overlay", "default", "code",
                                        "path", "language", "date", "updated", "url", "doi", "consulted", "fallback", "draft",
                                        "gallery", "baseURL", "type", "axis", "source", "chapters", "chapter", "confidence",
                                        "private", "series", "scenarios", "first-column", "points", "shared-axes", "digits",
                                        "min", "max", "x", "y", "from", "to", "value", "seed", "translation_of", "licence",
                                        "license", "image", "order", "weight", "slug", "published", "factsAsOf",
                                        "chartFonts", "dataLicence", "dataLicense", "view"]

extension YAMLReader {
    /// The first plain (unquoted) text value that YAML cut short at a ` #` on its line, reading the rest as a comment:
    /// `title: Sequía #1 en España` publishes "Sequía" on every page, `what: Reserve #42 weekly` "Reserve". A cut is
    /// told from a comment by how it is written: one space (or tab) before the `#` and none after it (`#1`, `#42`),
    /// after a value of words (several, or one that is no setting: `section: History #2`). A comment is written apart: `title: Tides   # required`, or
    /// `# note` with a space after the sign. `text` is the YAML as parsed (lines counted from 1, as the marks are).
    func commentCut(in root: Node?, text: String) -> Diagnostic? {
        guard let root, text.utf8.contains(UInt8(ascii: "#")) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func check(_ node: Node, key: String) -> Diagnostic? {
            switch node {
            case .mapping(let mapping):
                for (keyNode, value) in mapping {
                    if let found = check(value, key: keyNode.string ?? key) { return found }
                }
                return nil
            case .sequence(let sequence):
                for item in sequence {
                    if let found = check(item, key: key) { return found }
                }
                return nil
            case .scalar:
                return commentCut(node, key: key, lines: lines[...])
            default:
                return nil
            }
        }
        return check(root, key: "value")
    }

    /// `commentCut(in:text:)` for one value, `node`, of `key`; `lines` are the YAML's, the first being line 1.
    func commentCut(_ node: Node, key: String, lines: ArraySlice<Substring>) -> Diagnostic? {
        guard case let .scalar(scalar) = node, scalar.style == .plain, !scalar.string.isEmpty, let mark = node.mark,
              lines.indices.contains(lines.startIndex + mark.line - 1) else { return nil }
        let line = lines[lines.startIndex + mark.line - 1]
        guard mark.column >= 1, mark.column - 1 <= line.count else { return nil }
        let rest = line.dropFirst(mark.column - 1)
        guard let cut = rest.firstRange(of: " #") ?? rest.firstRange(of: "\t#"),
              rest[..<cut.lowerBound].trimmingCharacters() == scalar.string,
              cut.lowerBound > rest.startIndex, !rest[rest.index(before: cut.lowerBound)].isWhitespace,
              let after = rest[cut.upperBound...].first, !after.isWhitespace else { return nil }
        // `overlay: true #draws`, `kind: line #x`, `date: 2026-01-02 #x`: a one-word setting is left to YAML.
        let words = scalar.string.contains(" ") || scalar.string.contains { !$0.isASCII }
        // A date or number, a bool, an address, or a lowercase name (`earmarked`, `inherit`: a model's or the
        // stylesheet's word, as `params:` and site settings give them) is a setting whatever its key.
        let value = scalar.string
        let setting = settingKeys.contains(key) || ["true", "false", "null", "~"].contains(value.lowercased())
            || (Double(value) != nil && value.first.map { $0.isNumber || "-+.".contains($0) } == true) || value.contains("://") || value.allSatisfy({ $0.isNumber || "-:.T+".contains($0) })
            || value.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-_.".contains($0)) })
        guard words || !setting else { return nil }
        let comment = String(rest[cut.upperBound...].reversed().drop { $0 == " " }.reversed())
        return error(at: node, "'\(key)' would be '\(scalar.string)': YAML reads ' #\(comment)' after it as a comment",
                     hint: "if ' #\(comment)' belongs to the text, put the whole text in double quotes: \(key): \"\(scalar.string) "
                        + "#\(comment)\"; a comment goes after two spaces and '# ' (\(key): \(scalar.string)  # …), or on a line of its own")
    }
}
