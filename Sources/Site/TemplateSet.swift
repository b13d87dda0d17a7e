import Mustache

/// The Mustache templates of `templates/`, parsed, with each parse error located in its file.
struct TemplateSet {
    static let required = ["base", "chapter", "index", "sources", "glossary", "404", "head", "nav", "footer"]
    private var library: MustacheLibrary

    init(_ files: [SourceFile]) throws(BuildFailure) {
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        var names: Set<String> = []
        for file in files where file.path.hasSuffix(".mustache") {
            let name = String(file.path.split(separator: "/").last!.dropLast(".mustache".count))
            do {
                let text = try decodeText(file)
                // The pragma line is standalone, so it renders nothing; parse errors are reported one line up.
                library.register(try MustacheTemplate(string: TemplateEscaping.pragmaLine + text), named: name)
                names.insert(name)
            } catch let diagnostic as Diagnostic {
                problems.append(diagnostic)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(file: file.path, line: error.context.lineNumber - 1, column: error.context.columnNumber,
                                           message: "template syntax error: \(error.error)",
                                           hint: "check that every {{#section}} has a matching {{/section}}"))
            } catch {
                problems.append(Diagnostic(file: file.path, line: 1, column: 1, message: "template error: \(error)"))
            }
        }
        for name in Self.required where !names.contains(name) {
            problems.append(Diagnostic(file: "templates/\(name).mustache", line: 1, column: 1,
                                       message: "missing template '\(name)'",
                                       hint: "every site needs templates/\(name).mustache; `explainer new` writes a complete set"))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        self.library = library
    }

    /// Renders a page template, then wraps it in `base` with the same context plus `content`.
    func renderPage(_ template: String, context: [String: Any]) throws(Diagnostic) -> String {
        guard let body = library.render(context, withTemplate: template) else {
            throw Diagnostic(file: "templates/\(template).mustache", line: 1, column: 1, message: "missing template '\(template)'")
        }
        var page = context
        page["content"] = body
        guard let html = library.render(page, withTemplate: "base") else {
            throw Diagnostic(file: "templates/base.mustache", line: 1, column: 1, message: "missing template 'base'")
        }
        return html
    }
}
