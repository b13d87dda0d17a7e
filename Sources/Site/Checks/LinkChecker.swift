import Foundation
import Markdown
import Simulation

/// Finds internal links and anchors in the output that point nowhere.
///
/// Links written in chapters are reported at their place in the Markdown; links from templates at the page.
struct LinkChecker {
    let output: OutputTree
    /// For each output page, the chapter that produced it (to place diagnostics).
    let chapters: [String: Chapter]
    /// Every page's ids, from one scan of each page (on all cores). Its links are scanned again when it is checked,
    /// not kept: with the full chapter menu a site of N pages has N² of them (100 MB at 1,000 chapters).
    private let scans: [String: PageScan]
    /// `problem(with:on:)` by scope, then target: every chapter page links the same menu, so most links repeat.
    private var verdictsByScope: [String: [String: String?]] = [:]
    /// By depth, the links found to work that resolve alike from every page of that depth (`resolvesAlike`).
    private var workingByDepth: [String: SearchTermTable] = [:]
    /// The last build's verdicts (preview rebuilds), and the pages they spare this check.
    private let verdicts: LinkVerdicts?
    private let skipped: Set<String>
    /// Pages a language publishes from the default language's chapter, untranslated (`fallback: true`), by path.
    var fallbackCopies: [String: FallbackCopy] = [:]

    /// A page that is another language's copy of a default-language chapter: its links are the original's, but lead
    /// to that language's pages, some translated (with other headings' anchors).
    struct FallbackCopy: Sendable {
        /// The original's page (`what-a-mortgage-is/index.html`).
        var original: String
        /// The language, as the writer would name it: `French`, or `'fr'` when the translations name none.
        var language: String
        /// Where its translation would go: `content/fr/10-what-a-mortgage-is.md`.
        var translationFile: String
    }

    init(output: OutputTree, chapters: [Chapter], verdicts: LinkVerdicts? = nil) {
        self.init(output: output, pages: Dictionary(uniqueKeysWithValues: chapters.map { ($0.outputPath, $0) }), verdicts: verdicts)
    }

    /// `pages`: the chapter that produced each output page, by its path (`zh-hant/four-steps/index.html`).
    init(output: OutputTree, pages: [String: Chapter], verdicts: LinkVerdicts? = nil) {
        self.output = output
        self.chapters = pages
        self.verdicts = verdicts
        let pages = output.sortedPaths.filter { $0.hasSuffix(".html") }
        if let verdicts {
            let prepared = verdicts.prepare(pages, output: output)
            scans = Dictionary(uniqueKeysWithValues: zip(pages, prepared.scans))
            skipped = prepared.skipped
        } else {
            scans = Dictionary(uniqueKeysWithValues: zip(pages, concurrentMap(pages) { page in
                output.written[page]?.ids.map(PageScan.init(ids:)) ?? PageScan(output[page]!)
            }))
            skipped = []
        }
    }

    /// Every page's problems, in page order. Pages are checked in parallel chunks, each by its own copy of the
    /// checker (its caches are per copy), so the result does not depend on scheduling. Pages `verdicts` vouches for
    /// are not checked.
    func check() -> [Diagnostic] {
        let pages = scans.keys.sorted().filter { !skipped.contains($0) }
        let problems = concurrentChunkedMap(pages, chunks: 4 * activeProcessorCount) { chunk in
            var checker = self
            return chunk.map { checker.check(page: $0) }
        }
        verdicts?.record(clean: skipped.union(zip(pages, problems).filter { $0.1.isEmpty }.map(\.0)))
        return problems.flatMap { $0 }
    }

    private mutating func check(page: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var reported: Set<String> = []
        let place = PagePlace(page, ids: ids(of: page))
        // The verdicts of the page's depth are taken out for the page (and put back after): most links look there.
        var depthVerdicts = verdictsByScope.removeValue(forKey: place.depth) ?? [:]
        // And the links of that depth known to work, by their bytes: passed over without a String made of each (the
        // full chapter menu puts every chapter's link on every page).
        var working = workingByDepth.removeValue(forKey: place.depth) ?? SearchTermTable()
        defer {
            verdictsByScope[place.depth] = depthVerdicts
            workingByDepth[place.depth] = working
        }
        output[page]!.withUnsafeBufferPointer { html in
            forEachAttribute(in: html, names: PageScan.names, keeping: PageScan.linkNames) { _, value in
                let sameAtDepth = resolvesAlike(value, belowDepth: place.depthCount)
                var hash: UInt64 = 0
                if sameAtDepth {
                    hash = SearchTermTable.hash(value)
                    if working.find(value, hash: hash) != nil { return }
                }
                let target = unescapeAttribute(String(decoding: value, as: UTF8.self))
                guard let problem = cachedProblem(with: target, on: place, depthVerdicts: &depthVerdicts) else {
                    if sameAtDepth { working.insert(value, hash: hash, value: 0) }
                    return
                }
                guard reported.insert(target).inserted else { return }
                var found = diagnostic(problem, target: target, page: page)
                if let hint = schemeHint(for: target) ?? anchorHint(for: target, on: page) ?? pageHint(for: target, on: page) {
                    found.hint = hint
                }
                if let copy = fallbackCopies[page] {
                    // Broken in the original too: the original's page reports it, once.
                    if self.problem(with: target, on: copy.original) != nil { return }
                    found = copyDiagnostic(found, copy: copy, target: target, page: page)
                }
                problems.append(found)
            }
        }
        return problems
    }

    /// Whether a link, as written, resolves the same from every page `depth` folders deep, as `cachedProblem` keys
    /// it by depth: it climbs (`../`) at least that many folders, is not about the page itself (`#`, `?`) or absolute
    /// (`/`), and has no entity to decode.
    private func resolvesAlike(_ value: UnsafeBufferPointer<UInt8>, belowDepth depth: Int) -> Bool {
        guard let first = value.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "?"), first != UInt8(ascii: "/"),
              memchr(value.baseAddress!, Int32(UInt8(ascii: "&")), value.count) == nil else { return false }
        var climbs = 0
        while climbs * 3 + 3 <= value.count, value[climbs * 3] == UInt8(ascii: "."), value[climbs * 3 + 1] == UInt8(ascii: "."),
              value[climbs * 3 + 2] == UInt8(ascii: "/") {
            climbs += 1
        }
        return climbs >= depth
    }

    /// A page and what link resolution needs of its path, worked out once for all its links.
    private struct PagePlace {
        let page: String
        /// How many folders deep the page is, written without "/" (a scope of `cachedProblem`).
        let depth: String
        let depthCount: Int
        /// The page's folder with its trailing "/", if it has one (another scope).
        let folder: String?
        /// The page's own ids.
        let ids: Set<String>

        init(_ page: String, ids: Set<String>) {
            self.page = page
            self.ids = ids
            depthCount = page.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            depth = String(depthCount)
            folder = page.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(page[...$0]) }
        }
    }

    /// For a link to a missing `#anchor`: the closest id that does exist on the target page, else the ids of that
    /// chapter's headings, which are what such links usually mean.
    private func anchorHint(for target: String, on page: String) -> String? {
        let (path, fragment) = split(target)
        guard let fragment, !fragment.isEmpty else { return nil }
        let resolved = path.isEmpty ? page : joinPath(page: page, relative: path).flatMap { output.resolve($0) }
        guard let resolved, resolved.hasSuffix(".html") else { return nil }
        let known = ids(of: resolved).sorted()
        let wanted = percentDecoded(fragment)
        // A figure's or table's id without its prefix (#cop-temperature for #figure-cop-temperature).
        if let prefixed = ["figure-", "table-"].map({ $0 + wanted }).first(where: known.contains) { return "did you mean '#\(prefixed)'?" }
        // A glossary term's anchor (`#term-floc`): the closest term's, else every term's, compared without `term-`.
        if wanted.hasPrefix("term-") {
            let terms = known.filter { $0.hasPrefix("term-") }
            if let closest = closestName(to: String(wanted.dropFirst(5)), among: terms.map { String($0.dropFirst(5)) }) {
                return "did you mean '#term-\(closest)'?"
            }
            if !terms.isEmpty {
                return "the glossary's anchors are " + terms.prefix(12).map { "#" + $0 }.joined(separator: ", ")
                    + (terms.count > 12 ? ", … (\(terms.count) in all)" : "")
                    + "; a term's anchor is #term- and the term in lowercase words joined by hyphens, once it is in glossary.yml"
            }
        }
        // An anchor of the page itself that another page of its language has (a figure of another chapter): that page's
        // file, which the link names before the anchor.
        if path.isEmpty, let own = chapters[page] {
            let root = languageRoot(page, of: own)
            if let (_, other) = chapters.sorted(by: { $0.key < $1.key }).first(where: { key, chapter in
                key != page && chapter.kind != .home && languageRoot(key, of: chapter) == root && ids(of: key).contains(wanted)
            }) {
                let name = fileName(other.file)
                let what = wanted.hasPrefix("figure-") ? "figure '\(wanted.dropFirst(7))'"
                    : wanted.hasPrefix("table-") ? "table '\(wanted.dropFirst(6))'" : "the anchor '#\(wanted)'"
                return "\(what) is in \(name), not on this page: write [](\(name)#\(wanted))"
            }
        }
        // A character that shows as nothing (a zero-width space pasted with the anchor): named, as it cannot be seen.
        if let invisible = wanted.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) {
            let code = String(invisible.value, radix: 16, uppercase: true)
            let visible = String(String.UnicodeScalarView(wanted.unicodeScalars.filter { $0.properties.generalCategory != .format }))
            let closest = known.contains(visible) ? visible : closestName(to: visible, among: known)
            return "the anchor holds an invisible character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))"
                + (closest.map { ": did you mean '#\($0)'?" } ?? "")
        }
        if let closest = closestName(to: wanted, among: known) { return "did you mean '#\(closest)'?" }
        guard let headings = chapters[resolved]?.rendered.headings, !headings.isEmpty else { return nil }
        let shown = headings.prefix(8).map { "#" + $0.id }.joined(separator: ", ")
        return "its headings' anchors are " + shown + (headings.count > 8 ? ", … (\(headings.count) in all)" : "")
    }

    /// A problem only a language's untranslated copy of a chapter has (its link leads to a translated page, whose
    /// anchors differ): said to be in that copy, with what to do in the translation.
    private func copyDiagnostic(_ found: Diagnostic, copy: FallbackCopy, target: String, page: String) -> Diagnostic {
        var found = found
        let folder = page.dropLast("index.html".count)
        found.message += " in the \(copy.language) edition's copy of this chapter (\(folder), published untranslated)"
        let (path, fragment) = split(target)
        guard let fragment, !fragment.isEmpty else {
            found.hint = "translate this chapter into \(copy.translationFile)" + (found.hint.map { "; " + $0 } ?? "")
            return found
        }
        let wanted = percentDecoded(fragment)
        let resolved = path.isEmpty ? page : joinPath(page: page, relative: path).flatMap { output.resolve($0) }
        // The heading in the translated page at the original's heading's place (translations keep their order).
        var heading = "the translated heading"
        if let resolved, let translated = chapters[resolved],
           let originalPath = joinPath(page: copy.original, relative: path.isEmpty ? "index.html" : path).flatMap({ output.resolve($0) }),
           let original = chapters[originalPath],
           let index = original.rendered.headings.firstIndex(where: { $0.id == wanted }),
           translated.rendered.headings.indices.contains(index),
           translated.rendered.headings[index].level == original.rendered.headings[index].level {
            let match = translated.rendered.headings[index]
            // Without an id typed in full-width signs (`｛＃…｝`, warned about at the heading): the hint's id replaces it.
            let text = match.text.range(of: #"\s*｛＃[^｝]*｝\s*$"#, options: .regularExpression)
                .map { String(match.text[..<$0.lowerBound]) } ?? match.text
            heading = "'\(String(repeating: "#", count: match.level)) \(text) {#\(wanted)}' "
                + "(\(translated.file):\(match.line))"
            found.hint = "the \(copy.language) page it links to is translated, and its heading has another anchor: translate this "
                + "chapter into \(copy.translationFile), or give that heading the original's id: " + heading
        } else if wanted.hasPrefix("figure-") {
            found.hint = "the \(copy.language) page it links to is translated without figure '\(wanted.dropFirst(7))': copy its "
                + "chart block, with 'id: \(wanted.dropFirst(7))', into that translation, or translate this chapter into \(copy.translationFile)"
        } else {
            found.hint = "the \(copy.language) page it links to is translated, and its headings' anchors differ: translate this "
                + "chapter into \(copy.translationFile), or give \(heading) the original's id with {#\(wanted)}"
                + (found.hint.map { " (\($0))" } ?? "")
        }
        return found
    }

    /// For a link written without its scheme (`www.who.int/water`), which is a path on this site: add `https://`.
    private func schemeHint(for target: String) -> String? {
        let host = target.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let looksLikeHost = target.lowercased().hasPrefix("www.")
            || (host.contains(".") && ["com", "org", "net", "gov", "int", "edu", "io"].contains(host.split(separator: ".").last.map { $0.lowercased() } ?? ""))
        guard looksLikeHost, !target.hasPrefix("."), !target.hasPrefix("/") else { return nil }
        return "a web address needs its https:// ('https://\(target)'); without it, the link is a path on this site"
    }

    /// For a link to a missing page: the closest page that exists, written as a link from `page`, and the chapter's
    /// file it comes from, which links can name too.
    private func pageHint(for target: String, on page: String) -> String? {
        let (path, _) = split(target)
        guard !path.isEmpty, let joined = joinPath(page: page, relative: path), output.resolve(joined) == nil else { return nil }
        let up = String(repeating: "../", count: page.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 })
        // Each language's pages are under its own root (`fr/`): the same language's are the ones meant.
        let roots = Set(chapters.map { path, chapter in languageRoot(path, of: chapter) })
        func root(of path: String) -> String { roots.filter { path.hasPrefix($0) }.max { $0.count < $1.count } ?? "" }
        let ownRoot = chapters[page].map { languageRoot(page, of: $0) } ?? root(of: page)
        // A chapter's file named without its `.md` (`20-placebo`): the file, of this language.
        if !path.contains("/"), !path.contains("."),
           chapters.contains(where: { key, chapter in fileName(chapter.file) == path + ".md" && languageRoot(key, of: chapter) == ownRoot }) {
            return "did you mean '\(path).md'? (a file of content/ is linked with its .md)"
        }
        let allPages = scans.keys.filter { $0.hasSuffix("/index.html") }
        let ownPages = allPages.filter { root(of: $0) == ownRoot }
        let pages = (ownPages.isEmpty ? allPages : ownPages).map { up + $0.dropLast("index.html".count) }.sorted()
        // Compared by their folders' names too (`../filtering/` → `filtration`): the `../` and `/` they share would
        // otherwise count as likeness.
        func folder(_ path: String) -> String {
            var name = Substring(path)
            while name.hasPrefix("../") { name = name.dropFirst(3) }
            while name.hasPrefix("./") { name = name.dropFirst(2) }
            if name.hasSuffix("index.html") { name = name.dropLast("index.html".count) }
            return String(name.hasSuffix("/") ? name.dropLast() : name)
        }
        let folders = pages.map(folder)
        guard let closest = closestMatch(to: path, among: pages)
                ?? closestName(to: folder(path), among: folders).flatMap({ name in folders.firstIndex(of: name).map { pages[$0] } })
        else { return nil }
        let slug = closest.dropFirst(up.count).dropLast()
        let file = chapters.first { key, chapter in
            ownRoot + chapter.slug == slug && chapter.kind != .home && languageRoot(key, of: chapter) == ownRoot
        }.map { fileName($0.value.file) }
        return "did you mean '\(closest)'?" + (file.map { " (or link its file: \($0))" } ?? "")
    }

    /// The folder of a page's language (`fr/`, or `` for the default language's): its path without the page's own.
    private func languageRoot(_ path: String, of chapter: Chapter) -> String {
        path.hasSuffix(chapter.outputPath) ? String(path.dropLast(chapter.outputPath.count)) : ""
    }

    private func diagnostic(_ message: String, target: String, page: String) -> Diagnostic {
        // The page holds the address percent-encoded (`#a%C3%B1o`), the Markdown as written (`#año`).
        if let chapter = chapters[page],
           let link = chapter.rendered.links.first(where: { $0.destination == target || hrefEncoded($0.destination) == target }) {
            // The link as the writer wrote it, if the site rewrote it (`02-the-run.md` → `../the-run/`), or encoded it.
            let written = link.written ?? link.destination
            var message = message.replacingOccurrences(of: "'\(target)'", with: "'\(written)'")
            if let fragment = split(target).1, percentDecoded(fragment) != fragment {
                message = message.replacingOccurrences(of: "'#\(fragment)'", with: "'#\(percentDecoded(fragment))'")
            }
            if written.contains("\u{FF03}") {
                // `02-b.md＃heading`: an input method's full-width sign, not an anchor.
                return Diagnostic(file: chapter.file, line: link.line, column: link.column, message: message,
                                  hint: "the '\u{FF03}' is a full-width sign from an input method: write '#' before the "
                                      + "heading's anchor")
            }
            if namesAFile(target) {
                return Diagnostic(file: chapter.file, line: link.line, column: link.column, message: message,
                                  hint: "a page can link the pictures of content/images/ (images/name.png) and each chart's "
                                      + "data (data/<figure id>.csv), written as images are")
            }
            // The example is one of the site's own chapters (another one when there is one).
            let example = chapters.values.filter { $0.kind == .chapter }.map(\.file).sorted()
                .first { $0 != chapter.file } ?? chapter.file
            let name = fileName(example)
            let slug = chapters.values.first { $0.file == example }?.slug ?? "a-chapter"
            return Diagnostic(file: chapter.file, line: link.line, column: link.column, message: message,
                              hint: "link a chapter by its file, \(name) or \(name)#a-heading, or by its page, ../\(slug)/")
        }
        return Diagnostic(file: "public/" + page, line: 1, column: 1, message: message,
                          hint: "this link comes from a template or generated page")
    }

    /// Whether a link's path ends in a file name that is not a page's (`x.csv`, `a.png`, not `a/`, `a.html` or `a.md`).
    private func namesAFile(_ target: String) -> Bool {
        let (path, _) = split(target)
        guard let name = path.split(separator: "/").last, !path.hasSuffix("/"), let dot = name.lastIndex(of: ".") else { return false }
        let suffix = name[name.index(after: dot)...].lowercased()
        return !suffix.isEmpty && !["html", "htm", "md"].contains(suffix)
    }

    /// `problem(with:on:)`, computed once per target and scope. A bare `#fragment` or `?query` is about the page
    /// itself, so it is checked there and then (caching it would only fill the cache). Other targets resolve against
    /// the page's folder; one that climbs (`../`) at least as many levels as the folder is deep resolves the same from
    /// every folder of that depth: the chapter menu on every chapter page.
    private mutating func cachedProblem(with target: String, on place: PagePlace,
                                        depthVerdicts: inout [String: String?]) -> String? {
        let first = target.utf8.first
        if first == UInt8(ascii: "#") {
            // An anchor on the page itself (the outline, the notes): found among the page's ids without taking the
            // link apart; a missing one is described by `problem`.
            let fragment = String(Substring(target.utf8.dropFirst()))
            if fragment.isEmpty || place.ids.contains(percentDecoded(fragment)) || !place.page.hasSuffix(".html") { return nil }
            return problem(with: target, on: place.page)
        }
        if first == UInt8(ascii: "?") || first == UInt8(ascii: "/") {
            return problem(with: target, on: place.page)
        }
        var climbs = 0
        var rest = target.utf8[...]
        while rest.starts(with: "../".utf8) {
            climbs += 1
            rest = rest.dropFirst(3)
        }
        if climbs >= place.depthCount {
            if let verdict = depthVerdicts[target] { return verdict }
            let verdict = problem(with: target, on: place.page)
            depthVerdicts[target] = verdict
            return verdict
        }
        // depth > climbs ≥ 0: the page is in a folder.
        let scope = place.folder!
        if let verdict = verdictsByScope[scope]?[target] { return verdict }
        let verdict = problem(with: target, on: place.page)
        verdictsByScope[scope, default: [:]][target] = verdict
        return verdict
    }

    /// Why `target` (as written on `page`) is broken, or nil if it resolves.
    private func problem(with target: String, on page: String) -> String? {
        let bytes = target.utf8
        guard let first = bytes.first else { return nil }
        if bytes.contains(UInt8(ascii: ":")) && first != UInt8(ascii: "#") && first != UInt8(ascii: ".") && first != UInt8(ascii: "/") {
            return nil   // external (scheme:) links are not checked here
        }
        if first == UInt8(ascii: "/") {
            // A 404 page (the root's, or a language's: `zh-hant/404.html`) is served at any depth: without a base URL
            // its links lead from the host's root.
            let notFound = page == "404.html" || page.hasSuffix("/404.html")
            if notFound && target != "/" && !target.hasPrefix("//") {
                return problem(with: String(target.dropFirst()), on: "index.html")
            }
            if notFound && target == "/" { return nil }
            return "link '\(target)' is absolute; use a relative link so the site works under any sub-path"
        }
        let (path, fragment) = split(target)
        var resolvedPage = page
        if !path.isEmpty {
            guard let joined = joinPath(page: page, relative: path) else { return "link '\(target)' goes above the site root" }
            guard let file = output.resolve(joined) else { return "link '\(target)' points to a missing page or file" }
            resolvedPage = file
        }
        guard let fragment, !fragment.isEmpty else { return nil }
        guard resolvedPage.hasSuffix(".html") else { return nil }
        if ids(of: resolvedPage).contains(percentDecoded(fragment)) { return nil }
        return "link '\(target)' points to a missing anchor '#\(fragment)'"
    }

    private func ids(of page: String) -> Set<String> {
        scans[page]?.ids ?? []
    }

    private func split(_ target: String) -> (String, String?) {
        // Byte cuts: "#", "?" and "/" are ASCII, and splitting by Character (grapheme breaking) was a hot spot.
        let utf8 = target.utf8
        let hash = utf8.firstIndex(of: UInt8(ascii: "#"))
        let beforeHash = utf8[..<(hash ?? utf8.endIndex)]
        let path = Substring(beforeHash[..<(beforeHash.firstIndex(of: UInt8(ascii: "?")) ?? beforeHash.endIndex)])
        return (percentDecoded(String(path)), hash.map { String(Substring(utf8[utf8.index(after: $0)...])) })
    }
}

/// Resolves a relative path against the folder of `page`; nil if it climbs above the root. Works on the bytes of
/// one growing path ("/" is ASCII), not on an array of component Strings.
func joinPath(page: String, relative: String) -> String? {
    let slash = UInt8(ascii: "/")
    var path = Array(page.utf8)
    func dropLastComponent() { path.removeSubrange((path.lastIndex(of: slash) ?? path.startIndex)...) }
    dropLastComponent()   // the page's own name: what is left is its folder
    for part in relative.utf8.split(separator: slash, omittingEmptySubsequences: false) {
        if part.isEmpty || part.elementsEqual(".".utf8) { continue }
        if part.elementsEqual("..".utf8) {
            guard !path.isEmpty else { return nil }
            dropLastComponent()
        } else {
            if !path.isEmpty { path.append(slash) }
            path.append(contentsOf: part)
        }
    }
    if relative.utf8.last == slash && !path.isEmpty { path.append(slash) }
    return String(decoding: path, as: UTF8.self)
}

/// The ids of one page (its links, `href` and `src` values, come from the same scan: `forEachAttribute`).
struct PageScan: Sendable {
    var ids: Set<String> = []

    init(_ html: [UInt8]) {
        for (_, value) in attributes(in: html, names: Self.names, keeping: [2]) { ids.insert(value) }
    }

    /// The scan of a page written already (`OutputTree.written`).
    init(ids: Set<String>) {
        self.ids = ids
    }

    /// One scan finds all three, so an attribute's value is never taken for another attribute.
    static let names = ["href", "src", "id"]
    /// Those of `names` that hold links.
    static let linkNames: Set<Int> = [0, 1]
}

/// Values of the given attributes, in document order (`name="value"`, double quotes, as our templates write them).
func attributeValues(in html: String, names: [String]) -> [String] {
    attributeValues(in: Array(html.utf8), names: names)
}

func attributeValues(in bytes: [UInt8], names: [String]) -> [String] {
    attributes(in: bytes, names: names).map(\.value)
}

/// Every `name="value"` of the given names, in document order, with the index of its name in `names`; with
/// `kept`, only the values of those names (the others are still found and skipped, so the matches are the same).
private func attributes(in bytes: [UInt8], names: [String], keeping kept: Set<Int>? = nil) -> [(name: Int, value: String)] {
    var found: [(name: Int, value: String)] = []
    bytes.withUnsafeBufferPointer { html in
        forEachAttribute(in: html, names: names, keeping: kept) { name, value in
            found.append((name, unescapeAttribute(String(decoding: value, as: UTF8.self))))
        }
    }
    return found
}

/// Calls `body` with every `name="value"` of the given names, in document order: the index of its name in `names`
/// and its value's bytes as written (entities not decoded); with `kept`, only for those names (the others are still
/// found and skipped, so the matches are the same).
///
/// Each ` name="` has its `=` at a fixed place, so `memchr` jumps from one `=` to the next (prose has few) and the
/// bytes around it are compared; the matches are exactly those of trying every position in turn.
func forEachAttribute(in html: UnsafeBufferPointer<UInt8>, names: [String], keeping kept: Set<Int>? = nil,
                      _ body: (_ name: Int, _ value: UnsafeBufferPointer<UInt8>) -> Void) {
    let prefixes = names.map { Array(" \($0)".utf8) }   // what must stand right before the `=`
    // Each prefix's last byte, tested before the whole prefix is compared: most `="` belong to other attributes.
    let lastBytes = prefixes.map { $0.last! }
    let keeps = names.indices.map { kept?.contains($0) ?? true }
    guard let base = html.baseAddress else { return }
    let count = html.count
    var index = 0
    while index < count, let equals = memchr(base + index, Int32(UInt8(ascii: "=")), count - index) {
        let position = UnsafeRawPointer(equals) - UnsafeRawPointer(base)
        index = position + 1
        guard position > 0, position + 1 < count, html[position + 1] == UInt8(ascii: "\"") else { continue }
        let before = html[position - 1]
        for (name, prefix) in prefixes.enumerated() where lastBytes[name] == before && prefix.count <= position
            && prefix.withUnsafeBufferPointer({ memcmp(base + position - $0.count, $0.baseAddress!, $0.count) == 0 }) {
            let start = position + 2
            let quote = start < count ? memchr(base + start, Int32(UInt8(ascii: "\"")), count - start) : nil
            let end = quote.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
            if keeps[name] { body(name, UnsafeBufferPointer(rebasing: html[start..<end])) }
            index = end + 1
            break
        }
    }
}

private func unescapeAttribute(_ value: String) -> String {
    guard containsByte(value, UInt8(ascii: "&")) else { return value }
    // cmark writes an apostrophe as &#x27;, the site's own templates as &#39;.
    return value.replacingEntity("&amp;", "&").replacingEntity("&quot;", "\"").replacingEntity("&#39;", "'").replacingEntity("&#x27;", "'")
        .replacingEntity("&lt;", "<").replacingEntity("&gt;", ">")
}

func percentDecoded(_ text: String) -> String {
    guard containsByte(text, UInt8(ascii: "%")) else { return text }
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
        if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
           let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
            bytes.append(value)
        } else {
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

extension String {
    func replacingEntity(_ entity: String, _ replacement: String) -> String {
        components(separatedBy: entity).joined(separator: replacement)
    }
}
