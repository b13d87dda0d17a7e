import Markdown

/// Typography for the words of a figure (title, caption, labels, category and column names): quotes as the prose
/// gets them from cmark's smart punctuation ("a" → “a”, it's → it’s, 'a' → ‘a’, the '90s → the ’90s), and a narrow
/// no-break space between a number and its unit, as the prose gets it ("50 %", "$27 B" never break at the line end;
/// `joiningNumbersToUnits`).
func typographic(_ text: String) -> String {
    let text = joiningNumbersToUnits(text)
    guard text.contains(where: { $0 == "'" || $0 == "\"" }) else { return text }
    let characters = Array(text)
    var out = ""
    for (index, character) in characters.enumerated() {
        let before = index > 0 ? characters[index - 1] : nil
        let after = index + 1 < characters.count ? characters[index + 1] : nil
        // A quote opens at the start, after a space or an opening bracket or dash; otherwise it closes.
        let opens = before.map { $0.isWhitespace || "([{\u{2018}\u{201C}\u{2013}\u{2014}/".contains($0) } ?? true
        switch character {
        case "'":
            // An apostrophe before digits ('90s) is elided text, not an opening quote.
            out.append(opens && !(after?.isNumber ?? false) ? "\u{2018}" : "\u{2019}")
        case "\"":
            out.append(opens ? "\u{201C}" : "\u{201D}")
        default:
            out.append(character)
        }
    }
    return out
}

/// Two sentences (or a label and its text) as one: with a space between them, as English writes them, but none after
/// full-width punctuation (`。`, `：`), as Chinese and Japanese write them.
func joiningSentences(_ first: String, _ second: String) -> String {
    guard !second.isEmpty else { return first }
    return first + (endsInFullWidthPunctuation(first) ? "" : " ") + second
}

/// Whether `text` ends in CJK or full-width punctuation (`。`, `：`, `」`, `）`), after which no space is written.
func endsInFullWidthPunctuation(_ text: String) -> Bool {
    guard let last = text.unicodeScalars.last else { return false }
    return (0x3000...0x303F).contains(last.value) || (0xFF00...0xFFEF).contains(last.value)
}
