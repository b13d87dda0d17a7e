#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of `text`: the same as `text.split(separator: "\n", omittingEmptySubsequences: false)`, but fast.
///
/// Splitting by `Character` runs Unicode grapheme breaking over every byte, which showed up in profiles of large
/// sites. A line feed is always a `Character` of its own except right after a carriage return ("\r\n" is one
/// `Character`, so the `Character` split does not cut there), so for text without "\r" cutting the UTF-8 bytes at
/// each line feed gives exactly the same lines. Text with a "\r" takes the `Character` split.
public func splitLines(_ text: String) -> [Substring] {
    var lines: [Substring] = []
    forEachLine(of: text) { _, line in
        lines.append(line)
        return true
    }
    return lines
}

/// Cuts `text` into lines as `splitLines` does, one at a time and only as far as `body` goes: `body` gets each line's
/// 0-based number and the line (a slice of the text, whose `utf8` can be read in place) and answers whether to go
/// on. Returns whether a line follows the last one `body` got (false when it got them all).
@discardableResult
public func forEachLine(of text: String, _ body: (_ number: Int, _ line: Substring) -> Bool) -> Bool {
    var text = text
    text.makeContiguousUTF8()   // a no-op for native strings; a bridged one is copied once
    let utf8 = text.utf8
    return utf8.withContiguousStorageIfAvailable { bytes -> Bool in
        guard let base = bytes.baseAddress else {
            _ = body(0, text[...])
            return false
        }
        // With a "\r" the lines are cut by `Character` (see `splitLines`).
        if memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) != nil {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let last = lines.indices.first(where: { !body($0, lines[$0]) }) else { return false }
            return last + 1 < lines.count
        }
        var start = 0, number = 0
        while true {
            let end = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            // Offsets from the start of native UTF-8 are O(1); a line feed always starts and ends a Character here.
            let line = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end ?? bytes.count)])
            guard body(number, line) else { return end != nil }
            guard let end else { return false }
            start = end + 1
            number += 1
        }
    }!   // contiguous after makeContiguousUTF8
}

/// The first lines of `text` as `splitLines` cuts them, through the first for which `isLast` (given its 0-based
/// number and the line) is true, or all of them when none is; the lines after that one are not cut at all. Also
/// whether a line follows the last one returned.
public func leadingLines(_ text: String, through isLast: (Int, Substring) -> Bool) -> (lines: [Substring], more: Bool) {
    var lines: [Substring] = []
    let more = forEachLine(of: text) { number, line in
        lines.append(line)
        return !isLast(number, line)
    }
    return (lines, more)
}

/// Whether the UTF-8 of `text` holds the bytes of `needle`: a quick test before a search by characters, which finds
/// no more (its matches must also fall on character boundaries) and costs far more. True when it cannot tell.
public func containsBytes(_ text: String, _ needle: StaticString) -> Bool {
    var text = text
    text.makeContiguousUTF8()   // a no-op for native strings
    return text.utf8.withContiguousStorageIfAvailable { containsBytes($0, needle) } ?? true
}

/// Whether `bytes` hold the bytes of `needle` (true for an empty needle): `memchr` to each place of the needle's
/// rarest byte in prose (`proseFrequency`: the "x" of "next", not its "n", which English text has every few bytes),
/// `memcmp` there for the whole needle.
func containsBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
    needle.withUTF8Buffer { pattern -> Bool in
        guard !pattern.isEmpty, let start = pattern.baseAddress else { return true }
        guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return false }
        var anchor = 0
        for index in pattern.indices where proseFrequency(pattern[index]) < proseFrequency(pattern[anchor]) { anchor = index }
        let byte = Int32(pattern[anchor])
        let last = bytes.count - pattern.count + anchor   // the last offset the anchor byte of a match can be at
        var position = anchor
        while position <= last, let found = memchr(base + position, byte, last - position + 1) {
            let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if memcmp(base + offset - anchor, start, pattern.count) == 0 { return true }
            position = offset + 1
        }
        return false
    }
}

/// How common a byte is in English prose, roughly: 0 for what prose seldom holds (punctuation other than ".", ",",
/// digits, capitals, control and non-ASCII bytes), then the lowercase letters from "z" (1) up to "e" (26), the space
/// 27. Only an order for choosing which byte of a needle to look for.
func proseFrequency(_ byte: UInt8) -> Int {
    if byte == UInt8(ascii: " ") { return 27 }
    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { return 10 }
    guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { return 0 }
    // "z" … "e", rarest first: each letter's place in that order, plus one.
    let order: StaticString = "zqjxkvbpygfwmucldrhsnioate"
    return order.withUTF8Buffer { letters in (letters.firstIndex(of: byte) ?? 0) + 1 }
}

/// Whether every byte is ASCII other than "\r": eight bytes at a time (a top bit set, or a zero byte in the bytes
/// exclusive-ored with "\r"), the rest one by one.
func isASCIIWithoutCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var index = 0
    while index + 8 <= bytes.count {
        let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        guard chunk & high == 0 else { return false }
        // x + 0x7F has its top bit clear exactly where x is 0 (x below 0x80 in each byte).
        guard ~((chunk ^ (ones &* 0x0D)) &+ low) & high == 0 else { return false }
        index += 8
    }
    while index < bytes.count {
        guard base[index] < 0x80, base[index] != UInt8(ascii: "\r") else { return false }
        index += 1
    }
    return true
}

/// Whether the UTF-8 of `text` holds `byte`: `memchr` over the string's bytes (`utf8.contains` goes a byte at a time).
public func containsByte<Text: StringProtocol>(_ text: Text, _ byte: UInt8) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    } ?? text.utf8.contains(byte)
}
