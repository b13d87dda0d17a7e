import Foundation
import Testing
@testable import Charts
@testable import Site

/// Labels on this site's own figures, as built, in both languages and at both widths.
@Suite struct SiteFigureLabelTests {
    /// Fig 6.2 in Chinese on a phone put the faint "緊繃：42%" below and left of its point, beside the highlighted
    /// Base curve (no line crossed it and no other point was nearer, but a line was). Each faint point label beside
    /// its point is nearer its own point, by 6 units, than any line that does not pass through that point; a label a
    /// row away has a leader to its point.
    /// (In English on a phone, with Calm chosen, the faint "Base: 20 %" has no such place and touches the Stressed
    /// curve's dots; it is still nearer its own point than any other point.)
    @Test func eachScenariosPointLabelIsNearerItsPointThanAnotherLine() throws {
        let page = "zh-hant/tranches-correlation/index.html"
        let html = try #require(text(repositoryOutput, page))
        let figure = try #require(html.firstMatch(of: /<figure[^>]*id="figure-06-loss-distribution"(?s:.*?)<\/figure>/)).output
        let svgs = figure.matches(of: /<svg(?s:.*?)<\/svg>/).map { String($0.output) }
        #expect(svgs.count == 6)
        func number(_ element: Substring, _ name: String) -> Double? {
            (element.firstMatch(of: try! Regex<(Substring, Substring)>(" \(name)=\"([-0-9.]+)\"")))
                .flatMap { Double($0.output.1) }
        }
        var checked = 0
        for svg in svgs {
            let points = svg.matches(of: /<circle[^>]*class="ch-(?:here|mark)"[^>]*>/).compactMap { match in
                number(match.output, "cx").flatMap { x in number(match.output, "cy").map { (x: x, y: $0) } }
            }
            let leaders = svg.matches(of: /<line[^>]*class="ch-axis"[^>]*>/).compactMap { match -> Double? in
                let x1 = number(match.output, "x1"), x2 = number(match.output, "x2")
                return x1 != nil && x1 == x2 ? x1 : nil
            }
            let curves = svg.matches(of: /<path[^>]*class="[^"]*ch-line[^"]*"[^>]*>/).map { match in
                let d = match.output.firstMatch(of: /\sd="([^"]*)"/).map { String($0.output.1) } ?? ""
                let values = d.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
                return stride(from: 0, to: values.count - 1, by: 2).map { (x: values[$0], y: values[$0 + 1]) }
            }
            #expect(points.count == 3 && curves.count == 3)
            // The other scenarios' faint labels ("Stressed: 42 %", "緊繃：42%"); the point nearest each is its own. (The
            // chosen scenario's label, beside its ringed point, reads as the ring's.)
            let labels = svg.matches(of: /<text x="([-0-9.]+)" y="([-0-9.]+)" font-size="13"(?: text-anchor="start")? class="ch-muted ch-halo">([^<]*%)<\/text>/)
            for label in labels {
                guard let x = Double(label.output.1), let y = Double(label.output.2) else { continue }
                let width = TextMetrics.width(String(label.output.3), size: Theme.annotationFont)
                let box = Box(left: x, top: y - Theme.annotationFont, right: x + width, bottom: y + 4)
                let own = try #require(points.min { box.distance(to: $0.x, $0.y) < box.distance(to: $1.x, $1.y) })
                if leaders.contains(where: { abs($0 - own.x) < 0.01 }) { continue }
                // The Calm point, 7.7 % from the axis where the three curves fall together, has no place clear of them.
                if own.x == points.map(\.x).min() { continue }
                let ownDistance = box.distance(to: own.x, own.y)
                // Not the label's own line, which passes through its point.
                for curve in curves where !AnnotationLayer.passes(curve, near: own.x, own.y) {
                    let nearest = AnnotationLayer.distance(from: box, to: curve)
                    #expect(nearest >= ownDistance + 6, "\(label.output.3) in \(page): \(nearest) from another line, \(ownDistance) from its point")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }

    /// Fig 3.4's Calm variant put "Fair value" beside the plot (its price hugs the line), Bubbly inside it: the plot
    /// was 57 px narrower in one, and the x axis moved when a reader switched (review 12b). Every variant of a figure
    /// now draws its plot in the same frame, at each width, in both languages.
    @Test func everyVariantOfAFigureDrawsItsPlotInTheSameFrame() throws {
        let pages = (repositoryOutput.files.keys.map { $0 } + repositoryOutput.spilled.map { $0 })
            .filter { $0.hasSuffix("/index.html") }
        var compared = 0
        for page in Set(pages).sorted() {
            guard let html = text(repositoryOutput, page), html.contains("chart-variant v2") else { continue }
            for figure in html.matches(of: /<figure[^>]*id="(figure-[^"]+)"(?s:.*?)<\/figure>/) {
                let variants = figure.output.0.matches(of: /<div class="chart-variant v\d+"(?s:.*?)<\/svg>\n<\/div>\n(?:<div class="chart-narrow">(?s:.*?)<\/svg>)?/)
                guard variants.count > 1 else { continue }
                // The plot's clip rectangle, in the wide and the phone copy of each variant.
                let frames = variants.map { variant in
                    variant.output.matches(of: /<clipPath id="[^"]*-plot"><rect ([^>]*)\/>/).map { String($0.output.1) }
                }
                for frame in frames.dropFirst() {
                    #expect(frame == frames[0], "\(page) #\(figure.output.1): \(frames)")
                }
                if !frames[0].isEmpty { compared += 1 }
            }
        }
        #expect(compared >= 10)
    }
}

/// Labels inside a plot keep off the lines of a figure's other variants too.
@Suite struct PlacementSeriesTests {
    private func spec(_ ys: [Double], others: [Double]? = nil) -> ChartSpec {
        var spec = ChartSpec(kind: .line, title: "Price", x: AxisOptions(format: .number), y: AxisOptions(format: .number, min: 0, max: 200),
                             series: [ChartSeries(name: "Price", x: Array(0..<ys.count).map(Double.init), y: ys)],
                             annotations: [.referenceLine(axis: .y, value: 100, label: "Fair value")])
        if let others {
            spec.placementSeries = [ChartSeries(name: "Price", x: Array(0..<others.count).map(Double.init), y: others)]
        }
        return spec
    }

    @Test func aValueLineLabelGoesBesideThePlotWhenAnotherVariantsLineHugsTheValue() throws {
        let wandering = (0..<50).map { 100 + 80 * sin(Double($0) / 3) }, hugging = (0..<50).map { 100 + 12 * sin(Double($0) * 1.3) }
        let alone = try renderSVG(spec(wandering), id: "a")
        let beside = try renderSVG(spec(wandering, others: hugging), id: "b")
        let own = try renderSVG(spec(hugging), id: "c")
        func clip(_ svg: String) -> String? { svg.firstMatch(of: /-plot"><rect ([^>]*)\/>/).map { String($0.output.1) } }
        #expect(clip(alone) != clip(own))
        #expect(clip(beside) == clip(own))
        // Never drawn: one line in the chart, its own.
        #expect(beside.matches(of: /<path[^>]*class="[^"]*ch-line/).count == alone.matches(of: /<path[^>]*class="[^"]*ch-line/).count)
    }
}
