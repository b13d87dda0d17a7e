/// A small Sankey diagram: node columns by longest path, link widths proportional to value, cycles as arcs.
enum FlowChart {
    static let nodeWidth = 14.0
    static let maxGap = 22.0

    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        guard !spec.links.isEmpty else { throw .noData(kind: .flow) }
        if !spec.series.isEmpty { throw .unsupported(kind: .flow, reason: "flow charts take 'links', not series") }
        try Validate.noAnnotations(spec)
        for link in spec.links where !(link.value.isFinite && link.value > 0) {
            throw .invalidLink(source: link.source, target: link.target, value: link.value)
        }
        let graph = FlowGraph(links: spec.links)
        let isBack = Set(graph.backLinks)
        let count = graph.nodes.count
        var inflow = Array(repeating: 0.0, count: count), outflow = inflow, backIn = inflow, backOut = inflow
        for (index, link) in spec.links.enumerated() {
            let end = graph.ends[index]
            if isBack.contains(index) { backOut[end.source] += link.value; backIn[end.target] += link.value }
            else { outflow[end.source] += link.value; inflow[end.target] += link.value }
        }
        var values: [Double] = []
        for node in 0..<count {
            let through: Double = max(inflow[node], outflow[node])
            values.append(through > 0 ? through : max(backIn[node], backOut[node]))
        }

        let height = Theme.height
        let side = graph.backLinks.isEmpty ? Theme.edge : 44.0
        let top = 12.0, bottom = height - 12 - Double(graph.backLinks.count) * 26
        let columnCount = (graph.columns.max() ?? 0) + 1
        let members = (0..<columnCount).map { column in graph.nodes.indices.filter { graph.columns[$0] == column } }
        let crowded = Double(max((members.map(\.count).max() ?? 1) - 1, 1))
        let gap = min(maxGap, (bottom - top) * 0.4 / crowded)
        var scale = Double.infinity
        for nodes in members where !nodes.isEmpty {
            let sum: Double = nodes.map { values[$0] }.reduce(0, +)
            scale = min(scale, (bottom - top - gap * Double(nodes.count - 1)) / sum)
        }
        if !scale.isFinite || scale <= 0 { scale = 1 }
        // The last column's labels sit to the right of its nodes, in a margin as wide as the widest of them,
        // so they never collide with the labels of the column before.
        let lastLabels = columnCount > 1 ? (members.last ?? []).map { node in
            max(TextMetrics.width(graph.nodes[node], size: Theme.labelFont, bold: true),
                TextMetrics.width(spec.y.format.string(for: values[node], numbers: spec.language.numbers), size: Theme.annotationFont))
        } : []
        let right = lastLabels.isEmpty ? side : max(side, min((lastLabels.max() ?? 0) + 12, spec.width * 0.35))
        var x = Array(repeating: 0.0, count: count), y = x, h = x
        for (column, nodes) in members.enumerated() {
            let total = nodes.map { values[$0] * scale }.reduce(0, +) + gap * Double(max(nodes.count - 1, 0))
            var cursor = top + (bottom - top - total) / 2
            for node in nodes {
                x[node] = side + Double(column) * (spec.width - side - right - nodeWidth) / Double(max(columnCount - 1, 1))
                y[node] = cursor
                h[node] = max(values[node] * scale, 1)
                cursor += h[node] + gap
            }
        }

        var svg = SVGWriter(width: spec.width)
        svg.open("ch-links")
        var outUsed = Array(repeating: 0.0, count: count), inUsed = outUsed
        let forward = spec.links.indices.filter { !isBack.contains($0) }
        let sourceKey: (Int) -> (Int, Double, Int) = { (graph.ends[$0].source, y[graph.ends[$0].target], $0) }
        let targetKey: (Int) -> (Int, Double, Int) = { (graph.ends[$0].target, y[graph.ends[$0].source], $0) }
        let bySource = forward.sorted { sourceKey($0) < sourceKey($1) }
        var sourceOffset = Array(repeating: 0.0, count: spec.links.count), targetOffset = sourceOffset
        for link in bySource { let s = graph.ends[link].source; sourceOffset[link] = outUsed[s]; outUsed[s] += spec.links[link].value * scale }
        let byTarget = forward.sorted { targetKey($0) < targetKey($1) }
        for link in byTarget { let t = graph.ends[link].target; targetOffset[link] = inUsed[t]; inUsed[t] += spec.links[link].value * scale }
        for link in forward {
            let (s, t) = graph.ends[link]
            let width = max(spec.links[link].value * scale, 1)
            let x0 = x[s] + nodeWidth, x1 = x[t], mid = (x0 + x1) / 2
            let y0 = y[s] + sourceOffset[link], y1 = y[t] + targetOffset[link]
            var path = PathData()
            path.move(x0, y0)
            path.curve(mid, y0, mid, y1, x1, y1)
            path.line(x1, y1 + width)
            path.curve(mid, y1 + width, mid, y0 + width, x0, y0 + width)
            path.close()
            svg.path(path, cls: "ch-link ch-f\(Theme.color(s))")
        }
        for (rank, link) in graph.backLinks.enumerated() {
            let (s, t) = graph.ends[link]
            let width = min(max(spec.links[link].value * scale, 1.5), 12)
            let sx = x[s] + nodeWidth, sy = y[s] + h[s] - width / 2
            let tx = x[t], ty = y[t] + h[t] - width / 2
            let loop = bottom + 14 + Double(rank) * 26
            var path = PathData()
            path.move(sx, sy)
            path.curve(sx + 36, sy, sx + 36, loop, sx, loop)
            path.line(tx, loop)
            path.curve(tx - 36, loop, tx - 36, ty, tx - 9, ty)
            svg.path(path, cls: "ch-line ch-back ch-k\(Theme.color(s))")
            var arrow = PathData()
            arrow.move(tx - 10, ty - 6)
            arrow.line(tx, ty)
            arrow.line(tx - 10, ty + 6)
            arrow.close()
            svg.path(arrow, cls: "ch-node ch-f\(Theme.color(s))")
            let text = "\(spec.links[link].source) \u{2192} \(spec.links[link].target): \(spec.y.format.string(for: spec.links[link].value, numbers: spec.language.numbers))"
            svg.clampedText(text, x: (sx + tx) / 2, y: loop + 17, size: Theme.annotationFont, anchor: .middle, cls: "ch-muted")
        }
        svg.close()
        svg.open("ch-nodes")
        for node in 0..<count {
            svg.rect(x[node], y[node], nodeWidth, h[node], cls: "ch-node ch-f\(Theme.color(node))")
        }
        for node in 0..<count {
            let labelX = x[node] + nodeWidth + 6
            let value = spec.y.format.string(for: values[node], numbers: spec.language.numbers)
            let anchor = TextAnchor.start
            let center = y[node] + h[node] / 2
            if h[node] + gap >= 36 {
                svg.clampedText(graph.nodes[node], x: labelX, y: center - 2, size: Theme.labelFont, anchor: anchor, cls: "ch-strong ch-halo")
                svg.clampedText(value, x: labelX, y: center + 14, size: Theme.annotationFont, anchor: anchor, cls: "ch-halo")
            } else {
                svg.clampedText(graph.nodes[node] + "  " + value, x: labelX, y: center + 5, size: Theme.annotationFont,
                                anchor: anchor, cls: "ch-halo")
            }
        }
        svg.close()
        return svg.document(id: id, height: height, spec: spec)
    }
}
