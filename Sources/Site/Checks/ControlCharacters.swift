/// C0 control characters a chapter may not contain: all of U+0000–U+001F except tab, line feed, form feed and
/// carriage return. They are invisible in most editors, and a NUL byte once cut the published page short there.
///
/// A data file (`kind: "data file"`) allows tab, line feed and carriage return only: a NUL in a cell cut its number
/// short (`27<NUL>6` read as 27), and a vertical tab or form feed made "276" no number without showing why.
func checkControlCharacters(_ text: String, file: String, kind: String = "chapter",
                            allowed allowedControlBytes: Set<UInt8> = chapterControlBytes) -> [Diagnostic] {
    // Fast path: most files have none.
    guard hasForbiddenControlByte(text, allowed: allowedControlBytes) else { return [] }
    var problems: [Diagnostic] = []
    var line = 1, column = 1
    for character in text {
        if character == "\n" {
            line += 1
            column = 1
            continue
        }
        if let scalar = character.unicodeScalars.first(where: { $0.value < 0x20 && !allowedControlBytes.contains(UInt8($0.value)) }) {
            // One error per line is enough to find them all.
            if problems.last?.line != line {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                problems.append(Diagnostic(file: file, line: line, column: column,
                                           message: "invisible control character \(code)\(controlNames[Int(scalar.value)].map { " (\($0))" } ?? "") in the text",
                                           hint: "delete it (most editors do not show it; `cat -A \(file)` does); a \(kind) may contain "
                                               + "tabs and line breaks, but no other control characters"))
            }
        }
        column += 1
    }
    return problems
}

/// The control bytes a chapter may contain: tab, line feed, form feed and carriage return.
let chapterControlBytes: Set<UInt8> = [0x09, 0x0A, 0x0C, 0x0D]

/// The control bytes a CSV data file may contain: tab, line feed and carriage return.
let dataFileControlBytes: Set<UInt8> = [0x09, 0x0A, 0x0D]

/// Whether the text's UTF-8 has a byte below 0x20 other than `allowed` (by default tab, line feed, form feed and
/// carriage return), tested by a bit mask per byte (the set's hashing was most of a chapter's check).
func hasForbiddenControlByte(_ text: String, allowed: Set<UInt8> = chapterControlBytes) -> Bool {
    let forbidden = allowed == chapterControlBytes ? forbiddenChapterControlBytes : forbiddenMask(allowed)
    var text = text
    return text.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        // Eight bytes at a time past those with none below 0x20 (b + 0x60 reaches the top bit exactly when b >= 0x20,
        // for b below 0x80; a byte from 0x80 up is not a control byte), most of a chapter: only the eight bytes
        // around a line feed or a tab are tested one by one.
        while index + 8 <= bytes.count {
            let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if ~((chunk & ~high) &+ ones &* 0x60) & ~chunk & high != 0 {
                for byte in UnsafeBufferPointer(rebasing: bytes[index..<(index + 8)])
                where byte < 0x20 && forbidden & (1 << UInt32(byte)) != 0 { return true }
            }
            index += 8
        }
        for byte in UnsafeBufferPointer(rebasing: bytes[index...]) where byte < 0x20 && forbidden & (1 << UInt32(byte)) != 0 {
            return true
        }
        return false
    }
}

/// Bit n set: byte n (below 0x20) is forbidden, that is, not one of `allowed`.
private func forbiddenMask(_ allowed: Set<UInt8>) -> UInt32 { ~allowed.reduce(0) { $0 | 1 << UInt32($1) } }

private let forbiddenChapterControlBytes = forbiddenMask(chapterControlBytes)

private let controlNames: [Int: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "escape"]
