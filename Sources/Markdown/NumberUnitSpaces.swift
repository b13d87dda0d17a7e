import Foundation

/// The units a number is joined to by a no-break space instead of the space written before them, so that a number
/// and its unit never part at a line end: "%" and the abbreviations of amounts and of power and energy this kind of
/// explainer writes ("$27 B", "$1.5 T", "10 GW", "945 TWh", "1.4 pp") by a narrow one (U+202F), as the figures write
/// them; the words of large amounts ("$3 billion") by one as wide as a word space (U+00A0). A unit of letters
/// counts only as a whole word: "3 Bears" keeps its space.
let joinedUnits: [(unit: [UInt8], joiner: [UInt8])] =
    ["%", "B", "T", "M", "bn", "tn", "pp", "GW", "MW", "kW", "TW", "GWh", "MWh", "kWh", "TWh"].map { (Array($0.utf8), [0xE2, 0x80, 0xAF]) }
    + ["million", "billion", "trillion"].map { (Array($0.utf8), [0xC2, 0xA0]) }
    // An amount written with its currency after it, as French and German do ("276 €", "3,50 £").
    + ["€", "£", "¥", "₹", "₩", "CHF"].map { (Array($0.utf8), [0xC2, 0xA0]) }

/// `bytes` with each space between a digit and a unit of `joinedUnits` made that unit's no-break space, or nil when
/// there is none (most texts: one `memchr` per space).
public func joiningNumbersToUnits(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard bytes.count >= 2, let base = bytes.baseAddress else { return nil }
    var out: [UInt8] = []
    var copied = 0
    // From the first byte to the last: a text node may start with the space before a mark (" ?" after an emphasis or
    // a link) or end with the one after « (before an emphasis), which only French spacing joins.
    var from = 0
    while from < bytes.count,
          let found = memchr(base + from, Int32(UInt8(ascii: " ")), bytes.count - from) {
        let space = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        from = space + 1
        let joiner: [UInt8]
        if space >= 1, space + 1 < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[space - 1]),
           let unit = unitJoiner(in: bytes, at: space + 1) {
            joiner = unit
        } else if let mark = punctuationJoiner(in: bytes, at: space) {
            joiner = mark
        } else {
            continue
        }
        if out.isEmpty { out.reserveCapacity(bytes.count + 8) }
        out.append(contentsOf: bytes[copied..<space])
        out += joiner
        copied = space + 1
    }
    guard copied > 0 else { return nil }
    out.append(contentsOf: bytes[copied...])
    return out
}

/// The no-break space for a space that French typography writes before `?`, `!`, `;` and `:` and inside « »
/// ("électricité ?", "« sec »"), so that the mark never starts or ends a line apart from its word: a narrow one
/// (U+202F), a full one before `:`. The mark must end there (a space, the text's end or a closing mark follows), so a
/// smiley or a time in code is left alone; nil for any other space. A space at the start of a text follows inline
/// markup (`*mot* ?`), so it counts as after a word.
private func punctuationJoiner(in bytes: UnsafeBufferPointer<UInt8>, at space: Int) -> [UInt8]? {
    let narrow: [UInt8] = [0xE2, 0x80, 0xAF]
    if space >= 2, bytes[space - 2] == 0xC2, bytes[space - 1] == 0xAB { return narrow }  // « then the space
    guard space + 1 < bytes.count else { return nil }
    let before = space > 0 ? bytes[space - 1] : UInt8(ascii: "x"), next = bytes[space + 1]
    if next == 0xC2, space + 2 < bytes.count, bytes[space + 2] == 0xBB { return before == UInt8(ascii: " ") ? nil : narrow }  // »
    guard [UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ";"), UInt8(ascii: ":")].contains(next),
          before != UInt8(ascii: " "), before != UInt8(ascii: "\n") else { return nil }
    let end = space + 2
    guard end == bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "?"), UInt8(ascii: "!"), 0xC2, 0xE2].contains(bytes[end])
    else { return nil }
    return next == UInt8(ascii: ":") ? [0xC2, 0xA0] : narrow
}

/// `text` with its numbers joined to their units (`joiningNumbersToUnits`).
public func joiningNumbersToUnits(_ text: String) -> String {
    var text = text
    let joined = text.withUTF8 { joiningNumbersToUnits($0) }
    return joined.map { String(decoding: $0, as: UTF8.self) } ?? text
}

/// The no-break space for the unit of `joinedUnits` that starts at `start` and ends there as a word (at the text's
/// end or before a byte that is no ASCII letter or digit), or nil.
private func unitJoiner(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> [UInt8]? {
    for (unit, joiner) in joinedUnits where start + unit.count <= bytes.count {
        guard zip(unit, bytes[start..<(start + unit.count)]).allSatisfy({ $0 == $1 }) else { continue }
        let end = start + unit.count
        if unit == [UInt8(ascii: "%")] || end == bytes.count { return joiner }
        let next = bytes[end]
        let isWordByte = (next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z"))
            || (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9"))
        if !isWordByte { return joiner }
    }
    return nil
}
