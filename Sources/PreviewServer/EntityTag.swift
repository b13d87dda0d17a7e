/// A strong `ETag` for a body: a 64-bit FNV-1a hash of the bytes and their length, quoted.
public func entityTag(for bytes: some Sequence<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var count = 0
    for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
        count += 1
    }
    let hex = String(hash, radix: 16)
    return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(count, radix: 16) + "\""
}

/// Whether an `If-None-Match` header value matches `tag` (weak comparison, as RFC 9110 asks for GET and HEAD).
public func etagMatches(ifNoneMatch header: String, tag: String) -> Bool {
    let wanted = opaqueTag(tag)
    for candidate in header.split(separator: ",") {
        let trimmed = candidate.trimmingSpaces()
        if trimmed == "*" || opaqueTag(trimmed) == wanted { return true }
    }
    return false
}

private func opaqueTag(_ tag: some StringProtocol) -> Substring {
    let text = Substring(tag)
    return text.hasPrefix("W/") ? text.dropFirst(2) : text
}

extension StringProtocol {
    func trimmingSpaces() -> Substring {
        let text = Substring(self)
        guard let start = text.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let end = text.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return text[start...end]
    }
}
