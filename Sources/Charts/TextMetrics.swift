/// Estimated text widths for the site's system sans-serif font, so labels neither overlap nor clip.
///
/// Latin widths are Helvetica/Arial advance widths (per 1000 em) with a 15 % margin for wider system fonts
/// (San Francisco, Segoe UI, Roboto, and DejaVu Sans, the usual fallback on Linux). Han characters, kana, hangul and
/// full-width punctuation are 1 em wide in every CJK system font (PingFang, Noto Sans CJK, Microsoft JhengHei, Hiragino,
/// Malgun Gothic) and are measured at exactly that, with no margin.
enum TextMetrics {
    /// Advance widths of ASCII 32…126 in thousandths of an em.
    private static let ascii: [Double] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
    ]
    private static let safety = 1.15

    /// Estimated width in px of `text` at `size` px.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var latin = 0.0, fullWidth = 0
        for scalar in text.unicodeScalars {
            if isFullWidth(scalar) { fullWidth += 1 } else { latin += advance(scalar) }
        }
        return (latin / 1000 * safety + Double(fullWidth)) * size * (bold ? boldFactor : 1)
    }

    /// Characters one em wide in CJK fonts: hangul jamo, CJK radicals to Yi (Han, kana, bopomofo, CJK punctuation),
    /// hangul syllables, compatibility ideographs, vertical and compatibility forms, full-width forms and the
    /// supplementary ideograph planes.
    static func isFullWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: return true
        default: return false
        }
    }

    /// Semi-bold text (class `ch-strong`) is about 8 % wider.
    static let boldFactor = 1.08

    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        if value >= 32, value <= 126 { return ascii[Int(value) - 32] }
        switch value {
        case 0x2212, 0x00D7, 0x00B1: return 584           // − × ±
        case 0x2013, 0x20AC, 0x00A3: return 556           // – € £
        case 0x2014, 0x2026: return 1000                  // — …
        case 0x2018, 0x2019: return 222                   // ‘ ’
        case 0x201C, 0x201D: return 333                   // “ ”
        case 0x2192, 0x2190: return 1000                  // → ←
        case 0x00A0, 0x2009, 0x202F: return 278           // spaces
        case 0x0300...0x036F: return 0                    // combining marks
        case 0x1F000...0x1FAFF: return 1000
        default: return 640
        }
    }

    /// `text` shortened with "…" so that it is at most `maxWidth` px wide.
    static func truncate(_ text: String, to maxWidth: Double, size: Double, bold: Bool = false) -> String {
        guard width(text, size: size, bold: bold) > maxWidth else { return text }
        var characters = Array(text)
        while !characters.isEmpty, width(String(characters) + "\u{2026}", size: size, bold: bold) > maxWidth {
            characters.removeLast()
        }
        return String(characters).trimmingTrailingSpaces() + "\u{2026}"
    }

    /// Splits `text` at spaces into at most `maxLines` lines no wider than `maxWidth`; the last line is truncated.
    /// Pieces a label may be broken between: at spaces, and after the hyphen of a hyphenated word
    /// ("private-credit" → "private-" + "credit"). Each piece carries the separator that joins it to the previous one.
    ///
    /// Chinese, Japanese and Korean text, written without spaces, may also break between two characters when either
    /// is CJK, except before closing punctuation (，。」), after opening punctuation (「（), and between a number and
    /// its unit (180億美元, 6.58%, 2025年 stay whole).
    static func breakableWords(_ text: String) -> [(word: String, separator: String)] {
        var result: [(word: String, separator: String)] = []
        for word in text.split(separator: " ") {
            var separator = " "
            var piece = ""
            var previous: Character? = nil
            var afterNumber = false   // in a number or the unit right after it
            let characters = Array(word)
            for (index, character) in characters.enumerated() {
                // 美, 港, 歐, 英 and 台 are units only with the character after them (美元, 港幣): 2023年|美國.
                let unit = unitCharacters.contains(character) && (!unitStarts.contains(character)
                    || (index + 1 < characters.count && unitCharacters.contains(characters[index + 1])))
                if let previous, !piece.isEmpty,
                   cjkBreak(between: previous, and: character, afterNumber: afterNumber && unit) {
                    result.append((piece, separator))
                    separator = ""
                    piece = ""
                }
                afterNumber = character.isASCII && character.isNumber
                    || (afterNumber && (unit || character == "." || character == ","))
                piece.append(character)
                previous = character
                if character == "-", piece.count > 1 {
                    result.append((piece, separator))
                    separator = ""
                    piece = ""
                }
            }
            if !piece.isEmpty { result.append((piece, separator)) }
        }
        return result
    }

    /// Whether a line may break between `previous` and `next` (at least one of them CJK).
    private static func cjkBreak(between previous: Character, and next: Character, afterNumber: Bool) -> Bool {
        guard isCJK(previous) || isCJK(next) else { return false }
        if noBreakBefore.contains(next) || noBreakAfter.contains(previous) { return false }
        return !(afterNumber && unitCharacters.contains(next))
    }

    /// Han, kana, hangul and full-width forms.
    static func isCJK(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFF00...0xFFEF).contains(value)
    }

    private static let noBreakBefore: Set<Character> = Set("，。、；：！？）」』》〉】〕…％%・ー,.;:!?)")
    private static let noBreakAfter: Set<Character> = Set("（「『《〈【〔(")
    /// Units written straight after a number in Chinese and Japanese (億, 美元, 年, %): kept with it.
    private static let unitCharacters: Set<Character> = Set("萬億兆千百十美元圓幣台港歐英鎊%％年月日週天個倍點次家座人名項成倍秒分時")
    /// Units' first characters that are units only with a second after them: 美元, 港幣, 歐元, 英鎊, 台幣.
    private static let unitStarts: Set<Character> = Set("美港歐英台")

    static func wrap(_ text: String, to maxWidth: Double, size: Double, maxLines: Int) -> [String] {
        var lines = fill(breakableWords(text), maxWidth: maxWidth) { width($0, size: size) }
        if lines.count > maxLines {
            let rest = lines[(maxLines - 1)...].joined(separator: " ")
            lines = Array(lines[..<(maxLines - 1)]) + [rest]
        }
        return lines.map { truncate($0, to: maxWidth, size: size) }
    }
}

extension TextMetrics {
    /// `pieces` (from `breakableWords`) in lines at most `maxWidth` wide as `measure` measures them, each filled
    /// in turn; a piece wider than `maxWidth` takes a line of its own.
    ///
    /// Chinese, Japanese and Korean text is balanced instead: as many lines as filling takes, each as near the same
    /// width as the pieces allow, so no line ends with one or two characters alone ("以晶片為擔保的貸" / "款" becomes
    /// "以晶片為擔" / "保的貸款"); and a line does not end inside a short bracketed aside ("（已" / "停擺）") when the
    /// aside fits whole on the next line or the line before. Text in spaced scripts is filled as before.
    static func fill(_ pieces: [(word: String, separator: String)], maxWidth: Double,
                     measure: (String) -> Double) -> [String] {
        let greedy = filled(pieces, maxWidth: maxWidth, measure: measure)
        guard greedy.count >= 2, pieces.contains(where: { $0.word.contains(where: isCJK) }) else { return greedy.map(joined) }
        var lines: [[(word: String, separator: String)]]
        if let chosen = wordBreaks(pieces, lines: greedy.count, maxWidth: maxWidth, measure: measure) {
            lines = chosen
        } else {
            // The narrowest width that still takes no more lines.
            let low = pieces.map { measure($0.word) }.max() ?? 0
            guard low < maxWidth else { return greedy.map(joined) }
            let high = narrowestWidth(from: low, to: maxWidth, within: 0.25, steps: 24) { width in
                filled(pieces, maxWidth: width, measure: measure).count <= greedy.count
            }
            lines = filled(pieces, maxWidth: high, measure: measure).map { Array($0) }
            guard lines.count == greedy.count else { return greedy.map(joined) }
        }
        // A line that ends inside a bracketed aside: the aside's start moves down, or its end up, when it fits.
        for index in lines.indices.dropLast() {
            let text = joined(lines[index][...])
            guard let open = unclosedOpening(text) else { continue }
            var start = 0, length = 0
            for (position, piece) in lines[index].enumerated() {
                let size = (position == 0 ? 0 : piece.separator.count) + piece.word.count
                if length + size > open { start = position; break }
                length += size
            }
            let down = Array(lines[index][start...]) + lines[index + 1]
            if start > 0, measure(joined(down[...])) <= maxWidth {
                lines[index + 1] = down
                lines[index] = Array(lines[index][..<start])
                continue
            }
            if let close = lines[index + 1].firstIndex(where: { $0.word.contains(where: closingBrackets.contains) }),
               close + 1 < lines[index + 1].count {
                let up = lines[index] + lines[index + 1][...close]
                if measure(joined(up[...])) <= maxWidth {
                    lines[index] = up
                    lines[index + 1] = Array(lines[index + 1][(close + 1)...])
                }
            }
        }
        return lines.filter { !$0.isEmpty }.map { joined($0[...]) }
    }

    /// The narrowest width between `low` (too narrow, or the least a text can take) and `high` (wide enough) for which
    /// `fits` holds, by halving the interval until it is `within` wide or after `steps` halvings; `high` if no
    /// narrower width fits.
    static func narrowestWidth(from low: Double, to high: Double, within tolerance: Double, steps: Int,
                               fits: (Double) -> Bool) -> Double {
        var low = low, high = high
        for _ in 0..<steps where high - low > tolerance {
            let middle = (low + high) / 2
            if fits(middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// CJK text in `count` lines no wider than `maxWidth`, broken where a reader expects it: at spaces and after
    /// punctuation (：、，）) first, then between scripts (AI|股 is avoided, 2023年|美國 is not), then after or before
    /// a function word (的、與、和、及、為 …, or 約 and 逾 before a number), and between two Han characters last,
    /// preferring a break after an even count of them since the last such point (most Chinese words are two
    /// characters: 私募信貸|基金, not 私募信|貸基金; 美國|資料, not 美|國). Among breaks as good, lines as even as
    /// possible, and no line of one Han character alone. Nil when the text is too long to weigh every break.
    static func wordBreaks(_ pieces: [(word: String, separator: String)], lines count: Int, maxWidth: Double,
                           measure: (String) -> Double) -> [[(word: String, separator: String)]]? {
        let n = pieces.count
        guard n <= 80, count >= 1, count <= n else { return nil }
        let costs = breakCosts(pieces)
        let average = measure(joined(pieces[...])) / Double(count)
        var best = Array(repeating: Array(repeating: Double.infinity, count: count + 1), count: n + 1)
        var start = Array(repeating: Array(repeating: -1, count: count + 1), count: n + 1)
        best[0][0] = 0
        for end in 1...n {
            for first in stride(from: end - 1, through: 0, by: -1) {
                let width = measure(joined(pieces[first..<end]))
                if width > maxWidth + 1e-9 && end - first > 1 { break }
                let spread = (width - average) / Swift.max(maxWidth, 1)
                var cost = 4 * spread * spread + (first > 0 ? costs[first] : 0)
                if end == n, end - first == 1, pieces[first].word.count == 1, pieces[first].word.allSatisfy(isCJK) { cost += 4 }
                for line in 1...count where best[first][line - 1].isFinite && best[first][line - 1] + cost < best[end][line] {
                    best[end][line] = best[first][line - 1] + cost
                    start[end][line] = first
                }
            }
        }
        guard best[n][count].isFinite else { return nil }
        var result: [[(word: String, separator: String)]] = []
        var end = n
        for line in stride(from: count, through: 1, by: -1) {
            let first = start[end][line]
            result.insert(Array(pieces[first..<end]), at: 0)
            end = first
        }
        return result
    }

    /// Function words a Chinese line may break after (以晶片為|擔保的|貸款) or, at a little more cost, before.
    private static let functionWords: Set<Character> = Set("的之與和及或並在為將從於而以把被給對向由逾約近得至")
    /// Function words that belong to the number after them (約70億, 逾30億, 近半, 至2049年): no break between.
    private static let beforeNumber: Set<Character> = Set("約逾近至")
    /// Characters that end a word (擔保品, 業者, 流動性, 利率): a line does not break before them, and a word ends after.
    private static let wordEnds: Set<Character> = Set("品者性率們")
    private static let punctuation: Set<Character> = Set("，。、；：！？）」』》〉】〕…％・,.;:!?)-")

    /// The cost of breaking the line before each piece (index 0 unused): 0 at a space or after punctuation, 4 between
    /// 約, 逾, 近 or 至 and its number, 1 before a plus, 2 between scripts, 1 after and 2.5 before a function word (1 before 約 and its number), 6 before a character that ends a word, 3 or 6 between two
    /// Han characters (after an even or an odd count of them since the last place a word surely ends).
    private static func breakCosts(_ pieces: [(word: String, separator: String)]) -> [Double] {
        var costs = Array(repeating: 0.0, count: pieces.count)
        var run = 0, afterDigit = false
        var previous: Character? = nil
        for (index, piece) in pieces.enumerated() {
            if piece.separator == " " { run = 0 }
            let characters = Array(piece.word)
            if index > 0, let p = previous, let q = characters.first {
                let afterQ: Character? = characters.count > 1 ? characters[1]
                    : pieces.indices.contains(index + 1) ? pieces[index + 1].word.first : nil
                if piece.separator == " " || punctuation.contains(p) || openingBrackets.contains(q) {
                    costs[index] = 0
                } else if beforeNumber.contains(p) && q.isASCII && q.isNumber {
                    // 約|70億美元 and 至|2049年 read as a word cut in two: the word goes with its number.
                    costs[index] = 4
                } else if q == "＋" || q == "+" {
                    // Before a plus, which joins two whole phrases (租期4年|＋續約選擇權, not 租期|4年＋…).
                    costs[index] = 1
                } else if !isCJK(p) || !isCJK(q) {
                    costs[index] = 2
                } else if wordEnds.contains(q) {
                    costs[index] = 6
                } else if functionWords.contains(p) || beforeNumber.contains(q) && afterQ?.isASCII == true && afterQ?.isNumber == true {
                    // After a function word, or before one that goes with the number after it (購買|約400億美元).
                    costs[index] = 1
                } else if functionWords.contains(q) || (afterQ.map { $0.isASCII && $0.isNumber } ?? false) {
                    costs[index] = 2.5
                } else {
                    costs[index] = run % 2 == 0 ? 3 : 6
                }
            }
            for (offset, character) in characters.enumerated() {
                let digit = character.isASCII && character.isNumber
                let next: Character? = offset + 1 < characters.count ? characters[offset + 1]
                    : pieces.indices.contains(index + 1) ? pieces[index + 1].word.first : nil
                let unit = unitCharacters.contains(character)
                    && (!unitStarts.contains(character) || next.map(unitCharacters.contains) == true)
                if digit || !isCJK(character) || punctuation.contains(character) || openingBrackets.contains(character)
                    || functionWords.contains(character) || wordEnds.contains(character) {
                    run = 0
                } else if !(afterDigit && unit) {
                    run += 1
                }
                afterDigit = digit || (afterDigit && (unit || character == "." || character == ","))
                previous = character
            }
        }
        return costs
    }

    /// Opening and closing brackets of an aside a line should not end inside.
    private static let openingBrackets: Set<Character> = Set("（「『《〈【〔(")
    private static let closingBrackets: Set<Character> = Set("）」』》〉】〕)")

    /// The character offset of the first (outermost) opening bracket of `text` that `text` does not close, if any.
    private static func unclosedOpening(_ text: String) -> Int? {
        var open: [Int] = []
        for (offset, character) in text.enumerated() {
            if openingBrackets.contains(character) { open.append(offset) }
            if closingBrackets.contains(character), !open.isEmpty { open.removeLast() }
        }
        return open.first
    }

    /// Greedy filling: each line takes pieces while they fit.
    private static func filled(_ pieces: [(word: String, separator: String)], maxWidth: Double,
                               measure: (String) -> Double) -> [ArraySlice<(word: String, separator: String)>] {
        var lines: [ArraySlice<(word: String, separator: String)>] = []
        var start = 0
        for index in pieces.indices where index > start {
            if measure(joined(pieces[start...index])) > maxWidth {
                lines.append(pieces[start..<index])
                start = index
            }
        }
        if start < pieces.count { lines.append(pieces[start...]) }
        return lines
    }

    /// The pieces as one line: each joined to the one before by its separator, the first's dropped.
    private static func joined(_ pieces: ArraySlice<(word: String, separator: String)>) -> String {
        var line = ""
        for piece in pieces { line += (line.isEmpty ? "" : piece.separator) + piece.word }
        return line
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
