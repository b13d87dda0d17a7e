import Foundation

/// Turns text into search terms, the same way in the index and in the reader's browser (`assets/search.js`, `terms`).
///
/// The text is case-folded (lowercase, compatibility decomposition, combining marks removed: "Café", "CAFE" and
/// "ｃａｆｅ" all become "cafe"), then split into runs of letters and digits. A run of Chinese or Japanese characters
/// becomes its overlapping character pairs ("證券化" → "證券", "券化"), which find words without a dictionary; the index
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
        var word = String.UnicodeScalarView()
        var wordLength = 0
        var han: [Unicode.Scalar] = []
        var folded: [Unicode.Scalar: [Unicode.Scalar]] = [:]

        func endWord() {
            defer { word = String.UnicodeScalarView(); wordLength = 0 }
            guard wordLength > 0, wordLength <= Self.longestWord else { return }
            let text = String(word)
            if wordLength == 1, !isNumberScalar(word.first!) { return }
            if english {
                if englishStopwords.contains(text) { return }
                terms.append(stemEnglish(text))
            } else {
                terms.append(text)
            }
        }
        func endHan() {
            defer { han.removeAll(keepingCapacity: true) }
            guard !han.isEmpty else { return }
            if han.count == 1 || mode == .index {
                for scalar in han { terms.append(String(scalar)) }
            }
            for index in han.indices.dropLast() {
                var pair = String.UnicodeScalarView()
                pair.append(han[index])
                pair.append(han[index + 1])
                terms.append(String(pair))
            }
        }
        func take(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                let value = scalar.value
                if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                    endHan()
                    word.append(scalar)
                    wordLength += 1
                } else {
                    endWord()
                    endHan()
                }
            } else if isHanScalar(scalar) {
                endWord()
                han.append(scalar)
            } else if isLetterOrNumber(scalar) {
                endHan()
                word.append(scalar)
                wordLength += 1
            } else {
                endWord()
                endHan()
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x41 && value <= 0x5A {
                    take(Unicode.Scalar(value + 0x20)!)
                } else {
                    take(scalar)
                }
            } else if let known = folded[scalar] {
                for part in known { take(part) }
            } else {
                let parts = foldScalar(scalar)
                folded[scalar] = parts
                for part in parts { take(part) }
            }
        }
        endWord()
        endHan()
        return terms
    }
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

/// Chinese characters and Japanese kana: written without spaces between words, so indexed by character pairs.
func isHanScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3005...0x3007, 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x3400...0x4DBF,
         0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
    default: false
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
