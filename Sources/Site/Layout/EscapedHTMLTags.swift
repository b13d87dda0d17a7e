import Foundation

/// The values explainer gives templates as HTML: put in with three braces (`{{{body}}}`), as the templates
/// `explainer new` writes do. With two, Mustache escapes them, and the page shows their tags as text.
let htmlTemplateVariables: Set<String> = [
    "body", "intro", "footnotes", "content", "html", "sourceHTML", "dateHTML", "textHTML", "noteHTML", "chaptersHTML",
    "inlineStyle", "light", "dark", "t.galleryIntro", "t.numbersIntro",
]

/// `{{body}}` and every other two-brace tag of a value that holds HTML (`htmlTemplateVariables`), as an error at the
/// tag: its page would show the HTML's tags as text, and every link and anchor in it would be lost.
func escapedHTMLTags(in text: String, file: String) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var rest = line[...]
        while let open = rest.firstRange(of: "{{") {
            let inside = rest[open.upperBound...]
            if inside.first == "{" {
                // `{{{name}}}`: HTML put in as it is.
                guard let close = inside.firstRange(of: "}}}") else { break }
                rest = inside[close.upperBound...]
                continue
            }
            guard let close = inside.firstRange(of: "}}") else { break }
            let name = inside[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if htmlTemplateVariables.contains(name) {
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                problems.append(Diagnostic(
                    file: file, line: lineIndex + 1, column: column,
                    message: "'\(name)' holds HTML: {{\(name)}} escapes it, so the page would show its tags as text",
                    hint: "write {{{\(name)}}}: three braces put HTML in as it is"))
            }
            rest = inside[close.upperBound...]
        }
    }
    return problems
}
