extension String {
    /// The range of the last occurrence of `needle`, searched byte by byte from the end: for a tag near the end of a
    /// long page this touches only its last bytes (Foundation's backwards `range(of:options:)` bridges the string).
    func lastRange(of needle: String) -> Range<String.Index>? {
        let bytes = Array(utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return nil }
        for start in stride(from: bytes.count - pattern.count, through: 0, by: -1)
        where bytes[start] == pattern[0] && bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            let lower = utf8.index(startIndex, offsetBy: start)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        }
        return nil
    }
}
