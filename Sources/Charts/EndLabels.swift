/// A series name placed at the right end of its line.
struct EndLabel: Equatable {
    var name: String
    var color: Int
    var y: Double
}

/// Direct labels to the right of the plot, spread apart so they never overlap.
enum EndLabels {
    static let spacing = 17.0
    static let maxWidth = 170.0

    /// Width the right margin needs for `names`, or nil when they are too long (use a legend instead).
    static func marginWidth(_ names: [String]) -> Double? {
        let widest = names.map { TextMetrics.width($0, size: Theme.labelFont) }.max() ?? 0
        return widest <= maxWidth ? widest + 34 : nil
    }

    /// Label baselines for target positions `ys`, at least `spacing` apart and within [top, bottom].
    static func spread(_ ys: [Double], top: Double, bottom: Double) -> [Double] {
        let order = ys.indices.sorted { (ys[$0], $0) < (ys[$1], $1) }
        var placed = order.map { ys[$0] }
        for index in placed.indices {
            placed[index] = max(placed[index], top)
            if index > 0 { placed[index] = max(placed[index], placed[index - 1] + spacing) }
        }
        if let last = placed.last, last > bottom {
            placed[placed.count - 1] = bottom
            for index in stride(from: placed.count - 2, through: 0, by: -1) {
                placed[index] = min(placed[index], placed[index + 1] - spacing)
            }
        }
        var result = ys
        for (rank, original) in order.enumerated() { result[original] = placed[rank] }
        return result
    }

    /// Draws the labels at `x` (left edge of the text), centred vertically on their spread positions.
    static func draw(_ labels: [EndLabel], x: Double, frame: Frame, into svg: inout SVGWriter) {
        guard !labels.isEmpty else { return }
        let ys = spread(labels.map(\.y), top: frame.top, bottom: frame.bottom - 2)
        svg.open("ch-end-labels")
        for (label, y) in zip(labels, ys) {
            let text = TextMetrics.truncate(label.name, to: svg.width - Theme.edge - x - 16, size: Theme.labelFont)
            let baseline = max(y + 5, Theme.labelFont)
            svg.line(x, baseline - 5, x + 11, baseline - 5, cls: "ch-line ch-k\(label.color)")
            svg.text(text, x: x + 16, y: baseline, size: Theme.labelFont, cls: "ch-text")
        }
        svg.close()
    }
}
