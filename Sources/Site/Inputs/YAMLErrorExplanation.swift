/// A libyaml error retold for a writer: placed where the problem starts, not where the parser gave up, with a hint that
/// names the cause. `nil` when none of the known shapes fits (the caller keeps libyaml's words and position).
struct ExplainedYAMLError: Equatable {
    /// 1-based, in the YAML text.
    var line: Int
    var column: Int
    var message: String
    var hint: String
}

/// The shapes, each recognised from libyaml's context and problem and the text around them:
/// - a quote never closed (libyaml reports the end of the text): at its opening quote;
/// - an unknown escape inside `"…"` (a Windows path): at the backslash;
/// - a `[` or `{` never closed (reported on a later line): at the bracket;
/// - text after a closing quote (`'It's fine'`): at the quote that ended the value, or, when that quote is the one
///   opening the value of its line, at the quote opened on a line above and never closed there;
/// - a line with neither `key:` nor a value to continue: at that line, not the next one;
/// - a key indented under a line that already has a value (`title: X` / `  question: Y`): at the key, saying so,
///   instead of libyaml's "mapping values are not allowed" and a hint to quote;
/// - a key whose indentation matches no key above it: at the key, with both indentations.
///
/// `context` is libyaml's (text, line, column); lines and columns are 1-based, columns in Unicode scalars as libyaml
/// counts them. `lineOffset` turns the text's line numbers into the file's, for the lines a message names.
func explainedYAMLError(context: (text: String, line: Int, column: Int)?, problem: String, line: Int, column: Int,
                        text: String, lineOffset: Int = 0) -> ExplainedYAMLError? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        Array((line.last == "\r" ? line.dropLast() : line).unicodeScalars)
    }
    func scalars(_ number: Int) -> [Unicode.Scalar] { number >= 1 && number <= lines.count ? lines[number - 1] : [] }
    func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
    func character(at line: Int, _ column: Int) -> Unicode.Scalar? {
        let row = scalars(line)
        return column >= 1 && column <= row.count ? row[column - 1] : nil
    }

    // `summary: *Important* la sécheresse`: a plain value starting with a YAML indicator is read as something else
    // than text, and libyaml's words ("did not find expected alphabetic or numeric character") never say so.
    if let key = keyLine(scalars(line)), column >= key.valueColumn, let first = key.value.unicodeScalars.first,
       let reading = indicatorReadings[first] {
        var hint = "put the value in quotes: " + quotedYAMLValue(key: key.name, key.value)
        // `*Important*`, `` `code` ``: Markdown, which a plain text shows as written (trial 17 S8).
        if first == "*" || first == "`", plainTextKeys.contains(key.name),
           let markdown = markdownSpan(inCaption: key.value, citations: false) {
            let bare = key.value.replacingOccurrences(of: String(first), with: "")
            hint += "; but '\(key.name)' is plain text, where Markdown ('\(markdown)') would show as written, so write it "
                + "without the \(first == "*" ? "asterisks" : "backticks"): " + shortened(key.name + ": " + bare)
        }
        return ExplainedYAMLError(line: line, column: key.valueColumn,
                                  message: "YAML reads a value starting with '\(first)' \(reading)", hint: hint)
    }

    if let context, context.text.contains("quoted scalar") {
        let quote = character(at: context.line, context.column).map { String($0) } ?? "\""
        if problem.contains("end of stream") || problem.contains("document indicator") {
            let row = string(scalars(context.line)).trimmingTrailingSpaces()
            return ExplainedYAMLError(
                line: context.line, column: context.column,
                message: "the quote \(quote) that starts this value is never closed",
                hint: "end the value with \(quote) on the same line, e.g. \(shortened(row + quote))")
        }
        if problem.contains("escape") {
            return ExplainedYAMLError(
                line: line, column: column,
                message: "a backslash inside \"…\" starts an escape such as \\n, and this one is unknown",
                hint: "write \\\\ for a backslash, or put the value in single quotes ('C:\\data'), where a backslash is text")
        }
    }

    if let context, context.text.contains("flow sequence") || context.text.contains("flow mapping"),
       problem.contains("did not find expected ','"), line > context.line {
        let (open, close) = context.text.contains("sequence") ? ("[", "]") : ("{", "}")
        let row = scalars(context.line)
        let before = string(row.prefix(max(0, context.column - 1))).trimmingTrailingSpaces()
        let rest = string(row.dropFirst(max(0, context.column - 1))).trimmingTrailingSpaces()
        // `{type: event, label: Peak #1}`: the ` #` starts a comment that hides the closing sign (recheck 15b S2).
        if let cut = rest.range(of: " #"), rest[cut.upperBound...].contains(close) {
            let start = rest[..<cut.lowerBound].lastIndex(where: { ":,[{".contains($0) }).map { rest.index(after: $0) } ?? rest.startIndex
            let value = rest[start..<cut.lowerBound].trimmingCharacters(in: .whitespaces)
            let tail = rest[cut.upperBound...].prefix { $0 != "," && String($0) != close }
            return ExplainedYAMLError(
                line: context.line, column: context.column,
                message: "this \(open) is never closed with \(close): YAML reads the ' #' in it as the start of a comment, which hides the rest of the line",
                hint: "quote the value that holds ' #': \"\(value) #\(tail)\"")
        }
        let example = before.isEmpty ? "" : "; if the \(open) belongs to the text, quote the value: "
            + shortened(before + " \"" + rest + "\"")
        return ExplainedYAMLError(
            line: context.line, column: context.column,
            message: "this \(open) is never closed with \(close)",
            hint: "close it with \(close) on the same line, e.g. " + (open == "[" ? "series: [a, b]" : "params: {a: 1, b: 2}")
                + example)
    }

    if let context, context.text.contains("simple key"), problem.contains("could not find expected ':'") {
        return ExplainedYAMLError(
            line: context.line, column: context.column,
            message: "this line is not 'key: value' and does not continue the value above it",
            hint: "write it as 'key: value' (a space after the colon), or indent it under the key whose value it continues")
    }

    let row = scalars(line)
    if problem.contains("did not find expected key") || problem.contains("expected <block end>"),
       column >= 2, column <= row.count + 1 {
        // Text right after a quoted value that has ended: `title: 'It's fine'`, `title: "Step" 1`.
        var end = column - 2
        while end >= 0, row[end] == " " { end -= 1 }
        if end >= 1, row[end] == "'" || row[end] == "\"", let key = keyLine(row) {
            let value = Array(row.dropFirst(key.valueColumn - 1))
            if let first = value.first, first == row[end] {
                let quote = first
                // The quote that "ends" a value is the one that opens it: the value ended is one opened on a line
                // above and never closed there (`question: "Why?` above `summary: "A bank …"`).
                if end + 1 == key.valueColumn,
                   let opening = (1..<max(1, line)).reversed().lazy.compactMap({ number in
                       keyLine(scalars(number)).map { (number: number, key: $0) } })
                       .first(where: { opensUnclosed($0.key.value, quote: quote) }) {
                    return ExplainedYAMLError(
                        line: opening.number, column: opening.key.valueColumn,
                        message: "the quote \(quote) that starts this value is never closed",
                        hint: "end the value with \(quote) on the same line, e.g. "
                            + shortened(opening.key.name + ": " + opening.key.value + String(quote))
                            + "; as it is, the value runs on to the \(quote) that opens '\(key.name)' (line \(line + lineOffset))")
                }
                var inner = string(value.dropFirst()).trimmingTrailingSpaces()
                if inner.unicodeScalars.last == quote { inner = String(inner.dropLast()) }
                let other: Unicode.Scalar = quote == "'" ? "\"" : "'"
                let fix = inner.unicodeScalars.contains(other)
                    ? (quote == "'" ? "inside '…' write an apostrophe twice: "
                        + shortened(key.name + ": '" + inner.replacingOccurrences(of: "'", with: "''") + "'")
                       : "inside \"…\" write a quote as \\\": "
                        + shortened(key.name + ": \"" + inner.replacingOccurrences(of: "\"", with: "\\\"") + "\""))
                    : "put the whole value in \(other == "\"" ? "double" : "single") quotes: "
                        + shortened(key.name + ": " + String(other) + inner + String(other))
                return ExplainedYAMLError(
                    line: line, column: end + 1,
                    message: "this \(quote) ends the quoted value of '\(key.name)', and more text follows it",
                    hint: fix)
            }
        }
    }

    guard let key = keyLine(row),
          problem.contains("mapping values are not allowed") || problem.contains("did not find expected key")
            || problem.contains("expected <block end>") || problem.contains("expected <document start>"),
          let previous = (1..<max(1, line)).reversed().lazy.map({ (number: $0, row: scalars($0)) })
            .first(where: { isContent($0.row) }) else { return nil }
    let indentation = row.prefix { $0 == " " }.count
    let previousIndentation = previous.row.prefix { $0 == " " }.count
    guard indentation != previousIndentation else { return nil }
    let above = keyLine(previous.row)
    if problem.contains("mapping values are not allowed"), indentation > previousIndentation, let above,
       !above.value.isEmpty, column == key.colonColumn {
        return ExplainedYAMLError(
            line: line, column: indentation + 1,
            message: "'\(key.name):' is indented more than '\(above.name):' on the line above, so it is read as part of "
                + "the value of '\(above.name)'",
            hint: "start '\(key.name):' in the same column as '\(above.name):' (line \(previous.number + lineOffset)); YAML nests lines "
                + "by their indentation")
    }
    if problem.contains("mapping values are not allowed"), !(indentation > previousIndentation && column == key.colonColumn) {
        return nil
    }
    let aboveName = above.map { "'\($0.name):'" } ?? "the line"
    return ExplainedYAMLError(
        line: line, column: indentation + 1,
        message: "'\(key.name):' is indented by \(spaces(indentation)), but \(aboveName) above it (line \(previous.number + lineOffset)) "
            + "by \(spaces(previousIndentation))",
        hint: "keys of one mapping start in the same column: indent '\(key.name):' like the key it belongs with")
}

/// How YAML reads a plain value that starts with each of its indicators, where an error follows.
private let indicatorReadings: [Unicode.Scalar: String] = [
    "*": "as an alias (a reference to a value named with '&'), not as text",
    "&": "as an anchor (a name given to the value), not as text",
    "!": "as a tag (the value's type), not as text",
    "%": "as a directive, not as text",
    "@": "as a sign YAML reserves, which cannot start a text",
    "`": "as a sign YAML reserves, which cannot start a text",
    "|": "as a block of lines below the key: nothing may follow the '|' on its line",
    ">": "as a folded block of lines below the key: nothing may follow the '>' on its line",
]

/// How YAML reads a plain value starting with `first`, one of its indicators ("as an anchor …, not as text"); nil
/// for any other character.
func yamlIndicatorReading(_ first: Unicode.Scalar) -> String? { indicatorReadings[first] }

/// `key: "value"` for a hint, shortened: in single quotes when the value holds a double quote.
func quotedYAMLValue(key: String, _ value: String) -> String {
    let quoted = value.contains("\"") ? "'" + value.replacingOccurrences(of: "'", with: "''") + "'" : "\"" + value + "\""
    return shortened(key + ": " + quoted)
}

/// Keys whose values the pages print as plain text, where Markdown shows as written.
private let plainTextKeys: Set<String> = ["title", "question", "summary", "takeaway", "description", "caption", "footer",
                                          "glossaryIntro", "definition"]

/// A `key: value` line: the key, the 1-based column of its colon and of its value, and the value (may be empty).
private func keyLine(_ row: [Unicode.Scalar]) -> (name: String, colonColumn: Int, valueColumn: Int, value: String)? {
    let start = row.prefix { $0 == " " }.count
    guard start < row.count, !"-#'\"[{|>&*!%@`?".unicodeScalars.contains(row[start]) else { return nil }
    var index = start
    while index < row.count {
        if row[index] == ":", index + 1 == row.count || row[index + 1] == " " { break }
        if row[index] == "#", index > start, row[index - 1] == " " { return nil }
        index += 1
    }
    guard index < row.count, index > start else { return nil }
    var name = ""
    name.unicodeScalars.append(contentsOf: row[start..<index])
    var valueStart = index + 1
    while valueStart < row.count, row[valueStart] == " " { valueStart += 1 }
    var value = ""
    value.unicodeScalars.append(contentsOf: row[valueStart...])
    return (name.trimmingTrailingSpaces(), index + 1, valueStart + 1, value.trimmingTrailingSpaces())
}

/// Whether a value starts with `quote` and does not close it on its line (`"Why?`, `'It''s`).
private func opensUnclosed(_ value: String, quote: Unicode.Scalar) -> Bool {
    let scalars = Array(value.unicodeScalars)
    guard scalars.first == quote else { return false }
    var index = 1
    while index < scalars.count {
        if quote == "\"", scalars[index] == "\\" { index += 2; continue }
        if scalars[index] == quote {
            if quote == "'", index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
            return false
        }
        index += 1
    }
    return true
}

/// Not blank and not a comment.
private func isContent(_ row: [Unicode.Scalar]) -> Bool {
    guard let first = row.first(where: { $0 != " " }) else { return false }
    return first != "#"
}

private func spaces(_ count: Int) -> String { count == 1 ? "1 space" : "\(count) spaces" }

/// At most 70 characters, for an example in a hint.
private func shortened(_ text: String) -> String { text.count > 70 ? String(text.prefix(69)) + "…" : text }

private extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
