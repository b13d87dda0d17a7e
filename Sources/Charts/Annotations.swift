import Foundation

/// Draws reference lines, bands, events and "you are here" markers on an x/y plot.
struct AnnotationLayer {
    var annotations: [Annotation]
    var frame: Frame
    var xPos: (Double) -> Double?
    var yPos: (Double) -> Double?
    /// Set for horizontal bar charts: y reference lines are drawn vertically.
    var valueAxisIsHorizontal = false
    var showLabels = true
    /// The drawn lines of the data, in canvas units, so a reference line's label can sit where no line crosses it.
    var curves: [[(x: Double, y: Double)]] = []
    /// Annotations (by index) whose value line is named beside the plot, not inside it: the chart draws the label.
    var labelsBesidePlot: Set<Int> = []
    /// Lane rows above the plot, when the chart reserved fewer than `laneRows` (its labels fit in one).
    var laneRowCount: Int? = nil
    /// Values printed beside points of the data (the ends of a range), in canvas units; placed with the markers'
    /// labels so that none touches another.
    var valueLabels: [PointLabel] = []

    static let laneHeight = 18.0
    static let maxLabelWidth = 260.0

    /// Labels that sit in the lane above the plot (bands, events and x reference lines).
    static func laneLabelCount(_ annotations: [Annotation], horizontal: Bool = false) -> Int {
        // A line or event without words needs no room in the lane.
        annotations.filter { !$0.label.isEmpty }.filter {
            switch $0 {
            case .band, .event: return true
            case .referenceLine(let axis, _, _): return axis == (horizontal ? .y : .x)
            case .here, .mark: return false
            }
        }.count
    }

    /// Lane rows reserved above the plot.
    static func laneRows(_ annotations: [Annotation], horizontal: Bool = false) -> Int {
        min(2, laneLabelCount(annotations, horizontal: horizontal))
    }

    /// The x values annotations want visible (reference lines, events, bands, markers).
    static func xValues(_ annotations: [Annotation]) -> [Double] {
        annotations.flatMap { annotation -> [Double] in
            switch annotation {
            case .referenceLine(let axis, let value, _): return axis == .x ? [value] : []
            case .band(let from, let to, _): return [from, to]
            case .event(let x, _): return [x]
            case .here(let x, _, _), .mark(let x, _, _): return [x]
            }
        }
    }

    /// The y values annotations want visible.
    static func yValues(_ annotations: [Annotation]) -> [Double] {
        annotations.flatMap { annotation -> [Double] in
            switch annotation {
            case .referenceLine(let axis, let value, _): return axis == .y ? [value] : []
            case .here(_, let y, _), .mark(_, let y, _): return [y]
            default: return []
            }
        }
    }

    /// How far beyond the data an annotation may stretch an axis that is left to the data, as a share of the data's
    /// span: a line a little above the highest value is shown, a date on a chart of fractions is refused.
    static let nearDataShare = 0.5

    /// Throws for the first annotation so far beyond the data, on an axis whose bounds the data choose, that the axis
    /// stretched to show it would squash the data into a sliver (a band of dates on a chart of fractions, an event in
    /// 2030 on data from 2018 to 2024). `x` is nil where x is not a value axis (categories); `xData` and `yData` are
    /// the values the axes cover without the annotations. A bound the writer set (`min`, `max`) is left to `check`.
    static func checkNearData(_ annotations: [Annotation], kind: ChartKind, x: AxisOptions?, xData: [Double],
                              y: AxisOptions, yData: [Double]) throws(ChartError) {
        /// The data's lowest and highest values an axis of this scale can place (a log axis only positive ones).
        func bounds(_ values: [Double], _ axis: AxisOptions) -> (lo: Double, hi: Double)? {
            let placeable = (values + axis.include).filter { $0.isFinite && (axis.scale == .linear || $0 > 0) }
            guard let lo = placeable.min(), let hi = placeable.max() else { return nil }
            return (lo, hi)
        }
        func far(_ value: Double, _ axis: AxisOptions, _ bounds: (lo: Double, hi: Double)?) -> Bool {
            guard let bounds, bounds.hi > bounds.lo, value.isFinite, axis.scale == .linear || value > 0 else { return false }
            let position: (Double) -> Double = axis.scale == .log ? log10 : { $0 }
            let lo = position(bounds.lo), hi = position(bounds.hi), v = position(value)
            let limit = (hi - lo) * nearDataShare
            return (v < lo - limit && axis.min == nil) || (v > hi + limit && axis.max == nil)
        }
        func problem(_ index: Int, _ axis: AxisOptions, _ name: String, _ value: Double, _ bounds: (lo: Double, hi: Double),
                     data: [Double]) -> ChartError {
            // Among monthly data a January is "Jan 2018", not a bare year: the three are written as the data's months.
            let texts = axis.format.holdsMonths(data)
                ? axis.format.columnLabels(for: [value, bounds.lo, bounds.hi, bounds.lo + 1 / 24]).prefix(3).map { $0 }
                : [value, bounds.lo, bounds.hi].map { axis.format.string(for: $0) }
            return .annotation(index: index, kind: kind,
                               reason: "lies far outside the data: \(name) = \(texts[0]), where the data run from \(texts[1]) "
                                   + "to \(texts[2]); the \(name) axis would stretch to show it and squash the data",
                               hint: "move the annotation, or set the \(name) axis's 'min' or 'max' to show that range on purpose")
        }
        let xBounds = x.flatMap { bounds(xData, $0) }, yBounds = bounds(yData, y)
        var problems: [ChartError] = []
        for (index, annotation) in annotations.enumerated() {
            if let x, let xBounds, let value = xValues([annotation]).first(where: { far($0, x, xBounds) }) {
                problems.append(problem(index, x, "x", value, xBounds, data: xData))
            } else if let yBounds, let value = yValues([annotation]).first(where: { far($0, y, yBounds) }) {
                problems.append(problem(index, y, "y", value, yBounds, data: yData))
            }
        }
        if let error = ChartError.combined(problems) { throw error }
    }

    /// Throws for every annotation that would fall outside the plot (a position beyond the categories of a bar
    /// chart, or off a fixed axis range): such an annotation is an error, never silently left out.
    func check(kind: ChartKind, xFormat: ValueFormat, yFormat: ValueFormat) throws(ChartError) {
        var problems: [ChartError] = []
        for (index, annotation) in annotations.enumerated() {
            func outside(_ axis: String, _ format: ValueFormat, _ value: Double) -> ChartError {
                .annotation(index: index, kind: kind,
                            reason: "lies outside the chart: \(axis) = \(format.string(for: value)) is beyond the \(axis) axis",
                            hint: "widen the \(axis) axis with 'min'/'max', or move the annotation")
            }
            switch annotation {
            case .referenceLine(.y, let value, _):
                if !(yPos(value).map { valueAxisIsHorizontal ? frame.contains(x: $0) : frame.contains(y: $0) } ?? false) {
                    problems.append(outside("y", yFormat, value))
                }
            case .referenceLine(.x, let value, _), .event(let value, _):
                if !(xPos(value).map { frame.contains(x: $0) } ?? false) { problems.append(outside("x", xFormat, value)) }
            case .band(let from, let to, _):
                guard let a = xPos(from), let b = xPos(to), max(a, b) > frame.left, min(a, b) < frame.right else {
                    problems.append(outside("x", xFormat, from))
                    continue
                }
            case .here(let x, let y, _), .mark(let x, let y, _):
                if !(xPos(x).map { frame.contains(x: $0) } ?? false) {
                    problems.append(outside("x", xFormat, x))
                } else if !(yPos(y).map { frame.contains(y: $0) } ?? false) {
                    problems.append(outside("y", yFormat, y))
                }
            }
        }
        if let error = ChartError.combined(problems) { throw error }
    }

    /// Whether a data line runs through `box` (each segment sampled every 2 units).
    func crossed(_ box: Box) -> Bool {
        curves.contains { curve in
            Self.samples(of: curve, near: box) { x, y in x >= box.left && x <= box.right && y >= box.top && y <= box.bottom }
        }
    }

    /// Whether a data line that does not pass through the point (x, y) comes nearer `box` than `limit` (each segment
    /// sampled every 2 units): a label that close to another line reads as that line's (Fig 6.2 in Chinese put
    /// "Stressed: 42 %" beside the Base curve).
    func nearOtherLine(_ box: Box, than limit: Double, point x: Double, _ y: Double) -> Bool {
        curves.contains { curve in
            !Self.passes(curve, near: x, y) && Self.samples(of: curve, near: box.inflated(limit)) { px, py in box.distance(to: px, py) < limit }
        }
    }

    /// Whether `curve` passes within 3 units of (x, y): a point's own line.
    static func passes(_ curve: [(x: Double, y: Double)], near x: Double, _ y: Double) -> Bool {
        samples(of: curve) { px, py in (px - x) * (px - x) + (py - y) * (py - y) <= 9 }
    }

    /// How near `curve` comes to `box` (sampled every 2 units; infinity for a curve without a finite segment).
    static func distance(from box: Box, to curve: [(x: Double, y: Double)]) -> Double {
        var nearest = Double.infinity
        _ = samples(of: curve) { x, y in nearest = min(nearest, box.distance(to: x, y)); return false }
        return nearest
    }

    /// Whether `test` holds at some point of `curve`, sampled every 2 units along each finite segment; with `near`,
    /// only segments whose bounding box meets that box are sampled.
    static func samples(of curve: [(x: Double, y: Double)], near box: Box? = nil, _ test: (Double, Double) -> Bool) -> Bool {
        for (a, b) in zip(curve, curve.dropFirst()) where a.x.isFinite && a.y.isFinite && b.x.isFinite && b.y.isFinite {
            // A segment whose bounding box misses the box has no point in it.
            if let box, max(a.x, b.x) < box.left || min(a.x, b.x) > box.right || max(a.y, b.y) < box.top || min(a.y, b.y) > box.bottom {
                continue
            }
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            let steps = max(1, Int((length / 2).rounded(.up)))
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                if test(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t) { return true }
            }
        }
        return false
    }

    /// Whether a reference line or an event line runs through `box`.
    func ruled(_ box: Box) -> Bool {
        annotations.contains { annotation in
            switch annotation {
            case .referenceLine(.y, let value, _):
                guard let p = yPos(value) else { return false }
                return valueAxisIsHorizontal ? (p > box.left && p < box.right && frame.contains(x: p))
                    : (p > box.top && p < box.bottom && frame.contains(y: p))
            case .referenceLine(.x, let value, _), .event(let value, _):
                guard let p = xPos(value) else { return false }
                return p > box.left && p < box.right && frame.contains(x: p)
            default: return false
            }
        }
    }

    /// The places a value line's label may take inside the plot, best first: above the line at the right, unless a
    /// data line runs through it there; then below, then at the left, above or below; then anywhere along the line,
    /// from right to left, where a gap between the data's crossings is wide enough.
    private func referencePlaces(_ label: String, at p: Double) -> (text: String, places: [(x: Double, baseline: Double)], boxes: [Box]) {
        let text = TextMetrics.truncate(label, to: Self.maxLabelWidth, size: Theme.annotationFont)
        let width = TextMetrics.width(text, size: Theme.annotationFont)
        let above = p - 6, below = p + 17
        let baselines = p - 6 - Theme.annotationFont < frame.top ? [below] : (p + 17 > frame.bottom ? [above] : [above, below])
        let right = max(frame.left, frame.right - 4 - width), left = frame.left + 4
        let along = stride(from: right - 6, to: left, by: -6).map { $0 }
        let places = ([right, left] + along).flatMap { x in baselines.map { (x: x, baseline: $0) } }
        let boxes = places.map { Box(left: $0.x, top: $0.baseline - Theme.annotationFont, right: $0.x + width, bottom: $0.baseline + 4) }
        return (text, places, boxes)
    }

    /// The labelled value lines (horizontal, across a vertical value axis) whose every place inside the plot is
    /// crossed by a data line: the chart names them beside the plot instead.
    func referenceLabelsWithoutPlace() -> [(index: Int, label: String)] {
        guard showLabels, !valueAxisIsHorizontal, !curves.isEmpty else { return [] }
        return annotations.enumerated().compactMap { index, annotation in
            guard case .referenceLine(.y, let value, let label) = annotation, !label.isEmpty,
                  let p = yPos(value), frame.contains(y: p) else { return nil }
            return referencePlaces(label, at: p).boxes.allSatisfy(crossed) ? (index, label) : nil
        }
    }

    /// Shaded bands, drawn behind the data.
    func drawBackground(into svg: inout SVGWriter) {
        for case .band(let from, let to, _) in annotations {
            guard let a = xPos(from), let b = xPos(to) else { continue }
            let lo = max(frame.left, min(a, b)), hi = min(frame.right, max(a, b))
            if hi > lo { svg.rect(lo, frame.top, hi - lo, frame.height, cls: "ch-band") }
        }
    }

    /// Lines, events, markers and all annotation labels, drawn over the data.
    func drawForeground(into svg: inout SVGWriter) {
        svg.open("ch-annotations")
        var lane: [(text: String, x: Double)] = []
        var points: [PointLabel] = []
        // Labels drawn inside the plot, which point labels must not touch.
        var taken: [Box] = []
        for (index, annotation) in annotations.enumerated() {
            switch annotation {
            case .referenceLine(.y, let value, let label):
                guard let p = yPos(value) else { continue }
                if valueAxisIsHorizontal {
                    guard frame.contains(x: p) else { continue }
                    svg.line(p, frame.top, p, frame.bottom, cls: "ch-ref")
                    lane.append((label, p))
                } else {
                    guard frame.contains(y: p) else { continue }
                    svg.line(frame.left, p, frame.right, p, cls: "ch-ref")
                    guard showLabels, !label.isEmpty, !labelsBesidePlot.contains(index) else { continue }
                    let (text, places, boxes) = referencePlaces(label, at: p)
                    let chosen = boxes.indices.first { !crossed(boxes[$0]) } ?? 0
                    taken.append(boxes[chosen])
                    let right = places[0].x
                    if places[chosen].x == right {
                        svg.clampedText(text, x: frame.right - 4, y: places[chosen].baseline, size: Theme.annotationFont, anchor: .end,
                                        cls: "ch-halo", minX: frame.left)
                    } else {
                        svg.text(text, x: places[chosen].x, y: places[chosen].baseline, size: Theme.annotationFont, anchor: .start, cls: "ch-halo")
                    }
                }
            case .referenceLine(.x, let value, let label):
                guard let p = xPos(value), frame.contains(x: p) else { continue }
                svg.line(p, frame.top, p, frame.bottom, cls: "ch-ref")
                lane.append((label, p))
            case .band(let from, let to, let label):
                guard let a = xPos(from), let b = xPos(to) else { continue }
                let lo = max(frame.left, min(a, b)), hi = min(frame.right, max(a, b))
                if hi > lo { lane.append((label, (lo + hi) / 2)) }
            case .event(let x, let label):
                guard let p = xPos(x), frame.contains(x: p) else { continue }
                svg.line(p, frame.top - (showLabels ? 4 : 0), p, frame.bottom, cls: "ch-event")
                lane.append((label, p))
            case .here(let x, let y, let label):
                guard let px = valueAxisIsHorizontal ? yPos(y) : xPos(x),
                      let py = valueAxisIsHorizontal ? xPos(x) : yPos(y),
                      frame.contains(x: px), frame.contains(y: py) else { continue }
                svg.circle(px, py, 10, cls: "ch-here-ring")
                svg.circle(px, py, 5, cls: "ch-here")
                points.append(PointLabel(text: label, x: px, y: py, muted: false))
            case .mark(let x, let y, let label):
                guard let px = valueAxisIsHorizontal ? yPos(y) : xPos(x),
                      let py = valueAxisIsHorizontal ? xPos(x) : yPos(y),
                      frame.contains(x: px), frame.contains(y: py) else { continue }
                svg.circle(px, py, 4, cls: "ch-mark")
                points.append(PointLabel(text: label, x: px, y: py, muted: true))
            }
        }
        if showLabels {
            drawPointLabels(valueLabels + points, avoiding: taken, into: &svg)
            drawLane(lane, into: &svg)
        }
        svg.close()
    }

    /// The label of a point marker, and where its point is.
    struct PointLabel {
        var text: String
        var x: Double
        var y: Double
        var muted: Bool
        /// A value beside a data point (no marker ring): tried beside it first, right then left.
        var value = false
    }

    /// Point labels beside their points. Each takes the first of its places around its point (above right first)
    /// that stays inside the chart, touches no label placed before it and no other point, is nearer its own point
    /// than any other labelled point or any other data line (so it cannot be read as another's label), and is crossed
    /// by no data line; then the first that is only not crossed;
    /// failing that, the first such place a data line crosses, drawn with a wide halo that hides the line. Places further
    /// above or below the point, with a short leader, come last.
    private func drawPointLabels(_ labels: [PointLabel], avoiding taken: [Box], into svg: inout SVGWriter) {
        var placed = taken
        let dots = labels.map { Box(left: $0.x - 10, top: $0.y - 10, right: $0.x + 10, bottom: $0.y + 10) }
        // The chosen (unmuted) points first, so they get the best places.
        let order = labels.indices.sorted { (labels[$0].muted ? 1 : 0, $0) < (labels[$1].muted ? 1 : 0, $1) }
        for index in order {
            let label = labels[index]
            let text = TextMetrics.truncate(label.text, to: Self.maxLabelWidth, size: Theme.annotationFont)
            guard !text.isEmpty else { continue }
            let width = TextMetrics.width(text, size: Theme.annotationFont), height = Theme.annotationFont
            let gap = label.muted || label.value ? 8.0 : 14.0
            // (left edge, baseline): above right, above left, below right, below left, straight above or below, beside.
            var candidates: [(Double, Double)] = [
                (label.x + gap, label.y - gap), (label.x - gap - width, label.y - gap),
                (label.x + gap, label.y + gap + height), (label.x - gap - width, label.y + gap + height),
                (label.x - width / 2, label.y - gap - 4), (label.x - width / 2, label.y + gap + height + 4),
                (label.x + gap + 2, label.y + 5), (label.x - gap - 2 - width, label.y + 5),
            ]
            // A value reads best level with its point, as the end of a range bar is labelled.
            if label.value { candidates = Array(candidates.suffix(2)) + candidates.dropLast(2) }
            // Last: above or below the point, moved sideways to stay in the plot, one or two rows further out (with a
            // leader from the point), for points too close together for any place beside them.
            let leftmost = frame.left + 2, rightmost = svg.width - Theme.edge - width
            let centred = rightmost >= leftmost ? min(max(label.x - width / 2, leftmost), rightmost) : leftmost
            var further: [(Double, Double)] = []
            for row in [0.0, 1, 2] {
                let step: Double = row * (height + 4)
                let up: Double = label.y - gap - 4 - step
                let down: Double = label.y + gap + height + 4 + step
                further += [(centred, up), (centred, down)]
            }
            candidates += further
            let others = dots.indices.filter { $0 != index }.map { dots[$0] }
            func box(_ candidate: (Double, Double)) -> Box {
                Box(left: candidate.0, top: candidate.1 - height, right: candidate.0 + width, bottom: candidate.1 + 4)
            }
            // Inside the plot on the left (clear of the tick labels), within the chart on the right.
            func inside(_ b: Box) -> Bool { b.left >= frame.left + 2 && b.right <= svg.width - Theme.edge }
            func fits(_ candidate: (Double, Double)) -> Bool {
                let b = box(candidate)
                return inside(b) && b.top >= frame.top - (label.value ? 10 : 4) && b.bottom <= frame.bottom + 4
                    && !(placed + others).contains { $0.overlaps(b) }
            }
            // Nearer its own point than any other labelled point, by a clear margin; a label a row or two away, with
            // a leader straight down (or up) to its point, is its own when no other point lies under it.
            let leadered = Array(further.dropFirst(2))
            func owned(_ candidate: (Double, Double)) -> Bool {
                let b = box(candidate), own = b.distance(to: label.x, label.y)
                if leadered.contains(where: { $0 == candidate }), b.left <= label.x, label.x <= b.right {
                    return labels.indices.allSatisfy { $0 == index || labels[$0].x < b.left - 6 || labels[$0].x > b.right + 6 }
                }
                return labels.indices.allSatisfy { $0 == index || b.distance(to: labels[$0].x, labels[$0].y) >= own + 6 }
            }
            // Reference lines and events cross a label as a data line does.
            func lineThrough(_ b: Box) -> Bool { crossed(b) || ruled(b) }
            // Nearer its own point than any other line, by a clear margin as for points; a leadered label (its leader
            // says whose it is) only clear of other lines.
            func clear(_ candidate: (Double, Double)) -> Bool {
                let b = box(candidate)
                let limit = leadered.contains(where: { $0 == candidate }) ? 4 : b.distance(to: label.x, label.y) + 6
                return !nearOtherLine(b, than: limit, point: label.x, label.y)
            }
            let free = candidates.first { fits($0) && owned($0) && !lineThrough(box($0)) && clear($0) }
                ?? candidates.first { fits($0) && owned($0) && !lineThrough(box($0)) }
                ?? candidates.first { fits($0) && owned($0) }
                ?? (label.muted ? nil : candidates.first(where: fits))
                ?? (label.muted ? nil : candidates.first { candidate in
                    let b = box(candidate)
                    return inside(b) && !placed.contains { $0.overlaps(b) }
                })
            // Another scenario's faint point keeps its dot but loses its label when no place is its own (its own
            // variant names it); the chosen point is always named.
            if free == nil, label.muted { continue }
            let chosen = free ?? candidates[0]
            let chosenBox = box(chosen)
            placed.append(chosenBox)
            if leadered.contains(where: { $0 == chosen }) {
                // A leader from the point's edge to the label far from it.
                let above = chosen.1 < label.y
                let end = above ? chosenBox.bottom : chosenBox.top
                let start = label.y + (above ? -1 : 1) * (label.muted ? 5 : 11)
                svg.line(label.x, start, label.x, end, cls: "ch-axis")
            }
            svg.clampedText(text, x: chosen.0, y: chosen.1, size: Theme.annotationFont, anchor: .start,
                            cls: label.muted ? "ch-muted ch-halo" : "ch-halo")
            // A halo wide enough to fill the gaps between the letters, so no line runs through the words.
            if crossed(chosenBox) { svg.styleLastElement(Self.wideHalo) }
        }
    }

    /// The style of a point label that a data line crosses: its background-coloured halo covers the line there.
    static let wideHalo = "stroke-width:7px"

    /// Lane labels in up to two rows above the plot; a label goes to the first row where it does not collide.
    private func drawLane(_ items: [(text: String, x: Double)], into svg: inout SVGWriter) {
        let rows = laneRowCount ?? Self.laneRows(annotations, horizontal: valueAxisIsHorizontal)
        for place in Self.lanePlaces(items, rows: rows, frame: frame, horizontal: valueAxisIsHorizontal, width: svg.width) {
            let baseline = frame.top - 8 - Double(place.row) * Self.laneHeight
            svg.text(place.text, x: place.left + place.width / 2, y: baseline, size: Theme.annotationFont, anchor: .middle,
                     cls: "ch-halo")
        }
    }

    /// Where lane labels go: each in the first of `rows` rows where it does not collide, left to right.
    static func lanePlaces(_ items: [(text: String, x: Double)], rows: Int, frame: Frame, horizontal: Bool,
                           width canvas: Double) -> [(text: String, left: Double, width: Double, row: Int)] {
        guard rows > 0 else { return [] }
        var rowEnds = Array(repeating: -Double.infinity, count: rows)
        let ordered = items.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
        var places: [(text: String, left: Double, width: Double, row: Int)] = []
        for item in ordered where !item.text.isEmpty {
            let text = TextMetrics.truncate(item.text, to: Self.maxLabelWidth, size: Theme.annotationFont)
            let width = TextMetrics.width(text, size: Theme.annotationFont)
            // Labels stay right of the y tick labels, whose top one reaches into the lane.
            let left = min(max(item.x - width / 2, horizontal ? Theme.edge : frame.left), canvas - Theme.edge - width)
            let row = rowEnds.firstIndex { $0 + 8 <= left } ?? rowEnds.indices.min { rowEnds[$0] < rowEnds[$1] } ?? 0
            rowEnds[row] = left + width
            places.append((text, left, width, row))
        }
        return places
    }

    /// The lane's labels and the x of each (canvas units) on a vertical-valued chart, as `drawForeground` finds them.
    static func laneItems(_ annotations: [Annotation], frame: Frame, xPos: (Double) -> Double?) -> [(text: String, x: Double)] {
        annotations.compactMap { annotation -> (text: String, x: Double)? in
            switch annotation {
            case .referenceLine(.x, let value, let label), .event(let value, let label):
                guard let p = xPos(value), frame.contains(x: p) else { return nil }
                return (label, p)
            case .band(let from, let to, let label):
                guard let a = xPos(from), let b = xPos(to) else { return nil }
                let lo = max(frame.left, min(a, b)), hi = min(frame.right, max(a, b))
                return hi > lo ? (label, (lo + hi) / 2) : nil
            default:
                return nil
            }
        }
    }
}

/// A rectangle of text or marks, for keeping labels apart.
struct Box: Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    func overlaps(_ other: Box) -> Bool {
        left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }

    /// The box grown by `by` on every side.
    func inflated(_ by: Double) -> Box { Box(left: left - by, top: top - by, right: right + by, bottom: bottom + by) }

    /// How far the point (x, y) is from the box (0 inside it).
    func distance(to x: Double, _ y: Double) -> Double {
        let dx = max(left - x, 0, x - right), dy = max(top - y, 0, y - bottom)
        return (dx * dx + dy * dy).squareRoot()
    }
}

extension Annotation {
    /// The words printed beside the mark.
    var label: String {
        switch self {
        case .referenceLine(_, _, let label), .band(_, _, let label), .event(_, let label), .here(_, _, let label),
             .mark(_, _, let label): label
        }
    }
}

extension Validate {
    /// Each annotation's label wider than a label may be (`AnnotationLayer.maxLabelWidth`), which would be printed cut
    /// short ("A new leak-detection programme sta…"): errors naming what would be printed and how much fits.
    static func annotationLabelProblems(_ spec: ChartSpec) -> [ChartError] {
        spec.annotations.enumerated().compactMap { index, annotation in
            let label = annotation.label
            let shown = TextMetrics.truncate(label, to: AnnotationLayer.maxLabelWidth, size: Theme.annotationFont)
            guard shown != label else { return nil }
            return .annotation(index: index, kind: spec.kind, reason: "label is too long to print whole: it would read '\(shown)'",
                               hint: "about \(shown.count - 1) characters fit: shorten the label, and say the rest in the caption or the text")
        }
    }
}
