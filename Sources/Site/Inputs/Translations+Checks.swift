/// Mistakes in a site's own translations file that no key check sees and that would change every page without a word
/// (trial 13): a list of month names that is not twelve long (dates then show the month's number, charts English
/// names), and a `{placeholder}` the build does not fill in (`Kapitel {nr}` printed as written) or a text that leaves
/// out the one it does (`readingTime: Min. Lesezeit`, with no number). Checked against explainer's English file, which
/// names every placeholder a text takes.
extension Translations {
    /// Placeholders a text may use besides those of its English text: the month's number in a date, `{n}` for `{nth}`.
    private static let alsoAllowed: [String: Set<String>] = [
        "dateFormat": ["m"], "monthFormat": ["m"], "monthShortFormat": ["m"], "everyNthRow": ["n"],
    ]
    /// Placeholders that stand in for each other: a text needs one of them, not both.
    private static let alternatives: [Set<String>] = [["month", "m"], ["nth", "n"]]
    /// Placeholders a text may do without: "Alle Kapitel" says all it needs without the count (recheck 13).
    private static let optional: [String: Set<String>] = ["allChapters": ["n"]]

    /// The errors (a month list's length, an unknown placeholder) and warnings (a placeholder left out) of this file,
    /// at the line of each key; `text` is the file as written.
    func mistakes(text: String) -> (errors: [Diagnostic], warnings: [Diagnostic]) {
        var errors: [Diagnostic] = [], warnings: [Diagnostic] = []
        let english = Translations.english.strings
        for key in strings.keys.sorted() {
            guard let value = strings[key], let reference = english[key] else { continue }
            // Found only for a problem: looking up every key's line read the file once per key (0.12 s a build).
            var place: (line: Int, column: Int) { valuePlace(key, in: text) }
            if key == "months" || key == "monthsShort" {
                let names = value.split(separator: ",", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters() }
                let count = names.filter { !$0.isEmpty }.count
                if names.count != 12 || count != 12 {
                    let effect = key == "months" ? "dates would show the month's number instead of its name"
                        : "charts and data tables would show explainer's English month names instead"
                    let empty = names.count - count
                    let listed = "\(count) month name\(count == 1 ? "" : "s")"
                        + (empty == 0 ? "" : " and \(empty == 1 ? "an empty one" : "\(empty) empty ones") (a comma too many?)")
                    // An input method's 、 or ， between the names does not separate them.
                    let wideComma = value.first { "、，､".contains($0) }
                    errors.append(Diagnostic(file: file, line: place.line, column: place.column,
                                             message: "'\(key)' lists \(listed)\(count == 12 ? "" : ", not 12"): \(effect)",
                                             hint: "write the twelve names, January to December, separated by commas"
                                                 + (wideComma.map { " ',' (the '\($0)' of an input method does not separate them)" }
                                                    ?? (count > 12 ? " (is one written twice?)" : count < 12 && empty == 0 ? " (is one left out?)" : ""))))
                }
                continue
            }
            let written = placeholders(in: value)
            let known = placeholders(in: reference)
            let allowed = known.union(Translations.alsoAllowed[key] ?? [])
            let takes = known.sorted().map { "{\($0)}" }.joined(separator: ", ")
            if let unknown = written.subtracting(allowed).sorted().first {
                errors.append(Diagnostic(file: file, line: place.line, column: place.column,
                                         message: "'\(key)' has the placeholder {\(unknown)}, which the build does not fill in: "
                                             + "the pages would show '{\(unknown)}' as written",
                                         hint: known.isEmpty ? "this text takes no placeholder: write the words alone"
                                             : "this text takes \(takes) (explainer's English: \"\(reference)\")"))
                continue
            }
            let missing = known.filter { name in
                !written.contains(name) && !(Translations.optional[key]?.contains(name) ?? false)
                    && !Translations.alternatives.contains { $0.contains(name) && !$0.isDisjoint(with: written) }
            }.sorted()
            if let first = missing.first {
                warnings.append(Diagnostic(file: file, line: place.line, column: place.column,
                                           message: "'\(key)' leaves out {\(first)}: the pages would show '\(value)' without "
                                               + "what it stands for",
                                           hint: "write {\(first)} where it goes (explainer's English: \"\(reference)\")",
                                           severity: .warning))
            }
        }
        return (errors, warnings)
    }
}

/// The names of the `{name}` placeholders in a text (letters and digits, a letter first): a name in another script
/// (`{번호}`, `{numéro}`, a placeholder translated with its text) is one too, which the build does not fill in.
private func placeholders(in text: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
        let after = rest[rest.index(after: open)...]
        guard let close = after.firstIndex(of: "}") else { break }
        let name = after[..<close]
        if let first = name.first, first.isLetter, name.allSatisfy({ $0.isLetter || $0.isNumber }) {
            names.insert(String(name))
        }
        rest = after
    }
    return names
}

/// Where the text of `key` starts in a translations file (line and column, 1-based, in characters): after `key:` and
/// its spaces, and after an opening quote; the file's first line when the key is not written plainly at a line's start.
private func valuePlace(_ key: String, in text: String) -> (line: Int, column: Int) {
    let forms = [key + ":", "\"" + key + "\":", "'" + key + "':"]
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        guard let form = forms.first(where: { line.hasPrefix($0) }) else { continue }
        let rest = line.dropFirst(form.count)
        let value = rest.drop { $0 == " " || $0 == "\t" }
        let quote = value.first == "\"" || value.first == "'" ? 1 : 0
        return (index + 1, form.count + (rest.count - value.count) + quote + 1)
    }
    return (1, 1)
}
