import Foundation
import Testing
@testable import Charts

/// Whatever a writer asks of any chart kind is drawn or refused with an error: never silently dropped or empty.
@Suite struct ChartKindCoverageTests {
    static let annotations: [Annotation] = [
        .referenceLine(axis: .y, value: 2, label: "Value line"),
        .referenceLine(axis: .x, value: 1, label: "Position line"),
        .band(from: 0, to: 1, label: "Band"),
        .event(x: 1, label: "Event"),
        .here(x: 1, y: 2, label: "Here"),
        .mark(x: 1, y: 2, label: "Mark"),
    ]

    static func spec(_ kind: ChartKind, annotation: Annotation) -> ChartSpec {
        let categories = ["A", "B", "C"]
        switch kind {
        case .flow:
            return ChartSpec(kind: kind, title: "t", annotations: [annotation],
                             links: [FlowLink(source: "A", target: "B", value: 1)])
        case .diagram, .steps:
            var spec = ChartSpec(kind: kind, title: "t", annotations: [annotation])
            spec.diagram = Diagram(nodes: [DiagramNode(label: "A"), DiagramNode(label: "B")])
            return spec
        case .bar, .groupedBar, .stackedBar, .waterfall, .horizontalBar:
            return ChartSpec(kind: kind, title: "t", series: [ChartSeries(name: "s", categories: categories, values: [1, 2, 3])],
                             annotations: [annotation])
        case .histogram:
            return ChartSpec(kind: kind, title: "t", series: [ChartSeries(name: "s", x: [0, 1, 2], y: [1, 2, 3])],
                             annotations: [annotation])
        default:
            return ChartSpec(kind: kind, title: "t", series: [ChartSeries(name: "s", x: [0, 1, 2], y: [1, 2, 3]),
                                                               ChartSeries(name: "t", x: [0, 1, 2], y: [2, 1, 3])],
                             annotations: [annotation])
        }
    }

    /// The label of every annotation a chart kind accepts appears in its SVG; the others are an annotation error.
    @Test(arguments: ChartKind.allCases) func everyAnnotationIsDrawnOrRefused(_ kind: ChartKind) {
        for annotation in Self.annotations {
            let label: String
            switch annotation {
            case .referenceLine(_, _, let text), .band(_, _, let text), .event(_, let text), .here(_, _, let text),
                 .mark(_, _, let text): label = text
            }
            do {
                let svg = try renderSVG(Self.spec(kind, annotation: annotation), id: "c")
                #expect(svg.contains(">\(label)</text>"), "\(kind): \(annotation) was accepted but not drawn")
            } catch {
                guard case .annotation(index: 0, kind: kind, _, _) = error else {
                    Issue.record("\(kind): \(annotation) failed with \(error), not an annotation error")
                    continue
                }
            }
        }
    }

    @Test func anAnnotationBeyondTheCategoriesIsAnError() {
        let spec = ChartSpec(kind: .bar, title: "t",
                             series: [ChartSeries(name: "Suspensions", x: [1929, 1930, 1931], y: [659, 1350, 2293],
                                                  categories: ["1929", "1930", "1931"])],
                             annotations: [.event(x: 1934, label: "FDIC opens")])
        #expect(throws: ChartError.self) { try renderSVG(spec, id: "c") }
        var inside = spec
        inside.annotations = [.event(x: 1930, label: "FDIC opens")]
        #expect((try? renderSVG(inside, id: "c"))?.contains(">FDIC opens</text>") == true)
    }

    @Test(arguments: [300, 700]) func manyCategoriesNeverGiveZeroWidthBars(_ count: Int) throws {
        let categories = (0..<count).map { "Item \($0)" }
        let spec = ChartSpec(kind: .bar, title: "t",
                             series: [ChartSeries(name: "s", categories: categories, values: categories.indices.map { Double($0 % 7 + 1) })])
        for width in [720.0, 400] {
            do {
                let svg = try renderSVG(spec.withWidth(width), id: "c")
                let bars = SVGParse.parse(svg).elements.filter { $0.name == "rect" && ($0.attributes["class"] ?? "").contains("ch-bar") }
                #expect(bars.count == count)
                #expect(bars.allSatisfy { Double($0.attributes["width"] ?? "0")! > 0 }, "\(count) bars at \(width) px")
            } catch {
                // Too many to draw a pixel each: an error that says so, never an empty plot.
                #expect(Double(count) > width - 80, "\(count) bars at \(width) px: \(error)")
                #expect("\(error)".contains("do not fit"))
            }
        }
    }

    @Test func waterfallTotalsAreExplicitAndChecked() throws {
        var spec = ChartSpec(kind: .waterfall, title: "t",
                             series: [ChartSeries(name: "Cash", categories: ["In", "Out", "Left"], values: [8, -3, .nan])])
        // Without 'totals' nothing is appended: three bars, the last a step of zero.
        let plain = SVGParse.parse(try renderSVG(spec, id: "c")).elements.filter { $0.attributes["class"]?.contains("ch-bar") == true }
        #expect(plain.count == 3)
        #expect(!plain.contains { $0.attributes["class"]!.contains("ch-total") })
        spec.totals = ["In", "Left"]
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        #expect(svg.components(separatedBy: "ch-total").count - 1 == 2)
        #expect(svg.contains(">5</text>"))
        spec.series[0].y = [8, -3, 43]
        #expect(throws: ChartError.self) { try renderSVG(spec, id: "c") }
        spec.totals = ["Nowhere"]
        #expect(throws: ChartError.self) { try renderSVG(spec, id: "c") }
    }

    @Test func heatmapRowsAndColumnsMayBeText() throws {
        let columns = ["2021", "2022", "Q1 2023"]
        let spec = ChartSpec(kind: .heatmap, title: "t", series: [
            ChartSeries(name: "First Bank", categories: columns, values: [1, 2, 3]),
            ChartSeries(name: "Second Bank", categories: columns, values: [3, 2, 1]),
        ])
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        for text in ["First Bank", "Second Bank", "Q1 2023"] { #expect(svg.contains(">\(text)</text>")) }
    }

    @Test func claimsAreDrawnApartAndTagged() throws {
        var spec = ChartSpec(kind: .horizontalBar, title: "t", y: AxisOptions(format: .percent),
                             series: [ChartSeries(name: "s", categories: ["Claim", "Measured"], values: [12, 1.5])])
        spec.claims = ["Claim"]
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        #expect(svg.components(separatedBy: "ch-claim").count - 1 == 1)
        #expect(svg.contains("12.0\u{202F}% (claim)"))
        spec.claims = ["Missing"]
        #expect(throws: ChartError.self) { try renderSVG(spec, id: "c") }
        spec.kind = .line
        spec.claims = ["Claim"]
        #expect(throws: ChartError.self) { try renderSVG(spec, id: "c") }
    }

    @Test func overlaidScenariosAreDrawnFaintAndNamed() throws {
        var spec = ChartSpec(kind: .line, title: "t", y: AxisOptions(format: .fraction),
                             series: [ChartSeries(name: "Base", x: [0, 1, 2], y: [0.6, 0.55, 0.5], color: 2)])
        spec.background = [ChartSeries(name: "Benign", x: [0, 1, 2], y: [0.6, 0.59, 0.6]),
                           ChartSeries(name: "Severe", x: [0, 1, 2], y: [0.6, 0.3, 0.22])]
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        #expect(svg.components(separatedBy: "ch-ghost-line").count - 1 >= 2)
        for name in ["Base", "Benign", "Severe"] { #expect(svg.contains(">\(name)</text>")) }
        #expect(svg.contains("ch-k2"))
    }

    @Test func theOtherScenariosLinesOfSeveralSeriesKeepEachSeriesDashes() throws {
        var spec = ChartSpec(kind: .line, title: "t", y: AxisOptions(format: .number),
                             series: [ChartSeries(name: "Stocks", x: [0, 1, 2], y: [1, 0.7, 0.7]),
                                      ChartSeries(name: "Senior debt", x: [0, 1, 2], y: [1, 0.9, 0.8]),
                                      ChartSeries(name: "Junior debt", x: [0, 1, 2], y: [1, 0.8, 0.75])])
        spec.background = [ChartSeries(name: "Calm: Stocks", x: [0, 1, 2], y: [1, 0.75, 0.74]),
                           ChartSeries(name: "Calm: Senior debt", x: [0, 1, 2], y: [1, 0.95, 0.9]),
                           ChartSeries(name: "Calm: Junior debt", x: [0, 1, 2], y: [1, 0.85, 0.8])]
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        for dashes in ["ch-ghost-line ch-d1", "ch-ghost-line ch-d2", "ch-ghost-line ch-d3"] { #expect(svg.contains(dashes)) }
        // One legend entry names the other scenario; its swatch is plain grey.
        #expect(svg.contains(">Calm</text>"))
        // A grey line takes its dashes from the series rule (the grey rule sets none).
        #expect(!Theme.css.contains("ch-ghost-line{stroke:var(--chart-axis,#595959);stroke-opacity:0.45;stroke-width:1.75;stroke-dasharray"))
    }

    @Test func sharedAxesReachEveryVariant() {
        let benign = ChartSpec(kind: .line, title: "t", series: [ChartSeries(name: "a", x: [0, 30], y: [0.58, 0.605])])
        let severe = ChartSpec(kind: .line, title: "t", series: [ChartSeries(name: "a", x: [0, 30], y: [0.6, 0.22])])
        let extent = axisExtent(severe)
        var shared = benign
        shared.y.include = extent.y
        let svg = (try? renderSVG(shared, id: "c")) ?? ""
        // The shared axis runs from zero, as the severe variant's does, not from 58 %.
        #expect(svg.contains(">0</text>"))
    }
}
