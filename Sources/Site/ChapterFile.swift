/// A chapter's place in the site, from its file name `content/NN-slug.md`.
struct ChapterFile: Equatable {
    var number: Int
    /// Names the output folder: `content/05-four-steps.md` → `four-steps/`.
    var slug: String

    /// Parses `NN-slug.md`; nil if the name does not follow the pattern.
    init?(fileName: String) {
        guard fileName.hasSuffix(".md") else { return nil }
        let stem = fileName.dropLast(3)
        let digits = stem.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, let number = Int(digits), stem.dropFirst(digits.count).first == "-" else { return nil }
        let slug = stem.dropFirst(digits.count + 1)
        guard !slug.isEmpty, slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }),
              slug.first != "-", slug.last != "-" else { return nil }
        self.number = number
        self.slug = String(slug)
    }
}
