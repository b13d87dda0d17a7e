/// A waterfall: one series of signed steps (each bar floats from the running level), and total bars where the data
/// asks for them.
///
/// A category named in `ChartSpec.totals` is a total: a full bar from zero to the running level. Its value must equal
/// the sum of the steps before it (or be left empty to have it computed). A total as the first row sets the starting
/// level ("Interest collected: 8", then the steps that spend it). Nothing is appended that the data does not contain.
enum WaterfallChart {
    /// One drawn bar: from and to levels, and whether it is a total.
    struct Step: Equatable {
        var from: Double
        var to: Double
        var isTotal: Bool
    }

    /// The bars of a waterfall series; totals named in `totals` start at zero, and a missing total value is computed.
    static func steps(_ series: ChartSeries, labels: [String], totals: [String]) -> [Step] {
        var level = 0.0
        var result: [Step] = []
        for (index, value) in series.y.enumerated() {
            let isTotal = index < labels.count && totals.contains(labels[index])
            if isTotal {
                level = value.isFinite ? value : level
                result.append(Step(from: 0, to: level, isTotal: true))
            } else {
                let delta = value.isFinite ? value : 0
                result.append(Step(from: level, to: level + delta, isTotal: false))
                level += delta
            }
        }
        return result
    }

    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        let labels = try Validate.categories(spec)
        guard spec.series.count == 1 else {
            throw .unsupported(kind: .waterfall, reason: "draws exactly one series of steps, got \(spec.series.count)")
        }
        if spec.y.scale == .log { throw .unsupported(kind: .waterfall, reason: "steps go up and down, so the y axis cannot use a log scale") }
        let series = spec.series[0]
        try checkTotals(series, labels: labels, totals: spec.totals)
        let bars = steps(series, labels: labels, totals: spec.totals)
        let xValues = series.x.count == labels.count ? series.x : []
        let chart = CartesianChart(spec: spec, id: id, xPlan: .bands(labels, xValues: xValues),
                                   yValues: bars.flatMap { [$0.from, $0.to] },
                                   includeZeroY: true, bandPadding: 0.3, headroom: 0.08)
        let format = spec.y.format
        let values = bars.map { $0.isTotal ? $0.to : $0.to - $0.from }
        let texts = format.labels(for: values, significant: spec.labelDigits, numbers: spec.language.numbers)
        return try chart.render { svg, context in
            guard let band = context.band else { return [] }
            let fits = texts.allSatisfy { TextMetrics.width("+" + $0, size: Theme.annotationFont) <= band.step - 2 }
            // Falling steps are labelled below their bars, all of them: when one would reach the axis there, all of
            // them are labelled above, so no "−0.55" alone reads as belonging to the bar above it.
            let allAbove = bars.contains { bar in
                guard !bar.isTotal, bar.to < bar.from, let a = context.y.clamped(bar.from), let b = context.y.clamped(bar.to) else { return false }
                return max(a, b) + 17 > context.frame.bottom - 3
            }
            for (index, bar) in bars.enumerated() {
                guard let a = context.y.clamped(bar.from), let b = context.y.clamped(bar.to) else { continue }
                let cls = bar.isTotal ? "ch-total" : (bar.to >= bar.from ? "ch-up" : "ch-down")
                svg.rect(band.start(index), min(a, b), band.bandwidth, max(abs(a - b), 1), cls: "ch-bar \(cls)")
                if index + 1 < bars.count, let next = context.y.clamped(bar.to) {
                    svg.line(band.start(index) + band.bandwidth, next, band.start(index + 1), next, cls: "ch-axis ch-d2")
                }
                guard fits else { continue }
                var text = texts[index]
                if !bar.isTotal, bar.to > bar.from, format != .months { text = "+" + text }
                let rising = bar.isTotal ? bar.to >= 0 : bar.to >= bar.from
                // A label goes below a falling bar, unless that (for any falling bar) would reach the axis: then above.
                let below = max(a, b) + 17
                let y = rising || allAbove || below > context.frame.bottom - 3 ? max(min(a, b) - 6, context.frame.top + 12) : below
                svg.text(text, x: band.center(index), y: y, size: Theme.annotationFont, anchor: .middle,
                         cls: bar.isTotal ? "ch-strong ch-halo" : "ch-halo")
            }
            return []
        }
    }

    /// Every named total is a category, and a given total equals the steps before it (to the labels' precision).
    static func checkTotals(_ series: ChartSeries, labels: [String], totals: [String]) throws(ChartError) {
        for name in totals where !labels.contains(name) {
            throw .unknownCategory(key: "totals", name: name, kind: .waterfall, categories: labels)
        }
        var level = 0.0
        for (index, value) in series.y.enumerated() {
            guard totals.contains(labels[index]) else {
                if value.isFinite { level += value }
                continue
            }
            defer { if value.isFinite { level = value } }
            guard index > 0, value.isFinite else { continue }
            let tolerance = 0.005 * max(abs(level), abs(value), 1e-9)
            if abs(value - level) > tolerance {
                throw .unsupported(kind: .waterfall, reason: "the total '\(labels[index])' is "
                    + "\(ValueFormat.number.string(for: value)), but the steps before it add up to "
                    + "\(ValueFormat.number.string(for: level)); correct one of them, or leave the total's value empty "
                    + "to have it computed")
            }
        }
    }
}
