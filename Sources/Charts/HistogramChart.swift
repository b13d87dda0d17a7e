/// A histogram: one series of bins (x = bin centres, equally spaced; y = count or probability).
enum HistogramChart {
    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        try Validate.xySeries(spec)
        guard spec.series.count == 1 else {
            throw .unsupported(kind: .histogram, reason: "draws exactly one series of bins, got \(spec.series.count)")
        }
        let series = spec.series[0]
        let xs = series.x.filter(\.isFinite).sorted()
        let gaps = zip(xs.dropFirst(), xs).map { $0 - $1 }.filter { $0 > 0 }
        let width = gaps.min() ?? 1
        let edges = xs.flatMap { [$0 - width / 2, $0 + width / 2] }
        let chart = CartesianChart(spec: spec, id: id, xPlan: .values(edges, includeZero: false), yValues: series.y,
                                   includeZeroY: true)
        return try chart.render { svg, context in
            guard let scale = context.x else { return [] }
            let base = context.y.baseline
            for (x, y) in zip(series.x, series.y) {
                guard let left = scale.position(x - width / 2), let right = scale.position(x + width / 2),
                      let top = context.y.clamped(y) else { continue }
                svg.rect(left, min(top, base), right - left, abs(base - top), cls: "ch-bar ch-f1")
            }
            return []
        }
    }
}
