import Markdown
import Simulation

/// The Markdown pages would not publish as meant, as errors: raw HTML (unless site.yml's `rawHTML: true` trusts it),
/// TeX math, images without alt text.
func checkMarkdownProblems(_ chapters: [Chapter], allowRawHTML: Bool) -> [Diagnostic] {
    chapters.flatMap { chapter in
        markdownDiagnostics(chapter.rendered.problems.filter { problem in
            if case .rawHTML = problem.kind { return !allowRawHTML }
            return true
        }, file: chapter.file, lineOffset: chapter.bodyLine - 1)
    }
}

/// `problems` as diagnostics; `lineOffset` turns body lines into file lines (the front matter's length).
func markdownDiagnostics(_ problems: [MarkdownProblem], file: String, lineOffset: Int) -> [Diagnostic] {
    problems.map { problem in
        let (message, hint): (String, String)
        switch problem.kind {
        case .rawHTML(let html):
            message = "raw HTML \(quoted(html)) is not published: the page would show nothing in its place"
            hint = "write it in Markdown (links, images, emphasis, lists, ```chart blocks); if every writer of this site is "
                + "trusted, 'rawHTML: true' in content/site.yml lets HTML through. HTML comments (<!-- … -->) are allowed"
        case .math(let tex):
            message = "\(quoted(tex)) looks like TeX math, which this site does not render: the page would show it as written"
            hint = "write the formula in words or Unicode (r₁ > 1), put it in backticks to show it as code, or write \\$ "
                + "for a dollar sign that is money"
        case .imageWithoutAlt(let url):
            message = "image '\(url)' has no alt text"
            hint = "describe the picture between the brackets, e.g. ![Depositors queue outside a bank, 1933](\(url)): screen "
                + "readers read it aloud, and it shows if the image cannot load"
        case .undefinedFootnote(let label, let defined):
            message = "footnote '[^\(label)]' has no definition: the page would show it as written"
            hint = defined.isEmpty
                ? "add its text anywhere in the chapter on a line of its own: [^\(label)]: The note's text."
                : suggestionHint(for: label, among: defined, noun: "footnotes")
                    + "; or add its text on a line of its own: [^\(label)]: The note's text."
        case .malformedCitation(let written):
            message = "\(quoted(written)) is not a citation as written: the page would show it as written"
            hint = "a citation is [@key], or [@key, p. 403] with a comma before the place, or [@a; @b]; keys are those "
                + "of content/sources.yml. Write \\[@ for brackets that are not a citation"
        case .footnoteLabelWithSpace(let label):
            let joined = label.split(whereSeparator: \.isWhitespace).joined(separator: "-")
            message = "'[^\(label)]' is not a footnote: a footnote's label cannot hold a space, so the page would show it as written"
            hint = "write [^\(joined)] here and in its definition ([^\(joined)]: The note's text.)"
        case .duplicateFootnote(let label, let firstLine):
            message = "footnote '[^\(label)]' is defined twice: only the first definition (line \(firstLine + lineOffset)) is published"
            hint = "remove one of them, or give this one its own label ([^\(label)-2]) and refer to it"
        case .unusedFootnote(let label):
            message = "footnote '[^\(label)]' is defined but nothing refers to it: its text is published nowhere"
            hint = "put [^\(label)] in the text where the note belongs, or remove the definition"
        case .unclosedComment:
            message = "an HTML comment opens here ('<!--') and is never closed: it hides everything after it, or shows as text"
            hint = "end the comment with '-->' where the hidden text ends"
        case .indentedFence(let fence):
            message = "\(quoted(fence)) is indented four spaces or more, so it is shown as code, fence and all, not as a block"
            hint = "start the fence at the beginning of the line (under a list item, indent it by the item's text only, "
                + "e.g. three spaces after '1. ')"
        case .headingWithoutSpace(let text):
            let hashes = text.prefix { $0 == "#" }
            message = "\(quoted(text)) is not a heading: a heading needs a space after its '\(hashes)', so the page shows it as text"
            hint = "write '\(hashes) \(text.dropFirst(hashes.count))'; to keep the '#' as text, write \\\(text)"
        case .dashesUnderText(let text):
            message = "the line of dashes under \(quoted(text)) makes that text a heading, not a paragraph above a rule"
            hint = "for a rule, leave a blank line above the dashes; for a heading, write '## \(text)' (clearer, and the "
                + "same heading)"
        case .emptyLinkText(let url):
            message = "the link to '\(url)' has no text: the reader would see nothing to click"
            hint = "write the words to click between the brackets: [what it leads to](\(url))"
        case .tableRowTooLong(let cells, let header):
            message = "this table row has \(cells) cells but the header has \(header): the page would drop the last \(cells - header)"
            hint = "add the missing heading to the header row (and a --- cell under it), or join the extra cells to one"
        case .tableWithoutDelimiterRow:
            message = "these lines look like a table but have no line of dashes under the header, so the page shows them as text"
            hint = "put a delimiter row under the first line, one --- per column: | --- | --- |"
        case .captionWithoutTable(let text):
            message = "\(quoted(text)) is a table caption with no table right above it, so the page shows it as text"
            hint = "put the 'Table:' line right after the table's last row (one blank line between them at most)"
        case .invalidHeadingID(let id):
            let suggested = slugify(id)
            message = id.isEmpty ? "'{#}' gives this heading no id"
                : "'{#\(id)}' is not an id a heading can have: an id is one word, without spaces"
            hint = "write letters, digits and hyphens, e.g. {#\(id.isEmpty ? "a-heading" : suggested)}, or remove the braces "
                + "to use the heading's own words"
        case .duplicateHeadingID(let id, let firstLine):
            message = "heading id '#\(id)' is already used on this page"
                + (firstLine.map { " (line \($0 + lineOffset))" } ?? ": the page's layout or a table uses it")
            hint = "give this heading another id, e.g. {#\(id)-2}; a link to #\(id) leads to the first one"
        case .blockNameMistake(let written, let meant):
            message = "'```\(written)' is not a block this site knows, so the page shows it as code"
            hint = "write '```\(meant)' (block names are lower case)"
        case .linkWithSpaces(let written):
            let image = written.hasPrefix("!")
            message = "\(quoted(written)) is not \(image ? "an image" : "a link"): its address holds a space, so the page shows it as written"
            hint = "rename the file without spaces, write each space as %20, or put the address in angle brackets: "
                + "[text](<my file.md>)"
        }
        return Diagnostic(file: file, line: problem.line + lineOffset, column: problem.column, message: message, hint: hint,
                          severity: problem.kind.isWarning ? .warning : .error)
    }
}

/// `'text'`, shortened to about 60 characters.
private func quoted(_ text: String) -> String {
    let flat = text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
    return "'" + (flat.count > 60 ? flat.prefix(57) + "…" : flat) + "'"
}
