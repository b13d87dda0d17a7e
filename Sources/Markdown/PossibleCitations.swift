/// `[key]` or `[key, p. 4]` in prose, left as text: a citation whose `@` may have been forgotten. The renderer only
/// finds them; the site warns about those whose key names a source (most bracketed words are not citations).
public struct PossibleCitation: Sendable, Equatable {
    /// The first key-like word inside the brackets, as written.
    public var key: String
    /// Where the `[` is (1-based, like every position in `RenderedMarkdown`).
    public var line: Int
    public var column: Int

    public init(key: String, line: Int, column: Int) {
        self.key = key
        self.line = line
        self.column = column
    }
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
