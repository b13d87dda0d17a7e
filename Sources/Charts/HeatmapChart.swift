/// A heat map: one row per series (named by the series), one column per x value or per category, shaded in seven
/// steps. Rows named by text (banks, tranches) and columns named by text or numbers both work.
enum HeatmapChart {
    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        try Validate.noAnnotations(spec)
        let columnLabels: [String]
        if spec.series.first?.categories != nil {
            columnLabels = try Validate.categories(spec)
        } else {
            try Validate.xySeries(spec)
            let columns = spec.series[0].x
            for row in spec.series where row.x.count != columns.count {
                throw .mismatchedLengths(series: row.name, expected: columns.count, actual: row.x.count)
            }
            columnLabels = spec.x.format.tickLabels(columns, step: nil, numbers: spec.language.numbers)
        }
        let columns = columnLabels
        let values = spec.series.flatMap(\.y)
        let finite = (values + spec.y.include).filter(\.isFinite)
        let lo = spec.y.min ?? finite.min() ?? 0, hi = spec.y.max ?? finite.max() ?? 1
        if spec.y.min != nil || spec.y.max != nil, !(lo < hi) { throw .invalidAxisRange(axis: .y, min: lo, max: hi) }
        if spec.y.scale == .log, let bad = (finite + [lo]).first(where: { $0 <= 0 }) { throw .nonPositiveOnLogScale(axis: .y, value: bad) }
        let shade = ContinuousScale(type: spec.y.scale, lo: lo, hi: hi > lo ? hi : lo + 1, from: 0, to: 1)

        let top = 40.0
        let maxName = spec.width * 0.4
        let names = spec.series.map { TextMetrics.truncate($0.name, to: maxName, size: Theme.tickFont) }
        let left = (names.map { TextMetrics.width($0, size: Theme.tickFont) }.max() ?? 0) + 12
        let right = spec.width - Theme.edge
        let cellWidth = (right - left) / Double(max(columns.count, 1))
        let cellHeight = spec.series.count <= 8 ? 44 : max(16, 320 / Double(spec.series.count))
        let bottom = top + cellHeight * Double(spec.series.count)
        let height = bottom + 30 + (spec.x.label.isEmpty ? 0 : 22)
        let format = spec.y.format

        var svg = SVGWriter(width: spec.width)
        drawLegend(spec, lo: lo, hi: hi, into: &svg)
        let valueWidth = finite.map { TextMetrics.width(format.string(for: $0, numbers: spec.language.numbers), size: Theme.annotationFont) }.max() ?? 0
        let showValues = cellWidth >= valueWidth + 8 && cellHeight >= 18
        svg.open("ch-cells")
        // Cells keep a 1 px gap while they are wide enough; hundreds of columns touch instead of vanishing.
        let gap = cellWidth >= 6 ? 1.0 : 0
        for (rowIndex, row) in spec.series.enumerated() {
            let y = top + cellHeight * Double(rowIndex)
            for (column, value) in row.y.enumerated() {
                let x = left + cellWidth * Double(column)
                guard let t = shade.position(value) else {
                    svg.rect(x + gap, y + 1, cellWidth - 2 * gap, cellHeight - 2, cls: "ch-missing")
                    continue
                }
                let step = min(max(Int(t * Double(Theme.heatSteps)), 0), Theme.heatSteps - 1)
                svg.rect(x + gap, y + 1, cellWidth - 2 * gap, cellHeight - 2, cls: "ch-q\(step)")
                if showValues {
                    svg.text(format.string(for: value, numbers: spec.language.numbers), x: x + cellWidth / 2, y: y + cellHeight / 2 + 5,
                             size: Theme.annotationFont, anchor: .middle, cls: step >= 5 ? "ch-on-dark" : "ch-text")
                }
            }
        }
        svg.close()
        svg.open("ch-y-axis")
        for (rowIndex, name) in names.enumerated() {
            svg.text(name, x: left - 8, y: top + cellHeight * (Double(rowIndex) + 0.5) + 5, size: Theme.tickFont, anchor: .end, cls: "ch-muted")
        }
        svg.close()
        let labels = columnLabels
        let widest = labels.map { TextMetrics.width($0, size: Theme.tickFont) }.max() ?? 0
        let every = max(1, Int(((widest + 8) / max(cellWidth, 1)).rounded(.up)))
        svg.open("ch-x-axis")
        for (column, label) in labels.enumerated() where column % every == 0 {
            svg.clampedText(label, x: left + cellWidth * (Double(column) + 0.5), y: bottom + 21, size: Theme.tickFont,
                            anchor: .middle, cls: "ch-muted")
        }
        svg.close()
        svg.clampedText(spec.x.label, x: (left + right) / 2, y: height - 8, size: Theme.labelFont, anchor: .middle, cls: "ch-strong")
        return svg.document(id: id, height: height, spec: spec)
    }

    /// "Label  lo ▢▢▢▢▢▢▢ hi" along the top.
    static func drawLegend(_ spec: ChartSpec, lo: Double, hi: Double, into svg: inout SVGWriter) {
        svg.open("ch-legend")
        var x = Theme.edge
        if !spec.y.label.isEmpty {
            let title = TextMetrics.truncate(spec.y.label, to: 300, size: Theme.labelFont, bold: true)
            svg.text(title, x: x, y: 20, size: Theme.labelFont, cls: "ch-strong")
            x += TextMetrics.width(title, size: Theme.labelFont, bold: true) + 14
        }
        let low = spec.y.format.string(for: lo, numbers: spec.language.numbers), high = spec.y.format.string(for: hi, numbers: spec.language.numbers)
        svg.text(low, x: x, y: 20, size: Theme.tickFont, cls: "ch-muted")
        x += TextMetrics.width(low, size: Theme.tickFont) + 6
        for step in 0..<Theme.heatSteps {
            svg.rect(x, 8, 22, 16, cls: "ch-q\(step)")
            x += 22
        }
        svg.text(high, x: x + 6, y: 20, size: Theme.tickFont, cls: "ch-muted")
        svg.close()
    }
}
