/// A stylesheet as served: without its comments (`/* … */`), and without the lines they leave empty, so a browser
/// downloads less of what it skips anyway (the site's stylesheet explains itself in about a kilobyte of comments).
/// A comment that starts `/*!` (a licence, by custom) is kept, and so is everything inside a string or an unquoted
/// `url(…)`. A stylesheet with a comment never closed is returned as it is.
public func trimmedStylesheet(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    var removedOnLine = false
    while index < bytes.count {
        let byte = bytes[index]
        // A string, copied to its closing quote (a backslash escapes the next byte).
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            var end = index + 1
            while end < bytes.count, bytes[end] != byte, bytes[end] != UInt8(ascii: "\n") {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            end = min(end + 1, bytes.count)
            out += bytes[index..<end]
            index = end
            continue
        }
        if byte == UInt8(ascii: "("), out.count >= 3, out.suffix(3).elementsEqual("url".utf8) {
            let end = (bytes[index...].firstIndex(of: UInt8(ascii: ")")) ?? bytes.count - 1) + 1
            out += bytes[index..<end]
            index = end
            continue
        }
        if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*"),
           !(index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "!")) {
            guard let close = closingComment(bytes, from: index + 2) else { return bytes }
            index = close
            removedOnLine = true
            continue
        }
        if byte == UInt8(ascii: "\n") {
            // A line that held only comments (and spaces) goes with them.
            let lineStart = (out.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
            if removedOnLine, out[lineStart...].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                out.removeSubrange(lineStart...)
                removedOnLine = false
                index += 1
                continue
            }
            removedOnLine = false
        }
        out.append(byte)
        index += 1
    }
    return out
}

/// The index after the `*/` that closes a comment whose text starts at `start`, or nil if none does.
private func closingComment(_ bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + 1 < bytes.count {
        if bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/") { return index + 2 }
        index += 1
    }
    return nil
}
