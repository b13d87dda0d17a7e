/// The site-wide lists the last build of the same site (the preview server's rebuilds) made for its sources, numbers
/// and corrections pages, kept with what they were made from: every source as HTML (also the chapters' notes), the
/// numbers page's sections and the corrections log. An edit of a chapter's text changes none of their inputs, and
/// making them (Markdown in notes, dates in words, every source's HTML per language) was ~15 % of a rebuild of this
/// site.
///
/// One per language (`PageCache.lists`); safe to use from several threads.
final class ListCache: Sendable {
    /// Everything the lists are made from.
    struct Inputs: Equatable, Sendable {
        var bibliography: [String: SourceEntry]
        var words: Translations
        var numbers: NumbersFile?
        var corrections: [Correction]
        /// The chapters and pages the lists link: file stem, address, kind, number and title of each.
        var chapters: [ChapterName]
        /// Whether the numbers and corrections pages are laid out (their lists are made only then).
        var numbersPage: Bool
        var correctionsPage: Bool
    }

    struct ChapterName: Equatable, Sendable {
        var fileStem: String
        var slug: String
        var kind: Chapter.Kind
        var number: Int
        var title: String
    }

    /// Template values are made once and only read after that (as `FrozenContext`).
    struct Lists: @unchecked Sendable {
        var sourceHTML: [String: String]
        var numberSections: [TemplateContext]
        var corrections: [TemplateContext]
    }

    private let kept = LastMade<Inputs, Lists>()

    /// The lists of `inputs`: the kept ones when they were made from the same, else `make`'s (then kept).
    func lists(_ inputs: Inputs, make: () -> Lists) -> Lists {
        kept.value(inputs, make: make)
    }
}
