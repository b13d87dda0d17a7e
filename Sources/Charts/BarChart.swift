/// Vertical bar, grouped-bar and stacked-bar charts over category bands.
enum BarChart {
    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        let labels = try Validate.categories(spec)
        let stacked = spec.kind == .stackedBar
        let series = spec.series
        let count = labels.count
        var stackTops: [Double] = [], stackBottoms: [Double] = []
        if stacked {
            stackTops = (0..<count).map { index in series.map { $0.y[index] }.filter { $0.isFinite && $0 > 0 }.reduce(0, +) }
            stackBottoms = (0..<count).map { index in series.map { $0.y[index] }.filter { $0.isFinite && $0 < 0 }.reduce(0, +) }
        }
        let values = stacked ? stackTops + stackBottoms : series.flatMap(\.y)
        let legend = series.count > 1
            ? series.enumerated().map { LegendEntry(name: $1.name, color: Theme.color($0), mark: .box) } : []
        let xValues = series[0].x.count == count ? series[0].x : []
        let chart = CartesianChart(spec: spec, id: id, xPlan: .bands(labels, xValues: xValues), yValues: values,
                                   includeZeroY: true, legend: legend,
                                   bandPadding: series.count > 1 && !stacked ? 0.25 : 0.3, headroom: 0.08)
        return try chart.render { svg, context in
            guard let band = context.band else { return [] }
            let base = context.y.baseline
            if stacked {
                drawStacks(series, band: band, context: context, format: spec.y.format, tops: stackTops, into: &svg)
                return []
            }
            let groups = Double(series.count)
            let width = band.bandwidth / groups
            let fits = labelsFit(series.flatMap(\.y), format: spec.y.format, width: width + 6)
            for (seriesIndex, item) in series.enumerated() {
                let color = series.count > 1 ? Theme.color(seriesIndex) : 1
                for (index, value) in item.y.enumerated() {
                    guard let y = context.y.clamped(value) else { continue }
                    let x = band.start(index) + width * Double(seriesIndex)
                    svg.rect(x + 1, min(y, base), width - 2, abs(base - y), cls: "ch-bar ch-f\(color)")
                    guard fits else { continue }
                    let above = value >= 0 || context.y.type == .log
                    let labelY = above ? max(min(y, base) - 6, context.frame.top + 12) : min(max(y, base) + 17, context.frame.bottom + 14)
                    svg.text(spec.y.format.string(for: value), x: x + width / 2, y: labelY,
                             size: Theme.annotationFont, anchor: .middle, cls: "ch-halo")
                }
            }
            return []
        }
    }

    /// Value labels are shown only when every one of them fits its bar's width.
    static func labelsFit(_ values: [Double], format: ValueFormat, width: Double) -> Bool {
        values.count <= 40 && values.allSatisfy { TextMetrics.width(format.string(for: $0), size: Theme.annotationFont) <= width }
    }

    static func drawStacks(_ series: [ChartSeries], band: BandScale, context: PlotContext, format: ValueFormat,
                           tops: [Double], into svg: inout SVGWriter) {
        for index in 0..<band.count {
            var positive = 0.0, negative = 0.0
            for (seriesIndex, item) in series.enumerated() {
                let value = item.y[index]
                guard value.isFinite, value != 0 else { continue }
                let start = value > 0 ? positive : negative
                let end = start + value
                if value > 0 { positive = end } else { negative = end }
                guard let a = context.y.clamped(start), let b = context.y.clamped(end) else { continue }
                let top = min(a, b), height = abs(a - b)
                svg.rect(band.start(index), top, band.bandwidth, height, cls: "ch-bar ch-f\(Theme.color(seriesIndex))")
                let text = format.string(for: value)
                if height >= 17, TextMetrics.width(text, size: Theme.annotationFont) + 6 <= band.bandwidth {
                    svg.text(text, x: band.center(index), y: top + height / 2 + 5, size: Theme.annotationFont,
                             anchor: .middle, cls: "ch-on-dark")
                }
            }
            let total = format.string(for: tops[index])
            if let y = context.y.clamped(tops[index]), TextMetrics.width(total, size: Theme.annotationFont) <= band.step - 4 {
                svg.text(total, x: band.center(index), y: max(y - 6, context.frame.top + 12), size: Theme.annotationFont,
                         anchor: .middle, cls: "ch-strong ch-halo")
            }
        }
    }
}
