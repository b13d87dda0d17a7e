/// What the marks of an x/y chart draw with: the plot frame and its scales.
struct PlotContext {
    var frame: Frame
    var x: ContinuousScale?
    var band: BandScale?
    var y: ContinuousScale
    var xPos: (Double) -> Double?
}

/// The shared frame of x/y charts: legend, axis labels, annotation lane, grid, ticks, end labels.
struct CartesianChart {
    enum XPlan {
        /// A continuous x axis covering `values`.
        case values([Double], includeZero: Bool)
        /// Category bands; `xValues` (same count) lets x annotations fall between bands.
        case bands([String], xValues: [Double])
    }

    var spec: ChartSpec
    var id: String
    var xPlan: XPlan
    var yValues: [Double]
    var includeZeroY: Bool
    var legend: [LegendEntry] = []
    var endLabelNames: [String] = []
    /// Room right of the plot for labels placed beside the marks (a stacked bar's layer names); nil sizes it for
    /// `endLabelNames`.
    var endLabelMargin: Double? = nil
    var bandPadding = 0.2
    var height = Theme.height
    /// Extra room above positive (below negative) data, as a fraction of the data span, for value labels.
    var headroom = 0.0
    /// Pixels the plot keeps above the highest value for a text printed over it (a stack's total): the axis ends at
    /// the first tick at or above the data, and a step further only when that tick leaves less room than this.
    var topRoom = 0.0
    /// Texts printed beside data points (x, y in data values), placed with the annotations' point labels.
    var pointValues: [(x: Double, y: Double, text: String)] = []

    /// The y values the axis must cover, including label headroom and annotations.
    var paddedYValues: [Double] {
        let finite = yValues.filter(\.isFinite)
        guard headroom > 0, spec.y.scale == .linear, let lo = finite.min(), let hi = finite.max() else { return yValues }
        let span = max(hi, 0) - min(lo, 0)
        // Shares that stay within the whole (99.99 %) keep an axis that ends at it: the headroom would take a 0–100 %
        // axis to 150 %, a share no part can have; a bar at the top prints its value inside.
        let whole: Double? = switch spec.y.format { case .percent: 100; case .fraction: 1; default: nil }
        let top = whole.map { lo >= 0 && hi <= $0 ? min(hi + span * headroom, $0) : hi + span * headroom } ?? hi + span * headroom
        return yValues + (hi > 0 ? [top] : []) + (lo < 0 ? [lo - span * headroom] : [])
    }

    /// Where the plot sits and how its axes map values, for a right margin sized for `marginNames` as well.
    private struct Layout {
        var context: PlotContext
        var yAxis: ValueAxis
        var xAxis: ValueAxis?
        var yLabelBaseline: Double
    }

    /// The rows of event labels above the plot, and whether the y axis title sits beside them (left of the first)
    /// rather than in a row of its own above them.
    struct LanePlan: Equatable {
        var rows: Int
        var titleBeside = false
    }

    private func layout(marginNames: [String], lanes plan: LanePlan) throws(ChartError) -> Layout {
        var top = Legend.height(legend, width: spec.width)
        var yLabelBaseline = top + 16
        if !spec.y.label.isEmpty && !plan.titleBeside { top += 24 }
        let lanes = plan.rows
        let plotTop = top + Double(lanes) * AnnotationLayer.laneHeight + (lanes > 0 ? 8 : 0) + 10
        // Beside the lane, a little above its top row's labels, clear of the top tick label.
        if plan.titleBeside { yLabelBaseline = plotTop - 16 - Double(lanes - 1) * AnnotationLayer.laneHeight }
        let references = EndLabels.marginWidth(marginNames, canvas: spec.width, wrap: EndLabels.narrowReferenceWrap)
        let names = [EndLabels.marginWidth(endLabelNames, canvas: spec.width), references].compactMap { $0 }.max()
        let margin = endLabelMargin.map { own in max(own, references ?? own) } ?? names ?? 16

        var lines = 1, context: PlotContext? = nil, yAxis: ValueAxis? = nil, xAxis: ValueAxis? = nil
        for _ in 0..<2 {
            let bottom = 30 + 17 * Double(lines - 1) + (spec.x.label.isEmpty ? 0 : 22)
            let plotBottom = height - bottom
            let values = paddedYValues + AnnotationLayer.yValues(spec.annotations)
            let target = max(2, Int((plotBottom - plotTop) / 55))
            var axis = try Ticks.axis(spec.y, values: values, axis: .y, target: target, includeZero: includeZeroY,
                                      numbers: spec.language.numbers)
            if topRoom > 0, spec.y.scale == .linear, let highest = yValues.filter(\.isFinite).max(), highest > 0,
               axis.hi > axis.lo, (axis.hi - highest) / (axis.hi - axis.lo) * (plotBottom - plotTop) < topRoom {
                let room = topRoom / (plotBottom - plotTop) * (axis.hi - axis.lo)
                axis = try Ticks.axis(spec.y, values: values + [highest + room], axis: .y, target: target,
                                      includeZero: includeZeroY, numbers: spec.language.numbers)
            }
            let widest = axis.ticks.map { TextMetrics.width($0.label, size: Theme.tickFont) }.max() ?? 0
            let left = max(widest + 12, 12)
            let right = spec.width - margin
            let frame = Frame(left: left, top: plotTop, right: right, bottom: plotBottom)
            let yScale = axis.scale(from: plotBottom, to: plotTop)
            yAxis = axis
            switch xPlan {
            case .values(let values, let includeZero):
                let x = try Ticks.horizontal(spec.x, values: values + AnnotationLayer.xValues(spec.annotations), axis: .x,
                                             length: frame.width, includeZero: includeZero, tight: true,
                                             numbers: spec.language.numbers)
                let scale = x.scale(from: frame.left, to: frame.right)
                xAxis = x
                context = PlotContext(frame: frame, x: scale, band: nil, y: yScale, xPos: { scale.position($0) })
            case .bands(let labels, let xValues):
                let band = BandScale(count: labels.count, from: frame.left, to: frame.right, padding: bandPadding)
                context = PlotContext(frame: frame, x: nil, band: band, y: yScale,
                                      xPos: Self.bandPosition(band: band, xValues: xValues))
                let needed = Axes.bandLineCount(labels, band: band)
                if needed != lines { lines = needed; continue }
            }
            break
        }
        guard let context, let yAxis else { throw .noData(kind: spec.kind) }
        return Layout(context: context, yAxis: yAxis, xAxis: xAxis, yLabelBaseline: yLabelBaseline)
    }

    /// A lane plan that takes less height than `plan` on this layout: one row where the labels fit in one, and the
    /// axis title beside them where it fits left of every label (Fig 5.2's "Chance" floated over two rows); nil
    /// when there is none.
    private func tighterLanes(_ plan: LanePlan, _ layout: Layout) -> LanePlan? {
        guard plan.rows > 0, case .values = xPlan else { return nil }
        let frame = layout.context.frame
        let items = AnnotationLayer.laneItems(spec.annotations, frame: frame, xPos: layout.context.xPos)
        let places = AnnotationLayer.lanePlaces(items, rows: plan.rows, frame: frame, horizontal: false, width: spec.width)
        var tighter = plan
        tighter.rows = max(1, (places.map(\.row).max() ?? 0) + 1)
        let titleWidth = TextMetrics.width(spec.y.label, size: Theme.labelFont, bold: true)
        if !spec.y.label.isEmpty, let first = places.map(\.left).min(), Theme.edge + titleWidth + 12 <= first {
            tighter.titleBeside = true
        }
        return tighter == plan ? nil : tighter
    }

    /// Whether `plan` still holds the lane's labels on `layout` (a plot whose x scale moved when it grew taller).
    private func holds(_ plan: LanePlan, _ layout: Layout) -> Bool {
        let full = LanePlan(rows: AnnotationLayer.laneRows(spec.annotations))
        guard plan != full else { return true }
        guard let needed = tighterLanes(full, layout) else { return false }
        return needed.rows <= plan.rows && (needed.titleBeside || !plan.titleBeside)
    }

    private func annotationLayer(_ context: PlotContext, lanes: LanePlan) -> AnnotationLayer {
        var annotations = AnnotationLayer(annotations: spec.annotations, frame: context.frame, xPos: context.xPos,
                                          yPos: { context.y.position($0) })
        annotations.laneRowCount = lanes.rows
        if context.x != nil, [.line, .area].contains(spec.kind) {
            annotations.curves = (spec.series + spec.background + spec.placementSeries).map { series in
                zip(series.x, series.y).compactMap { x, y in
                    guard let px = context.xPos(x), let py = context.y.position(y) else { return nil }
                    return (px, py)
                }
            }
        }
        return annotations
    }

    func render(marks: (inout SVGWriter, PlotContext) -> [EndLabel]) throws(ChartError) -> String {
        var xAxis: AxisOptions? = nil, xData: [Double] = []
        if case .values(let values, let includeZero) = xPlan { (xAxis, xData) = (spec.x, values + (includeZero ? [0] : [])) }
        try AnnotationLayer.checkNearData(spec.annotations, kind: spec.kind, x: xAxis, xData: xData, y: spec.y,
                                          yData: yValues + (includeZeroY ? [0] : []))
        var lanes = LanePlan(rows: AnnotationLayer.laneRows(spec.annotations))
        var layout = try self.layout(marginNames: [], lanes: lanes)
        if let tighter = tighterLanes(lanes, layout) {
            // Checked again on the taller plot, whose x axis may have moved (its tick labels are wider).
            let taller = try self.layout(marginNames: [], lanes: tighter)
            if holds(tighter, taller) { (lanes, layout) = (tighter, taller) }
        }
        var annotations = annotationLayer(layout.context, lanes: lanes)
        // A value line's label that every place inside the plot puts on a data line (Fig 3.4's "Fair value" under
        // a line that keeps crossing it) is named beside the plot instead, at the line's height.
        let homeless = annotations.referenceLabelsWithoutPlace()
        if !homeless.isEmpty, EndLabels.marginWidth(homeless.map(\.label), canvas: spec.width) != nil {
            layout = try self.layout(marginNames: homeless.map(\.label), lanes: lanes)
            if !holds(lanes, layout) {
                lanes = LanePlan(rows: AnnotationLayer.laneRows(spec.annotations))
                layout = try self.layout(marginNames: homeless.map(\.label), lanes: lanes)
            }
            annotations = annotationLayer(layout.context, lanes: lanes)
            annotations.labelsBesidePlot = Set(homeless.map(\.index))
        }
        let context = layout.context, frame = context.frame
        annotations.valueLabels = pointValues.compactMap { point in
            guard let x = context.xPos(point.x), let y = context.y.position(point.y) else { return nil }
            return AnnotationLayer.PointLabel(text: point.text, x: x, y: y, muted: false, value: true)
        }

        var svg = SVGWriter(width: spec.width)
        svg.raw("<defs><clipPath id=\"\(id)-plot\"><rect x=\"\(svgNumber(frame.left - 6))\" y=\"\(svgNumber(frame.top - 6))\" "
            + "width=\"\(svgNumber(frame.width + 12))\" height=\"\(svgNumber(frame.height + 12))\"/></clipPath></defs>")
        Legend.draw(legend, top: 0, into: &svg)
        Axes.drawY(layout.yAxis, scale: context.y, frame: frame, into: &svg)
        try annotations.check(kind: spec.kind, xFormat: spec.x.format, yFormat: spec.y.format)
        annotations.drawBackground(into: &svg)
        svg.open("ch-marks", extra: "clip-path=\"url(#\(id)-plot)\"")
        var labels = marks(&svg, context)
        svg.close()
        if let xAxis = layout.xAxis, let scale = context.x {
            Axes.drawX(xAxis, scale: scale, frame: frame, into: &svg)
        } else if case .bands(let names, _) = xPlan, let band = context.band {
            Axes.drawBands(names, band: band, frame: frame, into: &svg)
        }
        annotations.drawForeground(into: &svg)
        for index in annotations.labelsBesidePlot.sorted() {
            guard case .referenceLine(.y, let value, let label) = spec.annotations[index], let y = context.y.position(value) else { continue }
            labels.append(EndLabel(name: label, color: 0, y: y, mark: .reference))
        }
        EndLabels.draw(labels, x: frame.right + 8, frame: frame, into: &svg)
        AxisTitles.draw(spec, frame: frame, yBaseline: layout.yLabelBaseline, height: height, into: &svg)
        return svg.document(id: id, height: height, spec: spec)
    }

    /// Maps x values onto category bands: exact x values hit band centres, others interpolate between them.
    static func bandPosition(band: BandScale, xValues: [Double]) -> (Double) -> Double? {
        { value in
            guard value.isFinite else { return nil }
            guard xValues.count == band.count, xValues.count > 1 else {
                return band.from + band.step * (value + 0.5)
            }
            for index in 0..<(xValues.count - 1) {
                let a = xValues[index], b = xValues[index + 1]
                guard b != a, (value - a) * (value - b) <= 0 else { continue }
                return band.center(index) + (value - a) / (b - a) * band.step
            }
            let first = xValues[0], second = xValues[1], count = xValues.count
            if (value - first) * (second - first) < 0 {
                return band.center(0) - abs(value - first) / abs(second - first) * band.step
            }
            let last = xValues[count - 1], before = xValues[count - 2]
            return band.center(count - 1) + abs(value - last) / max(abs(last - before), 1e-12) * band.step
        }
    }
}

/// Axis titles: the y title sits above the plot (horizontal, so it stays readable on phones), x below it.
enum AxisTitles {
    static func draw(_ spec: ChartSpec, frame: Frame, yBaseline: Double, height: Double, into svg: inout SVGWriter,
                     horizontalValueAxis: Bool = false) {
        let yTitle = horizontalValueAxis ? spec.x.label : spec.y.label
        let xTitle = horizontalValueAxis ? spec.y.label : spec.x.label
        svg.clampedText(yTitle, x: Theme.edge, y: yBaseline, size: Theme.labelFont, anchor: .start, cls: "ch-strong")
        svg.clampedText(xTitle, x: frame.midX, y: height - 8, size: Theme.labelFont, anchor: .middle, cls: "ch-strong")
    }
}
