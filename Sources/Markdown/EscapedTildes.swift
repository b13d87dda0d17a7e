import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stands in text nodes for a tilde that cannot strike through: one written `\~` or as an entity (`&#126;`).
/// cmark has already turned both into a plain `~`, so which is which is read again from the source by position.
/// `restoreEscapedTildes` puts the tildes back once strikethrough is done.
let escapedTilde: Unicode.Scalar = "\u{10FFFD}"

/// Replaces the tildes of `text` that were written `\~` or `&#126;` by `escapedTilde`, in the text nodes of the tree
/// just parsed from it (cmark's positions are still those of `text`: 1-based lines, columns in bytes).
func protectEscapedTildes(in root: OpaquePointer, parsedFrom text: String) {
    guard containsByte(text, UInt8(ascii: "~")) && containsByte(text, UInt8(ascii: "\\"))
            || containsBytes(text, "&#") && text.contains("&#") else { return }
    let lines = splitLines(text)
    var nodes: [OpaquePointer] = []
    let iterator = cmark_iter_new(root)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        let node = cmark_iter_get_node(iterator)!
        guard event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_TEXT,
              strchr(cmark_node_get_literal(node), Int32(UInt8(ascii: "~"))) != nil else { continue }
        nodes.append(node)
    }
    cmark_iter_free(iterator)
    for node in nodes {
        let line = Int(cmark_node_get_start_line(node)), first = Int(cmark_node_get_start_column(node))
        let last = Int(cmark_node_get_end_column(node))
        guard line >= 1, line == Int(cmark_node_get_end_line(node)), line <= lines.count else { continue }
        let bytes = Array(lines[line - 1].utf8)
        guard first >= 1, last >= first, last <= bytes.count else { continue }
        let kinds = tildeKinds(bytes, from: first - 1, through: last - 1)
        guard kinds.contains(false) else { continue }
        let literal = String(cString: cmark_node_get_literal(node))
        guard literal.unicodeScalars.filter({ $0 == "~" }).count == kinds.count else { continue }
        var index = 0
        var result = String.UnicodeScalarView()
        for scalar in literal.unicodeScalars {
            if scalar == "~" {
                result.append(kinds[index] ? scalar : escapedTilde)
                index += 1
            } else {
                result.append(scalar)
            }
        }
        cmark_node_set_literal(node, String(result))
    }
}

/// For each source item between two byte offsets that cmark turns into a `~`, in order: true for a plain tilde
/// (which may strike through), false for `\~` and the numeric entities of `~`.
private func tildeKinds(_ bytes: [UInt8], from start: Int, through end: Int) -> [Bool] {
    var kinds: [Bool] = []
    var index = start
    while index <= end {
        let byte = bytes[index]
        if byte == UInt8(ascii: "~") {
            var backslashes = 0
            while index - backslashes - 1 >= 0, bytes[index - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            kinds.append(backslashes % 2 == 0)
        } else if byte == UInt8(ascii: "&"), let length = tildeEntityLength(bytes, at: index) {
            kinds.append(false)
            index += length
            continue
        }
        index += 1
    }
    return kinds
}

/// The length of `&#126;` or `&#x7E;` (any case, leading zeros) at `index`, if one starts there.
private func tildeEntityLength(_ bytes: [UInt8], at index: Int) -> Int? {
    guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "#") else { return nil }
    var cursor = index + 2
    let hex = cursor < bytes.count && (bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X"))
    if hex { cursor += 1 }
    let digitsStart = cursor
    var value = 0
    while cursor < bytes.count, cursor - digitsStart < 8, let digit = digitValue(bytes[cursor], hex: hex) {
        value = value * (hex ? 16 : 10) + digit
        cursor += 1
    }
    guard cursor > digitsStart, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";"), value == 0x7E else { return nil }
    return cursor - index + 1
}

private func digitValue(_ byte: UInt8, hex: Bool) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: Int(byte - UInt8(ascii: "A")) + 10
    default: nil
    }
}

/// Turns every `escapedTilde` back into `~`: in text, and in the addresses of links made from text.
func restoreEscapedTildes(in root: OpaquePointer) {
    let marker = String(escapedTilde)
    // Most text has no marker: its bytes are looked for first (in C), and only text holding them is made a String.
    let markerBytes = Array(marker.utf8CString)
    var changes: [(OpaquePointer, isText: Bool)] = []
    let iterator = cmark_iter_new(root)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        let node = cmark_iter_get_node(iterator)!
        guard event == CMARK_EVENT_ENTER else { continue }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            if let literal = cmark_node_get_literal(node), strstr(literal, markerBytes) != nil, String(cString: literal).contains(marker) {
                changes.append((node, true))
            }
        case CMARK_NODE_LINK:
            if let url = cmark_node_get_url(node), strstr(url, markerBytes) != nil, String(cString: url).contains(marker) {
                changes.append((node, false))
            }
        default:
            break
        }
    }
    cmark_iter_free(iterator)
    for (node, isText) in changes {
        if isText {
            cmark_node_set_literal(node, String(cString: cmark_node_get_literal(node)).replacing(marker, with: "~"))
        } else {
            cmark_node_set_url(node, String(cString: cmark_node_get_url(node)).replacing(marker, with: "~"))
        }
    }
}
