import Mustache

/// One chapter in a page's chapter list, as templates see it: `{{href}}`, `{{title}}`, `{{number}}`,
/// `{{readingMinutes}}`, `{{readingTime}}`, `{{summary}}` and `{{current}}`; on a language that shows the chapter
/// untranslated (`fallback: true`), `{{originalLanguage}}` (its code) and `{{originalLanguageName}}` (its name in itself).
///
/// A concrete type rather than a `[String: Any]`: Mustache finds values through dynamic casts, and casting a
/// dictionary (a conditional conformance to `MustacheParent`) costs several times more. Every page lists every
/// chapter, so a site of N chapters renders N² of these. Names it does not know (and an absent summary, and
/// `current` on other pages) are nil, so Mustache looks them up in the enclosing context, as for a dictionary.
struct ChapterLink: MustacheParent, Hashable {
    var href: String
    var title: String
    var number: Int
    var readingMinutes: Int
    /// `readingMinutes` in the page's language ("5 min read").
    var readingTime: String = ""
    var summary: String?
    var current = false
    /// The default language's code and name, when this language shows the chapter untranslated.
    var originalLanguage: String? = nil
    var originalLanguageName: String? = nil

    func child(named name: String) -> Any? {
        switch name {
        case "href": TemplateText(text: href)
        case "title": TemplateText(text: title)
        case "number": TemplateNumber(value: number)
        case "readingMinutes": TemplateNumber(value: readingMinutes)
        case "readingTime": TemplateText(text: readingTime)
        case "summary": summary.map { TemplateText(text: $0) }
        case "current": current ? true : nil
        case "originalLanguage": originalLanguage.map { TemplateText(text: $0) }
        case "originalLanguageName": originalLanguageName.map { TemplateText(text: $0) }
        default: nil
        }
    }
}

/// A page's chapter list: every chapter, or at most `limit` of them around the page's own (the first `limit` on
/// pages that are not chapters), with `current` set on the page's own. The list is shared by all pages and each
/// entry is marked as the template walks it, so a page costs nothing until its template shows the menu (a site of
/// N chapters would otherwise copy N entries for each of its N pages).
struct ChapterMenu: MustacheSequence {
    let links: [ChapterLink]
    var current: Int?
    var limit = Int.max
    /// Set when the templates allow: the section is then rendered from remembered entries (`MenuItemCache`).
    var items: MenuItemCache?

    /// The chapters the menu lists: all of them, or a window of `limit` with the current chapter in its middle.
    var shown: Range<Int> {
        guard links.count > limit else { return links.indices }
        let start = Swift.max(0, Swift.min((current ?? 0) - (limit - 1) / 2, links.count - limit))
        return start ..< start + limit
    }

    /// Whether some chapters are left out (the menu then links the contents page).
    var isPartial: Bool { shown.count < links.count }

    func makeIterator() -> AnyIterator<ChapterLink> {
        let shown = shown
        var index = shown.lowerBound
        return AnyIterator {
            guard index < shown.upperBound else { return nil }
            defer { index += 1 }
            var link = links[index]
            link.current = index == current
            return link
        }
    }
}
