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
    enum Mark: Equatable { case line, box, ghost, point }
    var name: String
    /// Palette colour of a line or box; for a ghost, the series colour whose dashes its grey swatch takes (0: solid).
    var color: Int
    var mark: Mark
}

/// Legend rows above the plot, wrapped to the chart width. An entry too long for a whole row is wrapped onto two
/// lines (its row taller), never cut off.
enum Legend {
    static let rowHeight = 22.0
    static let lineStep = 17.0
    static let swatch = 22.0

    /// Entries placed in rows: (entry, x of the swatch, its text lines); each row as tall as its most lines.
    static func rows(_ entries: [LegendEntry], width: Double) -> [[(entry: LegendEntry, x: Double, lines: [String])]] {
        var rows: [[(entry: LegendEntry, x: Double, lines: [String])]] = []
        var current: [(entry: LegendEntry, x: Double, lines: [String])] = []
        var x = Theme.edge
        let maxText = width - 2 * Theme.edge - swatch - 6
        for entry in entries {
            let lines = TextMetrics.width(entry.name, size: Theme.labelFont) <= maxText
                ? [entry.name] : TextMetrics.wrap(entry.name, to: maxText, size: Theme.labelFont, maxLines: 2)
            let textWidth = lines.map { TextMetrics.width($0, size: Theme.labelFont) }.max() ?? 0
            let total = swatch + 6 + textWidth
            if !current.isEmpty, x + total > width - Theme.edge {
                rows.append(current)
                current = []
                x = Theme.edge
            }
            current.append((entry, x, lines))
            x += total + 18
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// The height of a row of entries.
    static func height(ofRow row: [(entry: LegendEntry, x: Double, lines: [String])]) -> Double {
        rowHeight + Double((row.map(\.lines.count).max() ?? 1) - 1) * lineStep
    }

    /// Height taken by the legend (0 without entries).
    static func height(_ entries: [LegendEntry], width: Double) -> Double {
        entries.isEmpty ? 0 : rows(entries, width: width).map { height(ofRow: $0) }.reduce(0, +) + 4
    }

    /// Draws the legend with its first row's top at `top`.
    static func draw(_ entries: [LegendEntry], top: Double, into svg: inout SVGWriter) {
        guard !entries.isEmpty else { return }
        svg.open("ch-legend")
        var rowTop = top
        for row in rows(entries, width: svg.width) {
            let baseline = rowTop + 15
            for (entry, x, lines) in row {
                switch entry.mark {
                case .line:
                    svg.line(x, baseline - 5, x + swatch, baseline - 5, cls: "ch-line ch-k\(entry.color) ch-d\(entry.color)")
                case .box:
                    svg.rect(x + 4, baseline - 12, 14, 14, cls: "ch-bar ch-f\(entry.color)")
                case .point:
                    svg.circle(x + swatch / 2, baseline - 5, 4, cls: "ch-dot ch-f\(entry.color)")
                case .ghost:
                    svg.line(x, baseline - 5, x + swatch, baseline - 5,
                             cls: "ch-line ch-ghost-line" + (entry.color > 0 ? " ch-d\(entry.color)" : ""))
                }
                for (index, line) in lines.enumerated() {
                    svg.text(line, x: x + swatch + 6, y: baseline + Double(index) * lineStep, size: Theme.labelFont)
                }
            }
            rowTop += height(ofRow: row)
        }
        svg.close()
    }
}
