import Markdown
import Yams

/// A chapter's front matter, checked strictly.
public struct FrontMatter: Sendable, Equatable {
    public var title: String
    public var question: String?
    public var summary: String?
    public var takeaway: String?
    public var draft = false

    static let keys = ["title", "question", "summary", "takeaway", "draft"]
}

/// A chapter file split into front matter and body, with the line where the body starts.
struct SplitChapter {
    var frontMatter: FrontMatter
    var body: String
    /// 1-based line in the file of the body's first line.
    var bodyLine: Int
}

/// Splits `---` front matter from the body and parses it; every problem carries its line and column.
func splitFrontMatter(_ text: String, file: String) throws(BuildFailure) -> SplitChapter {
    let lines = splitLines(text)
    guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
        throw BuildFailure([Diagnostic(file: file, line: 1, column: 1, message: "missing front matter",
                                       hint: "start the file with a line '---', then 'title: …', then another '---'")])
    }
    guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces() == "---" }) else {
        throw BuildFailure([Diagnostic(file: file, line: 1, column: 1, message: "front matter is not closed",
                                       hint: "add a line '---' after the last front-matter key")])
    }
    let matter: FrontMatter
    if let simple = simpleFrontMatter(lines[1..<close]) {
        matter = simple
    } else {
        matter = try yamlFrontMatter(lines[1..<close], file: file)
    }
    // The body is the rest of the text after the closing line: a slice, not a re-join of every line.
    let body = close + 1 < lines.count ? String(text[lines[close + 1].startIndex...]) : ""
    return SplitChapter(frontMatter: matter, body: body, bodyLine: close + 2)
}

/// Front matter read with the YAML parser: any YAML, every problem reported with its line and column.
func yamlFrontMatter(_ lines: ArraySlice<Substring>, file: String) throws(BuildFailure) -> FrontMatter {
    let yaml = lines.joined(separator: "\n")
    let reader = YAMLReader(file: file, lineOffset: 1)
    let node: Node?
    do throws(Diagnostic) { node = try reader.parse(yaml) } catch { throw BuildFailure([error]) }
    guard node != nil else {
        throw BuildFailure([Diagnostic(file: file, line: 1, column: 1, message: "missing required key 'title' in front matter",
                                       hint: "add a line such as 'title: From a lease to a bond' between the two '---' lines")])
    }
    let entries = try reader.mapping(node, allowed: FrontMatter.keys, required: ["title"], context: "front matter",
                                     missingAt: (1, 1))
    var matter = FrontMatter(title: "")
    var collector = DiagnosticCollector()
    for key in FrontMatter.keys {
        guard let value = entries[key] else { continue }
        collector.collect { () throws(Diagnostic) in
            switch key {
            case "title": matter.title = try reader.string(value, key: key)
            case "question": matter.question = try reader.string(value, key: key)
            case "summary": matter.summary = try reader.string(value, key: key)
            case "takeaway": matter.takeaway = try reader.string(value, key: key)
            default: matter.draft = try reader.bool(value, key: key)
            }
        }
    }
    try collector.throwIfAny()
    return matter
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var slice = self
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
