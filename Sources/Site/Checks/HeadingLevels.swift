import Markdown

/// Headings out of order, which linters such as markdownlint report too (MD025, MD001): a `#` heading, a second title
/// beside the one the template shows from the front matter, is an error; so is a heading more than one level below the
/// one before it when that leaves it out of a chapter's "In this chapter" list (which shows each `##` with the `###`
/// under it): a `####` or lower right under a `##` or the title. Any other skipped level (a `###` before any `##`,
/// which the list shows on its own; a `#####` under a `###`; on a page, which has no such list) is a warning.
func headingLevelDiagnostics(_ page: Chapter) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var previous: (level: Int, line: Int)? = nil   // nil: the page's title, its <h1>
    for heading in page.rendered.headings {
        let written = String(repeating: "#", count: heading.level) + " " + heading.text
        if heading.level == 1, let underline = heading.underline {
            // Text then a line of `=`: a writer who meant a separator under a paragraph gets the page a second title.
            let shown = heading.text.count > 60 ? heading.text.prefix(57) + "…" : heading.text
            problems.append(Diagnostic(
                file: page.file, line: underline, column: 1,
                message: "the line of '=' under '\(shown)' makes that text a title (a '#' heading), not a paragraph: the page "
                    + "would have a second title" + (heading.line < underline - 1 ? " \(underline - heading.line) lines long" : ""),
                hint: "to keep the paragraph, remove the '=' line (or leave a blank line above it, and write '---' there for a rule); "
                    + "for a section heading, write '## ' and a short title on a line of its own"))
            continue
        }
        if heading.level == 1 {
            problems.append(Diagnostic(
                file: page.file, line: heading.line, column: 1,
                message: "'\(written)' is a second title: the page's title (its one '#' heading) comes from 'title:' in "
                    + "the front matter" + (page.kind == .chapter ? ", and 'In this chapter' leaves this one out" : ""),
                hint: heading.text == page.frontMatter.title ? "remove this line: the page already shows its title"
                    : "write '## \(heading.text)' for a section ('###' for a part of one)"))
            continue
        }
        defer { previous = (heading.level, heading.line) }
        let above = previous?.level ?? 1
        guard heading.level > above + 1 else { continue }
        let after = previous.map { "it follows a '\(String(repeating: "#", count: $0.level))' heading (line \($0.line))" }
            ?? "it comes right under the page's title, before any '##' heading"
        let leftOut = page.kind == .chapter && heading.level >= 4 && above <= 2
        let fix = String(repeating: "#", count: above + 1)
        problems.append(Diagnostic(
            file: page.file, line: heading.line, column: 1,
            message: "'\(written)' skips a heading level: \(after)" + (leftOut ? ", so 'In this chapter' leaves it out" : ""),
            hint: previous == nil
                ? "write '\(fix) \(heading.text)': a section is '##', a part of one '###'"
                : "write '\(fix) \(heading.text)' for a part of that section, or '## \(heading.text)' for a section of its own",
            severity: leftOut ? .error : .warning))
    }
    return problems
}
