/// What a template or a stylesheet would make every page load from another host: a script, picture, frame or media
/// (`src="https://…"`), a stylesheet, font, icon or preload (`<link rel="stylesheet" href="https://fonts…">`), or a
/// stylesheet's `url(https://…)` and `@import`. Pages load nothing from other hosts (a reader's privacy, and a site
/// that works offline and from `file://`), so each is an error at its place (trial 16 S7: a Google Fonts link in
/// head.mustache was published on every page). Links a reader follows (`<a href>`, `rel="canonical"`) are no loads.
func remoteResourceProblems(templates: [SourceFile], assets: [SourceFile]) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    func remote(_ address: Substring) -> Bool {
        let lowered = address.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//")
    }
    func report(_ file: SourceFile, _ text: String, at index: String.Index, what: String, address: Substring) {
        let before = text[..<index]
        let line = before.count(where: { $0 == "\n" }) + 1
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        problems.append(Diagnostic(file: file.path, line: line, column: column,
                                   message: "\(what) '\(address)' would be loaded from another host on every page that uses this file",
                                   hint: "pages load nothing from other hosts: copy the file into templates/assets/ and link it "
                                       + "with {{root}}assets/…, or leave it out (the site's fonts are the reader's own)"))
    }
    let loadingRel = /(?i)\brel\s*=\s*["']?[^"'>]*\b(stylesheet|preload|modulepreload|prefetch|icon|apple-touch-icon|manifest)\b/
    let linkHref = /(?i)\bhref\s*=\s*["']?([^"'\s>]+)/
    let source = /(?i)<(script|img|iframe|video|audio|source|embed|track|input)\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/
    let linkTag = /(?i)<link\b[^>]*>/
    for file in templates {
        let text = String(decoding: file.bytes, as: UTF8.self)
        guard text.contains("//") else { continue }
        for match in text.matches(of: source) where remote(match.output.2) {
            report(file, text, at: match.range.lowerBound, what: "<\(match.output.1.lowercased())> source", address: match.output.2)
        }
        for match in text.matches(of: linkTag) {
            let tag = text[match.range]
            guard tag.contains(loadingRel), let href = tag.firstMatch(of: linkHref), remote(href.output.1) else { continue }
            report(file, text, at: match.range.lowerBound, what: "<link> to", address: href.output.1)
        }
    }
    let cssLoad = /(?i)(?:url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"')\s]+)/
    for file in assets where file.path.hasSuffix(".css") {
        let text = String(decoding: file.bytes, as: UTF8.self)
        guard text.contains("//") else { continue }
        for match in text.matches(of: cssLoad) {
            report(file, text, at: match.range.lowerBound, what: "the stylesheet's", address: match.output.1)
        }
    }
    return problems
}
