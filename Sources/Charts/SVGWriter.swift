/// Escapes text for XML content and attribute values (the one place that does it).
func escapeXML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        default:
            // Drop control characters that XML 1.0 forbids.
            if let scalar = character.unicodeScalars.first, scalar.value < 0x20, scalar != "\n", scalar != "\t" { continue }
            result.append(character)
        }
    }
    return result
}

/// How text is anchored at its x coordinate.
enum TextAnchor: String { case start, middle, end }

/// Accumulates SVG elements; every number goes through `svgNumber` and every string through `escapeXML`.
struct SVGWriter {
    private(set) var elements: [String] = []
    /// Canvas width: text is kept inside it.
    let width: Double

    init(width: Double) {
        self.width = width
    }

    mutating func raw(_ element: String) { elements.append(element) }

    mutating func open(_ cls: String, extra: String = "") {
        elements.append("<g class=\"\(cls)\"\(extra.isEmpty ? "" : " " + extra)>")
    }

    mutating func close() { elements.append("</g>") }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) {
        elements.append("<line x1=\"\(svgNumber(x1))\" y1=\"\(svgNumber(y1))\" x2=\"\(svgNumber(x2))\" y2=\"\(svgNumber(y2))\" class=\"\(cls)\"/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, cls: String) {
        elements.append("<rect x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(max(0, width)))\" height=\"\(svgNumber(max(0, height)))\" class=\"\(cls)\"/>")
    }

    mutating func path(_ data: PathData, cls: String) {
        guard !data.isEmpty else { return }
        elements.append("<path d=\"\(data.string)\" class=\"\(cls)\"/>")
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, cls: String) {
        elements.append("<circle cx=\"\(svgNumber(cx))\" cy=\"\(svgNumber(cy))\" r=\"\(svgNumber(r))\" class=\"\(cls)\"/>")
    }

    /// Text at (x, y baseline) with an explicit font size, so extents can be checked from the SVG alone.
    mutating func text(_ content: String, x: Double, y: Double, size: Double = Theme.tickFont,
                       anchor: TextAnchor = .start, cls: String = "ch-text") {
        guard !content.isEmpty else { return }
        let anchorText = anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\""
        elements.append("<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" font-size=\"\(svgNumber(size))\"\(anchorText) class=\"\(cls)\">\(escapeXML(content))</text>")
    }

    /// Adds an inline `style` to the element written last (a text that needs a wider halo than its class gives).
    mutating func styleLastElement(_ style: String) {
        guard let last = elements.last, let tagEnd = last.firstIndex(of: ">") else { return }
        let end = last[last.index(before: tagEnd)] == "/" ? last.index(before: tagEnd) : tagEnd
        elements[elements.count - 1] = String(last[..<end]) + " style=\"\(style)\"" + String(last[end...])
    }

    /// Text kept inside [minX, maxX]: the anchor point moves so the estimated extent fits.
    mutating func clampedText(_ content: String, x: Double, y: Double, size: Double, anchor: TextAnchor,
                              cls: String, minX: Double = Theme.edge, maxX: Double? = nil) {
        let maxX = maxX ?? width - Theme.edge
        let bold = cls.contains("ch-strong")
        let shown = TextMetrics.truncate(content, to: maxX - minX, size: size, bold: bold)
        let shownWidth = TextMetrics.width(shown, size: size, bold: bold)
        var left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - shownWidth / 2
        case .end: left = x - shownWidth
        }
        left = min(max(left, minX), maxX - shownWidth)
        let adjusted: Double
        switch anchor {
        case .start: adjusted = left
        case .middle: adjusted = left + shownWidth / 2
        case .end: adjusted = left + shownWidth
        }
        text(shown, x: adjusted, y: y, size: size, anchor: anchor, cls: cls)
    }

    /// The complete standalone SVG document.
    ///
    /// The texts' most common font size is written once, on the `<svg>` element, which its texts inherit; a text
    /// of another size keeps its own (a chart page inlines a dozen SVGs, each with dozens of texts: 4–5 KB a page).
    /// So is their most common anchor, when that saves bytes: centred tick labels then carry none, and a text anchored
    /// at its start says so (3 KB on the longest chapter).
    /// It is `spec.width` wide, titled by `spec.title` and described by a `<desc>` of `Describe.text(spec)`, or, with
    /// `spec.describedBy`, by that element of the page.
    func document(id: String, height: Double, spec: ChartSpec) -> String {
        let width = spec.width, describedBy = spec.describedBy
        let sizes = elements.map { $0.hasPrefix("<text ") ? fontSizeAttribute($0) : nil }
        var counts: [String: Int] = [:]
        for size in sizes { if let size { counts[size, default: 0] += 1 } }
        let common = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        let anchors = elements.map { $0.hasPrefix("<text ") ? (anchorAttribute($0) ?? TextAnchor.start.rawValue) : nil }
        var anchorCounts: [String: Int] = [:]
        for anchor in anchors { if let anchor { anchorCounts[anchor, default: 0] += 1 } }
        // Each text of the common anchor drops ` text-anchor="middle"`; each start-anchored one then gains its own.
        let commonAnchor = anchorCounts.filter { $0.key != TextAnchor.start.rawValue }
            .max { ($0.value, $1.key) < ($1.value, $0.key) }
            .flatMap { candidate in
                candidate.value * (candidate.key.utf8.count + 15) > (anchorCounts["start"] ?? 0) * 20 ? candidate.key : nil
            }
        var lines: [String] = []
        lines.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)-svg\" class=\"ch\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" "
            + "width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\"" + (common.map { " font-size=\"\($0)\"" } ?? "")
            + (commonAnchor.map { " text-anchor=\"\($0)\"" } ?? "")
            + " role=\"img\" " + (describedBy.map { "aria-labelledby=\"\(id)-title\" aria-describedby=\"\(escapeXML($0))\"" }
                                   ?? "aria-labelledby=\"\(id)-title \(id)-desc\"")
            + " style=\"font-family:inherit\">")
        lines.append("<title id=\"\(id)-title\">\(escapeXML(spec.title))</title>")
        if describedBy == nil { lines.append("<desc id=\"\(id)-desc\">\(escapeXML(Describe.text(spec)))</desc>") }
        lines.append("<style>\(Theme.css)</style>")
        let sizeAttribute = common.map { " font-size=\"\($0)\"" }
        let commonAnchorAttribute = commonAnchor.map { " text-anchor=\"\($0)\"" }
        for (index, element) in elements.enumerated() {
            var written = element
            if let sizeAttribute, sizes[index] == common, let range = written.range(of: sizeAttribute) {
                written.removeSubrange(range)
            }
            if let commonAnchorAttribute, let anchor = anchors[index] {
                if anchor == commonAnchor, let range = written.range(of: commonAnchorAttribute) {
                    written.removeSubrange(range)
                } else if anchor == TextAnchor.start.rawValue, let classAt = written.range(of: " class=\"") {
                    written.insert(contentsOf: " text-anchor=\"start\"", at: classAt.lowerBound)
                }
            }
            lines.append(written)
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The value of a `<text …>` element's own `font-size` attribute (in its opening tag).
private func fontSizeAttribute(_ element: String) -> String? {
    openingTagAttribute("font-size", of: element)
}

/// The value of a `<text …>` element's own `text-anchor` attribute; nil for a text anchored at its start.
private func anchorAttribute(_ element: String) -> String? {
    openingTagAttribute("text-anchor", of: element)
}

private func openingTagAttribute(_ name: String, of element: String) -> String? {
    guard let tagEnd = element.firstIndex(of: ">"),
          let start = element.range(of: " \(name)=\"", range: element.startIndex..<tagEnd)?.upperBound,
          let end = element[start..<tagEnd].firstIndex(of: "\"") else { return nil }
    return String(element[start..<end])
}

/// SVG path data built from absolute commands.
struct PathData {
    private var parts: [String] = []
    var isEmpty: Bool { parts.isEmpty }
    var string: String { parts.joined() }

    mutating func move(_ x: Double, _ y: Double) { parts.append("M\(svgNumber(x)) \(svgNumber(y))") }
    mutating func line(_ x: Double, _ y: Double) { parts.append("L\(svgNumber(x)) \(svgNumber(y))") }
    mutating func curve(_ c1x: Double, _ c1y: Double, _ c2x: Double, _ c2y: Double, _ x: Double, _ y: Double) {
        parts.append("C\(svgNumber(c1x)) \(svgNumber(c1y)) \(svgNumber(c2x)) \(svgNumber(c2y)) \(svgNumber(x)) \(svgNumber(y))")
    }
    mutating func close() { parts.append("Z") }
    mutating func appendRaw(_ commands: String) { parts.append(commands) }
}
