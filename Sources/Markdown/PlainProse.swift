/// Whether UTF-8 text is plain prose: ASCII without "\r", plus the typographic punctuation cmark's smart mode writes
/// (‘ ’ “ ” – — …). In such text every character is its own `Character` (none of them joins a neighbour into one
/// grapheme, and there is no "\r\n"), and the non-ASCII ones are punctuation: not letters, digits or whitespace.
/// Scanning it byte by byte therefore gives what scanning it by `Character` gives, at a fraction of the cost; real
/// prose is full of apostrophes and quotes, so without them most text would take the slow path.
func isPlainProse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
            guard byte != UInt8(ascii: "\r") else { return false }
            index += 1
            continue
        }
        // U+2013, U+2014, U+2018, U+2019, U+201C, U+201D and U+2026 are E2 80 93/94/98/99/9C/9D/A6 in UTF-8.
        guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return false }
        switch bytes[index + 2] {
        case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: index += 3
        default: return false
        }
    }
    return true
}
