/// Hugo's shortcodes (`{{< figure src="…" >}}`, `{{% note %}}`) in a block's source lines, outside code spans and not
/// after a backslash: where each starts (0-based line index in the lines given, 0-based column in characters) and its
/// text, up to its closing `>}}` or `%}}` or else its line's end (a span has the shape of a math span).
func shortcodeSpans(in lines: [Substring]) -> [MathSpan] {
    let (characters, places, code) = blockCharacters(lines)
    var spans: [MathSpan] = []
    var index = 0
    while index + 2 < characters.count {
        let mark = characters[index + 2]
        guard characters[index] == "{", characters[index + 1] == "{", mark == "<" || mark == "%", !code[index],
              index == 0 || characters[index - 1] != "\\" else {
            index += 1
            continue
        }
        var end = index + 3
        while end < characters.count, characters[end] != "\n",
              !(characters[end] == mark && end + 2 < characters.count && characters[end + 1] == "}" && characters[end + 2] == "}") {
            end += 1
        }
        let last = end < characters.count && characters[end] == mark ? end + 2 : end - 1
        spans.append(MathSpan(line: places[index].line, column: places[index].column, text: String(characters[index...last])))
        index = last + 1
    }
    return spans
}

/// The class or word a fenced div's opening line names (`::: {.callout-note}` → `callout-note`, `::: warning` →
/// `warning`), lower-cased; empty for a closing `:::`.
public func fencedDivName(_ line: String) -> String {
    var rest = Substring(line).drop { $0 == ":" }.drop { $0 == " " || $0 == "{" || $0 == "." }
    rest = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    return rest.lowercased()
}

/// The name of a Hugo shortcode as written (`{{< figure src="…" >}}` → `figure`, `{{% /notice %}}` → `notice`),
/// lower-cased.
public func shortcodeName(_ shortcode: String) -> String {
    let rest = Substring(shortcode).dropFirst(3).drop { $0 == " " || $0 == "/" }
    return rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }.lowercased()
}

/// The value of `name="…"` in a shortcode (straight or curly quotes), or nil.
public func shortcodeAttribute(_ name: String, in shortcode: String) -> String? {
    guard let found = shortcode.firstRange(of: name + "=") else { return nil }
    let rest = shortcode[found.upperBound...]
    guard let open = rest.first, ["\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"].contains(open) else {
        let bare = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "%" }
        return bare.isEmpty ? nil : String(bare)
    }
    let closes: Set<Character> = open == "\"" || open == "'" ? [open] : ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\""]
    let value = rest.dropFirst().prefix { !closes.contains($0) }
    return String(value)
}
