/// The values a chart's axes must reach to show its data: every x value of a continuous x axis, and the y values
/// after stacking (stack tops and bottoms, waterfall levels). Category positions are not values and are left out.
///
/// Figures with several variants take the union over the variants and pass it back as `AxisOptions.include`, so that
/// every variant is drawn on the same axes.
public func axisExtent(_ spec: ChartSpec) -> (x: [Double], y: [Double]) {
    let all = spec.series + spec.background
    let finite: ([Double]) -> [Double] = { values in
        let kept = values.filter(\.isFinite)
        guard let lo = kept.min(), let hi = kept.max() else { return [] }
        return [lo, hi]
    }
    switch spec.kind {
    case .line, .area, .smallMultiples, .histogram:
        return (finite(all.flatMap(\.x)), finite(all.flatMap(\.y)))
    case .stackedArea:
        var running: [Double: Double] = [:]
        var tops: [Double] = []
        for series in spec.series {
            for (x, y) in zip(series.x, series.y) where y.isFinite {
                running[x, default: 0] += y
                tops.append(running[x]!)
            }
        }
        return (finite(spec.series.flatMap(\.x)), finite(tops + [0]))
    case .bar, .groupedBar, .horizontalBar, .heatmap:
        return ([], finite(all.flatMap(\.y)))
    case .stackedBar:
        let count = spec.series.map(\.y.count).max() ?? 0
        let sums = (0..<count).flatMap { index -> [Double] in
            let values = spec.series.compactMap { $0.y.indices.contains(index) ? $0.y[index] : nil }.filter(\.isFinite)
            return [values.filter { $0 > 0 }.reduce(0, +), values.filter { $0 < 0 }.reduce(0, +)]
        }
        return ([], finite(sums))
    case .waterfall:
        guard let series = spec.series.first else { return ([], []) }
        let labels = series.categories ?? []
        return ([], finite(WaterfallChart.steps(series, labels: labels, totals: spec.totals).flatMap { [$0.from, $0.to] }))
    case .flow, .diagram, .steps:
        return ([], [])
    }
}
