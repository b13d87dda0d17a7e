/// Renders `spec` as a standalone, accessible SVG document; every id inside it starts with `id`.
///
/// `id` must be lowercase letters, digits and hyphens. Colours come from CSS custom properties
/// (`--chart-1` … `--chart-8`, `--chart-axis`, `--chart-grid`, `--chart-text`, `--chart-annotation`, `--chart-bg`).
public func renderSVG(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
    try Validate.id(id)
    switch spec.kind {
    case .line, .area, .stackedArea: return try LineChart.render(spec, id: id)
    case .bar, .groupedBar, .stackedBar: return try BarChart.render(spec, id: id)
    case .horizontalBar: return try HorizontalBarChart.render(spec, id: id)
    case .waterfall: return try WaterfallChart.render(spec, id: id)
    case .histogram: return try HistogramChart.render(spec, id: id)
    case .flow: return try FlowChart.render(spec, id: id)
    case .heatmap: return try HeatmapChart.render(spec, id: id)
    case .smallMultiples: return try SmallMultiplesChart.render(spec, id: id)
    }
}
