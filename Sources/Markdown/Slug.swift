/// Turns heading text into a URL fragment: lowercase ASCII letters and digits joined by single hyphens.
///
/// Non-ASCII letters are kept (lowercased) so that non-English headings still get readable ids;
/// an empty result becomes `section`.
public func slugify(_ text: String) -> String {
    // ASCII (the usual heading): the same rules on bytes, without Unicode case mapping and properties.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(lower)
            } else if lower != UInt8(ascii: "'") {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }
    var slug = ""
    var pendingHyphen = false
    for character in text.lowercased() {
        if character.isLetter || character.isNumber {
            if pendingHyphen && !slug.isEmpty { slug.append("-") }
            pendingHyphen = false
            slug.append(character)
        } else if character == "'" || character == "’" {
            continue
        } else {
            pendingHyphen = true
        }
    }
    return slug.isEmpty ? "section" : slug
}

/// Hands out unique ids in document order: the second `intro` becomes `intro-2`, then `intro-3`.
public struct UniqueIDs: Sendable {
    private var taken: Set<String>

    public init(reserved: Set<String> = []) {
        taken = reserved
    }

    /// Whether `id` has been handed out (or was reserved).
    public func isTaken(_ id: String) -> Bool {
        taken.contains(id)
    }

    public mutating func claim(_ base: String) -> String {
        if taken.insert(base).inserted { return base }
        var suffix = 2
        while !taken.insert("\(base)-\(suffix)").inserted { suffix += 1 }
        return "\(base)-\(suffix)"
    }
}

/// Whether a heading's `{#id}` can be used as written: one or more letters, digits, `-`, `_`, `.` or `:` (no spaces,
/// no characters that a link's `#fragment` would need escaped).
public func isValidHeadingID(_ id: String) -> Bool {
    !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == ":" }
}
