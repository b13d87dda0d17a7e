/// Line, area and stacked-area charts over a continuous x axis.
enum LineChart {
    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        try Validate.xySeries(spec)
        let stacked = spec.kind == .stackedArea, filled = spec.kind != .line
        var layers = spec.series.map { series in (top: Array(zip(series.x, series.y)), base: [(Double, Double)]()) }
        if stacked {
            let xs = spec.series[0].x
            if let other = spec.series.first(where: { $0.x != xs }) {
                throw .unsupported(kind: spec.kind, reason: "series '\(other.name)' has different x values from '\(spec.series[0].name)'; stacked series must share x")
            }
            var running = Array(repeating: 0.0, count: xs.count)
            for index in layers.indices {
                let base = running
                for point in running.indices where spec.series[index].y[point].isFinite { running[point] += spec.series[index].y[point] }
                layers[index] = (Array(zip(xs, running)), Array(zip(xs, base)))
            }
        }
        let background = spec.background
        let ys = layers.flatMap { $0.top.map(\.1) + $0.base.map(\.1) } + background.flatMap(\.y)
        let finiteYs = ys.filter(\.isFinite)
        let lo = finiteYs.min() ?? 0, hi = finiteYs.max() ?? 0
        let names = spec.series.map(\.name)
        let colors = spec.series.enumerated().map { $1.color ?? Theme.color($0) }
        // Faint comparison series are named at their ends too when each stands for one whole scenario.
        let backgroundNames = spec.series.count == 1 ? background.map(\.name) : []
        let lastPoints = (spec.series + background).compactMap { series in
            Array(zip(series.x, series.y)).last(where: { $0.isFinite && $1.isFinite && (spec.y.scale == .linear || $1 > 0) })
        }
        let lastXs = lastPoints.map(\.0)
        // A line that ends outside a fixed y range (an exceedance curve falling off a log axis) cannot be named at
        // its end: such charts get a legend.
        let endsInside = lastPoints.allSatisfy { point in
            (spec.y.min.map { point.1 >= $0 } ?? true) && (spec.y.max.map { point.1 <= $0 } ?? true)
        }
        let sameEnd = endsInside && lastXs.count == names.count + background.count && lastXs.allSatisfy { $0 == lastXs[0] }
        let labelled = names + backgroundNames
        // Whether names fit at a line's end is judged on one line each (as on a wide chart), so a phone never trades
        // a legend for a pile of wrapped names; where they fit, a phone wraps them to keep the plot wide. Names that
        // would still take more than a quarter of a phone-width chart (Fig 9.3's "Others follow partly") go to the
        // legend above it instead, so the plot keeps the width; unless two or more faint lines would share one grey
        // legend entry (Fig 7.4), which only their end labels tell apart.
        let useEndLabels = labelled.count > 1 && sameEnd && EndLabels.marginWidth(labelled) != nil
            && (backgroundNames.count > 1 || !EndLabels.crowdsNarrowPlot(labelled, canvas: spec.width))
        func legendEntries(endLabels useEndLabels: Bool) -> [LegendEntry] {
            var legend = names.count > 1 && !useEndLabels
                ? names.enumerated().map { LegendEntry(name: $1, color: colors[$0],
                                                       mark: filled ? .box : spec.points.contains($1) ? .point : .line) } : []
            if !background.isEmpty, !useEndLabels || backgroundNames.isEmpty {
                if legend.isEmpty, names.count == 1 { legend.append(LegendEntry(name: names[0], color: colors[0], mark: .line)) }
                // Ghosts named "Scenario: series" all from one scenario are named by it.
                let scenarios = Set(background.compactMap { $0.name.components(separatedBy: ": ").first })
                if !backgroundNames.isEmpty {
                    // Each faint line stands for a whole scenario: one entry per distinct line style, with that style's
                    // dashes (Fig 6.2's solid "Calm" and dotted "Stressed" shared one solid swatch).
                    var styles: [Int] = [], namesByStyle: [Int: [String]] = [:]
                    for item in background {
                        let style = item.color ?? 0
                        if namesByStyle[style] == nil { styles.append(style) }
                        namesByStyle[style, default: []].append(item.name)
                    }
                    legend += styles.map { style in
                        LegendEntry(name: namesByStyle[style]!.joined(separator: spec.language.text("chartListComma")),
                                    color: style, mark: .ghost)
                    }
                    // One line per scenario, each with its scenario's colour index: the entries keep the scenarios'
                    // order whichever is highlighted, so switching scenarios does not reshuffle the key (Fig 6.2).
                    if names.count == 1, styles.count == background.count {
                        legend.sort { $0.color < $1.color }
                    }
                } else {
                    let ghostName = scenarios.count == 1 && background.allSatisfy({ $0.name.contains(": ") }) ? scenarios.first!
                        : spec.language.text("chartOtherScenarios")
                    legend.append(LegendEntry(name: ghostName, color: 0, mark: .ghost))
                }
            }
            return legend
        }
        // Lines that end together are named on the plot where they are apart (`InlineLabels`); a name that finds no
        // such room (a long Chinese name on a phone) stays at its line's end where that end is apart from the others,
        // and all do when the ends are apart. `atEnd`: names kept at the lines' ends. Returns nil, with the names that
        // found no room and whether one of them ends where another line does, when some did not.
        func draw(inline: Bool, atEnd: Set<String> = [], endLabels useEndLabels: Bool = useEndLabels) throws(ChartError)
            -> (svg: String?, unplaced: Set<String>, unplacedEndsMeet: Bool) {
            var chart = CartesianChart(spec: spec, id: id,
                                       xPlan: .values((spec.series + background).flatMap(\.x), includeZero: false),
                                       yValues: ys, includeZeroY: filled || (lo >= 0 && lo <= hi / 2),
                                       legend: legendEntries(endLabels: useEndLabels),
                                       endLabelNames: useEndLabels ? (inline ? labelled.filter(atEnd.contains) : labelled) : [])
            chart.pointValues = rangeEndValues(spec)
            var placedInline = true, unplaced: Set<String> = [], unplacedEndsMeet = false
            let svg = try chart.render { svg, context in
                var labels: [EndLabel] = [], named: [InlineLabels.Line] = []
                var obstacles: [Box] = []
                for item in background {
                    let drawn = points(Array(zip(item.x, item.y)), context)
                    // A faint line standing for one of several series ("Scenario: series") keeps that series' dashes,
                    // so which grey line is which reads from the legend (Fig 10.3: three assets in the other setting).
                    // A faint line standing for a whole scenario (one series per scenario, Fig 7.4) keeps that
                    // scenario's dashes too, so two grey lines ending together are told apart by their labels.
                    let series = names.count > 1 ? item.name.range(of: ": ").flatMap { names.firstIndex(of: String(item.name[$0.upperBound...])) } : nil
                    let dashes = series.map { colors[$0] } ?? (names.count == 1 ? item.color : nil)
                    drawGhost(drawn, dashesOf: dashes, into: &svg)
                    if useEndLabels, !backgroundNames.isEmpty, let last = drawn.last(where: { $0 != nil }) ?? nil {
                        labels.append(EndLabel(name: item.name, color: dashes ?? 0, y: last.y, muted: true))
                        named.append(InlineLabels.Line(name: item.name, points: drawn, muted: true))
                    }
                }
                for (index, layer) in layers.enumerated() {
                    let color = colors[index]
                    let top = points(layer.top, context)
                    if stacked {
                        let base = points(layer.base, context)
                        for (upper, lower) in zip(segments(top), segments(base)) where upper.count > 1 {
                            svg.path(polygon(upper, lower.reversed()), cls: "ch-layer ch-f\(color)")
                        }
                    } else if filled {
                        for segment in segments(top) where segment.count > 1 {
                            let base = context.y.baseline
                            svg.path(polygon(segment, [(segment[segment.count - 1]!.x, base), (segment[0]!.x, base)]),
                                     cls: "ch-area ch-f\(color)")
                        }
                    }
                    // A stacked layer's edge is a running total, not a value to read: no markers (Fig 5.2's top layer
                    // put one on the 100 % corner).
                    let dots = layer.top.count <= 12 && !stacked
                    // A stacked layer's edge is drawn only where the layer has thickness: one of no thickness (a
                    // chance of 0 %) would lay a hairline of its colour along the next edge (Fig 5.2's orange seam).
                    var edge = top
                    if stacked {
                        let base = points(layer.base, context)
                        let thin = top.indices.map { index in
                            guard let upper = top[index], let lower = base[index] else { return false }
                            return abs(upper.y - lower.y) < 0.5
                        }
                        edge = top.indices.map { index in
                            thin[index] && (index == 0 || thin[index - 1]) && (index == top.count - 1 || thin[index + 1]) ? nil : top[index]
                        }
                    }
                    if edge.contains(where: { $0 != nil }) {
                        // A series of `points:` is its points alone, each a dot, with no line between them.
                        let unjoined = spec.points.contains(names[index])
                        drawLine(edge, color: color, dots: dots || unjoined, endMarker: !stacked, joined: !unjoined, into: &svg)
                    }
                    let drawn = top.compactMap { $0 }
                    obstacles += (dots ? drawn : Array(drawn.suffix(1))).map { Box(left: $0.x - 5, top: $0.y - 5, right: $0.x + 5, bottom: $0.y + 5) }
                    guard let last = top.last(where: { $0 != nil }) ?? nil else { continue }
                    let y = stacked ? (last.y + (points(layer.base, context).last(where: { $0 != nil }).flatMap { $0?.y } ?? last.y)) / 2 : last.y
                    if useEndLabels {
                        labels.append(EndLabel(name: names[index], color: color, y: y))
                        named.append(InlineLabels.Line(name: names[index], points: top, muted: false))
                    }
                }
                obstacles += drawRunOffs(spec, context, into: &svg)
                guard inline else { return labels }
                obstacles += annotationObstacles(spec.annotations, context)
                guard InlineLabels.endsMeet(named) else {
                    placedInline = false
                    return []
                }
                let placed = InlineLabels.place(named.filter { !atEnd.contains($0.name) }, frame: context.frame, obstacles: obstacles)
                unplaced = Set(placed.filter { $0.box == nil }.map(\.name))
                unplacedEndsMeet = InlineLabels.endsMeet(named, involving: unplaced)
                guard unplaced.isEmpty else {
                    placedInline = false
                    return []
                }
                InlineLabels.draw(placed, into: &svg)
                return labels.filter { atEnd.contains($0.name) }
            }
            return (placedInline ? svg : nil, unplaced, unplacedEndsMeet)
        }
        if useEndLabels, spec.kind == .line, spec.y.scale == .linear {
            let all = try draw(inline: true)
            if let svg = all.svg { return svg }
            // Some names found no room: those go to their lines' ends, on a plot narrowed for them, the rest stay on it;
            // unless one of those ends meets another line's, where its name could be read as that line's, named on the
            // plot (Fig 11.2 in Chinese on a phone): then a legend names them all, when each line has its own swatch
            // there. (When no name found room, all go to the ends, spread apart, each with its line's swatch.)
            if all.unplacedEndsMeet, all.unplaced.count < labelled.count {
                let ghostStyles = backgroundNames.isEmpty ? [] : background.map { $0.color ?? 0 }
                if Set(ghostStyles).count == ghostStyles.count { return try draw(inline: false, endLabels: false).svg! }
            } else if !all.unplaced.isEmpty, all.unplaced.count < labelled.count,
                      let svg = try draw(inline: true, atEnd: all.unplaced).svg {
                return svg
            }
        }
        return try draw(inline: false).svg!
    }

    /// Where each line runs off the top of a clipped y axis (`clip`): the x where it crosses `max`, and the highest
    /// value it reaches with its x.
    static func runOffs(_ spec: ChartSpec) -> [(exit: Double, top: Double, topX: Double)] {
        guard spec.y.clip, let max = spec.y.max, spec.kind == .line else { return [] }
        return spec.series.compactMap { series in
            let points = zip(series.x, series.y).filter { $0.0.isFinite && $0.1.isFinite }
            guard let peak = points.max(by: { $0.1 < $1.1 }), peak.1 > max,
                  let index = points.firstIndex(where: { $0.1 > max }) else { return nil }
            var exit = points[index].0
            if index > 0 {
                let (x0, y0) = points[index - 1], (x1, y1) = points[index]
                exit = x0 + (max - y0) / (y1 - y0) * (x1 - x0)
            }
            return (exit, peak.1, peak.0)
        }
    }

    /// Marks where lines run off the top of a clipped axis: "↑ $6.4 T (2030)" just inside the top, beside the place
    /// the line leaves. Returns the marks' boxes.
    static func drawRunOffs(_ spec: ChartSpec, _ context: PlotContext, into svg: inout SVGWriter) -> [Box] {
        let marks = runOffs(spec)
        guard !marks.isEmpty else { return [] }
        let frame = context.frame
        let numbers = spec.language.numbers
        var boxes: [Box] = []
        svg.open("ch-annotations")
        for mark in marks {
            guard let px = context.xPos(mark.exit) else { continue }
            let value = spec.y.format.string(for: mark.top, numbers: numbers)
            let x = spec.x.format.string(for: mark.topX, numbers: numbers)
            let text = "\u{2191} " + value + (numbers.isChinese ? "（\(x)）" : " (\(x))")
            let width = TextMetrics.width(text, size: Theme.annotationFont)
            let left = px - 6 - width >= frame.left + 4 ? px - 6 - width : min(px + 6, frame.right - width)
            let baseline = frame.top + 14
            svg.text(text, x: left, y: baseline, size: Theme.annotationFont, cls: "ch-halo")
            boxes.append(Box(left: left, top: baseline - 12, right: left + width, bottom: baseline + 4))
        }
        svg.close()
        return boxes
    }

    /// What a name on the plot must not cover: value lines, event lines and marked points.
    static func annotationObstacles(_ annotations: [Annotation], _ context: PlotContext) -> [Box] {
        let frame = context.frame
        return annotations.compactMap { annotation -> Box? in
            switch annotation {
            case let .referenceLine(.y, value, _):
                return context.y.position(value).map { Box(left: frame.left, top: $0 - 1, right: frame.right, bottom: $0 + 1) }
            case let .referenceLine(.x, value, _), let .event(value, _):
                return context.xPos(value).map { Box(left: $0 - 1, top: frame.top, right: $0 + 1, bottom: frame.bottom) }
            case let .here(x, y, _), let .mark(x, y, _):
                guard let px = context.xPos(x), let py = context.y.position(y) else { return nil }
                return Box(left: px - 10, top: py - 10, right: px + 10, bottom: py + 10)
            case let .band(from, to, _):
                guard let a = context.xPos(from), let b = context.xPos(to) else { return nil }
                return Box(left: min(a, b), top: frame.top, right: max(a, b), bottom: frame.top + 20)
            }
        }
    }

    /// The ends of each series drawn as a range (two points at one x, as Fig 7.2's reported 2023 range of $8–12),
    /// labelled with their values: a legend names the range but not where it starts and ends. Numbers take the
    /// decimals all the chart's values share ("$8.00" beside "$2.35"); and each point of a `points:` series.
    static func rangeEndValues(_ spec: ChartSpec) -> [(x: Double, y: Double, text: String)] {
        guard spec.kind == .line else { return [] }
        let ranges = spec.series.compactMap { series -> [(x: Double, y: Double)]? in
            let points = zip(series.x, series.y).filter { $0.0.isFinite && $0.1.isFinite }
            guard points.count == 2, points[0].0 == points[1].0, points[0].1 != points[1].1 else { return nil }
            return points.map { (x: $0.0, y: $0.1) }
        }
        // The points of a `points:` series are read one by one, so each is labelled with its value too.
        let unjoined = spec.series.filter { spec.points.contains($0.name) }.map { series in
            zip(series.x, series.y).filter { $0.0.isFinite && $0.1.isFinite }.map { (x: $0.0, y: $0.1) }
        }
        guard !ranges.isEmpty || !unjoined.isEmpty else { return [] }
        let all = spec.series.flatMap(\.y).filter(\.isFinite)
        let ends = ranges.flatMap { $0 } + unjoined.flatMap { $0 }
        let texts = spec.y.format.labels(for: ends.map(\.y) + all, significant: spec.labelDigits,
                                         numbers: spec.language.numbers).prefix(ends.count)
        return zip(ends, texts).map { (x: $0.x, y: $0.y, text: $1) }
    }

    /// A comparison series: a thin grey line without markers, solid or with the dashes of series colour `dashes`.
    static func drawGhost(_ points: [(x: Double, y: Double)?], dashesOf dashes: Int? = nil, into svg: inout SVGWriter) {
        var path = PathData()
        for segment in segments(points) {
            for (index, point) in simplified(segment.compactMap { $0 }).enumerated() {
                if index == 0 { path.move(point.x, point.y) } else { path.line(point.x, point.y) }
            }
        }
        svg.path(path, cls: "ch-line ch-ghost-line" + (dashes.map { " ch-d\($0)" } ?? ""))
    }

    /// Pixel points; nil where a value cannot be drawn (the line breaks there).
    static func points(_ data: [(Double, Double)], _ context: PlotContext) -> [(x: Double, y: Double)?] {
        data.map { x, y in
            guard let px = context.xPos(x), let py = context.y.position(y) else { return nil }
            return (px, py)
        }
    }

    /// Runs of drawable points, split at gaps.
    static func segments(_ points: [(x: Double, y: Double)?]) -> [[(x: Double, y: Double)?]] {
        var result: [[(x: Double, y: Double)?]] = [], current: [(x: Double, y: Double)?] = []
        for point in points {
            if point == nil {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(point)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func polygon(_ upper: [(x: Double, y: Double)?], _ lower: [(x: Double, y: Double)?]) -> PathData {
        var path = PathData()
        let outline = simplified(upper.compactMap { $0 }) + simplified(lower.compactMap { $0 })
        for (index, point) in outline.enumerated() {
            if index == 0 { path.move(point.x, point.y) } else { path.line(point.x, point.y) }
        }
        path.close()
        return path
    }

    /// The series line (dashed per series), dots on short series, and an end marker.
    static func drawLine(_ points: [(x: Double, y: Double)?], color: Int, dots: Bool, endMarker: Bool = true,
                         joined: Bool = true, into svg: inout SVGWriter) {
        var path = PathData()
        for segment in segments(points) where joined {
            for (index, point) in simplified(segment.compactMap { $0 }).enumerated() {
                if index == 0 { path.move(point.x, point.y) } else { path.line(point.x, point.y) }
            }
        }
        svg.path(path, cls: "ch-line ch-k\(color) ch-d\(color)")
        let drawn = points.compactMap { $0 }
        for point in dots ? drawn : endMarker ? Array(drawn.suffix(1)) : [] {
            svg.circle(point.x, point.y, 4, cls: "ch-dot ch-f\(color)")
        }
    }
}
