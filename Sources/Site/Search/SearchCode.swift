/// The compact text the index files write numbers in, read back by `assets/search.js` (`num`, `digit`).
///
/// A number is written in base 32, most significant digit first: every digit but the last is a character of the upper
/// half of `alphabet`, the last one of the lower half, so numbers need no separators. A digit (0…63) is one character.
/// The characters need no escaping in a JavaScript string.
enum SearchCode {
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".unicodeScalars)

    static func appendNumber(_ value: Int, to out: inout String.UnicodeScalarView) {
        precondition(value >= 0)
        var digits: [Int] = [value & 31]
        var rest = value >> 5
        while rest > 0 {
            digits.append(32 + (rest & 31))
            rest >>= 5
        }
        for digit in digits.reversed() { out.append(alphabet[digit]) }
    }

    /// `alphabet` as ASCII bytes.
    static let bytes = alphabet.map { UInt8($0.value) }

    static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0)
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            out.append(bytes[32 + (value >> shift) & 31])
            shift -= 5
        }
        out.append(bytes[value & 31])
    }

    static func appendDigit(_ value: Int, to out: inout String.UnicodeScalarView) {
        precondition((0..<64).contains(value))
        out.append(alphabet[value])
    }

    /// Numbers written one after the other.
    static func numbers(_ values: [Int]) -> String {
        var out = String.UnicodeScalarView()
        for value in values { appendNumber(value, to: &out) }
        return String(out)
    }

    /// The differences between successive values of an ascending list (the first from 0).
    static func gaps(_ values: [Int]) -> String {
        numbers(zip(values, [0] + values).map { $0 - $1 })
    }
}
