/// A script as served: its lines that are only a `//` comment are left out, and every line's leading spaces and tabs,
/// so a browser downloads less of what it skips anyway (the search script's comments and indentation are about a
/// sixth of it gzipped). Nothing else changes: a line break stays a line break, so automatic semicolon insertion and
/// every token are the same; a comment line whose text starts with `#` or `@` (`//# sourceMappingURL=…`,
/// `// @license …`) is kept, for the tools that read it.
///
/// Only a script whose every line starts in code is trimmed: one where a line starts inside a template literal
/// (backquotes), a `/* */` comment or a string continued with a backslash is returned as it is, and so is one with a
/// line end JavaScript has beside `\n` (a lone `\r`, U+2028, U+2029) or an HTML-like `<!--` comment. Where a `/` may
/// start a regular expression or divide (after `)`, `}`, `++` or `--`), both readings are followed to the line's end,
/// and one that cannot end there (an unclosed string or expression) is dropped; when none is left, or they disagree
/// about where the next line starts, the script is returned as it is.
func trimmedScript(_ bytes: [UInt8]) -> [UInt8] {
    var lexer = ScriptLineLexer()
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    if bytes.contains(0x0D) && !bytes.indices.allSatisfy({ bytes[$0] != 0x0D || ($0 + 1 < bytes.count && bytes[$0 + 1] == 0x0A) }) {
        return bytes
    }
    if containsLineSeparatorOrHTMLComment(bytes) { return bytes }
    var start = 0
    // A hashbang line (`#!/usr/bin/env node`) is a comment only at the very start.
    if bytes.starts(with: [0x23, 0x21]) {
        start = (bytes.firstIndex(of: 0x0A) ?? bytes.count - 1) + 1
        out += bytes[..<start]
    }
    while start < bytes.count {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        var first = start
        while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
        let line = bytes[first..<end]
        guard lexer.lex(line) else { return bytes }
        let commentOnly = line.starts(with: [0x2F, 0x2F]) && !keepsComment(line.dropFirst(2))
        if !commentOnly {
            out += line
            if end < bytes.count { out.append(0x0A) }
        }
        start = end + 1
    }
    // A script whose last line was a comment ends as it ended, with or without a line break.
    if bytes.last != 0x0A, out.last == 0x0A { out.removeLast() }
    return out
}

/// A comment a tool reads: a source map (`//# sourceMappingURL`, the older `//@`), a licence (`// @license`).
private func keepsComment(_ text: ArraySlice<UInt8>) -> Bool {
    let first = text.first { $0 != 0x20 && $0 != 0x09 }
    return first == 0x23 || first == 0x40
}

/// U+2028 and U+2029 (line ends in JavaScript code, not in its strings) and `<!--` (a comment to the line's end).
private func containsLineSeparatorOrHTMLComment(_ bytes: [UInt8]) -> Bool {
    var index = 0
    while index + 2 < bytes.count {
        if bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) { return true }
        if bytes[index] == 0x3C && bytes[index + 1] == 0x21 && index + 3 < bytes.count && bytes[index + 2] == 0x2D && bytes[index + 3] == 0x2D {
            return true
        }
        index += 1
    }
    return false
}

/// Reads a script line by line, as far as `trimmedScript` needs: where strings, template literals, comments and
/// regular expressions start and end, so that it knows each line starts in code.
struct ScriptLineLexer {
    /// What a `/` after the last token is.
    enum Slash: Hashable { case regex, division, either }

    /// One reading of the script so far, at a line's start.
    struct Reading: Hashable {
        /// Per template substitution (`${`) open, the braces open inside it.
        var substitutions: [Int] = []
        var slash = Slash.regex
    }

    private(set) var readings: Set<Reading> = [Reading()]
    /// Words after which a `/` starts a regular expression (unless they follow a `.`: then they name a property).
    private static let regexKeywords: Set<String> = ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
                                                     "throw", "case", "do", "else", "yield", "await"]

    /// Reads one line (without its line break) from every reading; false when the next line would not start in code in
    /// every one that remains, or none remains.
    mutating func lex(_ line: ArraySlice<UInt8>) -> Bool {
        var next: Set<Reading> = []
        var work = readings.map { ($0, line.startIndex) }
        while let (reading, at) = work.popLast() {
            switch Self.run(reading, line, from: at) {
            case .code(let end): next.insert(end)
            case .fork(let regex, let division):
                work.append(regex)
                work.append(division)
            case .unsafe: return false
            case .impossible: break
            }
            if work.count + next.count > 64 { return false }
        }
        readings = next
        return !next.isEmpty
    }

    private enum Outcome {
        /// The line ends in code, so read.
        case code(Reading)
        /// A `/` that may be either: go on from each reading.
        case fork((Reading, Int), (Reading, Int))
        /// The line ends inside a string, template literal or comment that goes on.
        case unsafe
        /// Not JavaScript (an unclosed string or regular expression at the line's end): this reading is wrong.
        case impossible
    }

    private static func run(_ start: Reading, _ line: ArraySlice<UInt8>, from: Int) -> Outcome {
        var reading = start
        var at = from
        let end = line.endIndex
        /// Skips a string's body from after its quote; nil if the line ends first (unsafe when with a backslash).
        func skipString(_ quote: UInt8) -> Outcome? {
            while at < end {
                let byte = line[at]
                if byte == 0x5C {
                    if at + 1 == end { return .unsafe }
                    at += 2
                    continue
                }
                at += 1
                if byte == quote { return nil }
            }
            return .impossible
        }
        /// Skips template text from after a backquote or a substitution's `}`; stops after the closing backquote or `${`.
        func skipTemplate() -> Outcome? {
            while at < end {
                let byte = line[at]
                if byte == 0x5C { at += 2; continue }
                at += 1
                if byte == 0x60 { reading.slash = .division; return nil }
                if byte == 0x24 && at < end && line[at] == 0x7B {
                    at += 1
                    reading.substitutions.append(0)
                    reading.slash = .regex
                    return nil
                }
            }
            return .unsafe
        }
        /// Skips a regular expression's body and flags from after its `/`.
        func skipRegex() -> Outcome? {
            var inClass = false
            while at < end {
                let byte = line[at]
                at += 1
                if byte == 0x5C { at += 1; continue }
                if byte == 0x5B { inClass = true } else if byte == 0x5D { inClass = false } else if byte == 0x2F && !inClass {
                    while at < end && isWordByte(line[at]) { at += 1 }
                    reading.slash = .division
                    return nil
                }
            }
            return .impossible
        }
        while at < end {
            let byte = line[at]
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0C, 0x0B:
                at += 1
            case 0x2F:
                let following = at + 1 < end ? line[at + 1] : 0
                if following == 0x2F { return .code(reading) }
                if following == 0x2A {
                    // A block comment is safe when it ends on its line.
                    var close = at + 2
                    while close + 1 < end && !(line[close] == 0x2A && line[close + 1] == 0x2F) { close += 1 }
                    if close + 1 >= end { return .unsafe }
                    at = close + 2
                    continue
                }
                switch reading.slash {
                case .regex:
                    at += 1
                    if let outcome = skipRegex() { return outcome }
                case .division:
                    at += 1
                    reading.slash = .regex
                case .either:
                    // Both readings go on from this `/`.
                    var asRegex = reading, asDivision = reading
                    asRegex.slash = .regex
                    asDivision.slash = .division
                    return .fork((asRegex, at), (asDivision, at))
                }
            case 0x27, 0x22:
                at += 1
                if let outcome = skipString(byte) { return outcome }
                reading.slash = .division
            case 0x60:
                at += 1
                if let outcome = skipTemplate() { return outcome }
            case 0x7B:
                at += 1
                if !reading.substitutions.isEmpty { reading.substitutions[reading.substitutions.count - 1] += 1 }
                reading.slash = .regex
            case 0x7D:
                at += 1
                if let open = reading.substitutions.last {
                    if open == 0 {
                        reading.substitutions.removeLast()
                        if let outcome = skipTemplate() { return outcome }
                        continue
                    }
                    reading.substitutions[reading.substitutions.count - 1] -= 1
                }
                reading.slash = .either
            case 0x29:
                at += 1
                reading.slash = .either
            case 0x5D:
                at += 1
                reading.slash = .division
            case 0x2B, 0x2D:
                at += 1
                if at < end && line[at] == byte {
                    at += 1
                    reading.slash = .either
                } else {
                    reading.slash = .regex
                }
            default:
                if byte >= 0x80, let (scalar, length) = scalar(in: line, at: at),
                   scalar.properties.isWhitespace || scalar == "\u{FEFF}" {
                    at += length
                    continue
                }
                guard isWordByte(byte) else {
                    at += 1
                    reading.slash = .regex
                    continue
                }
                let wordStart = at
                while at < end && isWordByte(line[at]) { at += 1 }
                var before = wordStart - 1
                while before >= line.startIndex && (line[before] == 0x20 || line[before] == 0x09) { before -= 1 }
                let isProperty = before >= line.startIndex && line[before] == 0x2E
                let word = String(decoding: line[wordStart..<at], as: UTF8.self)
                reading.slash = !isProperty && regexKeywords.contains(word) ? .regex : .division
            }
        }
        return .code(reading)
    }
}

/// The scalar whose UTF-8 starts at `at`, and its length in bytes.
private func scalar(in line: ArraySlice<UInt8>, at: Int) -> (Unicode.Scalar, Int)? {
    var iterator = line[at...].makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
    return (scalar, UTF8.width(scalar))
}

/// A byte of an identifier, keyword or number (a non-ASCII character that is not white space can only be in a name).
private func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
        || byte == 0x5F || byte == 0x24 || byte == 0x5C || byte >= 0x80
}
