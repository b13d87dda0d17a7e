/// One line of text of a diagram or steps chart, where it is drawn and the box it takes.
struct PlacedText {
    enum Role { case label, note, arrowLabel, number }
    var text: String
    var role: Role
    /// The line's anchor point (its centre, or its start for left-aligned text) and its baseline.
    var x: Double
    var anchor: TextAnchor
    var baseline: Double
    /// The line's box: as wide as the text is estimated, as tall as its line.
    var rect: DiagramLayout.Rect

    var size: Double { role == .label || role == .number ? Theme.labelFont : Theme.annotationFont }

    /// A line centred on `x` (or starting at `x`) in the line box starting at `top`, `lineHeight` tall.
    init(_ text: String, role: Role, x: Double, top: Double, lineHeight: Double, anchor: TextAnchor = .middle) {
        self.text = text
        self.role = role
        self.x = x
        self.anchor = anchor
        let size = role == .label || role == .number ? Theme.labelFont : Theme.annotationFont
        let width = TextMetrics.width(text, size: size, bold: role == .label || role == .number)
        // The baseline sits so the glyphs (about 1.15 em tall, 0.9 em above the baseline) are centred in the line.
        baseline = top + (lineHeight - 1.15 * size) / 2 + 0.9 * size
        rect = DiagramLayout.Rect(x: anchor == .start ? x : x - width / 2, y: top, width: width, height: lineHeight)
    }

    /// The SVG class: labels semi-bold, notes muted, arrow labels haloed so they read over the arrows.
    var cls: String {
        switch role {
        case .label: "ch-strong"
        case .number: "ch-strong ch-on-dark"
        case .note: "ch-muted"
        case .arrowLabel: "ch-halo"
        }
    }

    func draw(_ svg: inout SVGWriter) {
        svg.text(text, x: x, y: baseline, size: size, anchor: anchor, cls: cls)
    }
}

extension DiagramLayout {
    /// Every line of text: labels and notes centred in their boxes, arrow labels in the gaps.
    var texts: [PlacedText] {
        var out: [PlacedText] = []
        for box in boxes {
            let middle = box.frame.x + box.frame.width / 2
            for (index, line) in box.label.enumerated() {
                out.append(PlacedText(line, role: .label, x: middle, top: Self.labelTop(box, index), lineHeight: Self.labelLine))
            }
            for (index, line) in box.note.enumerated() {
                out.append(PlacedText(line, role: .note, x: middle, top: Self.noteTop(box, index), lineHeight: Self.noteLine))
            }
        }
        for label in labels {
            let middle = label.frame.x + label.frame.width / 2
            for (index, line) in label.lines.enumerated() {
                out.append(PlacedText(line, role: .arrowLabel, x: middle, top: label.frame.y + Double(index) * Self.arrowLine,
                                      lineHeight: Self.arrowLine))
            }
        }
        return out
    }
}
