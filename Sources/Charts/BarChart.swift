import Foundation

/// Vertical bar, grouped-bar and stacked-bar charts over category bands.
enum BarChart {
    static func render(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
        let labels = try Validate.categories(spec)
        try Validate.claims(spec, categories: labels)
        try Validate.valueLabels(spec, categories: labels)
        let stacked = spec.kind == .stackedBar
        try Validate.fits(spec, bars: labels.count * (stacked ? 1 : spec.series.count), room: spec.width - 80)
        let series = spec.series
        let count = labels.count
        var stackTops: [Double] = [], stackBottoms: [Double] = []
        if stacked {
            stackTops = (0..<count).map { index in series.map { $0.y[index] }.filter { $0.isFinite && $0 > 0 }.reduce(0, +) }
            stackBottoms = (0..<count).map { index in series.map { $0.y[index] }.filter { $0.isFinite && $0 < 0 }.reduce(0, +) }
        }
        let values = stacked ? stackTops + stackBottoms : series.flatMap(\.y)
        // A stack of one bar names its layers beside it instead of in a legend.
        let sideLabels = stacked && count <= 2 && series.count > 1
        let legend = series.count > 1 && !sideLabels
            ? series.enumerated().map { LegendEntry(name: $1.name, color: Theme.color($0), mark: .box) } : []
        let xValues = series[0].x.count == count ? series[0].x : []
        // Layer names beside a stack get up to half the width, so long names stay whole on a phone.
        let widestName = series.flatMap { EndLabels.lines($0.name, canvas: spec.width) }
            .map { TextMetrics.width($0, size: Theme.labelFont) }.max() ?? 0
        // Stacks print their totals above them in a fixed room (`totalRoom`), so their axis ends at the first tick
        // at or above the largest total (24 hours on a 0–25 axis); a share of the span (8 %, the bars' headroom)
        // took a step more whenever a total came within 8 % of a tick (0–30).
        var chart = CartesianChart(spec: spec, id: id, xPlan: .bands(labels, xValues: xValues), yValues: values,
                                   includeZeroY: true, legend: legend, endLabelNames: sideLabels ? series.map(\.name) : [],
                                   bandPadding: series.count > 1 && !stacked ? 0.25 : 0.3, headroom: stacked ? 0 : 0.08)
        if stacked, series.count > 1 { chart.topRoom = totalRoom }
        if sideLabels { chart.endLabelMargin = min(widestName + 34, spec.width * 0.5) }
        return try chart.render { svg, context in
            guard let band = context.band else { return [] }
            let base = context.y.baseline
            if stacked {
                return drawStacks(series, band: band, context: context, spec: spec, tops: stackTops,
                                  totals: zip(stackTops, stackBottoms).map { $0 + $1 }, sideLabels: sideLabels, into: &svg)
            }
            let groups = Double(series.count)
            let width = band.bandwidth / groups
            let texts = spec.y.format.labels(forSeries: series.map(\.y), significant: spec.labelDigits,
                                             numbers: spec.language.numbers).map {
                Validate.valueTexts(spec, $0, categories: labels)
            }
            let claimed = Set(spec.claims)
            // Where a bar's value label goes: above the bar (below a negative one), or inside a bar that reaches the
            // top of the plot (100 % on a 0–100 % axis), light on the bar's colour, not half over its edge.
            func placement(_ value: Double, _ y: Double) -> (y: Double, inside: Bool) {
                let above = value >= 0 || context.y.type == .log
                let inside = above && min(y, base) - 6 < context.frame.top + 12 && abs(base - y) >= 24
                return (inside ? min(y, base) + 17
                            : above ? max(min(y, base) - 6, context.frame.top + 12) : min(max(y, base) + 17, context.frame.bottom + 14),
                        inside)
            }
            // The labels are all shown or none (a chart with some of its values printed reads as if the others were
            // missing). They fit when each is as narrow as its bar, or when no two of them overlap: a label wider
            // than its bar is fine beside a neighbour's at another height or short enough (trial 16: "15 %" over a
            // bar of a group of two on a phone, beside a zero's "0 %" at the baseline).
            var boxes: [(left: Double, right: Double, y: Double)] = []
            var bars: [(left: Double, right: Double, top: Double, bottom: Double)] = []
            var narrow = true
            for (seriesIndex, item) in series.enumerated() {
                for (index, value) in item.y.enumerated() {
                    guard !value.isNaN, let y = context.y.clamped(value) else { continue }
                    let text = texts[seriesIndex][index] + (claimed.contains(labels[index]) ? spec.language.text("chartClaim") : "")
                    let textWidth = TextMetrics.width(text, size: Theme.annotationFont)
                    if textWidth > width + 6 { narrow = false }
                    let left = band.start(index) + width * Double(seriesIndex), center = left + width / 2
                    boxes.append((center - textWidth / 2, center + textWidth / 2, placement(value, y).y))
                    bars.append((left, left + width, min(y, base), max(y, base)))
                }
            }
            // A label's text spans from its baseline to about a font size above it: it must cross no other label and
            // no other bar (trial 16 recheck: "3750億美元" under the next, taller bar).
            let clear = boxes.allSatisfy { $0.left >= context.frame.left - 4 && $0.right <= context.frame.right + 4 }
                && boxes.indices.allSatisfy { i in
                    boxes.indices.allSatisfy { j in
                        j <= i || boxes[i].right + 2 <= boxes[j].left || boxes[j].right + 2 <= boxes[i].left
                            || abs(boxes[i].y - boxes[j].y) >= Theme.annotationFont + 2
                    }
                    && bars.indices.allSatisfy { j in
                        j == i || bars[j].right <= boxes[i].left - 1 || boxes[i].right + 1 <= bars[j].left
                            || bars[j].top >= boxes[i].y + 3 || bars[j].bottom <= boxes[i].y - Theme.annotationFont
                    }
                }
            let fits = texts.joined().count <= 40 && (narrow || clear)
            for (seriesIndex, item) in series.enumerated() {
                let color = item.color ?? (series.count > 1 ? Theme.color(seriesIndex) : 1)
                for (index, value) in item.y.enumerated() {
                    let x = band.start(index) + width * Double(seriesIndex)
                    // A missing value is marked "–", as its table cell is: with nothing drawn it read as a zero bar.
                    if value.isNaN {
                        svg.text("\u{2013}", x: x + width / 2, y: base - 6, size: Theme.annotationFont, anchor: .middle,
                                 cls: "ch-muted ch-halo")
                        continue
                    }
                    guard let y = context.y.clamped(value) else { continue }
                    let claim = claimed.contains(labels[index])
                    barRect(x: x, width: width, top: min(y, base), height: abs(base - y),
                            cls: claim ? "ch-bar ch-claim ch-k\(color)" : "ch-bar ch-f\(color)", into: &svg)
                    guard fits else { continue }
                    var (labelY, inside) = placement(value, y)
                    if inside && claim {
                        // A claim's bar is outlined, not filled: its label stays above it, at the top of the plot.
                        inside = false
                        labelY = max(min(y, base) - 6, context.frame.top + 12)
                    }
                    svg.text(texts[seriesIndex][index] + (claim ? spec.language.text("chartClaim") : ""), x: x + width / 2, y: labelY,
                             size: Theme.annotationFont, anchor: .middle, cls: inside ? "ch-on-dark" : "ch-halo")
                }
            }
            return []
        }
    }

    /// A bar inside its band slot: a 1 px gap on each side when there is room, none when bars are a few px wide
    /// (hundreds of categories), so no bar ever has zero width.
    static func barRect(x: Double, width: Double, top: Double, height: Double, cls: String, into svg: inout SVGWriter) {
        let gap = width >= 6 ? 1.0 : 0
        svg.rect(x + gap, top, width - 2 * gap, height, cls: width >= 6 ? cls : cls + " ch-thin")
    }

    /// Pixels a stack's total needs between the stack's top and the plot's: its baseline 6 px above the stack, its
    /// digits rising at most 8 px above the plot (inside the marks' clip, below the axis title).
    static let totalRoom = Theme.annotationFont - 2

    /// Each stack's layers from zero, positive ones up and negative ones down, and its total above it: the sum of all
    /// its layers (`totals`), negative ones included, at the top of its positive layers (`tops`).
    static func drawStacks(_ series: [ChartSeries], band: BandScale, context: PlotContext, spec: ChartSpec,
                           tops: [Double], totals sums: [Double], sideLabels: Bool, into svg: inout SVGWriter) -> [EndLabel] {
        // Layers and totals share one number of decimals.
        let (texts, totals) = spec.stackTexts(sums: sums)
        var endLabels: [EndLabel] = []
        for index in 0..<band.count {
            var positive = 0.0, negative = 0.0
            for (seriesIndex, item) in series.enumerated() {
                let value = item.y[index]
                guard value.isFinite, value != 0 else { continue }
                let start = value > 0 ? positive : negative
                let end = start + value
                if value > 0 { positive = end } else { negative = end }
                guard let a = context.y.clamped(start), let b = context.y.clamped(end) else { continue }
                let top = min(a, b), height = abs(a - b)
                let color = item.color ?? Theme.color(seriesIndex)
                barRect(x: band.start(index), width: band.bandwidth, top: top, height: height,
                        cls: "ch-bar ch-f\(color)", into: &svg)
                let text = texts[seriesIndex][index]
                if height >= 17, TextMetrics.width(text, size: Theme.annotationFont) + 6 <= band.bandwidth {
                    svg.text(text, x: band.center(index), y: top + height / 2 + 5, size: Theme.annotationFont,
                             anchor: .middle, cls: "ch-on-dark")
                }
                if sideLabels, index == band.count - 1 {
                    endLabels.append(EndLabel(name: item.name, color: color, y: top + height / 2, mark: .box,
                                               x: band.start(index) + band.bandwidth + 8))
                }
            }
            let total = totals[index]
            // The total sits above its stack, when there is room for it (a fixed axis's max can leave none); never
            // pushed down onto the stack's top layer.
            if series.count > 1, let y = context.y.clamped(tops[index]), y - context.frame.top >= totalRoom,
               TextMetrics.width(total, size: Theme.annotationFont) <= band.step - 4 {
                svg.text(total, x: band.center(index), y: y - 6, size: Theme.annotationFont, anchor: .middle,
                         cls: "ch-strong ch-halo")
            }
        }
        return endLabels
    }
}

extension BarChart {
    /// A stack's layer texts adjusted so they add up to its printed total: each layer printed alone is rounded on its
    /// own (46.6 % → "47 %", 7.53 % → "8 %" under a total of "54 %"), so the layers that lost most in rounding take
    /// the difference, one step of the last printed digit each (largest remainder: "47 %" + "7 %"). Texts that are
    /// not plain numbers (amounts with different units, grouped thousands) are left as they are.
    /// `scale` takes values to the printed numbers (100 for fractions printed as percent).
    static func addingUp(_ texts: [[String]], values: [[Double]], totals: [String], scale: Double = 1) -> [[String]] {
        var texts = texts
        func parts(_ text: String) -> (prefix: Substring, number: Double, decimals: Int, suffix: Substring)? {
            guard let start = text.firstIndex(where: { $0.isNumber }) else { return nil }
            let end = text[start...].firstIndex { !($0.isNumber || $0 == ".") } ?? text.endIndex
            let body = text[start..<end]
            guard let magnitude = Double(body) else { return nil }
            var prefix = text[..<start]
            let signed = prefix.last == "\u{2212}" || prefix.last == "-" || prefix.last == "+"
            let sign: Double = prefix.last == "\u{2212}" || prefix.last == "-" ? -1 : 1
            if signed { prefix = prefix.dropLast() }
            let decimals = body.firstIndex(of: ".").map { body.distance(from: $0, to: body.endIndex) - 1 } ?? 0
            return (prefix, sign * magnitude, decimals, text[end...])
        }
        for (index, total) in totals.enumerated() {
            guard let printedTotal = parts(total) else { continue }
            let layers = texts.indices.filter { texts[$0].indices.contains(index) && values[$0].indices.contains(index)
                && values[$0][index].isFinite && values[$0][index] != 0 }
            let printed = layers.map { parts(texts[$0][index]) }
            guard !layers.isEmpty, printed.allSatisfy({ $0 != nil && $0!.suffix == printedTotal.suffix
                && $0!.decimals == printed[0]!.decimals }) else { continue }
            let decimals = printed[0]!.decimals
            let step = pow(10, -Double(decimals))
            var shown = printed.map { $0!.number }
            var units = Int(((printedTotal.number - shown.reduce(0, +)) / step).rounded())
            guard units != 0, abs(units) <= layers.count else { continue }
            // The layers whose value lies furthest from their text in the direction of the difference go first.
            let order = layers.indices.sorted { a, b in
                let ea = (values[layers[a]][index] * scale - shown[a]) * Double(units.signum())
                let eb = (values[layers[b]][index] * scale - shown[b]) * Double(units.signum())
                return (ea, -a) > (eb, -b)
            }
            for position in order where units != 0 {
                shown[position] += Double(units.signum()) * step
                units -= units.signum()
                let number = shown[position], p = printed[position]!
                let magnitude = String(format: "%.\(decimals)f", abs(number))
                let sign = number < 0 ? "\u{2212}" : (texts[layers[position]][index].contains("+") ? "+" : "")
                texts[layers[position]][index] = String(p.prefix) + sign + magnitude + String(p.suffix)
            }
        }
        return texts
    }
}

extension ChartSpec {
    /// A stacked bar chart's layer labels and stack totals as the chart prints them: one number of decimals, and
    /// each stack's layers adding up to its total (`BarChart.addingUp`); its data table prints the same layers.
    public func stackTexts(numbers: ChartLanguage.Numbers? = nil) -> (layers: [[String]], totals: [String]) {
        let count = series.map(\.y.count).max() ?? 0
        let sums = (0..<count).map { index in
            series.compactMap { $0.y.indices.contains(index) ? $0.y[index] : nil }.filter(\.isFinite).reduce(0, +)
        }
        return stackTexts(sums: sums, numbers: numbers)
    }

    func stackTexts(sums: [Double], numbers: ChartLanguage.Numbers? = nil) -> (layers: [[String]], totals: [String]) {
        // Added up in "." and "," (which `addingUp` reads), then written in the page's separators.
        let numbers = numbers ?? language.numbers
        var plain = numbers
        (plain.decimalSeparator, plain.groupSeparator) = (".", ",")
        let joint = y.format.labels(forSeries: series.map(\.y) + [sums], significant: labelDigits, numbers: plain)
        let totals = joint.last ?? []
        let layers = BarChart.addingUp(Array(joint.dropLast()), values: series.map(\.y), totals: totals,
                                       scale: y.format == .fraction ? 100 : 1)
        return (layers.map { $0.map(numbers.separated) }, totals.map(numbers.separated))
    }
}
