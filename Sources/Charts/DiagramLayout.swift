/// Where the boxes, arrows and arrow labels of a `diagram` go on a canvas `width` wide.
///
/// A layered drawing, top to bottom, so the same layout reads on a phone: arrows that close a loop are turned round
/// for the layering (found by depth-first search in the order written) and drawn pointing back up; every box sits
/// in a row by the longest chain of arrows above it, boxes with no arrow in start just above their first target
/// and boxes with no arrow out end in the last row; an arrow that spans several rows passes through a slot of its
/// own in each row between, so it never crosses a box. Boxes in a row are ordered to reduce crossings (barycentres,
/// a few sweeps, the best kept) and moved towards the boxes they connect to without ever overlapping.
///
/// Arrow labels sit in the gap between two rows, on their arrow where there is room, in as many bands as they need
/// not to touch. Everything is a pure function of the diagram and the width.
struct DiagramLayout {
    struct Rect: Equatable {
        var x: Double, y: Double, width: Double, height: Double
        var right: Double { x + width }
        var bottom: Double { y + height }
        func overlaps(_ other: Rect) -> Bool {
            x < other.right && other.x < right && y < other.bottom && other.y < bottom
        }
    }

    struct Box {
        var node: Int
        var frame: Rect
        var label: [String]
        var note: [String]
    }

    struct ArrowLabel {
        var arrow: Int
        var lines: [String]
        /// The block of text lines (centre = frame.x + width / 2).
        var frame: Rect
    }

    struct Route {
        var arrow: Int
        /// Pairs of points, top to bottom: each pair crosses one gap between rows (drawn as a curve); consecutive
        /// pairs are joined by a straight line through the row between.
        var points: [(x: Double, y: Double)]
        /// The arrow points down (its head at the last point) or, closing a loop, up (head at the first point).
        var pointsDown: Bool
    }

    var boxes: [Box] = []
    var labels: [ArrowLabel] = []
    var routes: [Route] = []
    var width: Double
    var height: Double = 0

    /// How much shorter than its gap a segment's curve is, at the top and at the bottom.
    typealias Inset = (top: Double, bottom: Double)
    static let margin = 4.0
    static let padX = 10.0, padY = 8.0
    static let labelLine = 18.0, noteLine = 16.5, noteGap = 2.0
    static let arrowLine = 16.0
    static let passWidth = 14.0, hGap = 18.0
    static let minBox = 96.0, maxBox = 240.0
    /// How much taller than its labels need a gap may grow, so a label finds a place no arrow crosses.
    static let extraGaps = [0.0, 12, 24, 36, 48, 64, 80]
    /// How close another arrow may run to a labelled one before the label moves to a segment with none so close.
    static let alongside = 40.0
    static let plainGap = 36.0, labelTop = 14.0, labelBottom = 18.0, bandGap = 10.0, labelGap = 8.0, labelOffset = 6.0

    static func labelTop(_ box: Box, _ line: Int) -> Double {
        box.frame.y + (box.frame.height - contentHeight(labelLines: box.label.count, noteLines: box.note.count)) / 2
            + Double(line) * labelLine
    }

    static func noteTop(_ box: Box, _ line: Int) -> Double {
        labelTop(box, box.label.count) + noteGap + Double(line) * noteLine
    }

    static func contentHeight(labelLines: Int, noteLines: Int) -> Double {
        Double(labelLines) * labelLine + (noteLines > 0 ? noteGap + Double(noteLines) * noteLine : 0)
    }

    init(_ diagram: Diagram, width: Double) throws(ChartError) {
        self.width = width
        let n = diagram.nodes.count
        var index: [String: Int] = [:]
        for (i, node) in diagram.nodes.enumerated() { index[node.id] = i }
        let ends = diagram.arrows.map { (index[$0.from] ?? 0, index[$0.to] ?? 0) }

        // 1. Loops: an arrow to a node still on the depth-first stack closes one; it is laid out turned round.
        var outgoing = Array(repeating: [Int](), count: n)
        for (arrow, end) in ends.enumerated() { outgoing[end.0].append(arrow) }
        var state = Array(repeating: 0, count: n)
        var reversed = Array(repeating: false, count: ends.count)
        for root in 0..<n where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let arrow = outgoing[top.node][top.next], target = ends[arrow].1
                    if state[target] == 1 { reversed[arrow] = true }
                    else if state[target] == 0 { state[target] = 1; stack.append((target, 0)) }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        // Edges of the layering, top to bottom.
        let edges = ends.indices.map { reversed[$0] ? (ends[$0].1, ends[$0].0) : ends[$0] }

        // 2. Rows: longest path from the top; sinks to the last row, sources just above their first target.
        var preds = Array(repeating: [Int](), count: n), succs = preds
        for (u, v) in edges { succs[u].append(v); preds[v].append(u) }
        var layer = Array(repeating: 0, count: n)
        var indegree = preds.map(\.count)
        var ready = (0..<n).filter { indegree[$0] == 0 }
        while !ready.isEmpty {
            let u = ready.removeFirst()
            for v in succs[u] {
                layer[v] = max(layer[v], layer[u] + 1)
                indegree[v] -= 1
                if indegree[v] == 0 { ready.append(v) }
            }
        }
        let deepest = layer.max() ?? 0
        for v in 0..<n where succs[v].isEmpty && !preds[v].isEmpty { layer[v] = deepest }
        for v in 0..<n where preds[v].isEmpty && !succs[v].isEmpty { layer[v] = (succs[v].map { layer[$0] }.min() ?? 1) - 1 }
        let used = Array(Set(layer)).sorted()
        let rowOf = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
        layer = layer.map { rowOf[$0] ?? 0 }
        let rowCount = used.count

        // 3. Vertices: the nodes, then one pass-through slot per row an arrow crosses.
        var vertexLayer = layer
        var chains: [[Int]] = []
        for (u, v) in edges {
            var chain = [u]
            if layer[v] - layer[u] > 1 {
                for row in (layer[u] + 1)..<layer[v] {
                    chain.append(vertexLayer.count)
                    vertexLayer.append(row)
                }
            }
            chain.append(v)
            chains.append(chain)
        }
        let vertexCount = vertexLayer.count
        let isNode = { (v: Int) in v < n }
        var up = Array(repeating: [Int](), count: vertexCount), down = up
        for chain in chains {
            for (a, b) in zip(chain, chain.dropFirst()) { down[a].append(b); up[b].append(a) }
        }

        // 4. Order within rows: barycentre sweeps, keeping the order with the fewest crossings.
        var rows = Array(repeating: [Int](), count: rowCount)
        for v in 0..<vertexCount { rows[vertexLayer[v]].append(v) }
        var position = Array(repeating: 0.0, count: vertexCount)
        func number() { for row in rows { for (i, v) in row.enumerated() { position[v] = Double(i) } } }
        func crossings() -> Int {
            var count = 0
            for row in rows {
                let segments = row.flatMap { a in down[a].map { (position[a], position[$0]) } }
                for i in segments.indices {
                    for j in segments.indices where j > i {
                        if (segments[i].0 - segments[j].0) * (segments[i].1 - segments[j].1) < 0 { count += 1 }
                    }
                }
            }
            return count
        }
        func sweep(_ order: [Int], neighbours: [[Int]]) {
            for r in order {
                let keyed = rows[r].map { v -> (Int, Double, Double) in
                    let around = neighbours[v]
                    let key = around.isEmpty ? position[v] : around.map { position[$0] }.reduce(0, +) / Double(around.count)
                    return (v, key, position[v])
                }
                rows[r] = keyed.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map(\.0)
                for (i, v) in rows[r].enumerated() { position[v] = Double(i) }
            }
        }
        number()
        var best = rows, fewest = crossings()
        for _ in 0..<6 where fewest > 0 {
            sweep(Array(1..<max(rowCount, 1)), neighbours: up)
            sweep(Array((0..<max(rowCount - 1, 0)).reversed()), neighbours: down)
            let count = crossings()
            if count < fewest { best = rows; fewest = count }
        }
        rows = best
        number()

        // 5. Box width: as wide as the most crowded row allows, within minBox…maxBox.
        let usable = width - 2 * Self.margin
        var boxWidth = Self.maxBox
        for row in rows {
            let boxes = row.filter(isNode).count, passes = row.count - boxes
            let room = usable - Double(passes) * Self.passWidth - Double(max(row.count - 1, 0)) * Self.hGap
            if boxes > 0 { boxWidth = min(boxWidth, room / Double(boxes)) }
            if (boxes > 0 && room / Double(boxes) < Self.minBox) || room < 0 {
                let names = row.filter(isNode).map { "'\(diagram.nodes[$0].label)'" }.joined(separator: ", ")
                throw .unsupported(kind: .diagram, reason: "the boxes \(names) sit side by side in one row"
                    + (passes > 0 ? " with \(passes) arrow\(passes == 1 ? "" : "s") passing between them" : "")
                    + " and do not fit a \(svgNumber(width)) px wide layout; chain them, or split the diagram")
            }
        }
        let vertexWidth = (0..<vertexCount).map { isNode($0) ? boxWidth : Self.passWidth }

        // 6. Across: rows centred, then each box moved towards the middle of what it connects to.
        var left = Array(repeating: 0.0, count: vertexCount)
        func place(_ row: [Int], wanted: (Int) -> Double) {
            var x = Array(repeating: 0.0, count: row.count)
            var edge = Self.margin
            for (i, v) in row.enumerated() {
                x[i] = max(wanted(v), edge)
                edge = x[i] + vertexWidth[v] + Self.hGap
            }
            var limit = width - Self.margin
            for (i, v) in row.enumerated().reversed() {
                x[i] = min(x[i], limit - vertexWidth[v])
                limit = x[i] - Self.hGap
            }
            for (i, v) in row.enumerated() { left[v] = x[i] }
        }
        for row in rows {
            let total = row.map { vertexWidth[$0] }.reduce(0, +) + Double(max(row.count - 1, 0)) * Self.hGap
            var x = (width - total) / 2
            for v in row { left[v] = x; x += vertexWidth[v] + Self.hGap }
        }
        let centre = { (v: Int) in left[v] + vertexWidth[v] / 2 }
        for round in 0..<8 {
            let order = round % 2 == 0 ? Array(rows.indices) : Array(rows.indices.reversed())
            for r in order {
                let wanted = Dictionary(uniqueKeysWithValues: rows[r].map { v -> (Int, Double) in
                    let around = up[v] + down[v]
                    let middle = around.isEmpty ? centre(v) : around.map(centre).reduce(0, +) / Double(around.count)
                    return (v, middle - vertexWidth[v] / 2)
                })
                place(rows[r], wanted: { wanted[$0] ?? left[$0] })
            }
        }
        // The drawing as a whole centred on the canvas.
        if let lowest = (0..<vertexCount).map({ left[$0] }).min(),
           let highest = (0..<vertexCount).map({ left[$0] + vertexWidth[$0] }).max() {
            let shift = (width - (highest - lowest)) / 2 - lowest
            for v in 0..<vertexCount { left[v] += shift }
        }

        // 7. Ports: where each arrow leaves the bottom of a box and enters the top of the next, spread in order.
        var portDown: [[Int]: Double] = [:], portUp: [[Int]: Double] = [:]
        func spread(_ v: Int, _ segments: [(key: [Int], other: Int)], into ports: inout [[Int]: Double]) {
            let sorted = segments.sorted { (centre($0.other), $0.key[0]) < (centre($1.other), $1.key[0]) }
            for (k, segment) in sorted.enumerated() {
                ports[segment.key] = isNode(v)
                    ? left[v] + vertexWidth[v] * Double(k + 1) / Double(sorted.count + 1)
                    : centre(v)
            }
        }
        var downSegments = Array(repeating: [(key: [Int], other: Int)](), count: vertexCount), upSegments = downSegments
        for (edge, chain) in chains.enumerated() {
            for (step, pair) in zip(chain, chain.dropFirst()).enumerated() {
                downSegments[pair.0].append(([edge, step], pair.1))
                upSegments[pair.1].append(([edge, step], pair.0))
            }
        }
        for v in 0..<vertexCount {
            spread(v, downSegments[v], into: &portDown)
            spread(v, upSegments[v], into: &portUp)
        }

        // 8. Text: labels and notes wrapped inside the boxes; a word too wide for a box is an error, never cut.
        let inner = boxWidth - 2 * Self.padX
        var labelLines: [[String]] = [], noteLines: [[String]] = []
        for node in diagram.nodes {
            labelLines.append(try Self.wrap(node.label, width: inner, size: Theme.labelFont, bold: true, canvas: width))
            noteLines.append(node.note.isEmpty ? [] : try Self.wrap(node.note, width: inner, size: Theme.annotationFont, bold: false, canvas: width))
        }
        let rowHeight = rows.map { row in
            row.filter(isNode).map { Self.contentHeight(labelLines: labelLines[$0].count, noteLines: noteLines[$0].count) + 2 * Self.padY }
                .max() ?? 0
        }

        // 9. Arrow labels: each on the middle segment of its arrow, in the gap that segment crosses.
        // Narrow labels on a phone, so they fit between neighbouring arrows.
        let labelWidth = min(180, usable * (usable < 500 ? 0.27 : 0.46))
        typealias Item = (arrow: Int, lines: [String], width: Double, top: Double, bottom: Double, start: Double, inset: Inset)
        var gapLabels = Array(repeating: [Item](), count: max(rowCount - 1, 0))
        // Every segment crossing each gap (top and bottom x), so a label can keep clear of the other arrows.
        // A segment's curve is shortened by the arrow head at the end that has one (the last segment of an arrow
        // pointing down, the first of one drawn back up), so its shape spans the gap less that inset.
        func inset(_ arrow: Int, _ chain: [Int], _ step: Int) -> Inset {
            let head = ArrowHead.length - 1
            return (top: reversed[arrow] && step == 0 ? head : 0,
                    bottom: !reversed[arrow] && step == chain.count - 2 ? head : 0)
        }
        var gapSegments = Array(repeating: [(arrow: Int, top: Double, bottom: Double, inset: Inset)](), count: max(rowCount - 1, 0))
        for (arrow, chain) in chains.enumerated() {
            for (step, pair) in zip(chain, chain.dropFirst()).enumerated() {
                gapSegments[vertexLayer[pair.0]].append((arrow, portDown[[arrow, step]] ?? centre(pair.0),
                                                         portUp[[arrow, step]] ?? centre(pair.1), inset(arrow, chain, step)))
            }
        }
        for (arrow, chain) in chains.enumerated() where !diagram.arrows[arrow].label.trimmed.isEmpty {
            let text = diagram.arrows[arrow].label
            var lines = try Self.wrap(text, width: labelWidth, size: Theme.annotationFont, bold: false, canvas: width)
            let widthOf = { (lines: [String]) in (lines.map { TextMetrics.width($0, size: Theme.annotationFont) }.max() ?? 0) + 4 }
            var textWidth = widthOf(lines)
            // Wrapped as narrow as step 10 may wrap it when a label crosses an arrow.
            let narrowLines = (try? Self.wrap(text, width: max(labelWidth * 0.55, 40), size: Theme.annotationFont, bold: false,
                                              canvas: width)) ?? lines
            // The middle segment, unless another arrow runs close beside it and a segment of this arrow runs alone,
            // with room beside it for the label (as wrapped, or wrapped narrower) that no other arrow takes: a label
            // between two close arrows reads as either's (an arrow crossing several rows has a segment per gap).
            // Nil if the segment does not stand alone; else whether the label needs wrapping narrower to fit.
            let alone = { (step: Int) -> Bool? in
                let segments = gapSegments[vertexLayer[chain[step]]]
                let own = segments.first { $0.arrow == arrow }!
                let low = min(own.top, own.bottom), high = max(own.top, own.bottom)
                let others = segments.filter { $0.arrow != arrow }.map { (low: min($0.top, $0.bottom), high: max($0.top, $0.bottom)) }
                func free(_ from: Double, _ to: Double) -> Bool { others.allSatisfy { $0.high < from || $0.low > to } }
                guard free(low - Self.alongside, high + Self.alongside) else { return nil }
                func fits(_ labelWidth: Double) -> Bool {
                    let needs = Self.labelOffset + labelWidth, clear = needs + Self.alongside / 2
                    return high + needs <= width - Self.margin && free(high, high + clear)
                        || low - needs >= Self.margin && free(low - clear, low)
                }
                return fits(textWidth) ? false : fits(widthOf(narrowLines)) ? true : nil
            }
            let middle = (chain.count - 2) / 2
            let candidates = (0...(chain.count - 2)).filter { alone($0) != nil }
            let step = candidates.contains(middle) || candidates.isEmpty ? middle
                : candidates.min { (abs($0 - middle), $0) < (abs($1 - middle), $1) }!
            if step != middle, alone(step) == true {
                lines = narrowLines
                textWidth = widthOf(lines)
            }
            let a = chain[step], b = chain[step + 1]
            let top = portDown[[arrow, step]] ?? centre(a), bottom = portUp[[arrow, step]] ?? centre(b)
            // First guess: clear of the middle half of the curve (a smoothstep from one port to the other).
            let start = Self.beside(low: min(top, bottom) + abs(bottom - top) * 0.156, high: max(top, bottom) - abs(bottom - top) * 0.156,
                                    width: textWidth, canvas: width)
            gapLabels[vertexLayer[a]].append((arrow, lines, textWidth, top, bottom, start, inset(arrow, chain, step)))
        }

        // 10. Down the page: rows and gaps. A gap's labels go in bands, as few as keep them from touching at the
        // places they want; each then sits beside its own curve at the height it got, and a band is packed so
        // that none touches another.
        var y = Self.margin
        var rowTop = Array(repeating: 0.0, count: rowCount)
        for r in 0..<rowCount {
            rowTop[r] = y
            y += rowHeight[r]
            guard r < rowCount - 1 else { break }
            let items = gapLabels[r].sorted { ($0.start, $0.arrow) < ($1.start, $1.arrow) }
            guard !items.isEmpty else { y += Self.plainGap; continue }
            let gapTop = y
            // `extra` px more than the labels need, and the block of bands placed `align` of the way down the room
            // left (nil: centred in the gap, as drawn when nothing crosses); `separate`: every label in a band of its
            // own and the room shared out between the bands, so one label can sit near the top of the gap and
            // another near its bottom.
            func arranged(_ items: [Item], extra: Double = 0, align: Double? = nil, separate: Bool = false)
                -> (labels: [ArrowLabel], crossings: Int, gap: Double) {
                var bands: [[Item]] = []
                for item in items {
                    if separate { bands.append([item]); continue }
                    if let free = bands.firstIndex(where: { band in
                        let last = band[band.count - 1]
                        return last.start + last.width + Self.labelGap <= item.start
                    }) {
                        bands[free].append(item)
                    } else {
                        bands.append([item])
                    }
                }
                let bandHeights = bands.map { band in (band.map { Double($0.lines.count) }.max() ?? 1) * Self.arrowLine }
                let labelsHeight = bandHeights.reduce(0, +) + Double(bands.count - 1) * Self.bandGap
                let gap = max(Self.plainGap, Self.labelTop + labelsHeight + Self.labelBottom) + extra
                // The bands' order down the gap decides which part of each curve a label sits beside: try every order
                // (a gap has few bands) and keep the first whose labels cross the fewest other arrows.
                func placed(_ bandOrder: [Int]) -> (labels: [ArrowLabel], crossings: Int) {
                    var placedLabels: [ArrowLabel] = [], total = 0
                    let room = gap - Self.labelTop - labelsHeight - Self.labelBottom
                    var bandY = separate ? gapTop + Self.labelTop
                        : align.map { gapTop + Self.labelTop + room * $0 } ?? gapTop + (gap - labelsHeight) / 2
                    let between = separate && bands.count > 1 ? room / Double(bands.count - 1) : 0
                    for band in bandOrder {
                        let members = bands[band]
                        var spans: [[(low: Double, high: Double)]] = []
                        var frames: [Rect] = members.map { item in
                            let height = Double(item.lines.count) * Self.arrowLine
                            let frameY = bandY + (bandHeights[band] - height) / 2
                            let span = Self.curveSpan(from: item.top, to: item.bottom, gapTop: gapTop + item.inset.top,
                                                      gap: gap - item.inset.top - item.inset.bottom, yLow: frameY - 3, yHigh: frameY + height + 3)
                            let others = gapSegments[r].filter { $0.arrow != item.arrow }.map {
                                Self.curveSpan(from: $0.top, to: $0.bottom, gapTop: gapTop + $0.inset.top,
                                               gap: gap - $0.inset.top - $0.inset.bottom, yLow: frameY - 3, yHigh: frameY + height + 3)
                            }
                            spans.append(others + [span])
                            // Right of its arrow, or left, whichever crosses fewer other arrows (right when equal); when both
                            // cross one, the nearest place along the band that crosses fewer (never its own arrow).
                            let crossings = { (x: Double) in others.filter { $0.high >= x - 2 && $0.low <= x + item.width + 2 }.count }
                            let beside = [span.high + Self.labelOffset, span.low - Self.labelOffset - item.width]
                                .filter { $0 >= Self.margin && $0 + item.width <= width - Self.margin }
                            var x = beside.min { crossings($0) < crossings($1) }
                                ?? Self.beside(low: span.low, high: span.high, width: item.width, canvas: width)
                            if crossings(x) > 0 {
                                let clearOfOwn = stride(from: Self.margin, through: width - Self.margin - item.width, by: 2).filter {
                                    $0 + item.width + Self.labelOffset <= span.low || $0 - Self.labelOffset >= span.high
                                }
                                // No other arrow may pass between a label and its own arrow.
                                let between = { (x: Double) in
                                    others.filter { $0.high >= min(x, span.low) - 2 && $0.low <= max(x + item.width, span.high) + 2 }.count
                                }
                                let distance = { (x: Double) in max(span.low - (x + item.width), x - span.high, 0) }
                                if let better = clearOfOwn.min(by: { (between($0), distance($0)) < (between($1), distance($1)) }),
                                   between(better) < crossings(x) {
                                    x = better
                                }
                            }
                            return Rect(x: x, y: frameY, width: item.width, height: height)
                        }
                        let order = frames.indices.sorted { (frames[$0].x, $0) < (frames[$1].x, $1) }
                        var edge = Self.margin
                        for i in order {
                            frames[i].x = max(frames[i].x, edge)
                            edge = frames[i].right + Self.labelGap
                        }
                        var limit = width - Self.margin
                        for i in order.reversed() {
                            frames[i].x = min(frames[i].x, limit - frames[i].width)
                            limit = frames[i].x - Self.labelGap
                        }
                        for (index, (item, frame)) in zip(members, frames).enumerated() {
                            // Every arrow the label touches, its own included (the last span).
                            total += spans[index].filter { $0.high >= frame.x - 2 && $0.low <= frame.right + 2 }.count
                            placedLabels.append(ArrowLabel(arrow: item.arrow, lines: item.lines, frame: frame))
                        }
                        bandY += bandHeights[band] + Self.bandGap + between
                    }
                    return (placedLabels, total)
                }
                var best = placed(Array(bands.indices))
                if best.crossings > 0 && bands.count > 1 && bands.count <= 4 {
                    for bandOrder in Self.permutations(Array(bands.indices)).dropFirst() {
                        let candidate = placed(bandOrder)
                        if candidate.crossings < best.crossings { best = candidate }
                        if best.crossings == 0 { break }
                    }
                }
                return (best.labels, best.crossings, gap)
            }
            var result = arranged(items)
            // Labels crossing an arrow: first the gap again with every label in as narrow a block as its lines allow
            // (the same lines, as even as they go: 第三步：債券 / 本息至2049年, not 第三步： / 債券本息至2049年), then
            // wrapped narrower (more lines, a taller gap), each kept when fewer labels cross.
            var compact: [Item] = []
            if result.crossings > 0 {
                for item in items {
                    let text = diagram.arrows[item.arrow].label
                    guard let lines = try? Self.compactWrap(text, width: item.width - 3.99, size: Theme.annotationFont,
                                                            canvas: width) else { compact.append(item); continue }
                    let textWidth = (lines.map { TextMetrics.width($0, size: Theme.annotationFont) }.max() ?? 0) + 4
                    compact.append((item.arrow, lines, textWidth, item.top, item.bottom, item.start, item.inset))
                }
                let second = arranged(compact)
                if second.crossings < result.crossings { result = second }
            }
            var narrower: [Item] = []
            if result.crossings > 0 {
                for item in items {
                    let text = diagram.arrows[item.arrow].label
                    guard let lines = try? Self.wrap(text, width: max(labelWidth * 0.55, 40), size: Theme.annotationFont,
                                                     bold: false, canvas: width) else { narrower.append(item); continue }
                    let textWidth = (lines.map { TextMetrics.width($0, size: Theme.annotationFont) }.max() ?? 0) + 4
                    narrower.append((item.arrow, lines, textWidth, item.top, item.bottom, item.start, item.inset))
                }
                let second = arranged(narrower)
                if second.crossings < result.crossings { result = second }
            }
            // Still crossing: the arrows lie further apart near one end of the gap than in its middle (two arrows
            // leaving one box side by side, a loop's arrow back beside the arrow it closes). Try a taller gap with the
            // labels nearer its bottom or its top, all together or each in a band of its own, and keep the lowest gap
            // that crosses fewer.
            if result.crossings > 0 {
                search: for extra in Self.extraGaps {
                    for candidates in [items, compact, narrower] where !candidates.isEmpty {
                        for align in [1.0, 0.0, 0.75, 0.25, 0.5] {
                            let candidate = arranged(candidates, extra: extra, align: align)
                            if candidate.crossings < result.crossings { result = candidate }
                            if result.crossings == 0 { break search }
                        }
                        if candidates.count > 1 && candidates.count <= 4 {
                            let candidate = arranged(candidates, extra: extra, separate: true)
                            if candidate.crossings < result.crossings { result = candidate }
                            if result.crossings == 0 { break search }
                        }
                    }
                }
            }
            labels += result.labels
            y += result.gap
        }
        height = y + Self.margin

        boxes = (0..<n).map { v in
            Box(node: v, frame: Rect(x: left[v], y: rowTop[layer[v]], width: boxWidth, height: rowHeight[layer[v]]),
                label: labelLines[v], note: noteLines[v])
        }
        labels.sort { $0.arrow < $1.arrow }

        // 11. Routes through the gaps and pass-through slots.
        for (arrow, chain) in chains.enumerated() {
            var points: [(x: Double, y: Double)] = []
            for (step, pair) in zip(chain, chain.dropFirst()).enumerated() {
                let r = vertexLayer[pair.0]
                points.append((portDown[[arrow, step]] ?? centre(pair.0), rowTop[r] + rowHeight[r]))
                points.append((portUp[[arrow, step]] ?? centre(pair.1), rowTop[r + 1]))
            }
            routes.append(Route(arrow: arrow, points: points, pointsDown: !reversed[arrow]))
        }
    }

    /// Every order of `items`, the given order first.
    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i in
            permutations(Array(items[..<i] + items[(i + 1)...])).map { [items[i]] + $0 }
        }
    }

    /// Where a label `width` wide starts beside a line that runs between `low` and `high` across it: to the right
    /// when there is room, else to the left, else as far right as the canvas allows.
    static func beside(low: Double, high: Double, width: Double, canvas: Double) -> Double {
        let right = high + labelOffset, left = low - labelOffset - width
        if right + width <= canvas - margin { return right }
        if left >= margin { return left }
        return canvas - margin - width
    }

    /// The least and greatest x of an arrow's curve (from x `from` at the gap's top to `to` at its bottom) between
    /// the heights `yLow` and `yHigh`: the curve is the cubic `DiagramChart.path` draws, y(t) = 1.5t − 1.5t² + t³ and
    /// x(t) = 3t² − 2t³ of the way across.
    static func curveSpan(from: Double, to: Double, gapTop: Double, gap: Double, yLow: Double, yHigh: Double)
        -> (low: Double, high: Double) {
        var low = Double.infinity, high = -Double.infinity
        for step in 0...50 {
            let t = Double(step) / 50
            let y = gapTop + gap * (1.5 * t - 1.5 * t * t + t * t * t)
            guard y >= yLow, y <= yHigh else { continue }
            let x = from + (to - from) * (3 * t * t - 2 * t * t * t)
            low = min(low, x)
            high = max(high, x)
        }
        if low > high { (low, high) = (min(from, to), max(from, to)) }
        return (low, high)
    }

    /// Pieces of text with a unit glued to the number before it, so that "80 %" and "$18 B" never break apart.
    static func unitsKept(_ pieces: [(word: String, separator: String)]) -> [(word: String, separator: String)] {
        var out: [(word: String, separator: String)] = []
        for piece in pieces {
            let letters = piece.word.filter { $0.isLetter || $0 == "%" }
            if let last = out.last, last.word.last?.isNumber == true, piece.word.first?.isNumber == false,
               !letters.isEmpty, letters.count <= 2, letters.count == piece.word.filter({ !",.;:)".contains($0) }).count {
                out[out.count - 1].word += piece.separator + piece.word
            } else {
                out.append(piece)
            }
        }
        return out
    }

    /// `text` wrapped at `width` (see `wrap`), then again at the narrowest width that takes no more lines: the same
    /// number of lines, as even as they can be.
    static func compactWrap(_ text: String, width: Double, size: Double, canvas: Double) throws(ChartError) -> [String] {
        let lines = try wrap(text, width: width, size: size, bold: false, canvas: canvas)
        let pieces = unitsKept(TextMetrics.breakableWords(text))
        let fill = { (width: Double) in TextMetrics.fill(pieces, maxWidth: width) { TextMetrics.width($0, size: size) } }
        let narrowest = TextMetrics.narrowestWidth(from: pieces.map { TextMetrics.width($0.word, size: size) }.max() ?? 0,
                                                   to: width, within: 0.5, steps: 20) { fill($0).count <= lines.count }
        return narrowest < width ? fill(narrowest) : lines
    }

    /// `text` in lines at most `width` wide, broken at spaces and after hyphens (and between CJK characters, never
    /// leaving one alone on the last line: see `TextMetrics.fill`).
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool, kind: ChartKind = .diagram,
                     canvas: Double) throws(ChartError) -> [String] {
        let pieces = unitsKept(TextMetrics.breakableWords(text))
        if let word = pieces.first(where: { TextMetrics.width($0.word, size: size, bold: bold) > width })?.word {
            throw .unsupported(kind: kind, reason: "the word '\(word)' is wider than the \(svgNumber(width.rounded())) px "
                + "its text has in the \(svgNumber(canvas)) px wide layout; use a shorter word"
                + (kind == .diagram ? " or fewer boxes side by side" : ""))
        }
        return TextMetrics.fill(pieces, maxWidth: width) { TextMetrics.width($0, size: size, bold: bold) }
    }
}
