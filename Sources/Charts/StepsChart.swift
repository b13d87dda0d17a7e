/// Numbered `steps` in order, top to bottom: a numbered dot per step, joined by arrows, beside the step's label
/// and note. On a phone the note goes under the label; on a page (a canvas of `sideBySide` or more) the note sits in
/// its own column beside the label, so the list uses the page's width instead of a narrow column. Nothing is to scale.
enum StepsChart {
    static let margin = 4.0, maxWidth = 640.0
    static let radius = 14.0, numberColumn = 40.0, gap = 22.0
    /// From this canvas width on, a step's note is set beside its label; the label column takes `labelShare` of it.
    static let sideBySide = 560.0, labelShare = 0.4, columnGap = 16.0

    /// Where each step's box, dot and text go on a canvas `width` wide.
    struct Layout {
        var boxes: [DiagramLayout.Rect] = []
        var dots: [(x: Double, y: Double)] = []
        var texts: [PlacedText] = []
        var height = 0.0

        init(_ diagram: Diagram, width: Double) throws(ChartError) {
            let content = min(width - 2 * StepsChart.margin, StepsChart.maxWidth)
            let start = (width - content) / 2
            let boxX = start + StepsChart.numberColumn, boxWidth = content - StepsChart.numberColumn
            let inner = boxWidth - 2 * DiagramLayout.padX
            let beside = width >= StepsChart.sideBySide
            let labelWidth = beside ? (inner * StepsChart.labelShare).rounded(.down) : inner
            let noteWidth = beside ? inner - labelWidth - StepsChart.columnGap : inner
            var y = StepsChart.margin
            for (index, step) in diagram.nodes.enumerated() {
                let label = try DiagramLayout.wrap(step.label, width: labelWidth, size: Theme.labelFont, bold: true, kind: .steps, canvas: width)
                let note = step.note.isEmpty ? [] : try DiagramLayout.wrap(step.note, width: noteWidth, size: Theme.annotationFont,
                                                                            bold: false, kind: .steps, canvas: width)
                let content = beside
                    ? max(Double(label.count) * DiagramLayout.labelLine, Double(note.count) * DiagramLayout.labelLine)
                    : DiagramLayout.contentHeight(labelLines: label.count, noteLines: note.count)
                let height = max(content + 2 * DiagramLayout.padY, 2 * StepsChart.radius + 8)
                let box = DiagramLayout.Rect(x: boxX, y: y, width: boxWidth, height: height)
                boxes.append(box)
                let top = y + (height - content) / 2
                let dot = (x: start + StepsChart.radius + 2, y: top + DiagramLayout.labelLine / 2)
                dots.append(dot)
                texts.append(PlacedText("\(index + 1)", role: .number, x: dot.x, top: dot.y - DiagramLayout.labelLine / 2,
                                        lineHeight: DiagramLayout.labelLine))
                let textX = boxX + DiagramLayout.padX
                for (line, text) in label.enumerated() {
                    texts.append(PlacedText(text, role: .label, x: textX, top: top + Double(line) * DiagramLayout.labelLine,
                                            lineHeight: DiagramLayout.labelLine, anchor: .start))
                }
                // Beside the label, a note line takes a label line's height, so both columns share their baselines.
                let noteX = beside ? textX + labelWidth + StepsChart.columnGap : textX
                let noteTop = beside ? top : top + Double(label.count) * DiagramLayout.labelLine + DiagramLayout.noteGap
                let noteLine = beside ? DiagramLayout.labelLine : DiagramLayout.noteLine
                for (line, text) in note.enumerated() {
                    texts.append(PlacedText(text, role: .note, x: noteX, top: noteTop + Double(line) * noteLine,
                                            lineHeight: noteLine, anchor: .start))
                }
                y += height + StepsChart.gap
            }
            height = y - StepsChart.gap + StepsChart.margin
        }
    }

    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        try Validate.diagram(spec)
        let layout = try Layout(spec.diagram, width: spec.width)
        var svg = SVGWriter(width: spec.width)
        // All the arrows in one path and all their heads in another: a chapter with many figures stays within its weight.
        var lines = PathData(), heads = PathData()
        for (a, b) in zip(layout.dots, layout.dots.dropFirst()) {
            lines.move(a.x, a.y + radius + 2)
            lines.line(b.x, b.y - radius - ArrowHead.length + 1)
            heads.append(ArrowHead.path(tipX: b.x, tipY: b.y - radius - 1, pointingDown: true))
        }
        svg.path(lines, cls: "ch-arrow")
        svg.path(heads, cls: "ch-head")
        // A timeline: numbered dots joined by arrows, each step's text beside its dot (no box: the rows' spacing
        // groups a label with its note, and a chapter of many figures stays within its weight).
        svg.open("ch-dots")
        for (dot, step) in zip(layout.dots, spec.diagram.nodes) {
            svg.circle(dot.x, dot.y, radius, cls: "ch-step-number" + (step.color.map { " ch-f\($0)" } ?? ""))
        }
        svg.close()
        svg.open("ch-texts")
        for text in layout.texts { text.draw(&svg) }
        svg.close()
        return svg.document(id: id, height: layout.height, spec: spec)
    }
}
