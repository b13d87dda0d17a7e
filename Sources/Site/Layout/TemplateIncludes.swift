/// A `{{> partial}}` reference inside a template, with its position.
struct PartialReference: Equatable {
    var template: String
    var partial: String
    var line: Int
    var column: Int
}

/// Finds the `{{> name}}` references of a template (standard delimiters only).
func partialReferences(in text: String, template: String) -> [PartialReference] {
    var references: [PartialReference] = []
    var line = 1, column = 1
    var index = text.startIndex
    while index < text.endIndex {
        if text[index...].hasPrefix("{{") {
            var cursor = text.index(index, offsetBy: 2)
            while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
            if cursor < text.endIndex, text[cursor] == ">", let close = text[cursor...].firstRange(of: "}}") {
                let name = String(text[text.index(after: cursor)..<close.lowerBound].filter { $0 != " " && $0 != "\t" })
                if !name.isEmpty { references.append(PartialReference(template: template, partial: name, line: line, column: column)) }
            }
        }
        if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index = text.index(after: index)
    }
    return references
}

/// The one template name that `name` begins with, or that begins with `name`, of three letters or more:
/// `navigation` for `nav`, `foot` for `footer` (too far apart for `closestName`).
private func abbreviated(_ name: String, among names: [String]) -> String? {
    let found = names.filter { other in
        min(other.count, name.count) >= 3 && (name.hasPrefix(other) || other.hasPrefix(name))
    }
    return found.count == 1 ? found[0] : nil
}

/// Partials that include themselves, directly or through others, would recurse forever; missing ones render
/// nothing. Both are reported at the `{{> …}}` that causes them.
func checkPartials(_ references: [String: [PartialReference]], reportedElsewhere: Set<String> = []) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for template in references.keys.sorted() {
        for reference in references[template]! where references[reference.partial] == nil && !reportedElsewhere.contains(reference.partial) {
            problems.append(Diagnostic(file: "templates/\(template).mustache", line: reference.line, column: reference.column,
                                       message: "partial '\(reference.partial)' does not exist",
                                       hint: closestName(to: reference.partial, among: references.keys.sorted())
                                           .map { "did you mean '\($0)'?" }
                                           ?? (abbreviated(reference.partial, among: references.keys.sorted()).map { "did you mean '\($0)'? " } ?? "")
                                               + "add templates/\(reference.partial).mustache, or name one of the templates there are: "
                                               + references.keys.sorted().joined(separator: ", ")))
        }
    }
    // Depth-first search; an edge back to a template on the current path closes a cycle.
    var state: [String: Int] = [:]  // 1 = on the path, 2 = done
    func visit(_ template: String, path: [String]) {
        state[template] = 1
        for reference in references[template] ?? [] where references[reference.partial] != nil {
            switch state[reference.partial] {
            case 1:
                let cycle = (path + [template]).drop { $0 != reference.partial } + [reference.partial]
                problems.append(Diagnostic(file: "templates/\(template).mustache", line: reference.line, column: reference.column,
                                           message: "partial '\(reference.partial)' includes itself: \(cycle.joined(separator: " → "))",
                                           hint: "a partial cannot include itself, directly or through other partials"))
            case nil:
                visit(reference.partial, path: path + [template])
            default:
                break
            }
        }
        state[template] = 2
    }
    for template in references.keys.sorted() where state[template] == nil { visit(template, path: []) }
    return problems
}

/// Where a template's sections go wrong, found by pairing its `{{#name}}`/`{{^name}}` tags with their `{{/name}}`
/// (standard delimiters only): the section still open at the end, at the tag that opened it, or the close tag whose name
/// is not the open section's. The parser itself knows only where it noticed (the end of the file).
func sectionMismatch(in text: String) -> (line: Int, column: Int, message: String, hint: String)? {
    var open: [(name: String, line: Int, column: Int)] = []
    var line = 1, column = 1
    var index = text.startIndex
    while index < text.endIndex {
        if text[index...].hasPrefix("{{"), let close = text[index...].firstRange(of: "}}") {
            let inside = text[text.index(index, offsetBy: 2)..<close.lowerBound].drop { $0 == " " }
            if let kind = inside.first, "#^/".contains(kind) {
                let name = String(inside.dropFirst().filter { $0 != " " && $0 != "\t" })
                if kind != "/" {
                    open.append((name, line, column))
                } else if let last = open.last {
                    guard last.name == name else {
                        return (line, column, "{{/\(name)}} closes a section, but the one open is '\(last.name)' (opened at \(last.line):\(last.column))",
                                open.contains { $0.name == name }
                                    ? "close {{#\(last.name)}} with {{/\(last.name)}} before this tag"
                                    : "write {{/\(last.name)}} here, or open {{#\(name)}} before it")
                    }
                    open.removeLast()
                } else {
                    return (line, column, "{{/\(name)}} closes a section that was never opened",
                            "remove it, or open the section with {{#\(name)}} before it")
                }
            }
        }
        if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index = text.index(after: index)
    }
    guard let unclosed = open.last else { return nil }
    return (unclosed.line, unclosed.column, "section '\(unclosed.name)' opened here is never closed",
            "add {{/\(unclosed.name)}} where the section ends")
}
