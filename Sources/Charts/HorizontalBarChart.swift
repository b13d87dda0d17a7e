/// Horizontal bars: categories down the left, values along the bottom; height grows with the categories.
enum HorizontalBarChart {
    /// The row of a group's heading, and the gap before every group but the first.
    static let headingHeight = 26.0
    static let groupGap = 14.0

    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        let labels = try Validate.categories(spec)
        try Validate.claims(spec, categories: labels)
        try Validate.valueLabels(spec, categories: labels)
        try Validate.groups(spec, categories: labels)
        for (index, annotation) in spec.annotations.enumerated() {
            guard case .referenceLine(.y, _, _) = annotation else {
                throw .annotation(index: index, kind: .horizontalBar,
                                  reason: "cannot be drawn: hbar charts take only value lines ('type: line' on the y axis, "
                                      + "drawn across the bars)",
                                  hint: "use 'type: line' (a value across the bars), or say the point in the caption")
            }
        }
        let series = spec.series
        let groups = series.count
        let legend = groups > 1 ? series.enumerated().map { LegendEntry(name: $1.name, color: Theme.color($0), mark: .box) } : []
        var top = Legend.height(legend, width: spec.width)
        let titleBaseline = top + 16
        if !spec.x.label.isEmpty { top += 24 }
        let lanes = AnnotationLayer.laneRows(spec.annotations, horizontal: true)
        let plotTop = top + Double(lanes) * AnnotationLayer.laneHeight + (lanes > 0 ? 8 : 0) + 8

        // Category labels sit left of the bars, wrapped to two lines; when one needs more, every label goes on its
        // own line(s) above its bar, across the whole width (the phone layout of long labels).
        let lineHeight = 17.0
        let maxLabel = spec.width * 0.4
        let wrappedLeft = labels.map { TextMetrics.wrap($0, to: maxLabel, size: Theme.tickFont, maxLines: 3) }
        let above = wrappedLeft.contains { $0.count > 2 }
        let format = spec.y.format
        let claimed = Set(spec.claims)
        let texts = format.labels(forSeries: series.map(\.y), significant: spec.labelDigits, numbers: spec.language.numbers).map { numbers in
            zip(labels, Validate.valueTexts(spec, numbers, categories: labels)).map { label, text in
                text + (claimed.contains(label) ? spec.language.text("chartClaim") : "")
            }
        }
        let valueWidth = texts.joined().map { TextMetrics.width($0, size: Theme.annotationFont) }.max() ?? 0
        let left = above ? Theme.edge + 4 : (wrappedLeft.flatMap { $0 }.map { TextMetrics.width($0, size: Theme.tickFont) }.max() ?? 0) + 14
        let right = spec.width - max(20, valueWidth + 10)
        let wrapped = above ? labels.map { TextMetrics.wrap($0, to: spec.width - 2 * Theme.edge - 4, size: Theme.tickFont, maxLines: 3) }
                            : wrappedLeft
        let barRoom = max(30, min(56, Double(groups) * 22 + 12))
        let slots = wrapped.map { lines in above ? Double(lines.count) * lineHeight + barRoom - 4 : max(barRoom, Double(lines.count) * lineHeight + 10) }
        // A group's heading takes a row above its first bar, and a gap (with a rule) sets it apart from the group before.
        var groupStarts: [Int: String] = [:], first = 0
        for group in spec.groups {
            groupStarts[first] = group.name
            first += group.categories.count
        }
        var slotTops: [Double] = [], headings: [(name: String, top: Double)] = []
        var y = plotTop
        for (index, slot) in slots.enumerated() {
            if let name = groupStarts[index] {
                if index > 0 { y += Self.groupGap }
                headings.append((name, y))
                y += Self.headingHeight
            }
            slotTops.append(y)
            y += slot
        }
        let plotBottom = y
        // As tall as the bars need: a chart of two bars does not leave an empty band above its axis title.
        let height = plotBottom + 30 + (spec.y.label.isEmpty ? 0 : 22)
        try AnnotationLayer.checkNearData(spec.annotations, kind: spec.kind, x: nil, xData: [], y: spec.y,
                                          yData: series.flatMap(\.y) + [0])
        let values = series.flatMap(\.y) + AnnotationLayer.yValues(spec.annotations)
        let axis = try Ticks.horizontal(spec.y, values: values, axis: .y, length: right - left, includeZero: true,
                                        numbers: spec.language.numbers)
        let frame = Frame(left: left, top: plotTop, right: right, bottom: plotBottom)
        let scale = axis.scale(from: left, to: right)
        // The bars of category i fill the part of its slot below its label lines (above) or the middle (left).
        let barTop: (Int) -> Double = { index in
            above ? slotTops[index] + Double(wrapped[index].count) * lineHeight + 2 : slotTops[index] + (slots[index] - barRoom) / 2
        }
        let thickness = (barRoom * (groups > 1 ? 0.8 : 0.7)) / Double(groups)
        let inset = barRoom * (groups > 1 ? 0.1 : 0.15)

        var svg = SVGWriter(width: spec.width)
        Legend.draw(legend, top: 0, into: &svg)
        Axes.drawX(axis, scale: scale, frame: frame, into: &svg, grid: true)
        let base = scale.baseline
        svg.open("ch-marks")
        for (seriesIndex, item) in series.enumerated() {
            let color = item.color ?? (groups > 1 ? Theme.color(seriesIndex) : 1)
            for (index, value) in item.y.enumerated() {
                guard let x = scale.clamped(value) else { continue }
                let y = barTop(index) + inset + thickness * Double(seriesIndex)
                let claim = claimed.contains(labels[index])
                svg.rect(min(x, base), y + 1, abs(x - base), thickness - 2,
                         cls: claim ? "ch-bar ch-claim ch-k\(color)" : "ch-bar ch-f\(color)")
                let end = value >= 0 || scale.type == .log
                let labelX = end ? max(x, base) + 5 : min(x, base) - 5
                if thickness >= 14 {
                    svg.clampedText(texts[seriesIndex][index], x: labelX, y: y + thickness / 2 + 5, size: Theme.annotationFont,
                                    anchor: end ? .start : .end, cls: "ch-halo")
                }
            }
        }
        svg.close()
        svg.open("ch-y-axis")
        for (index, lines) in wrapped.enumerated() {
            let first = above ? slotTops[index] + 13 : slotTops[index] + slots[index] / 2 + 5 - Double(lines.count - 1) * lineHeight / 2
            for (lineIndex, line) in lines.enumerated() {
                svg.text(line, x: above ? left : left - 8, y: first + Double(lineIndex) * lineHeight, size: Theme.tickFont,
                         anchor: above ? .start : .end, cls: above ? "ch-text" : "ch-muted")
            }
        }
        svg.line(base, plotTop, base, plotBottom, cls: "ch-axis")
        svg.close()
        if !headings.isEmpty {
            svg.open("ch-groups")
            for (index, heading) in headings.enumerated() {
                if index > 0 { svg.line(Theme.edge, heading.top - Self.groupGap / 2, spec.width - Theme.edge, heading.top - Self.groupGap / 2, cls: "ch-axis") }
                svg.clampedText(heading.name, x: Theme.edge, y: heading.top + 18, size: Theme.labelFont, anchor: .start,
                                cls: "ch-strong ch-halo")
            }
            svg.close()
        }
        let annotations = AnnotationLayer(annotations: spec.annotations, frame: frame,
                                          xPos: { _ in nil }, yPos: { scale.position($0) },
                                          valueAxisIsHorizontal: true)
        try annotations.check(kind: spec.kind, xFormat: spec.x.format, yFormat: spec.y.format)
        annotations.drawForeground(into: &svg)
        AxisTitles.draw(spec, frame: frame, yBaseline: titleBaseline, height: height, into: &svg, horizontalValueAxis: true)
        return svg.document(id: id, height: height, spec: spec)
    }
}
