import Foundation
import Markdown
import Simulation

/// Links written to a chapter's file, as in Hugo, Zola, mdBook or Quarto: `[the run](02-the-run.md#step-3)` becomes a
/// link to that chapter's page (`../the-run/#step-3`), which the link checker then checks like any other, anchor
/// included. A `.md` link to no file of content/ is an error with the nearest file name; one to a draft that is not
/// being built says so.
///
/// - Parameters:
///   - pages: the chapters, pages and home page being built; their HTML (footnotes included) and links are rewritten.
///   - files: every Markdown file of content/, drafts included: its name, slug, kind and whether it is a draft.
func resolveChapterFileLinks(_ pages: inout [Chapter], files: [ChapterFileTarget]) -> [Diagnostic] {
    let byName = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    // Each page's links on their own, on all cores; the few rewrites are then made in place (no page is copied), and
    // problems come in page order.
    let found = chapterFileRewrites(pages, byName: byName, files: files)
    for (pageIndex, page) in zip(pages.indices, found) {
        for rewrite in page.rewrites { pages[pageIndex].rewriteLink(rewrite.link, to: rewrite.url) }
    }
    return found.flatMap(\.problems)
}

/// Each page's links to chapter files, by page: the URL each becomes, and the problems with those that name no file or
/// a draft.
private func chapterFileRewrites(_ pages: [Chapter], byName: [String: ChapterFileTarget], files: [ChapterFileTarget])
    -> [(rewrites: [(link: Int, url: String)], problems: [Diagnostic])] {
    concurrentMap(Array(pages.indices)) { pageIndex -> (rewrites: [(link: Int, url: String)], problems: [Diagnostic]) in
        let (file, kind) = (pages[pageIndex].file, pages[pageIndex].kind)
        var rewrites: [(link: Int, url: String)] = []
        var problems: [Diagnostic] = []
        for (linkIndex, link) in pages[pageIndex].rendered.links.enumerated() where !link.isImage {
            guard let name = chapterFileName(in: link.destination) else { continue }
            let fragment = link.destination.firstIndex(of: "#").map { String(link.destination[$0...]) } ?? ""
            guard let target = byName[name] else {
                let names = files.filter { !$0.isDraft }.map(\.name).sorted()
                // `svb.md` for the chapter `20-svb.md`: a chapter named by its slug alone.
                let bySlug = files.first { !$0.isDraft && $0.kind == .chapter && $0.slug + ".md" == name }
                let hint = (bySlug?.name ?? closestMatch(to: name, among: names)).map { "did you mean '\($0 + fragment)'?" }
                    ?? "link to a chapter by its file name in content/: " + names.prefix(12).joined(separator: ", ")
                        + (names.count > 12 ? ", …" : "")
                problems.append(Diagnostic(file: file, line: link.line, column: link.column,
                                           message: "link '\(link.destination)' points to no file in content/", hint: hint))
                continue
            }
            guard !target.isDraft else {
                problems.append(Diagnostic(file: file, line: link.line, column: link.column,
                                           message: "link '\(link.destination)' points to a draft ('draft: true' in \(target.path))",
                                           hint: "drafts are left out of the site (`--drafts` builds them): publish it, or link to it later"))
                continue
            }
            let fromRoot = kind == .home ? "" : "../"
            var url = fromRoot + (target.kind == .home ? "" : target.slug + "/") + fragment
            if url.isEmpty || url.hasPrefix("#") { url = "./" + url }
            rewrites.append((linkIndex, url))
        }
        return (rewrites, problems)
    }
}

/// A Markdown file of content/ that links can name.
struct ChapterFileTarget: Sendable {
    /// `content/02-the-run.md`.
    var path: String
    /// `02-the-run.md`.
    var name: String
    var slug: String
    var kind: Chapter.Kind
    /// A draft that is not being built.
    var isDraft: Bool
}

/// `02-the-run.md` in `02-the-run.md`, `./02-the-run.md#step-3`; nil for other links (other folders, other hosts).
private func chapterFileName(in destination: String) -> String? {
    // Most links name no Markdown file: a byte test first (".md" is ASCII, so a name ending in it has these bytes).
    guard containsBytes(destination, ".md") else { return nil }
    let path = linkPath(destination)
    guard path.hasSuffix(".md"), !path.contains("/"), !path.contains(":") else { return nil }
    return String(path)
}

/// A link's path: without its `#fragment` or `?query`, and without a leading `./`.
func linkPath(_ destination: String) -> Substring {
    let path = Substring(destination.prefix { $0 != "#" && $0 != "?" })
    return path.hasPrefix("./") ? path.dropFirst(2) : path
}

extension Chapter {
    /// Points link `index` at `url` in the page's HTML (its footnotes included), keeping the address as written for
    /// the link checker's messages. Every link written the same way leads to the same place, so all are rewritten.
    mutating func rewriteLink(_ index: Int, to url: String) {
        // Already rewritten with an earlier link written the same way.
        guard rendered.links[index].written == nil else { return }
        let written = rendered.links[index].destination
        // cmark writes an address percent-encoded (`#año` as `#a%C3%B1o`), with `&` and `'` as entities; the new one
        // is written the same way, so that the link checker finds it among the page's links by either form.
        let from = "href=\"\(cmarkHref(written))\"", to = "href=\"\(cmarkHref(url))\""
        rendered.html = rendered.html.replacingOccurrences(of: from, with: to)
        if !rendered.footnotes.isEmpty { rendered.footnotes = rendered.footnotes.replacingOccurrences(of: from, with: to) }
        for other in rendered.links.indices where !rendered.links[other].isImage && rendered.links[other].destination == written {
            rendered.links[other].written = written
            rendered.links[other].destination = url
        }
    }
}

/// An `href` attribute's value as cmark writes it for `url`.
func cmarkHref(_ url: String) -> String {
    hrefEncoded(url).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#x27;")
}
