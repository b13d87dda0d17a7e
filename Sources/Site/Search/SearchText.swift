/// The text a reader sees in a piece of page HTML, for the search index: tags dropped (a block-level tag separates
/// words, an inline one does not), note markers (`<sup class="cite">`), comments, scripts, styles and inline SVG left
/// out, character references decoded, runs of white space made one space.
func searchText(fromHTML html: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    // After a left-out note marker, a space before punctuation was the marker's ("risk [@key]." → "risk.").
    var afterSkip = false
    func emit(_ scalar: Unicode.Scalar) {
        if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{A0}" {
            pendingSpace = true
            return
        }
        if afterSkip && ".,;:!?)".unicodeScalars.contains(scalar) { pendingSpace = false }
        afterSkip = false
        if pendingSpace && !out.isEmpty { out.append(" ") }
        pendingSpace = false
        out.append(scalar)
    }
    let scalars = Array(html.unicodeScalars)
    var index = 0
    // Elements whose whole content is skipped, with the tag that ends them.
    let skipped: [(open: String, close: String)] = [("<sup class=\"cite\"", "</sup>"), ("<!--", "-->"),
                                                      ("<script", "</script>"), ("<style", "</style>"), ("<svg", "</svg>")]
    func starts(_ text: String, at position: Int) -> Bool {
        var position = position
        for scalar in text.unicodeScalars {
            guard position < scalars.count,
                  scalars[position] == scalar || scalars[position].properties.lowercaseMapping == String(scalar) else { return false }
            position += 1
        }
        return true
    }
    func find(_ text: String, from position: Int) -> Int? {
        var position = position
        while position < scalars.count {
            if scalars[position] == text.unicodeScalars.first!, starts(text, at: position) { return position }
            position += 1
        }
        return nil
    }
    scan: while index < scalars.count {
        let scalar = scalars[index]
        if scalar == "<" {
            for (open, close) in skipped where starts(open, at: index) {
                guard let end = find(close, from: index + open.unicodeScalars.count) else { break scan }
                index = end + close.unicodeScalars.count
                afterSkip = true
                continue scan
            }
            let end = find(">", from: index) ?? scalars.count
            let name = tagName(scalars[(index + 1)..<end])
            if blockTags.contains(name) { pendingSpace = true }
            index = end + 1
        } else if scalar == "&", let (decoded, length) = characterReference(scalars, at: index) {
            for part in decoded.unicodeScalars { emit(part) }
            index += length
        } else {
            emit(scalar)
            index += 1
        }
    }
    return String(out)
}

/// Tags that separate the words on either side (without a space in the HTML, "a</p><p>b" is still two words).
private let blockTags: Set<String> = [
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]

/// The lowercased name of a tag from the text after its `<` (`/p`, `h2 id="x"` → `p`, `h2`).
private func tagName(_ tag: ArraySlice<Unicode.Scalar>) -> String {
    var name = String.UnicodeScalarView()
    for scalar in tag.drop(while: { $0 == "/" }) {
        guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { break }
        name.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }
    return String(name)
}

/// A character reference at `index` (`&amp;`, `&#39;`, `&#x2019;`, a few named ones): its text and length.
private func characterReference(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
    var end = index + 1
    while end < scalars.count, end - index <= 10, scalars[end] != ";" { end += 1 }
    guard end < scalars.count, scalars[end] == ";" else { return nil }
    var body = String.UnicodeScalarView()
    body.append(contentsOf: scalars[(index + 1)..<end])
    let name = String(body)
    let length = end - index + 1
    if name.hasPrefix("#") {
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (String(scalar), length)
    }
    guard let text = namedReferences[name] else { return nil }
    return (text, length)
}

private let namedReferences: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
    "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "times": "×", "minus": "−",
]
