import Foundation
import Markdown

/// Turns text into search terms, the same way in the index and in the reader's browser (`assets/search.js`, `terms`).
///
/// The text is case-folded (lowercase, compatibility decomposition, combining marks removed: "Café", "CAFE" and
/// "ｃａｆｅ" all become "cafe"), then split into runs of letters and digits; a point between two digits stays in its
/// run, so that a number keeps its decimals ("4.4", "27.3"). The index also holds such a number's parts ("4", "27",
/// "3"), as it did before, so a site whose own copy of `search.js` still splits "27.3" keeps finding it. An ampersand
/// between two ASCII letters belongs to the word too ("S&P", "AT&T", "R&D"), whose letters alone would be single
/// letters or parts of other words. A run of Chinese or Japanese characters becomes its overlapping character pairs ("證券化" → "證券", "券化"), which find words without a dictionary; the index
/// also holds each single character, for one-character queries. Any other run is a word: a single letter is dropped,
/// and with English rules stopwords are dropped and words stemmed (`stemEnglish`). Words longer than
/// `SearchTokenizer.longestWord` are dropped (they are not words a reader types).
struct SearchTokenizer: Sendable {
    /// Index terms (single characters as well as pairs) or query terms (pairs, or the single character of a
    /// one-character run).
    enum Mode: Sendable { case index, query }

    /// Whether words are stemmed and stopwords dropped by the English rules.
    var english: Bool

    static let longestWord = 40

    func terms(_ text: String, mode: Mode) -> [String] {
        var terms: [String] = []
        var scanner = SearchTermScanner()
        scanner.scan(text, mode: mode) { bytes, isWord in
            let text = String(decoding: bytes, as: UTF8.self)
            if !isWord {
                terms.append(text)
            } else if let term = wordTerm(text) {
                terms.append(term)
            }
        }
        return terms
    }

    /// The term a word (case-folded, two letters or more, or a number) stands for, or nil for a stopword.
    func wordTerm(_ word: String) -> String? {
        guard english else { return word }
        return englishStopwords.contains(word) ? nil : stemEnglish(word)
    }
}

/// The scanning half of `SearchTokenizer.terms`, on UTF-8 bytes: case folding, runs of letters and digits, Chinese
/// character pairs, and the length rules for words. It hands each Chinese term, and each word before stopwords and
/// stemming (`SearchTokenizer.wordTerm`), to a closure, so that the index build can look words up by their bytes.
/// One scanner is reused for many texts (it keeps what it folded).
struct SearchTermScanner {
    private struct Part {
        var scalar: Unicode.Scalar
        /// 0 ASCII, 1 Chinese or kana, 2 another letter or digit, 3 anything else.
        var kind: UInt8
    }

    private var folded: [UInt32: [Part]] = [:]
    private var word: [UInt8] = []
    private var wordLength = 0
    /// Whether the word's last character is a digit, and whether a point followed it (kept if a digit comes next).
    private var endsInDigit = false
    private var point = false
    /// Whether the word holds a point between digits ("4.4"): the index then also takes its parts.
    private var wordHasPoint = false
    /// Whether an ampersand followed the word's last character, an ASCII letter (kept if an ASCII letter comes next).
    private var ampersand = false
    private var han: [Unicode.Scalar] = []
    private var pair: [UInt8] = []
    private var mode = SearchTokenizer.Mode.index

    /// Calls `body` with each term's bytes and whether it is a word (else a Chinese character or pair), in order.
    mutating func scan(_ text: String, mode: SearchTokenizer.Mode,
                       _ body: (UnsafeBufferPointer<UInt8>, _ isWord: Bool) -> Void) {
        self.mode = mode
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                if wordLength == 0, han.isEmpty, isASCIILetterOrDigit(byte) {
                    // A run of ASCII letters and digits at a word's start, taken at once: handed over from the text
                    // itself when it has no capital and nothing non-ASCII continues the word.
                    // A point between two digits belongs to the word ("4.4").
                    var end = index + 1
                    var capitals = byte <= 0x5A && byte >= 0x41
                    var hasPoint = false
                    while end < count {
                        let next = utf8[end]
                        if isASCIILetterOrDigit(next) {
                            if next <= 0x5A && next >= 0x41 { capitals = true }
                        } else if next != 0x2E || !isASCIIDigit(utf8[end - 1]) || end + 1 == count || !isASCIIDigit(utf8[end + 1]) {
                            break
                        } else {
                            hasPoint = true
                        }
                        end += 1
                    }
                    // A point after the last digit, before something else, is left to the character-by-character path,
                    // which knows whether a digit follows it in another form ("4.４").
                    let pointAfter = end < count && utf8[end] == 0x2E && isASCIIDigit(utf8[end - 1])
                    // So is an ampersand that may join two letters ("s&p").
                    let ampersandAfter = end < count && utf8[end] == 0x26 && !isASCIIDigit(utf8[end - 1])
                    if !capitals && !pointAfter && !ampersandAfter && (end == count || utf8[end] < 0x80) {
                        let length = end - index
                        if length <= SearchTokenizer.longestWord && (length > 1 || (byte >= 0x30 && byte <= 0x39)) {
                            let word = UnsafeBufferPointer(rebasing: utf8[index..<end])
                            body(word, true)
                            if hasPoint && mode == .index { emitParts(of: word, body) }
                        }
                        index = end
                        continue
                    }
                    for at in index..<end {
                        let byte = utf8[at]
                        word.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                    }
                    wordLength = end - index
                    endsInDigit = isASCIIDigit(utf8[end - 1])
                    wordHasPoint = hasPoint
                    index = end
                    continue
                }
                if byte < 0x80 {
                    index += 1
                    takeASCII(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte, body)
                    continue
                }
                // A scalar of two to four bytes (the String's UTF-8 is valid).
                var value: UInt32
                if byte < 0xE0 {
                    value = UInt32(byte & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                    index += 2
                } else if byte < 0xF0 {
                    value = UInt32(byte & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                    index += 3
                } else {
                    value = UInt32(byte & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12
                        | UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F)
                    index += 4
                }
                let parts: [Part]
                if let known = folded[value] {
                    parts = known
                } else {
                    parts = foldScalar(Unicode.Scalar(value)!).map { part in
                        Part(scalar: part, kind: part.isASCII ? 0 : isHanOrKana(part) ? 1 : isLetterOrNumber(part) ? 2 : 3)
                    }
                    folded[value] = parts
                }
                for part in parts {
                    switch part.kind {
                    case 0: takeASCII(UInt8(part.scalar.value), body)
                    case 1:
                        endWord(body)
                        han.append(part.scalar)
                    case 2:
                        endHan(body)
                        let number = isNumberScalar(part.scalar)
                        continuePoint(number: number, asciiLetter: false, body)
                        word.append(contentsOf: UTF8.encode(part.scalar)!)
                        wordLength += 1
                        endsInDigit = number
                    default:
                        endWord(body)
                        endHan(body)
                    }
                }
            }
        }
        endWord(body)
        endHan(body)
    }

    private mutating func takeASCII(_ byte: UInt8, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
            if !han.isEmpty { endHan(body) }
            let digit = byte <= 0x39
            continuePoint(number: digit, asciiLetter: !digit, body)
            word.append(byte)
            wordLength += 1
            endsInDigit = digit
        } else if byte == 0x2E && endsInDigit && !point {
            point = true
        } else if byte == 0x26 && !point && !ampersand, let last = word.last, last >= 0x61 && last <= 0x7A {
            ampersand = true
        } else {
            endWord(body)
            if !han.isEmpty { endHan(body) }
        }
    }

    /// Before a letter or digit joins the word: a point waiting after a digit joins it too if a digit comes ("4.4"),
    /// else it ended the word ("2025.The"); an ampersand waiting after an ASCII letter joins it if an ASCII letter
    /// comes ("s&p"), else it ended the word.
    private mutating func continuePoint(number: Bool, asciiLetter: Bool, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        if ampersand {
            ampersand = false
            if asciiLetter {
                word.append(0x26)
                wordLength += 1
            } else {
                endWord(body)
            }
            return
        }
        guard point else { return }
        point = false
        if number {
            word.append(0x2E)
            wordLength += 1
            wordHasPoint = true
        } else {
            endWord(body)
        }
    }

    private mutating func endWord(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        point = false
        ampersand = false
        endsInDigit = false
        let hasPoint = wordHasPoint
        wordHasPoint = false
        guard wordLength > 0 else { return }
        defer { word.removeAll(keepingCapacity: true); wordLength = 0 }
        guard wordLength <= SearchTokenizer.longestWord else { return }
        if wordLength == 1 {
            let first = word[0]
            let number = first < 0x80 ? (first >= 0x30 && first <= 0x39)
                : String(decoding: word, as: UTF8.self).unicodeScalars.first.map(isNumberScalar) ?? false
            if !number { return }
        }
        word.withUnsafeBufferPointer { word in
            body(word, true)
            if hasPoint && mode == .index { emitParts(of: word, body) }
        }
    }

    /// In the index, a number with a point ("27.3") also stands as its parts ("27", "3"), the terms a query made them
    /// before points were kept: a site's older copy of `search.js` still finds it.
    private func emitParts(of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var start = 0
        for index in 0...word.count where index == word.count || word[index] == 0x2E {
            let part = UnsafeBufferPointer(rebasing: word[start..<index])
            // A part is a word as any other run would be: two characters or more, or a single digit.
            if part.count > 1 || (part.count == 1 && part[0] >= 0x30 && part[0] <= 0x39) { body(part, true) }
            start = index + 1
        }
    }

    private mutating func endHan(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        guard !han.isEmpty else { return }
        defer { han.removeAll(keepingCapacity: true) }
        if han.count == 1 || mode == .index {
            for scalar in han {
                pair.removeAll(keepingCapacity: true)
                pair.append(contentsOf: UTF8.encode(scalar)!)
                pair.withUnsafeBufferPointer { body($0, false) }
            }
        }
        for index in han.indices.dropLast() {
            pair.removeAll(keepingCapacity: true)
            pair.append(contentsOf: UTF8.encode(han[index])!)
            pair.append(contentsOf: UTF8.encode(han[index + 1])!)
            pair.withUnsafeBufferPointer { body($0, false) }
        }
    }
}

/// An ASCII digit.
private func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

/// An ASCII letter (either case) or digit.
private func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
}

/// Lowercase, then compatibility decomposition, then no combining marks: what JavaScript's
/// `s.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")` does to one character.
func foldScalar(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    String(scalar).lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars.filter { part in
        switch part.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: false
        default: true
        }
    }
}

/// `\p{L}` or `\p{N}`.
func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
         .decimalNumber, .letterNumber, .otherNumber: true
    default: false
    }
}

/// `\p{N}`.
func isNumberScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber: true
    default: false
    }
}
