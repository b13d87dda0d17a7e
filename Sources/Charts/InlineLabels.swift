/// Names written on the plot beside their lines, where the lines are apart.
///
/// Lines that end together (three unemployment paths all back at 4 %, three loan-to-value paths all at zero) cannot
/// be named at their ends: the names would pile up in the corner, far from the humps that tell the lines apart
/// (Figs 7.4, 11.2, 11.3). Each name is placed instead beside its own line where that line is furthest from the
/// others, above, below or beside it, touching no line, marker or other name.
enum InlineLabels {
    /// A line to name: its pixel points (nil breaks the line), its name, and how the name is drawn.
    struct Line {
        var name: String
        var points: [(x: Double, y: Double)?]
        var muted: Bool
    }

    /// A name and its text box (the baseline is `box.top + ascent`); nil when it found no room.
    struct Placed: Equatable {
        var name: String
        var box: Box?
        var muted: Bool
        var baseline: Double { (box?.top ?? 0) + ascent }
    }

    static let ascent = 11.5
    static let descent = 3.5
    /// Gap between a name and its line.
    static let gap = 3.0
    /// Clearance every other line, marker and name keeps from a name.
    static let clearance = 2.0
    /// A name above or below its line sits where the line rises or falls no more than this under it, so it stays
    /// beside the line it names.
    static let attachment = 18.0

    /// Whether the lines' ends are too close to name them there: two ends nearer than one label's height. With
    /// `involving`, only pairs in which one of those names' lines ends near another line's count.
    static func endsMeet(_ lines: [Line], involving names: Set<String>? = nil) -> Bool {
        let ends = lines.map { line in (name: line.name, y: (line.points.last(where: { $0 != nil }) ?? nil)?.y) }
        if names == nil { guard ends.allSatisfy({ $0.y != nil }), ends.count > 1 else { return false } }
        return ends.indices.contains { i in
            ends.indices.contains { j in
                guard i < j, let a = ends[i].y, let b = ends[j].y else { return false }
                return abs(a - b) < EndLabels.spacing
                    && (names.map { $0.contains(ends[i].name) || $0.contains(ends[j].name) } ?? true)
            }
        }
    }

    /// A place for each line's name inside `frame`, clear of all lines, of `obstacles` and of each other, where its
    /// line stands at least `minimumSeparation` from the others; a name without one has a nil box (the chart names
    /// that line at its end).
    static func place(_ lines: [Line], frame: Frame, obstacles: [Box] = []) -> [Placed] {
        let segments = lines.map { runs($0.points) }
        // Greedy in the lines' order, then in the reverse order: the one that places more names wins.
        var best: [Placed] = []
        for order in [Array(lines.indices), Array(lines.indices.reversed())] {
            var placed: [Int: Placed] = [:]
            for index in order {
                let taken = obstacles + placed.values.compactMap(\.box)
                placed[index] = bestPlace(for: index, lines: lines, segments: segments, frame: frame, taken: taken)
                    ?? Placed(name: lines[index].name, box: nil, muted: lines[index].muted)
            }
            let result = lines.indices.map { placed[$0]! }
            if best.isEmpty || result.filter({ $0.box != nil }).count > best.filter({ $0.box != nil }).count { best = result }
            if best.allSatisfy({ $0.box != nil }) { break }
        }
        return best
    }

    /// A name goes where its line is at least this far from every other line (at the name's x): closer, it could
    /// name either.
    static let minimumSeparation = 12.0

    /// Draws the names, each with a halo so the grid does not run through it.
    static func draw(_ placed: [Placed], into svg: inout SVGWriter) {
        guard !placed.isEmpty else { return }
        svg.open("ch-line-labels")
        for label in placed {
            guard let box = label.box else { continue }
            svg.text(label.name, x: box.left, y: label.baseline, size: Theme.labelFont,
                     cls: (label.muted ? "ch-muted" : "ch-text") + " ch-halo")
        }
        svg.close()
    }

    // MARK: Placement

    private static func bestPlace(for index: Int, lines: [Line], segments: [[[(x: Double, y: Double)]]], frame: Frame,
                                  taken: [Box]) -> Placed? {
        let width = TextMetrics.width(lines[index].name, size: Theme.labelFont)
        let height = ascent + descent
        let own = segments[index].flatMap { $0 }
        guard !own.isEmpty, width < frame.width - 4 else { return nil }
        // About 80 candidate points along the line are plenty to find where it stands apart.
        let step = max(1, own.count / 80)
        var best: (score: Double, box: Box)? = nil
        for point in stride(from: 0, to: own.count, by: step).map({ own[$0] }) {
            let separation = min(150, segments.indices.filter { $0 != index }
                .compactMap { yAt(point.x, segments[$0]).map { abs($0 - point.y) } }.min() ?? 150)
            guard separation >= minimumSeparation else { continue }
            var candidates: [(Box, Double)] = []
            let centred = clampX(point.x - width / 2, width: width, frame: frame)
            if let range = yRange(segments[index], from: centred, to: centred + width), range.max - range.min <= attachment {
                let above = range.min - gap
                candidates.append((Box(left: centred, top: above - height, right: centred + width, bottom: above), 0))
                let below = range.max + gap
                candidates.append((Box(left: centred, top: below, right: centred + width, bottom: below + height), 0))
            }
            // Beside the point, centred on it: a little less preferred (the name reads as the line's only up close).
            let side = 8.0
            candidates.append((Box(left: point.x + side, top: point.y - height / 2, right: point.x + side + width,
                                   bottom: point.y + height / 2), 8))
            candidates.append((Box(left: point.x - side - width, top: point.y - height / 2, right: point.x - side,
                                   bottom: point.y + height / 2), 8))
            for (box, penalty) in candidates where fits(box, frame: frame) {
                let padded = box.inflated(clearance)
                guard !taken.contains(where: { $0.overlaps(padded) }),
                      !segments.contains(where: { crosses($0, padded) }) else { continue }
                // Where this line is furthest from the others; among equals, further right (nearer the end).
                let score = separation - penalty + 0.01 * (box.left - frame.left)
                if best == nil || score > best!.score { best = (score, box) }
            }
        }
        return best.map { Placed(name: lines[index].name, box: $0.box, muted: lines[index].muted) }
    }

    private static func clampX(_ left: Double, width: Double, frame: Frame) -> Double {
        min(max(left, frame.left + 4), frame.right - 4 - width)
    }

    private static func fits(_ box: Box, frame: Frame) -> Bool {
        box.left >= frame.left + 4 && box.right <= frame.right - 4 && box.top >= frame.top && box.bottom <= frame.bottom - 3
    }

    /// Runs of drawable points, each sorted by x as drawn.
    static func runs(_ points: [(x: Double, y: Double)?]) -> [[(x: Double, y: Double)]] {
        var result: [[(x: Double, y: Double)]] = [], current: [(x: Double, y: Double)] = []
        for point in points {
            if let point { current.append(point) } else if !current.isEmpty { result.append(current); current = [] }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The line's height at `x` (the first run that reaches it), or nil where it does not reach.
    static func yAt(_ x: Double, _ runs: [[(x: Double, y: Double)]]) -> Double? {
        for run in runs {
            for (a, b) in zip(run, run.dropFirst()) where (a.x <= x && x <= b.x) || (b.x <= x && x <= a.x) {
                return a.x == b.x ? a.y : a.y + (x - a.x) / (b.x - a.x) * (b.y - a.y)
            }
            if run.count == 1, run[0].x == x { return run[0].y }
        }
        return nil
    }

    /// The lowest and highest y the line takes between `from` and `to` (segments clipped to that span).
    static func yRange(_ runs: [[(x: Double, y: Double)]], from: Double, to: Double) -> (min: Double, max: Double)? {
        var low = Double.infinity, high = -Double.infinity
        func take(_ y: Double) { low = min(low, y); high = max(high, y) }
        for run in runs {
            if run.count == 1, run[0].x >= from, run[0].x <= to { take(run[0].y) }
            for (a, b) in zip(run, run.dropFirst()) {
                let lo = min(a.x, b.x), hi = max(a.x, b.x)
                guard hi >= from, lo <= to else { continue }
                func at(_ x: Double) -> Double { a.x == b.x ? a.y : a.y + (x - a.x) / (b.x - a.x) * (b.y - a.y) }
                take(at(max(lo, from)))
                take(at(min(hi, to)))
                if a.x == b.x { take(a.y); take(b.y) }
            }
        }
        return low.isFinite ? (low, high) : nil
    }

    /// Whether the line passes through `box`: a segment is straight, so within the box's span its heights run
    /// continuously between its two ends there.
    static func crosses(_ runs: [[(x: Double, y: Double)]], _ box: Box) -> Bool {
        for run in runs {
            if run.count == 1, box.left <= run[0].x, run[0].x <= box.right, box.top <= run[0].y, run[0].y <= box.bottom { return true }
            for (a, b) in zip(run, run.dropFirst()) {
                guard let span = yRange([[a, b]], from: box.left, to: box.right) else { continue }
                if span.max >= box.top && span.min <= box.bottom { return true }
            }
        }
        return false
    }
}
