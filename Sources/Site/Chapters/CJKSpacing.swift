import Markdown

/// Chinese prose written with the habits of English, as warnings: a space between two Han characters (`資料 中心`), and
/// ASCII punctuation next to Han text (`資料中心,租約`, `(特殊目的機構)`), where Chinese uses full-width `，` and `（）`.
/// Only for a page in Chinese or Japanese (`language`, a BCP 47 tag); code, link addresses and chart blocks (YAML,
/// whose syntax is ASCII) are skipped, and so are spaces next to Latin letters or digits, which are a matter of style.
///
/// Columns count UTF-8 bytes, as the other Markdown diagnostics do; `lineOffset` turns body lines into file lines.
func cjkSpacingWarnings(_ body: String, file: String, lineOffset: Int, language: String) -> [Diagnostic] {
    guard ["zh", "ja"].contains(language.split(separator: "-").first?.lowercased() ?? "") else { return [] }
    var warnings: [Diagnostic] = []
    var fence: (marker: Character, count: Int, prose: Bool)? = nil
    for (index, line) in splitLines(body).enumerated() {
        let trimmed = line.drop { $0 == " " || $0 == ">" }
        let marker = trimmed.prefix { $0 == "`" || $0 == "~" }
        if marker.count >= 3, let first = marker.first, Set(marker).count == 1 {
            if let open = fence {
                if first == open.marker, marker.count >= open.count { fence = nil; continue }
            } else {
                let info = trimmed.dropFirst(marker.count).drop { $0 == " " }.prefix { $0 != " " }
                // "Careful" and "What happened next" boxes hold prose; code and chart blocks do not.
                fence = (first, marker.count, info == "careful" || info == "next")
                continue
            }
        }
        if let open = fence, !open.prose { continue }
        for problem in cjkSpacingProblems(in: String(line)) {
            warnings.append(Diagnostic(file: file, line: index + 1 + lineOffset, column: problem.column,
                                       message: problem.message, hint: problem.hint, severity: .warning))
        }
    }
    return warnings
}

/// The problems of one line: (UTF-8 column, message, hint).
func cjkSpacingProblems(in line: String) -> [(column: Int, message: String, hint: String)] {
    let scalars = Array(maskingCodeAndAddresses(line).unicodeScalars)
    // Columns of the line as written (masking keeps the number of scalars, not their UTF-8 lengths).
    var columns: [Int] = []
    var column = 1
    for scalar in line.unicodeScalars {
        columns.append(column)
        column += String(scalar).utf8.count
    }
    func isHan(_ index: Int) -> Bool { index >= 0 && index < scalars.count && isHanOrKana(scalars[index]) }
    var problems: [(column: Int, message: String, hint: String)] = []
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        if scalar == " " || scalar == "\u{3000}" {
            var end = index
            while end < scalars.count, scalars[end] == " " || scalars[end] == "\u{3000}" { end += 1 }
            if isHan(index - 1), isHan(end) {
                problems.append((columns[index], "a space between Chinese characters",
                                 "remove it: Chinese text runs on without spaces (a pause is '，' or '、')"))
            }
            index = end
            continue
        }
        if let fullWidth = fullWidthPunctuation[scalar] {
            var after = index + 1
            while after < scalars.count, scalars[after] == " " { after += 1 }
            let opening = scalar == "("
            let closing = scalar == ")"
            let besideHan: Bool
            if opening {
                besideHan = isHan(after) || isHan(index - 1)
            } else if closing {
                besideHan = isHan(index - 1) || isHan(after)
            } else {
                // A comma, colon or full stop after Chinese, followed by Chinese or the end of the line ("3.5", "a, b"
                // and "Note: 見下" are not Chinese punctuation).
                besideHan = isHan(index - 1) && (after == scalars.count || isHan(after))
            }
            if besideHan {
                problems.append((columns[index], "ASCII '\(Character(scalar))' in Chinese text",
                                 "write the full-width '\(fullWidth)'" + (after > index + 1 ? " without the space after it" : "")))
            }
        }
        index += 1
    }
    return problems
}

/// ASCII punctuation and the full-width form Chinese prose uses instead.
private let fullWidthPunctuation: [Unicode.Scalar: Character] = [
    ",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。", "(": "（", ")": "）",
]

/// The line with code spans, link addresses (`](…)`), autolinks and HTML comments replaced by `x` (same length in
/// scalars, so columns still match): what they hold is not prose.
private func maskingCodeAndAddresses(_ line: String) -> String {
    var scalars = Array(line.unicodeScalars)
    func mask(_ range: Range<Int>) { for i in range { scalars[i] = "x" } }
    var index = 0
    while index < scalars.count {
        switch scalars[index] {
        case "`":
            var run = index
            while run < scalars.count, scalars[run] == "`" { run += 1 }
            let ticks = run - index
            var close = run
            var found: Int? = nil
            while close < scalars.count {
                if scalars[close] == "`" {
                    var end = close
                    while end < scalars.count, scalars[end] == "`" { end += 1 }
                    if end - close == ticks { found = end; break }
                    close = end
                } else {
                    close += 1
                }
            }
            if let found { mask(index..<found); index = found } else { index = run }
        case "]" where index + 1 < scalars.count && scalars[index + 1] == "(":
            var depth = 0
            var end = index + 1
            while end < scalars.count {
                if scalars[end] == "(" { depth += 1 }
                if scalars[end] == ")" { depth -= 1; if depth == 0 { break } }
                end += 1
            }
            mask(index + 1..<min(end + 1, scalars.count))
            index = end + 1
        case "<":
            if let end = scalars[index...].firstIndex(of: ">") { mask(index..<end + 1); index = end + 1 } else { index += 1 }
        default:
            index += 1
        }
    }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars)
    return String(out)
}
