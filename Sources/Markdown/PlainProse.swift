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

/// The words of plain prose — what `countWords` gives for text that `isPlainProse` accepts — or nil when the text is
/// not plain prose: both answers in one pass over the bytes.
///
/// A word is a run of bytes other than tab, line feed, vertical tab, form feed and space (in plain prose the only
/// whitespace characters); the typographic punctuation belongs to words. Eight bytes at a time while they are ASCII:
/// each byte's "is a space" lands in its top bit (exact per-byte tests that cannot carry into the next byte, since
/// every byte is below 0x80), and the words are the bytes that are not spaces after one that is.
func plainProseWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress else { return 0 }
    let count = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var words = 0
    var afterSpace = true   // a word may start at the first byte
    var index = 0
    while index < count {
        if index + 8 <= count {
            let chunk = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if chunk & high == 0 {
                // x + 0x7F has its top bit clear exactly where x is 0 (x below 0x80 in each byte).
                let carriageReturns = ~((chunk ^ (ones &* 0x0D)) &+ low) & high
                if carriageReturns != 0 { return nil }
                let spaces = ~((chunk ^ (ones &* 0x20)) &+ low) & high
                // b + 0x77 reaches the top bit exactly when b >= 0x09, b + 0x73 when b >= 0x0D.
                let controls = (chunk &+ (ones &* 0x77)) & ~(chunk &+ (ones &* 0x73)) & high
                let space = spaces | controls
                let starts = ~space & high & ((space << 8) | (afterSpace ? 0x80 : 0))
                words += starts.nonzeroBitCount
                afterSpace = space >> 63 != 0
                index += 8
                continue
            }
        }
        let byte = base[index]
        if byte < 0x80 {
            guard byte != UInt8(ascii: "\r") else { return nil }
            let space = byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0C)
            if !space && afterSpace { words += 1 }
            afterSpace = space
            index += 1
            continue
        }
        // U+2013, U+2014, U+2018, U+2019, U+201C, U+201D and U+2026 are E2 80 93/94/98/99/9C/9D/A6 in UTF-8.
        guard byte == 0xE2, index + 2 < count, base[index + 1] == 0x80 else { return nil }
        switch base[index + 2] {
        case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: index += 3
        default: return nil
        }
        if afterSpace { words += 1 }
        afterSpace = false
    }
    return words
}
