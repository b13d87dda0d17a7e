import Markdown
import Simulation

/// The Markdown pages would not publish as meant, as errors: raw HTML (unless site.yml's `rawHTML: true` trusts it),
/// TeX math, images without alt text, other tools' syntax, headings out of order (some of these only warnings).
func checkMarkdownProblems(_ chapters: [Chapter], allowRawHTML: Bool) -> [Diagnostic] {
    chapters.flatMap { chapter in
        markdownDiagnostics(chapter.rendered.problems.filter { problem in
            if case .rawHTML = problem.kind { return !allowRawHTML }
            return true
        }, file: chapter.file, lineOffset: chapter.bodyLine - 1) + headingLevelDiagnostics(chapter) + pictureTitleProblems(chapter)
    }
}

/// A picture's title (`![…](x.png "A title")`, its caption when it stands alone) is printed as plain text: Markdown in
/// it would show as written, and a link in it would lead nowhere and be checked by nothing.
func pictureTitleProblems(_ chapter: Chapter) -> [Diagnostic] {
    chapter.rendered.links.compactMap { link in
        guard link.isImage, let title = link.title, let span = markdownSpan(inCaption: title, citations: false) else { return nil }
        let isLink = span.contains("](")
        return Diagnostic(file: chapter.file, line: link.line, column: link.column,
                          message: "a picture's title is plain text, not Markdown: the page would show '\(span)' as written",
                          hint: "the title (in quotes after the file name) is the picture's caption, printed as written: "
                              + (isLink ? "remove the link, and link the page or picture from the chapter's text"
                                 : span.hasPrefix("[@") ? "cite the source in the chapter's text, where it gets its note"
                                 : "write it without the marks"))
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
            // `[@k，p. 113]`: an input method's full-width comma or semicolon (trial 15 S8).
            let wide = written.first { "，；".contains($0) }.map { "the '\($0)' is a full-width sign from an input method; " } ?? ""
            let fix = citationWithCommas(written).map { "write \($0): a place in the source comes after a comma ([@key, p. 403]); " }
                ?? "a citation is [@key], or [@key, p. 403] with a comma before the place, or [@a; @b]; "
            hint = wide + fix + "keys are those of content/sources.yml. Write \\[@ for brackets that are not a citation"
        case .pandocCitation(let written):
            message = "\(quoted(written)) is Pandoc's citation form, not this site's: the page would show it as written"
            hint = "words go outside the brackets (see [@key]), a place after a comma ([@key, p. 4]); a citation always "
                + "names its source in its note, so write [@key] for [-@key]"
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
        case .indentedProse(let text):
            message = "\(quoted(String(text.prefix(40)) + (text.count > 40 ? "…" : ""))) is indented four spaces or more, so the page shows it as code, not as a paragraph"
            hint = "remove the spaces before the line; to show code, put it between ``` fences"
        case .yearStartsList(let year):
            message = "'\(year).' at the start of a line makes it an item of a numbered list, not a sentence about the year"
            hint = "write '\(year)\\.' to keep the full stop as text, or join the line to the one before it"
        case .dayStartsList(let date):
            let day = date.prefix { $0.isNumber }
            message = "'\(date)' at the start of a line makes it an item of a numbered list starting at \(day), not a date"
            hint = "write '\(day)\\. \(date.dropFirst(day.count + 2))' to keep the full stop as text, or join the line to the one before it"
        case .listInsideParagraph(let text):
            message = "the line starting '\(text.prefix(32))' begins a one-item list in the middle of the paragraph above it"
            hint = "join it to the line before it (a line that starts with '- ', '* ' or '+ ' starts a list); for a list, "
                + "leave a blank line above it, or end the line before it with ':'"
        case .emptyLinkText(let url):
            message = "the link to '\(url)' has no text: the reader would see nothing to click"
            hint = emptyLinkHint(url)
        case .tableRowTooLong(let cells, let header):
            message = "this table row has \(cells) cells but the header has \(header): the page would drop the last \(cells - header)"
            hint = "add the missing heading to the header row (and a --- cell under it), or join the extra cells to one; "
                + "a | that is part of a cell's text is written \\|"
        case .tableWithoutDelimiterRow:
            message = "these lines look like a table but have no line of dashes under the header, so the page shows them as text"
            hint = "put a delimiter row under the first line, one --- per column: | --- | --- |"
        case .captionWithoutTable(let text):
            message = "\(quoted(text)) is a table caption with no table right above it, so the page shows it as text"
            hint = "put the 'Table:' line right after the table's last row (nothing but blank lines between them)"
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
        case .otherLanguageBlockName(let written, let english):
            message = "'```\(written)' is not a block this site knows (block names are English), so the page shows it as code"
            hint = english == "chart"
                ? "write '```chart': block names are English, whatever the page's language (its title, caption and labels are "
                    + "written in the page's language)"
                : english == "careful"
                ? "write '```careful', this site's box for caveats and contested claims: the page heads it with the 'careful' "
                    + "text of its language's file in templates/i18n/"
                : english == "next"
                ? "write '```next' and the day of the news (```next 2026-11-30), the box for what happened after the text was "
                    + "written: the page heads it with the 'whatHappenedNext' text of its language's file in templates/i18n/"
                : "this site has no '\(english)' box; its one box is '```careful' (caveats and contested claims), and a side "
                    + "remark can be a footnote ([^label]) or a paragraph of its own; for code, name its language (```text)"
        case .otherLanguageCaption(let word, let text):
            message = "\(quoted(text)) is shown as text: a table's caption starts with 'Table:', whatever the page's language"
            hint = "write 'Table:' for '\(word)' on the line right after the table's last row; the page numbers the table in its "
                + "own words (the 'table' text of its language's file in templates/i18n/)"
        case .blockNameMistake(let written, let meant):
            message = "'```\(written)' is not a block this site knows, so the page shows it as code"
            hint = written.lowercased().hasPrefix(meant) ? "write '```\(meant)' (block names are lower case)"
                : "write '```\(meant)', this site's box for caveats and contested claims (a highlighted \"Careful\" box)"
        case .otherToolsBlock(let written, .callout):
            message = "'```\(written)' is another tool's box, not a block this site knows, so the page shows it as code"
            hint = "this site's one box is '```careful' (a highlighted \"Careful\" box, for caveats and contested claims); "
                + "a side remark can be a footnote ([^label]) or a paragraph of its own; for code, name its language (```text)"
        case .otherToolsBlock(let written, .diagram):
            message = "'```\(written)' is a diagram language this site does not draw, so the page shows it as code"
            hint = "draw it with a ```chart block of kind: diagram (boxes and labelled arrows), steps (a sequence) or flow "
                + "(amounts between nodes), drawn at build time: `explainer charts diagram` prints a block to copy"
        case .otherToolsBlock(let written, .math):
            message = "'```\(written)' is a math block, which this site does not render, so the page shows the TeX as code"
            hint = "write the formula in words or Unicode (r₁ > 1) in the text; to show TeX source as code, name it ```latex"
        case .fencedDiv(let line):
            let name = fencedDivName(line)
            message = "\(quoted(line)) is a Pandoc or Quarto fenced div, which this site does not read, so the page shows it as text"
            hint = name.isEmpty
                ? "remove the ':::' line (this site has no fenced divs; for a box, write a ```careful block)"
                : (otherToolsBoxNames.contains { name.contains($0) }
                    ? carefulBoxHint + " instead of the ':::' lines"
                    : "remove the ':::' lines (this site has no fenced divs; for a box, write a ```careful block)")
        case .alert(let marker):
            message = "'> \(marker)' is a GitHub alert, which this site does not read, so the page shows a quotation "
                + "starting with '\(marker)'"
            hint = carefulBoxHint + " instead of the '>' lines; for a quotation, remove '\(marker)'"
        case .shortcode(let shortcode):
            message = "\(quoted(shortcode)) is a Hugo shortcode, which this site does not run, so the page shows it as text"
            hint = shortcodeHint(shortcode)
        case .undefinedLinkLabel(let label, let written):
            message = "\(quoted(written)) links to the label '\(label)', which no line of the chapter defines: the page would "
                + "show it as written, brackets and all"
            hint = "define it on a line of its own anywhere in the chapter, [\(label)]: https://…, or write the address in the "
                + "link: [text](https://…); if the brackets are meant, write \\[ for each ["
        case .linkWithSpaces(let written):
            let image = written.hasPrefix("!")
            message = "\(quoted(written)) is not \(image ? "an image" : "a link"): its address holds a space, so the page shows it as written"
            hint = "rename the file without spaces, write each space as %20, or put the address in angle brackets: "
                + (image ? "![A description](<images/my picture.png>)" : "[text](<my file.md>)")
        }
        return Diagnostic(file: file, line: problem.line + lineOffset, column: problem.column, message: message, hint: hint,
                          severity: problem.kind.isWarning ? .warning : .error)
    }
}

/// For `[](url)`: the words to write, and, for a link to an anchor, that only figures' and tables' ids fill in their
/// own text; one with another language's word for them (`#tabla-peores`) gets the id to give instead.
private func emptyLinkHint(_ url: String) -> String {
    let words = "write the words to click between the brackets: [what it leads to](\(url))"
    guard let hash = url.firstIndex(of: "#") else { return words }
    let id = url[url.index(after: hash)...]
    let tables = ["tabla-", "cuadro-", "tableau-", "tabelle-"], figures = ["figura-", "abbildung-", "grafico-", "gráfico-"]
    guard let prefix = (tables + figures).first(where: { id.lowercased().hasPrefix($0) }) else {
        return words + " (only a link to an id starting 'figure-' or 'table-' fills in its own text, the number)"
    }
    let english = tables.contains(prefix) ? "table-" : "figure-"
    return "only a link to an id starting 'figure-' or 'table-' fills in its own text, the number: give it the id "
        + "#\(english)\(id.dropFirst(prefix.count)) (ids are English whatever the page's language), or " + words
}

/// `[@cagan-1956 cap. 2]` with the comma a place needs: `[@cagan-1956, cap. 2]` (each of several keys too); nil when
/// the brackets hold something else.
func citationWithCommas(_ written: String) -> String? {
    guard written.hasPrefix("[@"), written.hasSuffix("]") else { return nil }
    if written.contains("，") || written.contains("；") {
        let ascii = written.replacingOccurrences(of: "，", with: ", ").replacingOccurrences(of: "；", with: "; ")
        return citationWithCommas(ascii) ?? ascii
    }
    var fixed: [String] = []
    var added = false
    for part in written.dropFirst().dropLast().split(separator: ";") {
        let trimmed = part.drop { $0 == " " }
        guard trimmed.hasPrefix("@") else { return nil }
        let key = trimmed.dropFirst().prefix { $0.isLetter || $0.isNumber || "-_:.".contains($0) }
        var place = trimmed.dropFirst(1 + key.count)
        guard !key.isEmpty else { return nil }
        if place.first == " ", place.contains(where: { $0.isLetter || $0.isNumber }) {
            place = place.drop { $0 == " " }
            fixed.append("@\(key), \(place)")
            added = true
        } else {
            fixed.append("@" + trimmed.dropFirst())
        }
    }
    return added ? "[" + fixed.joined(separator: "; ") + "]" : nil
}

/// What to write for another tool's box: this site's one box.
private let carefulBoxHint = "for a box, write the text between ```careful and ``` (a highlighted \"Careful\" box, for caveats "
    + "and contested claims)"

/// Words in other tools' names for a box (Quarto's `callout-note`, Hugo's `notice`, Docusaurus's `:::tip`).
private let otherToolsBoxNames = ["callout", "note", "tip", "info", "warning", "caution", "important", "danger", "notice",
                                  "hint", "alert", "admonition", "aside"]

/// What to write instead of a Hugo shortcode, by its name.
private func shortcodeHint(_ shortcode: String) -> String {
    let name = shortcodeName(shortcode)
    switch name {
    case "figure", "img", "image":
        let source = shortcodeAttribute("src", in: shortcode) ?? "images/picture.png"
        let caption = shortcodeAttribute("caption", in: shortcode) ?? shortcodeAttribute("title", in: shortcode)
        let alt = shortcodeAttribute("alt", in: shortcode) ?? "What the picture shows"
        return "a picture is Markdown, alone in its paragraph: ![\(alt)](\(source)" + (caption.map { " \"\($0)\"" } ?? "")
            + ") (the alt text describes the picture" + (caption == nil ? "; a title in quotes after the address is its caption)" : ", the title in quotes is its caption)")
    case "ref", "relref":
        return "link to the chapter's file: [the words to click](20-the-chapter.md), or [words](20-the-chapter.md#a-heading)"
    case "youtube", "vimeo", "tweet", "x", "instagram", "gist":
        return "this site loads nothing from other hosts: link to it, [what it is](https://…)"
    case "highlight", "code":
        return "show code in a fenced block: a line ```python (its language), the code, then a line ```"
    default:
        if otherToolsBoxNames.contains(where: { name.contains($0) }) {
            return carefulBoxHint
        }
        return "this site has no shortcodes: write Markdown (a picture: ![alt](images/a.png \"Caption\"); a chart: a ```chart "
            + "block; a caveat: a ```careful block)"
    }
}

/// `'text'`, shortened to about 60 characters.
func quoted(_ text: String) -> String {
    let flat = text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
    return "'" + (flat.count > 60 ? flat.prefix(57) + "…" : flat) + "'"
}
