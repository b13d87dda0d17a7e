/// A link a template writes is broken on every page that template lays out, and the link checker finds it on each
/// (`public/about/index.html:1:1`, a file `check` never writes). Those problems are reported once, at the template's
/// line where the link is written, with how many pages have it; a link found in no template (one a generated page
/// makes) keeps its per-page problems.
func templateLinkProblems(_ problems: [Diagnostic], templates: [SourceFile]) -> [Diagnostic] {
    var result: [Diagnostic] = []
    // By the link with its climbs taken off (`../assets/x.css` and `assets/x.css` are one `{{root}}assets/x.css`) and
    // the message: the place in `result` of the group's first problem, and every page with it.
    var groups: [String: (index: Int, target: String, pages: Int)] = [:]
    for problem in problems {
        guard problem.file.hasPrefix("public/"), problem.line == 1, problem.column == 1,
              let target = quotedLink(problem.message) else {
            result.append(problem)
            continue
        }
        let written = withoutClimbs(target)
        let key = written + "\u{0}" + problem.message.replacingOccurrences(of: "'\(target)'", with: "''")
        if let group = groups[key] {
            groups[key]!.pages = group.pages + 1
        } else {
            groups[key] = (result.count, target, 1)
            result.append(problem)
        }
    }
    // Each group's place in a template; a link found in none that ends with one found (the 404 page of a language
    // leads from the site's root: `fr/assets/x.css`) joins that one.
    var placed: [(group: (index: Int, target: String, pages: Int), place: (file: String, line: Int, column: Int, text: String))] = []
    var unplaced: [(index: Int, target: String, pages: Int)] = []
    for group in groups.values.sorted(by: { $0.index < $1.index }) {
        if let place = templatePlace(of: group.target, written: withoutClimbs(group.target), in: templates) {
            placed.append((group, place))
        } else {
            unplaced.append(group)
        }
    }
    var removed: Set<Int> = []
    for group in unplaced {
        let message = result[group.index].message.replacingOccurrences(of: "'\(group.target)'", with: "''")
        guard let joined = placed.indices.first(where: { index in
            let other = placed[index].group
            return group.target.hasSuffix("/" + withoutClimbs(other.target))
                && result[other.index].message.replacingOccurrences(of: "'\(other.target)'", with: "''") == message
        }) else { continue }
        placed[joined].group.pages += group.pages
        removed.insert(group.index)
    }
    for (group, place) in placed {
        let problem = result[group.index]
        let pages = group.pages == 1 ? "on 1 page, \(problem.file)" : "on \(group.pages) pages"
        let generic = problem.hint == nil || problem.hint == "this link comes from a template or generated page"
        let hint: String
        if group.target.hasPrefix("/"), !group.target.hasPrefix("//") {
            hint = "write \(place.text.hasPrefix("{{") ? place.text : "{{root}}" + group.target.dropFirst()): {{root}} leads to the "
                + "site's root from every page, under any sub-path"
        } else if generic {
            hint = "\(place.text) must name a file the site publishes: a stylesheet, script or picture of your own goes in "
                + "templates/assets/ (published as assets/), a picture of the chapters in content/images/"
        } else {
            hint = "on \(problem.file): " + problem.hint!
        }
        result[group.index] = Diagnostic(
            file: place.file, line: place.line, column: place.column,
            message: problem.message.replacingOccurrences(of: "'\(group.target)'", with: "'\(place.text)'") + " (\(pages))",
            hint: hint)
    }
    result = result.indices.filter { !removed.contains($0) }.map { result[$0] }
    return result
}

/// The link in a link problem's message: `link '../x/' points to …` → `../x/`.
private func quotedLink(_ message: String) -> String? {
    guard message.hasPrefix("link '") else { return nil }
    let rest = message.dropFirst("link '".count)
    return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
}

/// A relative link without the `../` and `./` it starts with.
private func withoutClimbs(_ target: String) -> String {
    var path = Substring(target)
    while path.hasPrefix("../") || path.hasPrefix("./") { path = path.dropFirst(path.hasPrefix("../") ? 3 : 2) }
    return String(path)
}

/// Where a template writes a link: `{{root}}` and the link without its climbs, else the link as the page has it, in
/// quotes. The first such place, in the templates' order (by path); 1-based line and column (in characters).
private func templatePlace(of target: String, written: String, in templates: [SourceFile])
    -> (file: String, line: Int, column: Int, text: String)? {
    let candidates = (written.isEmpty ? [] : ["{{root}}" + written]) + ["\"" + target + "\"", "'" + target + "'"]
    for candidate in candidates {
        for template in templates {
            let text = String(decoding: template.bytes, as: UTF8.self)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let range = line.range(of: candidate) else { continue }
                let quoted = candidate.hasPrefix("\"") || candidate.hasPrefix("'")
                let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1 + (quoted ? 1 : 0)
                return (template.path, number + 1, column, quoted ? target : candidate)
            }
        }
    }
    return nil
}
