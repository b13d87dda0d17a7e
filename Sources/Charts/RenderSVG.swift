/// Renders `spec` as a standalone, accessible SVG document; every id inside it starts with `id`.
///
/// `id` must be lowercase letters, digits and hyphens. Colours come from CSS custom properties
/// (`--chart-1` … `--chart-8`, `--chart-axis`, `--chart-grid`, `--chart-text`, `--chart-annotation`, `--chart-bg`).
///
/// With `embedStyle: false` the `<style>` element is left out, for pages that inline many charts and load
/// `chartStylesheet` once instead.
public func renderSVG(_ spec: ChartSpec, id: String, embedStyle: Bool = true) throws(ChartError) -> String {
    let svg = withFonts(try drawSVG(spec, id: id), spec.language.fonts)
    return embedStyle ? svg : removingStyle(svg)
}

/// The SVG with its text in `fonts` (the `font-family` of its opening tag's style, `SVGWriter.document`'s `inherit`).
private func withFonts(_ svg: String, _ fonts: String) -> String {
    let inherit = "font-family:inherit\">"
    guard fonts != "inherit", let range = svg.firstRange(of: inherit) else { return svg }
    // Font names in single quotes: the attribute is double-quoted, so they need no escaping (&quot; is 6 bytes); no
    // space after a comma, which CSS does not need (a page inlines a dozen of these lists).
    let names = escapeXML(fonts.replacingOccurrences(of: "\"", with: "'")).replacingOccurrences(of: "&apos;", with: "'")
        .replacingOccurrences(of: ", ", with: ",")
    return svg.replacingCharacters(in: range, with: "font-family:" + names + "\">")
}

/// The CSS every chart needs (the same rules an embedded `<style>` carries), for a page's stylesheet.
public let chartStylesheet = Theme.css

private let styleElement = Array("<style>\(Theme.css)</style>\n".utf8)

/// The SVG without its `<style>` element, which `SVGWriter.document` writes right after `<title>` and `<desc>`:
/// found with a byte search for its first characters, not a scan of the whole drawing for the 2 KB element.
private func removingStyle(_ svg: String) -> String {
    let bytes = Array(svg.utf8)
    let opening = Array("\n<style>".utf8)
    guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: opening) }).map({ $0 + 1 }),
          bytes[start...].starts(with: styleElement) else { return svg }
    return String(decoding: bytes[..<start] + bytes[(start + styleElement.count)...], as: UTF8.self)
}

private func drawSVG(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
    try Validate.id(id)
    guard spec.width >= 320, spec.width <= 2000 else {
        throw .unsupported(kind: spec.kind, reason: "canvas width \(spec.width) is outside 320…2000")
    }
    if !spec.background.isEmpty, spec.kind != .line {
        throw .unsupported(kind: spec.kind, reason: "'overlay: true' draws the other scenarios faintly behind the chosen one, which only a line chart does (use kind: line, or leave overlay out)")
    }
    if !spec.claims.isEmpty, ![.bar, .groupedBar, .horizontalBar].contains(spec.kind) {
        throw .unsupported(kind: spec.kind, reason: "'claims' mark bars of bar, grouped-bar and hbar charts only")
    }
    if !spec.points.isEmpty, spec.kind != .line {
        throw .unsupported(kind: spec.kind, reason: "'points' draws series of a line chart as unjoined points; this is a \(spec.kind.rawValue) chart")
    }
    if let unknown = spec.points.first(where: { name in !spec.series.contains { $0.name == name } }) {
        throw .unsupported(kind: spec.kind, reason: "'points' names '\(unknown)', which is no series of the chart; its series are "
            + spec.series.map { "'\($0.name)'" }.joined(separator: ", "))
    }
    if !spec.valueLabels.isEmpty, ![.bar, .horizontalBar].contains(spec.kind) {
        throw .unsupported(kind: spec.kind, reason: "'value-labels' replace the value printed on a bar of a bar or hbar chart only")
    }
    if !spec.groups.isEmpty, spec.kind != .horizontalBar {
        throw .unsupported(kind: spec.kind, reason: "'groups' gather the bars of an hbar chart under headings; this is a \(spec.kind.rawValue) chart")
    }
    if !spec.totals.isEmpty, spec.kind != .waterfall {
        throw .unsupported(kind: spec.kind, reason: "'totals' mark the total bars of a waterfall chart only")
    }
    if spec.diagram != Diagram(), ![.diagram, .steps].contains(spec.kind) {
        throw .unsupported(kind: spec.kind, reason: "nodes and arrows are drawn by 'diagram' and 'steps' charts only")
    }
    // Labels too long are listed with the chart's other annotation problems, found while it is drawn.
    let labelProblems = Validate.annotationLabelProblems(spec)
    let svg: String
    do throws(ChartError) { svg = try drawKind(spec, id: id) } catch {
        throw ChartError.combined(labelProblems + error.each) ?? error
    }
    if let error = ChartError.combined(labelProblems) { throw error }
    return svg
}

private func drawKind(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
    switch spec.kind {
    case .line, .area, .stackedArea: return try LineChart.render(spec, id: id)
    case .bar, .groupedBar, .stackedBar: return try BarChart.render(spec, id: id)
    case .horizontalBar: return try HorizontalBarChart.render(spec, id: id)
    case .waterfall: return try WaterfallChart.render(spec, id: id)
    case .histogram: return try HistogramChart.render(spec, id: id)
    case .flow: return try FlowChart.render(spec, id: id)
    case .heatmap: return try HeatmapChart.render(spec, id: id)
    case .smallMultiples: return try SmallMultiplesChart.render(spec, id: id)
    case .diagram: return try DiagramChart.render(spec, id: id)
    case .steps: return try StepsChart.render(spec, id: id)
    }
}
