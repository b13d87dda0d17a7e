/// An HTML character reference in a text the pages print as plain text (a front matter's `question: … &nbsp;?`):
/// the text is escaped, so the reader would see `&nbsp;` itself. Named references are those a writer types (a
/// ` &` in prose, "R&D;", is none); numeric ones, `&#160;` and `&#x202F;`, are all taken. The reference as written,
/// and the character to type instead in words: "a no-break space (U+00A0)", "'&'".
func characterReference(in text: String) -> (written: String, typeInstead: String)? {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return nil }
    var rest = text[...]
    while let ampersand = rest.firstIndex(of: "&") {
        let after = rest[rest.index(after: ampersand)...]
        rest = after
        guard let semicolon = after.prefix(33).firstIndex(of: ";") else { continue }
        let name = after[..<semicolon]
        let scalar: Unicode.Scalar?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if name.hasPrefix("#") {
            scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
        } else {
            scalar = namedCharacterReferences[String(name)]
        }
        guard let scalar else { continue }
        let described = invisibleCharacterNames[scalar.value].map { "\($0) (\(unicodeCode(scalar)))" } ?? "'\(Character(scalar))'"
        return ("&" + name + ";", described)
    }
    return nil
}

/// `U+00A0`: a code point as the Unicode standard writes it.
private func unicodeCode(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}

/// Characters a hint names in words, since they cannot be seen.
private let invisibleCharacterNames: [UInt32: String] = [
    0xA0: "a no-break space", 0x202F: "a narrow no-break space", 0x2009: "a thin space", 0x2002: "an en space",
    0x2003: "an em space", 0xAD: "a soft hyphen", 0x200B: "a zero-width space", 0x2060: "a word joiner",
    0x200C: "a zero-width non-joiner", 0x200D: "a zero-width joiner",
]

/// The HTML named references a writer is likely to type: spaces, punctuation, quotation marks, signs and the
/// accented letters of French, German and Spanish.
private let namedCharacterReferences: [String: Unicode.Scalar] = [
    "nbsp": "\u{A0}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "shy": "\u{AD}", "zwj": "\u{200D}",
    "zwnj": "\u{200C}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "laquo": "«", "raquo": "»",
    "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„", "hellip": "…", "mdash": "—",
    "ndash": "–", "minus": "−", "times": "×", "divide": "÷", "deg": "°", "euro": "€", "pound": "£", "yen": "¥",
    "cent": "¢", "copy": "©", "reg": "®", "trade": "™", "sect": "§", "para": "¶", "middot": "·", "bull": "•",
    "permil": "‰", "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "larr": "←", "rarr": "→",
    "iexcl": "¡", "iquest": "¿", "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "agrave": "à", "aacute": "á",
    "acirc": "â", "auml": "ä", "ccedil": "ç", "icirc": "î", "iuml": "ï", "iacute": "í", "ocirc": "ô", "oacute": "ó",
    "ouml": "ö", "ugrave": "ù", "uacute": "ú", "ucirc": "û", "uuml": "ü", "ntilde": "ñ", "szlig": "ß", "oelig": "œ",
    "aelig": "æ", "Eacute": "É", "Egrave": "È", "Ecirc": "Ê", "Agrave": "À", "Ccedil": "Ç", "Auml": "Ä", "Ouml": "Ö",
    "Uuml": "Ü", "OElig": "Œ",
]
