import Yams

/// Keys whose values are prose a page prints: a ` #` after such a value is text cut off, whatever follows it.
private let proseKeys: Set<String> = ["title", "subtitle", "description", "footer", "definition", "term", "what", "text",
                                      "note", "caption", "label", "summary", "intro", "alt", "annotation", "via"]

extension YAMLReader {
    /// The first plain (unquoted) text value that YAML cut short at a ` #` on its line, reading the rest as a comment:
    /// `title: Sequía #1 en España` publishes "Sequía" on every page, `what: Reserve #42 weekly` "Reserve". Flagged
    /// where what follows the `#` touches it (`#1`, `#42`: a number or tag, not a comment's "# note"), or the key is
    /// one whose value is printed prose. `text` is the YAML as parsed (lines counted from 1, as the nodes' marks are).
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
            case .scalar(let scalar):
                guard scalar.style == .plain, !scalar.string.isEmpty, let mark = node.mark,
                      lines.indices.contains(mark.line - 1) else { return nil }
                let line = lines[mark.line - 1]
                guard mark.column >= 1, mark.column - 1 <= line.count else { return nil }
                let rest = line.dropFirst(mark.column - 1)
                guard let cut = rest.firstRange(of: " #") ?? rest.firstRange(of: "\t#"),
                      rest[..<cut.lowerBound].trimmingCharacters() == scalar.string else { return nil }
                let comment = rest[cut.upperBound...]
                guard comment.first.map({ !$0.isWhitespace }) ?? false || proseKeys.contains(key) else { return nil }
                let trimmed = comment.trimmingCharacters()
                return error(at: node, "'\(key)' would be '\(scalar.string)': YAML reads ' #\(trimmed)' after it as a comment",
                             hint: "put the whole text in double quotes: \(key): \"\(scalar.string) #\(trimmed)\"; "
                                + "a comment goes on a line of its own")
            default:
                return nil
            }
        }
        return check(root, key: "value")
    }
}
