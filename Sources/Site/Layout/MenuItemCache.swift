import Mustache
import Synchronization

/// The chapter menu's `{{#chapters}}…{{/chapters}}` rendered from remembered entries: every page of a site of N
/// chapters lists up to N of them, and each entry costs Mustache several dynamic casts and allocations per name
/// (7 µs an entry: 80 % of a 1,000-chapter build with the full menu). An entry renders the same on every page
/// whose names outside the entry (those the entry itself does not answer, such as `current` on other pages) are the
/// same, so each is rendered once and kept with those names' values; a page whose values differ renders it anew.
///
/// Used only where the templates leave no room for a difference (`MenuSections.prerenderable`): the section is
/// handed over as a Mustache lambda, which receives the section's text and whose result goes into the page as it
/// is, and the lambda renders each entry with that text against the entry in front of the page's root values, the
/// stack the section itself would have had there.
final class MenuItemCache: Sendable {
    private struct Entry {
        var link: ChapterLink
        var html: String
        /// The names looked up outside the entry, in order, with what the page's root had for each.
        var outside: [(name: String, value: OutsideValue)]
    }

    /// A section's text parsed, and its entries as last rendered, by slot: twice the link's place in the menu's links,
    /// plus one for the page's own entry (`current`). Found once per page (one hash of the section's text), then each
    /// entry by its slot under the section's own lock: no hash per entry, and the entries are never copied out whole
    /// (a copy held while another page stores would copy them all).
    private final class Section: Sendable {
        let template: MustacheTemplate?
        let entries = Mutex<[Entry?]>([])
        /// Whole menus (`Run`), the few most recently made.
        let runs = Mutex<[Run]>([])

        init(template: MustacheTemplate?) {
            self.template = template
        }
    }

    /// Every entry of a menu's links rendered as on a page that is none of them, one after another in one text, with
    /// where each ends: a page that lists them all takes the text before its own entry and the text after it, two
    /// copies instead of a lookup per entry (with the full menu, 1,000 entries on each of 1,000 pages).
    private final class Run: Sendable {
        let links: [ChapterLink]
        let html: String
        /// Where each entry's text ends in `html`'s UTF-8 (and the next begins).
        let ends: [String.Index]
        /// Every name an entry looked up outside itself, with what the root had for it.
        let outside: [(name: String, value: OutsideValue)]

        init(links: [ChapterLink], html: String, ends: [Int], outside: [(name: String, value: OutsideValue)]) {
            self.links = links
            self.html = html
            self.ends = ends.map { html.utf8.index(html.utf8.startIndex, offsetBy: $0) }
            self.outside = outside
        }

        /// The text of the entries in `range`.
        func text(_ range: Range<Int>) -> Substring {
            guard !range.isEmpty else { return "" }
            let start = range.lowerBound == 0 ? html.startIndex : ends[range.lowerBound - 1]
            return Substring(html.utf8[start ..< ends[range.upperBound - 1]])
        }

        /// Whether `links` are this run's: the same array (the menu of all chapter pages is one), else equal ones.
        func holds(_ links: [ChapterLink]) -> Bool {
            let same = self.links.withUnsafeBufferPointer { mine in
                links.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress && mine.count == theirs.count }
            }
            return same || self.links == links
        }
    }

    private let sections = Mutex<[String: Section]>([:])

    /// The section's entries for `menu`, as the section would render them with `root` (the page's root values)
    /// below each entry.
    func render(_ menu: ChapterMenu, section text: String, root: any MustacheParent) -> String {
        let section = section(text)
        guard let template = section.template else { return "" }
        // The root's values of the names entries asked it for, each looked up once per page: every entry but the
        // page's own asks for `current`, which the root has not got.
        var rootValues: [(name: String, value: OutsideValue?)] = []
        func rootValue(_ name: String) -> OutsideValue? {
            if let known = rootValues.first(where: { $0.name == name }) { return known.value }
            let value = OutsideValue(root.child(named: name))
            rootValues.append((name, value))
            return value
        }
        func entry(_ index: Int, current: Bool) -> (html: String, outside: [(name: String, value: OutsideValue)]?) {
            var link = menu.links[index]
            link.current = current
            let slot = index * 2 + (link.current ? 1 : 0)
            let kept = section.entries.withLock { entries -> (html: String, outside: [(name: String, value: OutsideValue)])? in
                guard slot < entries.count, let entry = entries[slot], entry.link == link else { return nil }
                return (entry.html, entry.outside)
            }
            if let kept, kept.outside.allSatisfy({ rootValue($0.name) == $0.value }) { return kept }
            let scope = MenuItemScope(link: link, root: root)
            let rendered = template.render(scope)
            if let outside = scope.outside {
                section.entries.withLock { entries in
                    // Room for every slot of the menu at once: grown a slot at a time, the array would double
                    // and be copied as it went.
                    if slot >= entries.count { entries += repeatElement(nil, count: max(slot + 1, 2 * menu.links.count) - entries.count) }
                    entries[slot] = Entry(link: link, html: rendered, outside: outside)
                }
            }
            return (rendered, scope.outside)
        }
        if menu.shown == menu.links.indices, menu.links.count > 1,
           let run = run(of: menu, in: section, rootValue: rootValue, entry: entry) {
            guard let current = menu.current, menu.links.indices.contains(current) else { return run.html }
            let own = entry(current, current: true).html
            var html = ""
            html.reserveCapacity(run.html.utf8.count + own.utf8.count)
            html += run.text(0 ..< current)
            html += own
            html += run.text(current + 1 ..< menu.links.count)
            return html
        }
        var html = ""
        for index in menu.shown { html += entry(index, current: index == menu.current).html }
        return html
    }

    /// The run of `menu`'s links that renders as they would with this page's root values: one made before, else
    /// made now from the entries (nil if an entry depends on a root value that cannot be compared).
    private func run(of menu: ChapterMenu, in section: Section, rootValue: (String) -> OutsideValue?,
                     entry: (Int, Bool) -> (html: String, outside: [(name: String, value: OutsideValue)]?)) -> Run? {
        let known = section.runs.withLock { $0 }
        if let run = known.first(where: { $0.holds(menu.links) && $0.outside.allSatisfy { rootValue($0.name) == $0.value } }) {
            return run
        }
        var html = ""
        var ends: [Int] = []
        ends.reserveCapacity(menu.links.count)
        var outside: [(name: String, value: OutsideValue)] = []
        for index in menu.links.indices {
            let made = entry(index, false)
            guard let names = made.outside else { return nil }
            for name in names where !outside.contains(where: { $0.name == name.name }) { outside.append(name) }
            html += made.html
            ends.append(html.utf8.count)
        }
        let run = Run(links: menu.links, html: html, ends: ends, outside: outside)
        section.runs.withLock { runs in
            if runs.count >= 8 { runs.removeFirst() }
            runs.append(run)
        }
        return run
    }

    /// The section for a section's text, its text parsed as the templates are (with the escaping pragma) the first
    /// time.
    private func section(_ text: String) -> Section {
        if let known = sections.withLock({ $0[text] }) { return known }
        let made = Section(template: try? MustacheTemplate(string: TemplateEscaping.pragmaLine + text))
        return sections.withLock { sections in
            if let known = sections[text] { return known }
            sections[text] = made
            return made
        }
    }
}

/// A value of the page's root as far as a menu entry can tell: nil, text, a number or a yes/no; nil for anything
/// else (the entry is then not kept).
enum OutsideValue: Hashable {
    case absent, text(String), number(Int), flag(Bool)

    init?(_ value: Any?) {
        switch value {
        case .none: self = .absent
        case let text as TemplateText: self = .text(text.text)
        case let number as TemplateNumber: self = .number(number.value)
        case let flag as Bool: self = .flag(flag)
        default: return nil
        }
    }
}

/// One menu entry in front of the page's root values: names the entry has come from it, the others from the root,
/// as from Mustache's context stack. Records the names it had to ask the root for.
final class MenuItemScope: MustacheParent {
    let link: ChapterLink
    let root: any MustacheParent
    /// Nil once a value from the root could not be compared (`OutsideValue`).
    var outside: [(name: String, value: OutsideValue)]? = []

    init(link: ChapterLink, root: any MustacheParent) {
        self.link = link
        self.root = root
    }

    func child(named name: String) -> Any? {
        if let value = link.child(named: name) { return value }
        let value = root.child(named: name)
        if let compared = OutsideValue(value) { outside?.append((name, compared)) } else { outside = nil }
        return value
    }
}

/// Text put into the page as it is: a lambda's result that is not a String is written with `String(describing:)`,
/// unescaped and not parsed again as a template.
struct PrerenderedHTML: CustomStringConvertible {
    let description: String
}

/// Whether the templates use `chapters` only in ways `MenuItemCache` renders exactly as Mustache would.
enum MenuSections {
    /// True when, in every template: no set-delimiter, parent or block tag; every tag naming `chapters` is a plain
    /// `{{#chapters}}` or `{{/chapters}}`, each alone on its line at its start, outside any section; the section's
    /// text has no partial, no `.` names and no `()` (the list position: `first()`, `index()`); and every partial
    /// include of a template holding such a section is also outside any section and at the start of its line (no
    /// indentation). The section's entries are then rendered with the page's root values right below them.
    static func prerenderable(_ texts: [String: String]) -> Bool {
        var holders: Set<String> = []
        var includes: [(from: String, name: String, topLevel: Bool)] = []
        for (name, text) in texts {
            guard let tags = tags(in: text) else { return false }
            var depth = 0
            var inMenu = false
            for tag in tags {
                let body = tag.body
                if inMenu && tag.kind != "/" && (tag.kind == ">" || body.hasPrefix(".") || body.contains("(")) { return false }
                if ["=", "<", "$", "%"].contains(tag.kind) || tag.kind == ">" && body.hasPrefix("*") { return false }
                if tag.kind == "!" { continue }
                let mentions = body.split(separator: ".").contains { $0 == "chapters" } || body.contains("chapters(")
                    || body.contains("(chapters")
                if mentions {
                    guard body == "chapters", tag.kind == "#" || tag.kind == "/", tag.aloneAtLineStart else { return false }
                    if tag.kind == "#" {
                        guard depth == 0, !inMenu else { return false }
                        inMenu = true
                        holders.insert(name)
                    } else {
                        guard depth == 1, inMenu else { return false }
                        inMenu = false
                    }
                }
                switch tag.kind {
                case "#", "^": depth += 1
                case "/": depth -= 1
                case ">": includes.append((name, body, depth == 0 && tag.atLineStart))
                default: break
                }
            }
            if inMenu { return false }
        }
        // Templates that hold the section, directly or through their partials.
        var changed = true
        while changed {
            changed = false
            for include in includes where holders.contains(include.name) && !holders.contains(include.from) {
                holders.insert(include.from)
                changed = true
            }
        }
        return includes.allSatisfy { !holders.contains($0.name) || $0.topLevel }
    }

    private struct Tag {
        /// `#`, `^`, `/`, `>`, `!`, `=`, `<`, `$`, `&`, `{`, `%`, or a space for a plain `{{name}}`.
        var kind: Character
        var body: String
        /// Nothing but the line's start before it.
        var atLineStart: Bool
        /// And nothing but the line's end after it.
        var aloneAtLineStart: Bool
    }

    /// The tags of a template's text, in order; nil if one is not closed. Found in the UTF-8 bytes (the delimiters
    /// and newlines are ASCII); a line break is "\n" not after "\r" (a "\r\n" before a tag counts as none, so such a
    /// template renders through Mustache).
    private static func tags(in text: String) -> [Tag]? {
        let bytes = Array(text.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            guard pattern.count <= bytes.count else { return nil }
            var index = start
            while index + pattern.count <= bytes.count {
                if bytes[index] == pattern[0] && bytes[index ..< index + pattern.count].elementsEqual(pattern) { return index }
                index += 1
            }
            return nil
        }
        var tags: [Tag] = []
        var position = 0
        while let start = find([open, open], from: position) {
            let triple = start + 2 < bytes.count && bytes[start + 2] == open
            guard let end = find(triple ? [close, close, close] : [close, close], from: start + 2) else { return nil }
            var inner = Substring(String(decoding: bytes[(start + (triple ? 3 : 2)) ..< end], as: UTF8.self))
            inner = inner.drop { $0 == " " }
            var kind: Character = triple ? "{" : " "
            if !triple, let first = inner.first, "#^/>!=<$&%".contains(first) {
                kind = first
                inner = inner.dropFirst()
            }
            let body = String(inner.trimmingCharacters(in: .whitespaces))
            let atLineStart = start == 0 || bytes[start - 1] == newline && (start < 2 || bytes[start - 2] != cr)
            let after = end + (triple ? 3 : 2)
            let lineEnds = after == bytes.count || bytes[after] == newline
                || bytes[after] == cr && after + 1 < bytes.count && bytes[after + 1] == newline
            tags.append(Tag(kind: kind, body: body, atLineStart: atLineStart, aloneAtLineStart: atLineStart && lineEnds))
            position = after
        }
        return tags
    }
}

import Foundation
