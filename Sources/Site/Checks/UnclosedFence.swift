import Markdown

/// A fenced block (```` ``` ```` or `~~~`, a chart, a careful box) still open at the end of the chapter: CommonMark
/// runs it to the end of the file, so everything after it is swallowed (a "Careful" box holding the rest of the
/// chapter). Legal Markdown, so a warning, at the line where the fence opened. `lineOffset` turns body lines into
/// file lines.
func unclosedFenceWarning(_ body: String, file: String, lineOffset: Int) -> Diagnostic? {
    unclosedFenceWarning(lines: possibleFenceLines(body), file: file, lineOffset: lineOffset)
}

/// `unclosedFenceWarning` over the lines given (with their 0-based numbers in the body): every fence line must be among
/// them, in order; other lines may be left out.
///
/// A fence that opens another block inside itself is reported first: a line such as ```` ```chart ```` inside an open
/// ```` ```careful ```` box (fenced alike) cannot open a block there, so the box runs on to that block's closing fence
/// and takes in the text and blocks between, with no other sign; its own closing fence then opens a block of its own.
/// (A longer outer fence, ```` ````careful ````, is how a fenced block is shown inside another.) Chart blocks are left
/// to their own error (`unclosedChartBlock`).
func unclosedFenceWarning(lines: [(index: Int, line: Substring)], file: String, lineOffset: Int) -> Diagnostic? {
    var open: (marker: Substring, line: Int, info: Substring)? = nil
    var inside: (open: (marker: Substring, line: Int, info: Substring), line: Int, info: Substring, closed: Int?)? = nil
    for (index, line) in lines {
        // Block quotes and list items indent their fences; both sides of a fence are found the same way.
        var text = line.drop { $0 == " " }
        while text.first == ">" { text = text.dropFirst().drop { $0 == " " } }
        let marker = text.prefix { $0 == "`" || $0 == "~" }
        guard marker.count >= 3, Set(marker).count == 1 else { continue }
        let rest = text.dropFirst(marker.count)
        if let current = open {
            guard marker.first == current.marker.first, marker.count >= current.marker.count else { continue }
            if rest.allSatisfy({ $0 == " " }) {
                if let found = inside, found.open.line == current.line, found.closed == nil { inside!.closed = index + 1 }
                open = nil
            } else if inside == nil, !(marker.first == "`" && rest.contains("`")), current.info.split(separator: " ").first != "chart" {
                inside = (current, index + 1, rest.drop { $0 == " " }, nil)
            }
        } else if !(marker.first == "`" && rest.contains("`")) {
            open = (marker, index + 1, rest.drop { $0 == " " })
        }
    }
    let name = { (fence: (marker: Substring, line: Int, info: Substring)) in
        fence.info.isEmpty ? "fence \(fence.marker)" : "fence \(fence.marker)\(fence.info.split(separator: " ").first!)"
    }
    if let inside {
        let other = inside.info.split(separator: " ").first.map { "\(inside.open.marker)\($0)" } ?? "\(inside.open.marker)"
        let end = inside.closed.map { "its closing fence at line \($0 + lineOffset)" } ?? "the end of the file"
        return Diagnostic(file: file, line: inside.open.line + lineOffset, column: 1,
                          message: "the \(name(inside.open)) is still open at line \(inside.line + lineOffset), where \(other) "
                            + "cannot open a block inside it: everything up to \(end) is inside it",
                          hint: "close it with a line \(inside.open.marker) before line \(inside.line + lineOffset) (to show a fenced "
                            + "block inside it, open it with a longer fence, \(inside.open.marker)\(inside.open.marker.first!))", severity: .warning)
    }
    guard let open else { return nil }
    return Diagnostic(file: file, line: open.line + lineOffset, column: 1,
                      message: "the \(name(open)) is never closed: everything after it, to the end of the file, is inside it",
                      hint: "close it with a line \(open.marker) where the block ends", severity: .warning)
}

/// The lines of `text` (as `splitLines` cuts them) that may open or close a fence, with their 0-based numbers: those
/// with three equal bytes, each "`" or "~", after any spaces and `>`s. A fence line as `unclosedFenceWarning` reads it
/// by `Character` has them (each `Character` it drops or counts is one of those bytes), so no fence is missed; the
/// other lines, nearly all of a chapter, are passed over on their bytes, never read by `Character`.
func possibleFenceLines(_ text: String) -> [(index: Int, line: Substring)] {
    var lines: [(index: Int, line: Substring)] = []
    forEachLine(of: text) { number, line in
        let mayBeFence = line.utf8.withContiguousStorageIfAvailable(mayBeFenceLine)
            ?? Array(line.utf8).withUnsafeBufferPointer(mayBeFenceLine)
        if mayBeFence { lines.append((number, line)) }
        return true
    }
    return lines
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

/// A ```` ```chart ```` block never closed, whose YAML (the rest of the chapter) could not be read: an error at its
/// fence, with the line where its keys seem to end (its first blank line) for the closing fence. When the block ran
/// into the next fenced block (`nextFence`, the 0-based line of its opening fence in the block's body), it ends at that
/// block's closing fence, not at the end of the file, and the message says where it ran into the text after it.
func unclosedChartBlock(_ block: FencedBlock, file: String, fenceLine: Int, nextFence: Int? = nil) -> Diagnostic {
    var lines = block.body.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    let isBlank = { (line: Substring) in line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
    let blank = lines.firstIndex(where: isBlank)
    let place = blank.map { " at line \(fenceLine + 1 + $0), after its last key," } ?? " after its last key"
    let message: String
    if let nextFence {
        let text = blank.flatMap { blank in lines[blank...].firstIndex { !isBlank($0) } }.flatMap { $0 < nextFence ? $0 : nil }
        message = "the ```chart block opened at line \(fenceLine) is never closed: it runs on into "
            + (text.map { "the text at line \(fenceLine + 1 + $0) and " } ?? "")
            + "the block opened at line \(fenceLine + 1 + nextFence), which are read as the chart's YAML"
    } else {
        message = "the ```chart block opened at line \(fenceLine) is never closed: the rest of the file, to its end, "
            + "is read as the chart's YAML"
    }
    return Diagnostic(file: file, line: fenceLine, column: block.column, message: message,
                      hint: "close it with a line ```\(place) before the text that follows it")
}

/// The 0-based line of a chart block's body that opens another fenced block (```` ```chart ````, ```` ``` ````,
/// `~~~`): a block never closed ends at the next block's closing fence, so its body holds that block's opening one.
func fenceInsideChartBody(_ body: String) -> Int? {
    body.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { line in
        let text = line.drop { $0 == " " }
        return text.hasPrefix("```") || text.hasPrefix("~~~")
    }
}
