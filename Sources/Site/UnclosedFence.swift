import Markdown
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fenced block (```` ``` ```` or `~~~`, a chart, a careful box) still open at the end of the chapter: CommonMark
/// runs it to the end of the file, so everything after it is swallowed (a "Careful" box holding the rest of the
/// chapter). Legal Markdown, so a warning, at the line where the fence opened. `lineOffset` turns body lines into
/// file lines.
func unclosedFenceWarning(_ body: String, file: String, lineOffset: Int) -> Diagnostic? {
    unclosedFenceWarning(lines: possibleFenceLines(body), file: file, lineOffset: lineOffset)
}

/// `unclosedFenceWarning` over the lines given (with their 0-based numbers in the body): every fence line must be among
/// them, in order; other lines may be left out.
func unclosedFenceWarning(lines: [(index: Int, line: Substring)], file: String, lineOffset: Int) -> Diagnostic? {
    var open: (marker: Substring, line: Int, info: Substring)? = nil
    for (index, line) in lines {
        // Block quotes and list items indent their fences; both sides of a fence are found the same way.
        var text = line.drop { $0 == " " }
        while text.first == ">" { text = text.dropFirst().drop { $0 == " " } }
        let marker = text.prefix { $0 == "`" || $0 == "~" }
        guard marker.count >= 3, Set(marker).count == 1 else { continue }
        let rest = text.dropFirst(marker.count)
        if let current = open {
            if marker.first == current.marker.first, marker.count >= current.marker.count, rest.allSatisfy({ $0 == " " }) {
                open = nil
            }
        } else if !(marker.first == "`" && rest.contains("`")) {
            open = (marker, index + 1, rest.drop { $0 == " " })
        }
    }
    guard let open else { return nil }
    let what = open.info.isEmpty ? "fence \(open.marker)" : "fence \(open.marker)\(open.info.split(separator: " ").first!)"
    return Diagnostic(file: file, line: open.line + lineOffset, column: 1,
                      message: "the \(what) is never closed: everything after it, to the end of the file, is inside it",
                      hint: "close it with a line \(open.marker) where the block ends", severity: .warning)
}

/// The lines of `text` (as `splitLines` cuts them) that may open or close a fence, with their 0-based numbers: those
/// with three equal bytes, each "`" or "~", after any spaces and `>`s. A fence line as `unclosedFenceWarning` reads it
/// by `Character` has them (each `Character` it drops or counts is one of those bytes), so no fence is missed; the
/// other lines, nearly all of a chapter, are passed over on their bytes without being made into Substrings.
func possibleFenceLines(_ text: String) -> [(index: Int, line: Substring)] {
    var text = text
    text.makeContiguousUTF8()   // a no-op for native strings
    let utf8 = text.utf8
    return utf8.withContiguousStorageIfAvailable { bytes -> [(index: Int, line: Substring)] in
        guard let base = bytes.baseAddress else { return [] }
        // With a "\r" the lines are cut by `Character` (see `splitLines`).
        if memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) != nil {
            return splitLines(text).enumerated().compactMap { index, line in
                let bytes = Array(line.utf8)
                return bytes.withUnsafeBufferPointer(mayBeFenceLine) ? (index, line) : nil
            }
        }
        var lines: [(index: Int, line: Substring)] = []
        var start = 0, index = 0
        while start <= bytes.count {
            let end = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            if mayBeFenceLine(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                lines.append((index, Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])))
            }
            start = end + 1
            index += 1
        }
        return lines
    }!   // contiguous after makeContiguousUTF8
}

/// Whether a line's bytes hold three equal fence bytes ("`" or "~") after any spaces, then any `>`s each followed by
/// any spaces.
func mayBeFenceLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    while index < bytes.count, bytes[index] == UInt8(ascii: ">") {
        index += 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    }
    guard index + 2 < bytes.count else { return false }
    let marker = bytes[index]
    return (marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~")) && bytes[index + 1] == marker && bytes[index + 2] == marker
}
