/// Chinese characters and Japanese kana: written without spaces between words, so a word may start or end at any of
/// them. Han ideographs with their extensions and compatibility forms, the iteration marks 々 〆 〇, hiragana and
/// katakana (with their iteration marks and the prolonged sound mark, not the middle dot ・).
public func isHanOrKana(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3005...0x3007, 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x3400...0x4DBF,
         0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
    default: false
    }
}

/// `isHanOrKana` of a character's first scalar.
func isHanOrKana(_ character: Character) -> Bool {
    character.unicodeScalars.first.map(isHanOrKana) ?? false
}

/// A Hangul syllable or letter (jamo, compatibility jamo): Korean writes its particles against the word before them
/// (변동금리는, 변동금리가), so a word may end inside a run of Hangul, though it starts after a space.
func isHangul(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: return true
    default: return false
    }
}
