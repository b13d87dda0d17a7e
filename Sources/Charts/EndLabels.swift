/// A series name placed at the right end of its line (or beside its layer of a stacked bar).
struct EndLabel: Equatable {
    enum Mark: Equatable { case line, box, none }
    var name: String
    var color: Int
    var y: Double
    var mark: Mark = .line
    /// Drawn faint: a series shown only for comparison.
    var muted = false
    /// Left edge of the label's mark; nil puts it just right of the plot.
    var x: Double? = nil
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

    /// Draws the labels at `x` (left edge of the mark), centred vertically on their spread positions.
    static func draw(_ labels: [EndLabel], x: Double, frame: Frame, into svg: inout SVGWriter) {
        guard !labels.isEmpty else { return }
        let ys = spread(labels.map(\.y), top: frame.top, bottom: frame.bottom - 2)
        svg.open("ch-end-labels")
        for (label, y) in zip(labels, ys) {
            let left = label.x ?? x
            let text = TextMetrics.truncate(label.name, to: svg.width - Theme.edge - left - 16, size: Theme.labelFont)
            let baseline = max(y + 5, Theme.labelFont)
            switch label.mark {
            case .line:
                svg.line(left, baseline - 5, left + 11, baseline - 5,
                         cls: label.muted ? "ch-line ch-ghost-line" : "ch-line ch-k\(label.color)")
            case .box:
                svg.rect(left, baseline - 11, 11, 11, cls: "ch-bar ch-f\(label.color)")
            case .none:
                break
            }
            svg.text(text, x: left + 16, y: baseline, size: Theme.labelFont, cls: label.muted ? "ch-muted" : "ch-text")
        }
        svg.close()
    }
}
