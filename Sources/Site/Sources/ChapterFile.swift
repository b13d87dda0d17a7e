/// What a Markdown file of `content/` is, from its name: a numbered chapter (`05-four-steps.md`), a standalone page
/// (`about.md`) or the home page's introduction (`index.md`).
struct ChapterFile: Equatable {
    var kind: Chapter.Kind
    /// The file's number prefix, which orders chapters (gaps such as 10-, 20- are fine); 0 for pages.
    var number: Int
    /// Names the output folder: `content/05-four-steps.md` → `four-steps/`; empty for the home page.
    var slug: String

    /// Parses `NN-slug.md`, `slug.md` or `index.md`; nil if the name follows none of them.
    init?(fileName: String) {
        guard fileName.hasSuffix(".md") else { return nil }
        let stem = fileName.dropLast(3)
        if stem == "index" {
            (kind, number, slug) = (.home, 0, "")
            return
        }
        let digits = stem.prefix(while: { $0.isASCII && $0.isNumber })
        let slug: Substring
        if digits.isEmpty {
            (kind, number) = (.page, 0)
            slug = stem
        } else {
            guard let number = Int(digits), stem.dropFirst(digits.count).first == "-" else { return nil }
            (kind, self.number) = (.chapter, number)
            slug = stem.dropFirst(digits.count + 1)
        }
        guard !slug.isEmpty, slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }),
              slug.first != "-", slug.last != "-" else { return nil }
        self.slug = String(slug)
    }

    /// Folders of the output that a page's slug must not take.
    static let reservedSlugs: Set<String> = ["assets", "data", "images", "sources", "glossary", "gallery", "feed",
                                             "sitemap", "robots", "404", "search"]
}
