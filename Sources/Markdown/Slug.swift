/// Turns heading text into a URL fragment: lowercase ASCII letters and digits joined by single hyphens.
///
/// Non-ASCII letters are kept (lowercased) so that non-English headings still get readable ids;
/// an empty result becomes `section`.
public func slugify(_ text: String) -> String {
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

    public mutating func claim(_ base: String) -> String {
        if taken.insert(base).inserted { return base }
        var suffix = 2
        while !taken.insert("\(base)-\(suffix)").inserted { suffix += 1 }
        return "\(base)-\(suffix)"
    }
}
