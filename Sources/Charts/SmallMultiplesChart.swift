/// Small multiples: one line panel per series in a grid, sharing x and y scales; other series in grey behind.
enum SmallMultiplesChart {
    static let gap = 24.0
    static let plotHeight = 120.0

    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        try Validate.xySeries(spec)
        let series = spec.series
        let columns = series.count == 1 ? 1 : series.count <= 4 ? 2 : 3
        let rows = (series.count + columns - 1) / columns
        let ys = series.flatMap(\.y) + AnnotationLayer.yValues(spec.annotations)
        let finite = ys.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        let includeZero = lo >= 0 && lo <= hi / 2
        try AnnotationLayer.checkNearData(spec.annotations, kind: spec.kind, x: spec.x, xData: series.flatMap(\.x), y: spec.y,
                                          yData: series.flatMap(\.y) + (includeZero ? [0] : []))
        let yAxis = try Ticks.axis(spec.y, values: ys, axis: .y, target: 3, includeZero: includeZero,
                                   numbers: spec.language.numbers)
        let inset = (yAxis.ticks.map { TextMetrics.width($0.label, size: Theme.tickFont) }.max() ?? 0) + 12
        let slot = (spec.width - gap * Double(columns - 1)) / Double(columns)
        let xAxis = try Ticks.horizontal(spec.x, values: series.flatMap(\.x) + AnnotationLayer.xValues(spec.annotations),
                                         axis: .x, length: slot - inset - 8, includeZero: false, tight: true,
                                         numbers: spec.language.numbers)
        let lanes = Double(AnnotationLayer.laneRows(spec.annotations))
        let top = spec.y.label.isEmpty ? 4.0 : 28.0
        let panelHeight = 22 + lanes * AnnotationLayer.laneHeight + (lanes > 0 ? 8 : 0) + 8 + plotHeight + 32
        let height = top + panelHeight * Double(rows) + (spec.x.label.isEmpty ? 0 : 24)

        var svg = SVGWriter(width: spec.width)
        for (index, item) in series.enumerated() {
            let column = index % columns, row = index / columns
            let slotLeft = Double(column) * (slot + gap), slotTop = top + Double(row) * panelHeight
            let plotTop = slotTop + 22 + lanes * AnnotationLayer.laneHeight + (lanes > 0 ? 8 : 0) + 8
            let frame = Frame(left: slotLeft + inset, top: plotTop, right: slotLeft + slot - 8, bottom: plotTop + plotHeight)
            let xScale = xAxis.scale(from: frame.left, to: frame.right), yScale = yAxis.scale(from: frame.bottom, to: frame.top)
            let context = PlotContext(frame: frame, x: xScale, band: nil, y: yScale, xPos: { xScale.position($0) })
            svg.open("ch-panel")
            svg.clampedText(item.name, x: slotLeft, y: slotTop + 16, size: Theme.labelFont, anchor: .start, cls: "ch-strong",
                            minX: max(slotLeft, Theme.edge), maxX: min(slotLeft + slot, spec.width - Theme.edge))
            Axes.drawY(yAxis, scale: yScale, frame: frame, into: &svg, labels: true)
            let annotations = AnnotationLayer(annotations: spec.annotations, frame: frame, xPos: context.xPos,
                                              yPos: { yScale.position($0) })
            annotations.drawBackground(into: &svg)
            svg.raw("<clipPath id=\"\(id)-p\(index + 1)\"><rect x=\"\(svgNumber(frame.left - 5))\" y=\"\(svgNumber(frame.top - 5))\" "
                + "width=\"\(svgNumber(frame.width + 10))\" height=\"\(svgNumber(frame.height + 10))\"/></clipPath>")
            svg.open("ch-marks", extra: "clip-path=\"url(#\(id)-p\(index + 1))\"")
            for (otherIndex, other) in series.enumerated() where otherIndex != index {
                var path = PathData()
                for segment in LineChart.segments(LineChart.points(Array(zip(other.x, other.y)), context)) {
                    for (pointIndex, point) in segment.compactMap({ $0 }).enumerated() {
                        if pointIndex == 0 { path.move(point.x, point.y) } else { path.line(point.x, point.y) }
                    }
                }
                svg.path(path, cls: "ch-ghost")
            }
            LineChart.drawLine(LineChart.points(Array(zip(item.x, item.y)), context), color: 1, dots: item.x.count <= 12, into: &svg)
            svg.close()
            Axes.drawX(xAxis, scale: xScale, frame: frame, into: &svg)
            annotations.drawForeground(into: &svg)
            svg.close()
        }
        AxisTitles.draw(spec, frame: Frame(left: 0, top: 0, right: spec.width, bottom: height), yBaseline: 16,
                        height: height, into: &svg)
        return svg.document(id: id, height: height, spec: spec)
    }
}
