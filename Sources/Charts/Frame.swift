/// A rectangle in SVG pixels (the plot area of a chart or panel).
struct Frame: Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
    var midX: Double { (left + right) / 2 }
    var midY: Double { (top + bottom) / 2 }

    func contains(y: Double) -> Bool { y >= top - 0.5 && y <= bottom + 0.5 }
    func contains(x: Double) -> Bool { x >= left - 0.5 && x <= right + 0.5 }
}

/// One legend entry: a line sample (with the series' dash pattern) or a filled box.
struct LegendEntry: Equatable {
    enum Mark: Equatable { case line, box, ghost }
    var name: String
    var color: Int
    var mark: Mark
}

/// Legend rows above the plot, wrapped to the chart width.
enum Legend {
    static let rowHeight = 22.0
    static let swatch = 22.0

    /// Entries placed in rows: (entry, x of the swatch).
    static func rows(_ entries: [LegendEntry], width: Double) -> [[(LegendEntry, Double)]] {
        var rows: [[(LegendEntry, Double)]] = []
        var current: [(LegendEntry, Double)] = []
        var x = Theme.edge
        let maxText = width - 2 * Theme.edge - swatch - 6
        for entry in entries {
            let textWidth = min(TextMetrics.width(entry.name, size: Theme.labelFont), maxText)
            let total = swatch + 6 + textWidth
            if !current.isEmpty, x + total > width - Theme.edge {
                rows.append(current)
                current = []
                x = Theme.edge
            }
            current.append((entry, x))
            x += total + 18
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// Height taken by the legend (0 without entries).
    static func height(_ entries: [LegendEntry], width: Double) -> Double {
        entries.isEmpty ? 0 : Double(rows(entries, width: width).count) * rowHeight + 4
    }

    /// Draws the legend with its first row's top at `top`.
    static func draw(_ entries: [LegendEntry], top: Double, into svg: inout SVGWriter) {
        guard !entries.isEmpty else { return }
        svg.open("ch-legend")
        for (rowIndex, row) in rows(entries, width: svg.width).enumerated() {
            let baseline = top + Double(rowIndex) * rowHeight + 15
            for (entry, x) in row {
                switch entry.mark {
                case .line:
                    svg.line(x, baseline - 5, x + swatch, baseline - 5, cls: "ch-line ch-k\(entry.color) ch-d\(entry.color)")
                case .box:
                    svg.rect(x + 4, baseline - 12, 14, 14, cls: "ch-bar ch-f\(entry.color)")
                case .ghost:
                    svg.line(x, baseline - 5, x + swatch, baseline - 5, cls: "ch-line ch-ghost-line")
                }
                let maxText = svg.width - Theme.edge - (x + swatch + 6)
                svg.text(TextMetrics.truncate(entry.name, to: maxText, size: Theme.labelFont),
                         x: x + swatch + 6, y: baseline, size: Theme.labelFont)
            }
        }
        svg.close()
    }
}
