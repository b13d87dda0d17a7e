/// `{{#footnotes}}…{{/footnotes}}` kept after `{{{footnotes}}}` was deleted from inside it (trial 13 S5): a template
/// that names `footnotes` places a chapter's footnotes itself (`TemplateSet.placesFootnotes`), so its pages had none,
/// and the only error was a broken `#fn-1` link located in a generated page. An error at the section of each template
/// that tests `footnotes` but prints it neither itself, nor in a partial it includes (at any depth), nor in `base`.
func unprintedFootnotes(texts: [String: String], partials: [String: [PartialReference]] = [:]) -> [Diagnostic] {
    // A section opens `{{#footnotes}}` or `{{^footnotes}}`; any other tag of the name prints it.
    let isSection = { (text: String) in text.dropFirst(2).drop { $0 == " " }.first.map { "#^".contains($0) } ?? false }
    let tags = texts.mapValues { templateTags(using: "footnotes", in: $0) }
    let printing = Set(tags.filter { $0.value.contains { !isSection($0.tag) } }.keys)
    func prints(_ template: String) -> Bool { reaches(template, oneOf: printing, partials: partials) }
    guard !prints("base") else { return [] }
    return tags.keys.sorted().compactMap { template in
        guard let section = tags[template]!.first(where: { isSection($0.tag) }), !prints(template) else { return nil }
        return Diagnostic(file: "templates/\(template).mustache", line: section.line, column: section.column,
                          message: "'footnotes' is tested here but printed nowhere: the chapters' footnotes would be in no page",
                          hint: "write {{{footnotes}}} inside the section (three braces: it holds HTML), or remove the "
                              + "section to have the footnotes at the end of the chapter's text")
    }
}
