/// Terms to link on first use, with their phrases prepared for matching: build once, render many documents.
///
/// Lowercasing every phrase and splitting it into characters and bytes costs more than scanning a short chapter, so a
/// site builds this once per build and every chapter shares it. Two values are equal when their terms are.
public struct AutolinkTerms: Sendable, Equatable, ExpressibleByArrayLiteral {
    public let terms: [AutolinkTerm]
    /// Lowercased phrases, split into characters, grouped by their first character; each group keeps term order, then
    /// phrase order, so the first of equally long matches wins.
    let phrasesByFirstCharacter: [Character: [(term: Int, characters: [Character])]]
    /// The same phrases as ASCII bytes, by first byte, for the byte scan; phrases that no ASCII text can match
    /// (a character equal to no ASCII character) are left out.
    let asciiPhrasesByFirstByte: [[(term: Int, bytes: [UInt8])]]
    /// Whether every phrase is in `asciiPhrasesByFirstByte` (then text with typographic punctuation can be scanned
    /// by bytes too: no phrase can contain that punctuation).
    let allPhrasesASCII: Bool
    /// Each term's `<a class="term" …>` tag, escaped once rather than at every link.
    let openingTags: [String]
    /// One bit per (first byte, second byte & 0x7F) of the phrases in `asciiPhrasesByFirstByte`, lowercased; a
    /// one-byte phrase sets every bit of its first byte. Most word starts match no phrase's first two bytes, and
    /// this answers that without reading the candidates.
    private let asciiPairs: [UInt64]

    public init(_ terms: [AutolinkTerm] = []) {
        self.terms = terms
        var groups: [Character: [(term: Int, characters: [Character])]] = [:]
        var asciiGroups = [[(term: Int, bytes: [UInt8])]](repeating: [], count: 128)
        var pairs = [UInt64](repeating: 0, count: 128 * 128 / 64)
        var allASCII = true
        for (term, autolink) in terms.enumerated() {
            for phrase in autolink.phrases.map({ Array($0.lowercased()) }) where !phrase.isEmpty {
                groups[phrase[0], default: []].append((term, phrase))
                let bytes = phrase.compactMap(asciiEquivalent)
                guard bytes.count == phrase.count else { allASCII = false; continue }
                asciiGroups[Int(bytes[0])].append((term, bytes))
                if bytes.count == 1 {
                    for word in 0..<2 { pairs[Int(bytes[0]) * 2 + word] = .max }
                } else {
                    let bit = Int(bytes[0]) * 128 + Int(bytes[1] & 0x7F)
                    pairs[bit / 64] |= 1 << UInt64(bit % 64)
                }
            }
        }
        asciiPairs = pairs
        phrasesByFirstCharacter = groups
        openingTags = terms.map { "<a class=\"term\" href=\"\(escapeHTML($0.href))\" title=\"\(escapeHTML($0.title))\">" }
        asciiPhrasesByFirstByte = asciiGroups
        allPhrasesASCII = allASCII
    }

    /// Whether some phrase of `asciiPhrasesByFirstByte` may start with `first` then `second` (both lowercased ASCII
    /// bytes, `second` 0 at the end of the text; a byte above 0x7F is taken modulo 128, which can only answer yes more
    /// often). No means no phrase there.
    func mayStartPhrase(_ first: UInt8, _ second: UInt8) -> Bool {
        let bit = Int(first & 0x7F) * 128 + Int(second & 0x7F)
        return asciiPairs.withUnsafeBufferPointer { $0[bit &>> 6] & (1 << UInt64(bit & 63)) != 0 }
    }

    public init(arrayLiteral terms: AutolinkTerm...) {
        self.init(terms)
    }

    public static func == (lhs: AutolinkTerms, rhs: AutolinkTerms) -> Bool {
        lhs.terms == rhs.terms
    }
}

/// The ASCII character (other than "\r") that equals `character` (canonical equivalence: the Kelvin sign equals
/// "K"), if any; "\r\n" is one `Character` and equals none.
private func asciiEquivalent(_ character: Character) -> UInt8? {
    if character.utf8.count == 1, let byte = character.utf8.first, byte != UInt8(ascii: "\r") { return byte }
    for byte in UInt8(0)..<0x80 where byte != UInt8(ascii: "\r") && Character(Unicode.Scalar(byte)) == character {
        return byte
    }
    return nil
}
