/// Grid lines, ticks and tick labels.
enum Axes {
    /// Horizontal grid lines and left tick labels for a vertical value axis.
    static func drawY(_ axis: ValueAxis, scale: ContinuousScale, frame: Frame, into svg: inout SVGWriter,
                      labels: Bool = true) {
        svg.open("ch-y-axis")
        var lastLabel = Double.infinity
        for tick in axis.ticks {
            guard let y = scale.position(tick.value), frame.contains(y: y) else { continue }
            svg.line(frame.left, y, frame.right, y, cls: "ch-grid")
            // Every grid line stays; a label that would touch the one below it is left out.
            if labels, lastLabel - y >= Theme.tickFont + 3 {
                svg.text(tick.label, x: frame.left - 8, y: y + 5, size: Theme.tickFont, anchor: .end, cls: "ch-muted")
                lastLabel = y
            }
        }
        let base = axis.type == .linear && axis.lo < 0 && axis.hi > 0 ? (scale.position(0) ?? frame.bottom) : frame.bottom
        svg.line(frame.left, base, frame.right, base, cls: "ch-axis")
        svg.close()
    }

    /// Vertical grid lines and bottom tick labels for a horizontal value axis.
    static func drawX(_ axis: ValueAxis, scale: ContinuousScale, frame: Frame, into svg: inout SVGWriter,
                      grid: Bool = false) {
        svg.open("ch-x-axis")
        var lastEnd = -Double.infinity
        for tick in axis.ticks {
            guard let x = scale.position(tick.value), frame.contains(x: x) else { continue }
            if grid { svg.line(x, frame.top, x, frame.bottom, cls: "ch-grid") }
            svg.line(x, frame.bottom, x, frame.bottom + 5, cls: "ch-axis")
            // Labels that would touch the previous one are left out (log axes keep a grid line at every power of ten).
            let width = TextMetrics.width(tick.label, size: Theme.tickFont)
            guard x - width / 2 >= lastEnd + 8 else { continue }
            svg.clampedText(tick.label, x: x, y: frame.bottom + 21, size: Theme.tickFont, anchor: .middle, cls: "ch-muted")
            lastEnd = x + width / 2
        }
        if grid, axis.type == .linear, axis.lo < 0, axis.hi > 0, let zero = scale.position(0) {
            svg.line(zero, frame.top, zero, frame.bottom, cls: "ch-axis")
        }
        svg.close()
    }

    /// Category labels under bands, wrapped to two lines. When a label needs the room of two bands, the labels are
    /// staggered in two rows (every other one lower), so each keeps that room and none is left out; with even less
    /// room every n-th label is shown.
    static func drawBands(_ labels: [String], band: BandScale, frame: Frame, into svg: inout SVGWriter) {
        let lines = bandLabelLines(labels, band: band)
        let every = labelStride(labels, band: band)
        let staggered = every == 2
        let firstRow = rowLines(lines, row: 0, staggered: staggered)
        svg.open("ch-x-axis")
        for (index, label) in lines.enumerated() where staggered || index % every == 0 {
            let x = band.center(index)
            let lower = staggered && index % 2 == 1
            if lower { svg.line(x, frame.bottom + 6, x, frame.bottom + 8 + Double(firstRow) * 17, cls: "ch-grid") }
            for (lineIndex, line) in label.enumerated() {
                svg.clampedText(line, x: x, y: frame.bottom + 21 + Double(lineIndex + (lower ? firstRow : 0)) * 17,
                                size: Theme.tickFont, anchor: .middle, cls: "ch-muted")
            }
        }
        svg.close()
    }

    /// The most lines of a label in the first (even) or second (odd) row of staggered labels, or of all labels.
    static func rowLines(_ lines: [[String]], row: Int, staggered: Bool) -> Int {
        lines.enumerated().filter { !staggered || $0.offset % 2 == row }.map(\.element.count).max() ?? 1
    }

    /// Each category label split into lines that fit its band (at most three).
    static func bandLabelLines(_ labels: [String], band: BandScale) -> [[String]] {
        let room = max(band.step * Double(labelStride(labels, band: band)) - 8, 24)
        return labels.map { TextMetrics.wrap($0, to: room, size: Theme.tickFont, maxLines: 3) }
    }

    /// Show every n-th category label when even two lines per label do not fit.
    static func labelStride(_ labels: [String], band: BandScale) -> Int {
        let longestWord = labels.flatMap { TextMetrics.breakableWords($0) }.map { TextMetrics.width($0.word, size: Theme.tickFont) }.max() ?? 0
        let needed = min(longestWord, 160) + 8
        return max(1, Int((needed / max(band.step, 1)).rounded(.up)))
    }

    /// Number of text lines under the bands (for the bottom margin).
    static func bandLineCount(_ labels: [String], band: BandScale) -> Int {
        let lines = bandLabelLines(labels, band: band)
        guard labelStride(labels, band: band) == 2 else { return lines.map(\.count).max() ?? 1 }
        return rowLines(lines, row: 0, staggered: true) + rowLines(lines, row: 1, staggered: true)
    }
}
