#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a source file as UTF-8 text: strips a BOM, turns CRLF and CR into LF,
/// and reports the first invalid byte with its line and column.
func decodeText(_ file: SourceFile) throws(Diagnostic) -> String {
    var bytes = file.bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
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
