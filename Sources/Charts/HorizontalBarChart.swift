/// Horizontal bars: categories down the left, values along the bottom; height grows with the categories.
enum HorizontalBarChart {
    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        let labels = try Validate.categories(spec)
        for annotation in spec.annotations {
            guard case .referenceLine(.y, _, _) = annotation else {
                throw .unsupported(kind: .horizontalBar, reason: "only y reference lines (drawn across the bars) are supported")
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
        let step = max(30, min(56, Double(groups) * 22 + 12))
        let plotBottom = plotTop + step * Double(labels.count)
        let height = max(160, plotBottom + 30 + (spec.y.label.isEmpty ? 0 : 22))

        let maxLabel = spec.width * 0.4
        let shown = labels.map { TextMetrics.truncate($0, to: maxLabel, size: Theme.tickFont) }
        let left = (shown.map { TextMetrics.width($0, size: Theme.tickFont) }.max() ?? 0) + 14
        let values = series.flatMap(\.y) + AnnotationLayer.yValues(spec.annotations)
        let format = spec.y.format
        let valueWidth = series.flatMap(\.y).map { TextMetrics.width(format.string(for: $0), size: Theme.annotationFont) }.max() ?? 0
        let right = spec.width - max(20, valueWidth + 10)
        let axis = try Ticks.horizontal(spec.y, values: values, axis: .y, length: right - left, includeZero: true)
        let frame = Frame(left: left, top: plotTop, right: right, bottom: plotBottom)
        let scale = axis.scale(from: left, to: right)
        let band = BandScale(count: labels.count, from: plotTop, to: plotBottom, padding: groups > 1 ? 0.2 : 0.3)

        var svg = SVGWriter(width: spec.width)
        Legend.draw(legend, top: 0, into: &svg)
        Axes.drawX(axis, scale: scale, frame: frame, into: &svg, grid: true)
        let base = scale.baseline
        svg.open("ch-marks")
        let thickness = band.bandwidth / Double(groups)
        for (seriesIndex, item) in series.enumerated() {
            let color = groups > 1 ? Theme.color(seriesIndex) : 1
            for (index, value) in item.y.enumerated() {
                guard let x = scale.clamped(value) else { continue }
                let y = band.start(index) + thickness * Double(seriesIndex)
                svg.rect(min(x, base), y + 1, abs(x - base), thickness - 2, cls: "ch-bar ch-f\(color)")
                let text = format.string(for: value)
                let end = value >= 0 || scale.type == .log
                let labelX = end ? max(x, base) + 5 : min(x, base) - 5
                if thickness >= 14 {
                    svg.clampedText(text, x: labelX, y: y + thickness / 2 + 5, size: Theme.annotationFont,
                                    anchor: end ? .start : .end, cls: "ch-halo")
                }
            }
        }
        svg.close()
        svg.open("ch-y-axis")
        for (index, label) in shown.enumerated() {
            svg.text(label, x: left - 8, y: band.center(index) + 5, size: Theme.tickFont, anchor: .end, cls: "ch-muted")
        }
        svg.line(base, plotTop, base, plotBottom, cls: "ch-axis")
        svg.close()
        let annotations = AnnotationLayer(annotations: spec.annotations, frame: frame,
                                          xPos: { band.from + band.step * ($0 + 0.5) }, yPos: { scale.position($0) },
                                          valueAxisIsHorizontal: true)
        annotations.drawForeground(into: &svg)
        AxisTitles.draw(spec, frame: frame, yBaseline: titleBaseline, height: height, into: &svg, horizontalValueAxis: true)
        return svg.document(id: id, width: spec.width, height: height, title: spec.title, description: Describe.text(spec))
    }
}
