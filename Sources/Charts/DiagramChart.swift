/// A schematic `diagram`: boxes with labels and notes, joined by labelled arrows, laid out by `DiagramLayout`.
/// No values are printed and nothing is to scale; an arrow that closes a loop points back up in colour 2.
enum DiagramChart {
    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        try Validate.diagram(spec)
        let layout = try DiagramLayout(spec.diagram, width: spec.width)
        var svg = SVGWriter(width: spec.width)
        svg.open("ch-arrows")
        for route in layout.routes {
            let back = route.pointsDown ? "" : " ch-k2"
            // A dashed arrow (a promise, not a payment) takes the dashes of series 2; its head stays solid.
            let dashed = spec.diagram.arrows.indices.contains(route.arrow) && spec.diagram.arrows[route.arrow].dashed ? " ch-d2" : ""
            svg.path(path(route), cls: "ch-arrow" + back + dashed)
            let tip = route.pointsDown ? route.points[route.points.count - 1] : route.points[0]
            svg.path(ArrowHead.path(tipX: tip.x, tipY: tip.y, pointingDown: route.pointsDown),
                     cls: "ch-head" + (route.pointsDown ? "" : " ch-f2"))
        }
        svg.close()
        svg.open("ch-boxes")
        for box in layout.boxes {
            let color = spec.diagram.nodes[box.node].color ?? 1
            svg.roundedRect(box.frame, cls: "ch-box ch-f\(color) ch-k\(color)")
        }
        svg.close()
        svg.open("ch-texts")
        for text in layout.texts { text.draw(&svg) }
        svg.close()
        return svg.document(id: id, height: layout.height, spec: spec)
    }

    /// The arrow as curves across the gaps and straight lines through the rows it passes, stopping short of the
    /// box it points at so the head ends exactly at the box's edge.
    static func path(_ route: DiagramLayout.Route) -> PathData {
        var points = route.points
        let inset = ArrowHead.length - 1
        if route.pointsDown { points[points.count - 1].y -= inset } else { points[0].y += inset }
        var data = PathData()
        data.move(points[0].x, points[0].y)
        var index = 0
        while index + 1 < points.count {
            let (a, b) = (points[index], points[index + 1])
            if index > 0 { data.line(a.x, a.y) }
            let bend = (b.y - a.y) / 2
            data.curve(a.x, a.y + bend, b.x, b.y - bend, b.x, b.y)
            index += 2
        }
        return data
    }
}

/// A filled triangle at the end of an arrow.
enum ArrowHead {
    static let length = 8.0, halfWidth = 4.5

    static func path(tipX: Double, tipY: Double, pointingDown: Bool) -> PathData {
        let base = pointingDown ? tipY - length : tipY + length
        var data = PathData()
        data.move(tipX - halfWidth, base)
        data.line(tipX, tipY)
        data.line(tipX + halfWidth, base)
        data.close()
        return data
    }
}

/// The CSS of diagrams and steps, part of `Theme.css`.
enum DiagramStyle {
    static let rules = [
        "svg.ch .ch-box{fill-opacity:0.1;stroke-width:1.75}",
        "svg.ch .ch-arrow{fill:none;stroke:var(--chart-axis,#595959);stroke-width:1.5}",
        "svg.ch .ch-head{fill:var(--chart-axis,#595959);stroke:none}",
        "svg.ch .ch-step-number{fill:var(--chart-1,#0072B2);stroke:none}",
    ]
}

extension PathData {
    /// Adds another path's commands to this one.
    mutating func append(_ other: PathData) {
        if !other.isEmpty { appendRaw(other.string) }
    }
}

extension SVGWriter {
    /// A rectangle with rounded corners.
    mutating func roundedRect(_ frame: DiagramLayout.Rect, radius: Double = 6, cls: String) {
        raw("<rect x=\"\(svgNumber(frame.x))\" y=\"\(svgNumber(frame.y))\" width=\"\(svgNumber(frame.width))\" "
            + "height=\"\(svgNumber(frame.height))\" rx=\"\(svgNumber(radius))\" class=\"\(cls)\"/>")
    }
}

extension Validate {
    /// A diagram or steps chart holds nodes (and, for a diagram, arrows between them) and nothing else.
    static func diagram(_ spec: ChartSpec) throws(ChartError) {
        if let problem = spec.diagram.problems(kind: spec.kind).first {
            throw problem == .noNodes ? .noData(kind: spec.kind) : .unsupported(kind: spec.kind, reason: problem.description)
        }
        if !spec.series.isEmpty || !spec.links.isEmpty {
            throw .unsupported(kind: spec.kind, reason: "a \(spec.kind.rawValue) takes nodes, not series or links")
        }
        try noAnnotations(spec)
    }
}

/// The generated `<desc>` of a diagram or steps chart (when the block gives no caption): its text in reading order.
enum DiagramDescription {
    static func text(_ diagram: Diagram, kind: ChartKind, name: String, words: ChartLanguage = .english) -> String {
        func named(_ node: DiagramNode) -> String { node.note.isEmpty ? node.label : "\(node.label) (\(node.note))" }
        let semicolon = words.text("chartSemicolon")
        if kind == .steps {
            return words.text("chartStepsList", ["kind": name, "steps": diagram.nodes.enumerated()
                .map { "\($0 + 1). \(named($1))" }.joined(separator: semicolon)])
        }
        let byID = Dictionary(diagram.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let boxes = diagram.nodes.map(named).joined(separator: semicolon)
        let arrows = diagram.arrows.map { arrow in
            words.text("chartArrow", ["from": byID[arrow.from]?.label ?? arrow.from, "to": byID[arrow.to]?.label ?? arrow.to])
                + (arrow.label.isEmpty ? "" : ": \(arrow.label)")
        }
        return words.text("chartBoxes", ["kind": name, "n": String(diagram.nodes.count), "boxes": boxes])
            + (arrows.isEmpty ? "" : words.text("chartArrows", ["arrows": arrows.joined(separator: semicolon)]))
    }
}
