/// Warnings for templates that print the `x-default` hreflang link on every page of a site in several languages.
///
/// Explainer's head.mustache before fallback copies left the alternates printed
/// `<link rel="alternate" hreflang="x-default" href="{{xDefault}}">` whenever the site had languages. A page with no
/// alternates (a page shown untranslated, the 404 page) has no `xDefault`, and no value the page could give makes that
/// line right: the language switch needs `hasLanguages` on those pages too, and today's head.mustache prints the link
/// only when `xDefault` is set. So such a template gets a warning at the tag, which says how to guard it.
func unguardedXDefaultWarnings(_ templates: [SourceFile]) -> [Diagnostic] {
    templates.filter { $0.path.hasSuffix(".mustache") }.sorted { $0.path < $1.path }.flatMap { file in
        guard let text = try? decodeText(file) else { return [Diagnostic]() }
        return unguardedTags(named: "xDefault", guards: ["xDefault", "alternates"], in: text).map { place in
            Diagnostic(file: file.path, line: place.line, column: place.column,
                       message: "\(place.tag) is printed on every page, also where a page has no x-default: a page shown "
                        + "untranslated and the 404 page get an hreflang=\"x-default\" link with an empty address",
                       hint: "print the link only when there is one, as explainer's own head.mustache does: "
                        + "{{#xDefault}}<link rel=\"alternate\" hreflang=\"x-default\" href=\"{{xDefault}}\">{{/xDefault}} "
                        + "(`explainer templates update head.mustache` merges it in)",
                       severity: .warning)
        }
    }
}

/// The variable tags that print `name` (`{{name}}`, `{{{name}}}`, `{{&name}}`) outside every `{{#guard}}` section
/// of `guards`, with their places (1-based line and column in characters). A text that changes the delimiters
/// (`{{=<% %>=}}`) is not read past the change.
func unguardedTags(named name: String, guards: Set<String>, in text: String) -> [(line: Int, column: Int, tag: String)] {
    var found: [(line: Int, column: Int, tag: String)] = []
    var open: [String] = []  // the names of the enclosing sections, innermost last, "#name" or "^name"
    for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var rest = line[...]
        while let start = rest.firstRange(of: "{{") {
            let triple = rest[start.upperBound...].first == "{"
            guard let close = rest[start.upperBound...].firstRange(of: triple ? "}}}" : "}}") else { break }
            let tag = String(line[start.lowerBound..<close.upperBound])
            var inner = rest[start.upperBound..<close.lowerBound].drop { $0 == "{" || $0 == " " }
            let sigil = inner.first.map { "#^/&!>=".contains($0) ? $0 : " " } ?? " "
            if sigil != " " { inner = inner.dropFirst().drop { $0 == " " } }
            let tagName = String(inner.prefix { $0 != " " && $0 != "}" })
            switch sigil {
            case "=": return found
            case "#", "^": open.append(String(sigil) + tagName)
            case "/": if let index = open.lastIndex(where: { $0.dropFirst() == tagName }) { open.removeSubrange(index...) }
            case " ", "&":
                if tagName == name, !open.contains(where: { $0.hasPrefix("#") && guards.contains(String($0.dropFirst())) }) {
                    found.append((lineIndex + 1, line.distance(from: line.startIndex, to: start.lowerBound) + 1, tag))
                }
            default: break
            }
            rest = rest[close.upperBound...]
        }
    }
    return found
}
