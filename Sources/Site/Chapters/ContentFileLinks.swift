import Markdown
import Simulation

/// Links written relative to the chapter's file to a picture or a chart's data, as images are (in the text or a footnote): `[the map](images/map.png)`
/// and `[the numbers](data/fig-2-1.csv)` become links from the page's own folder (`../images/map.png`), which the link
/// checker then checks like any other.
///
/// - A link to `images/…` names a file of `content/images/` (copied to `images/` for every language).
/// - A link to `data/…` names a chart's download, `data/<figure id>.csv` in the page's language. The files of
///   `content/data/` are not published as they are, so a link to one of them is an error that names the figures
///   drawn from it.
///
/// Links of other forms (`../images/a.png`, other hosts) are left as they are.
///
/// - Parameters:
///   - pages: chapters, pages or the home page of one language; their HTML and links are rewritten.
///   - images: the files of `content/images/`; `data`: those of `content/data/`.
///   - figures: every chart of this language's pages, by id, with the data file it is drawn from, if any.
///   - siteRoot: from the language's root to the site's (`../` for `zh-hant/`), where `images/` is.
func resolveContentFileLinks(_ pages: inout [Chapter], images: [SourceFile], data: [SourceFile],
                             figures: [(id: String, dataFile: String?)], siteRoot: String) -> [Diagnostic] {
    let imageNames = images.map { String($0.path.dropFirst("content/".count)) }
    let knownImages = Set(imageNames)
    let dataNames = Set(data.map { String($0.path.dropFirst("content/".count)) })
    let downloads = figures.map { "data/\($0.id).csv" }
    var problems: [Diagnostic] = []
    // Pages are changed in place, and only where they link to such a file: not copied out and back.
    for pageIndex in pages.indices {
        for (linkIndex, link) in pages[pageIndex].rendered.links.enumerated() where !link.isImage {
            guard let path = contentFilePath(in: link.destination) else { continue }
            func problem(_ message: String, _ hint: String) {
                problems.append(Diagnostic(file: pages[pageIndex].file, line: link.line, column: link.column, message: message, hint: hint))
            }
            let fromRoot = pages[pageIndex].kind == .home ? "" : "../"
            if path.hasPrefix("images/") {
                guard knownImages.contains(path) else {
                    problem("link '\(link.destination)' points to no file in content/images/",
                            closestMatch(to: path, among: imageNames).map { "did you mean '\($0)'?" }
                                ?? "put the file in content/images/ and link it as images/name.png")
                    continue
                }
                pages[pageIndex].rewriteLink(linkIndex, to: siteRoot + fromRoot + link.destination.dropping("./"))
            } else if dataNames.contains(path) && !downloads.contains(path) {
                let file = String(path.dropFirst("data/".count))
                let drawn = figures.filter { $0.dataFile == file }.map { "data/\($0.id).csv" }
                problem("link '\(link.destination)' names a file of content/data/, which is not published as it is",
                        drawn.isEmpty
                            ? "a chart's data is offered with the chart, as data/<figure id>.csv; draw a chart from \(file) and link that"
                            : "its chart's data is published as \(drawn.joined(separator: ", ")); link that")
                continue
            } else {
                // A chart's download (or a variant's, `data/<id>-<scenario>.csv`): the link checker finds out whether it exists.
                pages[pageIndex].rewriteLink(linkIndex, to: fromRoot + link.destination.dropping("./"))
            }
        }
    }
    return problems
}

/// `images/a.png` in `images/a.png`, `./images/a.png#x` or `data/b.csv?v=2`, percent-decoded; nil for links that do
/// not start in `images/` or `data/` (other folders, other hosts, `../images/a.png` written from the page).
private func contentFilePath(in destination: String) -> String? {
    // Most links name neither folder: a byte test first.
    guard containsBytes(destination, "images/") || containsBytes(destination, "data/") else { return nil }
    let path = linkPath(destination)
    guard path.hasPrefix("images/") || path.hasPrefix("data/"), !path.contains(":") else { return nil }
    return percentDecoded(String(path))
}

private extension String {
    func dropping(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
