/// A waterfall: one series of signed steps, then a total bar named after the series.
enum WaterfallChart {
    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        let steps = try Validate.categories(spec)
        guard spec.series.count == 1 else {
            throw .unsupported(kind: .waterfall, reason: "draws exactly one series of steps, got \(spec.series.count)")
        }
        if spec.y.scale == .log { throw .unsupported(kind: .waterfall, reason: "steps go up and down, so the y axis cannot use a log scale") }
        let series = spec.series[0]
        let deltas = series.y.map { $0.isFinite ? $0 : 0 }
        var levels = [0.0]
        for delta in deltas { levels.append(levels[levels.count - 1] + delta) }
        let total = levels[levels.count - 1]
        let labels = steps + [series.name.isEmpty ? "Total" : series.name]
        let xValues = series.x.count == steps.count ? series.x : []
        let chart = CartesianChart(spec: spec, id: id, xPlan: .bands(labels, xValues: xValues), yValues: levels,
                                   includeZeroY: true, bandPadding: 0.3, headroom: 0.08)
        let format = spec.y.format
        return try chart.render { svg, context in
            guard let band = context.band else { return [] }
            let fits = BarChart.labelsFit(deltas + [total], format: format, width: band.step - 2)
            for index in 0...deltas.count {
                let isTotal = index == deltas.count
                let from = isTotal ? 0 : levels[index], to = isTotal ? total : levels[index + 1]
                guard let a = context.y.clamped(from), let b = context.y.clamped(to) else { continue }
                let cls = isTotal ? "ch-total" : (to >= from ? "ch-up" : "ch-down")
                svg.rect(band.start(index), min(a, b), band.bandwidth, max(abs(a - b), 1), cls: "ch-bar \(cls)")
                if !isTotal, let next = context.y.clamped(to) {
                    svg.line(band.start(index) + band.bandwidth, next, band.start(index + 1), next, cls: "ch-axis ch-d2")
                }
                guard fits else { continue }
                let value = isTotal ? total : deltas[index]
                var text = format.string(for: value)
                if !isTotal, value > 0, format != .month { text = "+" + text }
                let rising = isTotal ? total >= 0 : to >= from
                let y = rising ? max(min(a, b) - 6, context.frame.top + 12) : min(max(a, b) + 17, context.frame.bottom + 14)
                svg.text(text, x: band.center(index), y: y, size: Theme.annotationFont, anchor: .middle,
                         cls: isTotal ? "ch-strong ch-halo" : "ch-halo")
            }
            return []
        }
    }
}
