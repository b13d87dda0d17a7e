import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a source file as UTF-8 text: strips a BOM, turns CRLF and CR into LF, composes accents and Hangul
/// (Unicode NFC), and reports the first invalid byte with its line and column.
///
/// Text copied on a Mac is often decomposed ("e" and a combining accent, Hangul as its letters). Swift compares such
/// strings as equal to the composed ones, so a link's `#prêts` and a heading's id would pass the checks, but a browser
/// compares the bytes and misses the heading: every source is composed once here, so ids and links match byte for byte.
func decodeText(_ file: SourceFile) throws(Diagnostic) -> String {
    let text = try decodeLines(file)
    return mayNeedComposing(text) ? text.precomposedStringWithCanonicalMapping : text
}

/// Whether a text has a character NFC may change: a combining mark, a Hangul letter, or another character with a
/// canonical decomposition outside Latin-1, Latin Extended, most punctuation, kana and the CJK ideographs, which are
/// already composed. Nearly every English and Chinese file has none, and skips the composing.
func mayNeedComposing(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time (no byte with its top bit set): nearly all of an English file.
            if index + 8 <= count,
               UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0xCC { index += byte < 0x80 ? 1 : 2; continue }
            if byte <= 0xE1 || byte >= 0xF0 { return true }  // U+0300–U+1FFF and beyond U+FFFF
            guard index + 2 < count else { return true }
            let second = bytes[index + 1], third = bytes[index + 2]
            switch byte {
            case 0xE2:  // U+2000–U+2FFF: two spaces, combining marks for symbols, Ω K Å, angle brackets, a forking sign
                if (second == 0x80 && third <= 0x81) || second == 0x83 || (second == 0x84 && [0xA6, 0xAA, 0xAB].contains(third))
                    || (second == 0x8C && (third == 0xA9 || third == 0xAA)) || (second == 0xAB && third == 0x9C) { return true }
            case 0xE3:  // U+3000–U+3FFF: ideographic tone marks, kana voicing marks
                if (second == 0x80 && (0xAA...0xAF).contains(third)) || (second == 0x82 && (third == 0x99 || third == 0x9A)) { return true }
            case 0xEF:  // U+F000–U+FFFF: compatibility ideographs, Hebrew presentation forms, half marks
                if (0xA4...0xAD).contains(second) || (second == 0xB8 && (0xA0...0xAF).contains(third)) { return true }
            default: break
            }
            index += 3
        }
        return false
    }
}

/// `decodeText` before the composing: UTF-8 checked, BOM stripped, line ends made LF.
private func decodeLines(_ file: SourceFile) throws(Diagnostic) -> String {
    var bytes = file.bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let utf16 = utf16Problem(bytes, file: file.path) { throw utf16 }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        let (line, column) = firstInvalidUTF8(bytes)
        throw Diagnostic(file: file.path, line: line, column: column, message: "file is not valid UTF-8",
                         hint: "save the file as UTF-8")
    }
    // memchr over the bytes, not a loop a byte at a time: nearly every file has no "\r".
    let hasCarriageReturn = bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), buffer.count) != nil } ?? false
    }
    guard hasCarriageReturn else { return text }
    var normalized = ""
    normalized.reserveCapacity(text.utf8.count)
    var previousCR = false
    for scalar in text.unicodeScalars {
        if scalar == "\r" {
            normalized.unicodeScalars.append("\n")
            previousCR = true
            continue
        }
        if !(scalar == "\n" && previousCR) { normalized.unicodeScalars.append(scalar) }
        previousCR = false
    }
    return normalized
}

/// A file saved as UTF-16: with its byte-order mark, FF FE or FE FF (Excel's "Unicode text" and Notepad's "Unicode"
/// write one), or without one but with every other byte of its first characters zero (`y\0e\0a\0r\0`), which is
/// valid UTF-8 full of NUL bytes. Said as such, not as "not valid UTF-8" or a control character on every line.
private func utf16Problem(_ bytes: ArraySlice<UInt8>, file: String) -> Diagnostic? {
    let start = bytes.startIndex
    let marked = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    let unmarked = bytes.count >= 4 && ((bytes[start] != 0 && bytes[start + 1] == 0 && bytes[start + 2] != 0 && bytes[start + 3] == 0)
        || (bytes[start] == 0 && bytes[start + 1] != 0 && bytes[start + 2] == 0 && bytes[start + 3] != 0))
    guard marked || unmarked else { return nil }
    let csv = file.lowercased().hasSuffix(".csv")
    return Diagnostic(file: file, line: 1, column: 1,
                      message: "file \(marked ? "is" : "seems to be") UTF-16\(csv ? " (Excel's 'Unicode text')" : ""), not UTF-8",
                      hint: csv ? "save it as UTF-8 CSV: in Excel, File › Save As › 'CSV UTF-8 (Comma delimited)'; in LibreOffice, "
                                + "'Text CSV' with the character set 'Unicode (UTF-8)' and ',' between fields"
                                : "save it as UTF-8 (your editor's Save As or encoding menu offers it)")
}

/// Line and column (in characters) of the first byte that breaks UTF-8.
private func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int) {
    var line = 1, lineStart = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
        let byte = bytes[index]
        let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
        let end = index + length
        if length == 0 || end > bytes.endIndex || String(validating: bytes[index..<end], as: UTF8.self) == nil {
            let prefix = String(decoding: bytes[lineStart..<index], as: UTF8.self)
            return (line, prefix.count + 1)
        }
        if byte == UInt8(ascii: "\n") { line += 1; lineStart = end }
        index = end
    }
    return (line, 1)
}

/// `decodeText` for stages that report `BuildFailure`.
func decodeOrFail(_ file: SourceFile) throws(BuildFailure) -> String {
    do throws(Diagnostic) { return try decodeText(file) } catch { throw BuildFailure([error]) }
}
