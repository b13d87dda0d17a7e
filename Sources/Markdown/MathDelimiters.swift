/// A stretch of TeX math found in prose: where it starts (0-based line index in the lines given, 0-based column in
/// characters) and its text with the dollar signs.
struct MathSpan: Equatable {
    var line: Int
    var column: Int
    var text: String
}

/// The `$…$` and `$$…$$` spans of a block's source lines, by Pandoc's rule for `tex_math_dollars`: an opening `$` has
/// a non-space character right after it, a closing `$` a non-space character right before it and no digit right
/// after it (so "$20,000 and $30,000" is money, not math); `$$` opens display math that the next `$$` closes.
/// A `\$` is a literal dollar sign; code spans are skipped.
func mathSpans(in lines: [Substring]) -> [MathSpan] {
    let (characters, places, codeSpans) = blockCharacters(lines)
    var spans: [MathSpan] = []
    var index = 0
    func isSpace(_ position: Int) -> Bool { position >= characters.count || characters[position].isWhitespace }
    while index < characters.count {
        guard characters[index] == "$", !codeSpans[index], index == 0 || characters[index - 1] != "\\" else {
            index += 1
            continue
        }
        if index + 1 < characters.count, characters[index + 1] == "$" {
            // Display math: the next unescaped `$$` outside code closes it.
            var close = index + 2
            while close + 1 < characters.count,
                  !(characters[close] == "$" && characters[close + 1] == "$" && !codeSpans[close] && characters[close - 1] != "\\") {
                close += 1
            }
            if close + 1 < characters.count, close > index + 2 {
                spans.append(MathSpan(line: places[index].line, column: places[index].column,
                                      text: String(characters[index...(close + 1)])))
                index = close + 2
            } else {
                index += 2
            }
            continue
        }
        guard !isSpace(index + 1) else {
            index += 1
            continue
        }
        var close = index + 1
        var found: Int?
        while close < characters.count {
            if characters[close] == "$", !codeSpans[close], characters[close - 1] != "\\" {
                let after = close + 1 < characters.count ? characters[close + 1] : " "
                if !characters[close - 1].isWhitespace && !(after.isASCII && after.isNumber) {
                    found = close
                    break
                }
            }
            // Math stays within a paragraph's text; a blank line would have ended the block anyway.
            close += 1
        }
        if let found {
            spans.append(MathSpan(line: places[index].line, column: places[index].column,
                                  text: String(characters[index...found])))
            index = found + 1
        } else {
            index += 1
        }
    }
    return spans
}

/// A block's source lines as one run of characters (each line ended by "\n"), where each came from (0-based line index
/// in `lines`, 0-based column in characters), and which lie inside a code span.
func blockCharacters(_ lines: [Substring]) -> (characters: [Character], places: [(line: Int, column: Int)], inCode: [Bool]) {
    var characters: [Character] = []
    var places: [(line: Int, column: Int)] = []
    for (index, line) in lines.enumerated() {
        var column = 0
        for character in line {
            characters.append(character)
            places.append((index, column))
            column += 1
        }
        characters.append("\n")
        places.append((index, column))
    }
    return (characters, places, codeSpanMask(characters))
}

/// Which characters lie inside a code span (between matching runs of backticks, CommonMark's rule).
private func codeSpanMask(_ characters: [Character]) -> [Bool] {
    var mask = Array(repeating: false, count: characters.count)
    var index = 0
    while index < characters.count {
        guard characters[index] == "`" else {
            index += 1
            continue
        }
        var run = 0
        while index + run < characters.count, characters[index + run] == "`" { run += 1 }
        // Find a closing run of exactly the same length.
        var search = index + run
        var closing: Int?
        while search < characters.count {
            if characters[search] == "`" {
                var length = 0
                while search + length < characters.count, characters[search + length] == "`" { length += 1 }
                if length == run {
                    closing = search
                    break
                }
                search += length
            } else {
                search += 1
            }
        }
        if let closing {
            for position in index..<(closing + run) { mask[position] = true }
            index = closing + run
        } else {
            index += run
        }
    }
    return mask
}
