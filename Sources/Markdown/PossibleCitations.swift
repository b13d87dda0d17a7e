/// `[key]` or `[key, p. 4]` in prose, left as text: a citation whose `@` may have been forgotten. The renderer only
/// finds them; the site warns about those whose key names a source (most bracketed words are not citations).
public struct PossibleCitation: Sendable, Equatable {
    /// The first key-like word inside the brackets, as written.
    public var key: String
    /// Where the `[` is (1-based, like every position in `RenderedMarkdown`).
    public var line: Int
    public var column: Int
    /// `@key` written in prose without brackets (`As @carnot-1824 showed`), rather than `[key]`.
    public var bare = false

    public init(key: String, line: Int, column: Int, bare: Bool = false) {
        self.key = key
        self.line = line
        self.column = column
        self.bare = bare
    }
}

/// The keys of `@key` in prose, in order: an `@` outside brackets, at the start or after a space, an opening
/// parenthesis, a quote or any character other than ASCII (not inside an address like a@b.org), then characters a citation key may hold, at least two with a letter or digit.
func bareCitationKeys(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var keys: [String] = []
    var index = 0
    var brackets = 0   // inside [ … ] an @ belongs to a citation ([@a; @b]), written or malformed
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "[") { brackets += 1 }
        if bytes[index] == UInt8(ascii: "]") { brackets = max(0, brackets - 1) }
        // Full-width ［ ］ (EF BC BB, EF BC BD) too: `［@key］` is a citation in the wrong brackets, warned as such.
        if bytes[index] == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC {
            if bytes[index + 2] == 0xBB { brackets += 1 }
            if bytes[index + 2] == 0xBD { brackets = max(0, brackets - 1) }
        }
        guard bytes[index] == UInt8(ascii: "@"), brackets == 0 else { index += 1; continue }
        let before = index > 0 ? bytes[index - 1] : UInt8(ascii: " ")
        var end = index + 1
        while end < bytes.count, isCitationKeyByte(bytes[end]) { end += 1 }
        // A key ends before trailing punctuation ("@smith-2020." at a sentence's end).
        while end > index + 1, [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(bytes[end - 1]) { end -= 1 }
        let key = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
        // After a letter of a script written without spaces (`少ないのです@dwd-2023。`): the last byte of a character
        // other than ASCII (“ among them).
        if [UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: "\""), UInt8(ascii: "\n")].contains(before) || (0x80...0xBF).contains(before),
           key.count >= 2, key.contains(where: isASCIIAlphanumeric) {
            keys.append(String(decoding: key, as: UTF8.self))
        }
        index = max(end, index + 1)
    }
    return keys
}

/// The keys of bracketed text that reads like a citation without `@`, in order: `[` then characters a citation key may
/// hold (letters and digits, `-`, `_`, `.`, `:`, with a letter or digit among them), then `]`, or `,` or `;` and
/// the rest up to a `]` on the same text (a locator, more keys). `[x]`-style single characters are left alone.
func possibleCitationKeys(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var keys: [String] = []
    var index = 0
    while index < bytes.count {
        guard bytes[index] == UInt8(ascii: "[") else { index += 1; continue }
        let start = index + 1
        var end = start
        var hasAlphanumeric = false
        while end < bytes.count, isCitationKeyByte(bytes[end]) {
            if isASCIIAlphanumeric(bytes[end]) { hasAlphanumeric = true }
            end += 1
        }
        index = start
        guard end - start >= 2, hasAlphanumeric, end < bytes.count else { continue }
        switch bytes[end] {
        case UInt8(ascii: "]"):
            break
        case UInt8(ascii: ","), UInt8(ascii: ";"):
            var close = end
            while close < bytes.count, bytes[close] != UInt8(ascii: "]"), bytes[close] != UInt8(ascii: "[") { close += 1 }
            guard close < bytes.count, bytes[close] == UInt8(ascii: "]") else { continue }
        default:
            continue
        }
        keys.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        index = end
    }
    return keys
}
