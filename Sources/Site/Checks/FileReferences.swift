import Markdown
import Simulation

/// Every Markdown image must be a file of `content/images/`, written relative to the chapter (`images/a.png`).
///
/// Images from other hosts are refused too: a page loads nothing from anywhere but its own site.
func checkImages(_ chapters: [Chapter], images: [SourceFile]) -> [Diagnostic] {
    let known = Set(images.map(\.path))
    let names = images.map { String($0.path.dropFirst("content/".count)) }
    var problems: [Diagnostic] = []
    for chapter in chapters {
        for link in chapter.rendered.links where link.isImage {
            let target = link.destination
            func problem(_ message: String, _ hint: String) {
                problems.append(Diagnostic(file: chapter.file, line: link.line, column: link.column, message: message, hint: hint))
            }
            if target.hasPrefix("data:") { continue }
            if target.hasPrefix("/") && !target.hasPrefix("//") {
                problem("image '\(target)' is an absolute path",
                        "write it relative to the chapter, e.g. ![…](images/name.png) for content/images/name.png")
                continue
            }
            guard isRelativeReference(target) else {
                problem("image '\(target)' is on another host; pages load nothing from other hosts",
                        "save the picture into content/images/ and write ![…](images/name.png)")
                continue
            }
            let path = percentDecoded(String(target.prefix { $0 != "?" && $0 != "#" }))
            guard let resolved = resolveContentPath(path), known.contains(resolved) else {
                let guess = closestMatch(to: path, among: names)
                if guess == nil, let resolved = resolveContentPath(path), !resolved.hasPrefix("content/images/") {
                    // A picture put beside the chapters (content/bulb.png): only content/images/ is published.
                    let name = fileName(resolved)
                    problem("image '\(target)' is not in content/images/, the folder pictures are published from",
                            "put the picture in content/images/ and write ![…](images/\(name))")
                    continue
                }
                let hint = guess.map { "did you mean '\($0)'?" }
                    ?? "images live in content/images/ (copied to public/images/); write ![…](images/name.png)"
                problem("image '\(target)' does not exist", hint)
                continue
            }
        }
    }
    return problems
}

/// The pictures named for link previews (`image:` in front matter and in site.yml) must be files of `content/images/`.
func checkPreviewImages(_ chapters: [Chapter], config: SiteConfig, images: [SourceFile]) -> [Diagnostic] {
    let known = Set(images.map(\.path))
    let names = images.map { String($0.path.dropFirst("content/".count)) }
    var named = chapters.compactMap { chapter in chapter.frontMatter.image.map { (chapter.file, chapter.frontMatter.imageLine, $0) } }
    if let image = config.image { named.append(("content/site.yml", config.imageLine, image)) }
    return named.compactMap { file, line, image in
        guard isRelativeReference(image), !image.hasPrefix("/"), let resolved = resolveContentPath(percentDecoded(image)),
              resolved.hasPrefix("content/images/") else {
            return Diagnostic(file: file, line: line, column: 1, message: "image '\(image)' must be a picture in content/images/",
                              hint: "write it relative to content/, e.g. image: images/cover.png")
        }
        guard !known.contains(resolved) else { return nil }
        return Diagnostic(file: file, line: line, column: 1, message: "image '\(image)' does not exist",
                          hint: closestMatch(to: image, among: names).map { "did you mean '\($0)'?" }
                              ?? "put the picture in content/images/ and write image: images/name.png")
    }
}

/// A picture's path below `content/` (which is its path below the site's root once copied), e.g. `images/a.png`;
/// nil if it leaves `content/`.
func contentRelativePath(_ relative: String) -> String? {
    guard isRelativeReference(relative), !relative.hasPrefix("/") else { return nil }
    let path = String(relative.prefix { $0 != "?" && $0 != "#" })
    return resolveContentPath(path).map { String($0.dropFirst("content/".count)) }
}

/// `content/` joined with a relative path, with `.` and `..` resolved; nil if it leaves `content/`.
private func resolveContentPath(_ relative: String) -> String? {
    var components: [Substring] = []
    for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
        switch part {
        case ".": continue
        case "..":
            guard !components.isEmpty else { return nil }
            components.removeLast()
        default: components.append(part)
        }
    }
    return "content/" + components.joined(separator: "/")
}

/// Every `data:` file a chart names must be in `content/data/`; checked before any figure is drawn, so a missing
/// file is reported in the same run as the other reference problems.
func checkDataFiles(_ chapters: [Chapter], data: [SourceFile]) -> [Diagnostic] {
    let known = data.map { fileName($0.path) }
    return chapters.flatMap(\.figures).compactMap { request in
        guard case let .data(file) = request.source, !known.contains(file) else { return nil }
        return missingDataFile(file, of: request, known: known)
    }
}

/// The error for a chart's `data:` file that content/data/ lacks, at its `data:` line, with the nearest names.
func missingDataFile(_ file: String, of request: FigureRequest, known: [String]) -> Diagnostic {
    let place = request.position(ofParameter: "key:data")
    return Diagnostic(file: request.file, line: place.line, column: place.column,
                      message: "data file 'content/data/\(file)' does not exist",
                      hint: known.isEmpty ? "put CSV files in content/data/ and name them without the folder, e.g. data: capex.csv"
                          : suggestionHint(for: file, among: known.sorted(), noun: "data files"))
}

/// Pictures heavier than a page should make its readers download (`limit` bytes), as warnings: at the first place a
/// page shows one, or at the file when none does (it is published all the same).
func heavyImageWarnings(_ pages: [Chapter], images: [SourceFile], limit: Int = 1_000_000) -> [Diagnostic] {
    let heavy = images.filter { $0.bytes.count > limit }
    guard !heavy.isEmpty else { return [] }
    return heavy.map { image in
        let name = String(image.path.dropFirst("content/".count))
        let tenths = (image.bytes.count + 50_000) / 100_000
        let megabytes = "\(tenths / 10).\(tenths % 10)"
        let message = "image '\(name)' is \(megabytes) MB: every reader of a page showing it downloads all of it"
        let hint = "make it smaller, e.g. at most 1,600 pixels wide and saved as JPEG or WebP for photographs; "
            + "a page's text and charts weigh about 100 KB"
        for page in pages {
            for link in page.rendered.links where link.isImage && contentRelativePath(link.destination) == name {
                return Diagnostic(file: page.file, line: link.line, column: link.column, message: message, hint: hint, severity: .warning)
            }
        }
        return Diagnostic(file: image.path, line: 1, column: 1, message: message, hint: hint, severity: .warning)
    }
}
