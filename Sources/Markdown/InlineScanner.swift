/// A piece of a text node after scanning for citations and glossary terms.
enum InlinePiece: Equatable {
    case text(String)
    case citation(keys: [String], offset: Int)
    case term(index: Int, text: String)
}

/// Splits text into plain runs, `[@key; @key2]` citations and first uses of terms.
struct InlineScanner {
    var citations: Bool
    /// Lowercased phrases per term index.
    var phrases: [[String]]
    var usedTerms: Set<Int> = []

    init(citations: Bool, terms: [AutolinkTerm]) {
        self.citations = citations
        phrases = terms.map { $0.phrases.map { $0.lowercased() }.filter { !$0.isEmpty } }
    }

    mutating func scan(_ text: String, linkTerms: Bool) -> [InlinePiece] {
        let characters = Array(text)
        var pieces: [InlinePiece] = []
        var plain = ""
        var index = 0
        let lowered = characters.map { Character($0.lowercased().count == 1 ? $0.lowercased() : String($0)) }
        while index < characters.count {
            if citations, characters[index] == "[", let (keys, end) = citation(in: characters, at: index) {
                if !plain.isEmpty { pieces.append(.text(plain)); plain = "" }
                pieces.append(.citation(keys: keys, offset: index))
                index = end
                continue
            }
            if linkTerms, isWordStart(characters, index), let (term, length) = termMatch(lowered, at: index) {
                if !plain.isEmpty { pieces.append(.text(plain)); plain = "" }
                usedTerms.insert(term)
                pieces.append(.term(index: term, text: String(characters[index..<(index + length)])))
                index += length
                continue
            }
            plain.append(characters[index])
            index += 1
        }
        if !plain.isEmpty { pieces.append(.text(plain)) }
        return pieces
    }

    /// `[@a]` or `[@a; @b]` starting at `start`; returns the keys and the index after `]`.
    private func citation(in characters: [Character], at start: Int) -> ([String], Int)? {
        var index = start + 1
        var keys: [String] = []
        while true {
            while index < characters.count, characters[index] == " " { index += 1 }
            guard index < characters.count, characters[index] == "@" else { return nil }
            index += 1
            var key = ""
            while index < characters.count, isKeyCharacter(characters[index]) { key.append(characters[index]); index += 1 }
            guard !key.isEmpty else { return nil }
            keys.append(key)
            while index < characters.count, characters[index] == " " { index += 1 }
            guard index < characters.count else { return nil }
            if characters[index] == "]" { return (keys, index + 1) }
            guard characters[index] == ";" || characters[index] == "," else { return nil }
            index += 1
        }
    }

    private func isKeyCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_"
            || character == "." || character == ":")
    }

    private func isWordStart(_ characters: [Character], _ index: Int) -> Bool {
        index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
    }

    /// The longest unused phrase matching at `index` and ending at a word boundary.
    private func termMatch(_ lowered: [Character], at index: Int) -> (Int, Int)? {
        var best: (Int, Int)?
        for (term, candidates) in phrases.enumerated() where !usedTerms.contains(term) {
            for phrase in candidates {
                let phraseCharacters = Array(phrase)
                let end = index + phraseCharacters.count
                guard end <= lowered.count, Array(lowered[index..<end]) == phraseCharacters else { continue }
                if end < lowered.count, lowered[end].isLetter || lowered[end].isNumber { continue }
                if best == nil || phraseCharacters.count > best!.1 { best = (term, phraseCharacters.count) }
            }
        }
        return best
    }
}
