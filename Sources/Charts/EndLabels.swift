/// A series name placed at the right end of its line (or beside its layer of a stacked bar).
struct EndLabel: Equatable {
    /// `reference`: a value line's label, beside the plot where the line ends (a short dashed stroke).
    enum Mark: Equatable { case line, box, reference, none }
    var name: String
    var color: Int
    var y: Double
    var mark: Mark = .line
    /// Drawn faint: a series shown only for comparison (its `color`, if not 0, gives only its dashes).
    var muted = false
    /// Left edge of the label's mark; nil puts it just right of the plot.
    var x: Double? = nil
}

/// Direct labels to the right of the plot, spread apart so they never overlap.
enum EndLabels {
    static let spacing = 17.0
    static let maxWidth = 170.0

    /// On a phone-width chart (`canvas` under 500 px) a label wider than this is wrapped onto two lines, so the
    /// plot keeps most of the width (Fig 9.3's "Others follow partly" took half of it).
    static let narrowWrap = 100.0

    /// On a phone-width chart, a value line's label beside the plot ("Fair value") wraps wider than this, so the
    /// plot gives up as little width as it can.
    static let narrowReferenceWrap = 60.0

    /// The lines of a label drawn on a chart `canvas` px wide (`wrap`: the width past which it wraps on a phone).
    static func lines(_ name: String, canvas: Double, wrap: Double = narrowWrap) -> [String] {
        guard canvas < 500, TextMetrics.width(name, size: Theme.labelFont) > wrap else { return [name] }
        // A name that needs more than two lines stays whole (too wide: the chart takes a legend instead).
        let wrapped = TextMetrics.wrap(name, to: wrap, size: Theme.labelFont, maxLines: 10)
        return wrapped.count <= 2 ? wrapped : [name]
    }

    /// Width the right margin needs for `names` on a chart `canvas` px wide, or nil when they are too long (use a
    /// legend instead).
    static func marginWidth(_ names: [String], canvas: Double = .infinity, wrap: Double = narrowWrap) -> Double? {
        let widest = names.flatMap { lines($0, canvas: canvas, wrap: wrap) }.map { TextMetrics.width($0, size: Theme.labelFont) }.max() ?? 0
        return widest <= maxWidth ? widest + 34 : nil
    }

    /// Whether end labels for `names` would take more than a quarter of a phone-width chart (`canvas` under 500 px),
    /// even wrapped: such a chart names its lines in a legend and keeps the width for the plot.
    static func crowdsNarrowPlot(_ names: [String], canvas: Double) -> Bool {
        guard canvas < 500, let margin = marginWidth(names, canvas: canvas) else { return false }
        return margin > canvas / 4
    }

    /// Label centres for target positions `ys`, apart by half of each neighbour's lines (`lines`, one each when
    /// nil) times `spacing`, and within [top, bottom].
    static func spread(_ ys: [Double], top: Double, bottom: Double, lines: [Int]? = nil) -> [Double] {
        let order = ys.indices.sorted { (ys[$0], $0) < (ys[$1], $1) }
        let half = order.map { Double((lines?[$0] ?? 1) - 1) * spacing / 2 }
        var placed = order.map { ys[$0] }
        for index in placed.indices {
            placed[index] = max(placed[index], top + half[index])
            if index > 0 { placed[index] = max(placed[index], placed[index - 1] + half[index - 1] + spacing + half[index]) }
        }
        if let last = placed.last, last + half[half.count - 1] > bottom {
            placed[placed.count - 1] = bottom - half[half.count - 1]
            for index in stride(from: placed.count - 2, through: 0, by: -1) {
                placed[index] = min(placed[index], placed[index + 1] - half[index + 1] - spacing - half[index])
            }
        }
        var result = ys
        for (rank, original) in order.enumerated() { result[original] = placed[rank] }
        return result
    }

    /// Draws the labels at `x` (left edge of the mark), centred vertically on their spread positions.
    static func draw(_ labels: [EndLabel], x: Double, frame: Frame, into svg: inout SVGWriter) {
        guard !labels.isEmpty else { return }
        let texts = labels.map { lines($0.name, canvas: svg.width, wrap: $0.mark == .reference ? narrowReferenceWrap : narrowWrap) }
        let ys = spread(labels.map(\.y), top: frame.top, bottom: frame.bottom - 2, lines: texts.map(\.count))
        svg.open("ch-end-labels")
        for ((label, y), names) in zip(zip(labels, ys), texts) {
            let left = label.x ?? x
            // The mark beside the first line; a two-line label is centred on its place.
            let baseline = max(y + 5 - Double(names.count - 1) * spacing / 2, Theme.labelFont)
            switch label.mark {
            case .line:
                // The swatch keeps its line's dashes, highlighted or faint: a scenario reads the same in every figure
                // (Fig 11.2's dashed "Base" had a solid swatch).
                svg.line(left, baseline - 5, left + 11, baseline - 5,
                         cls: label.muted ? "ch-line ch-ghost-line" + (label.color > 0 ? " ch-d\(label.color)" : "")
                            : "ch-line ch-k\(label.color) ch-d\(label.color)")
            case .box:
                svg.rect(left, baseline - 11, 11, 11, cls: "ch-bar ch-f\(label.color)")
            case .reference:
                // At the value line's own height, between the lines of a wrapped label.
                svg.line(left - 8, y, left + 11, y, cls: "ch-ref")
            case .none:
                break
            }
            for (index, line) in names.enumerated() {
                let text = TextMetrics.truncate(line, to: svg.width - Theme.edge - left - 16, size: Theme.labelFont)
                svg.text(text, x: left + 16, y: baseline + Double(index) * spacing, size: Theme.labelFont,
                         cls: label.muted ? "ch-muted" : "ch-text")
            }
        }
        svg.close()
    }
}
