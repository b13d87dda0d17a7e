import Testing
@testable import Charts

/// Chart text a phone reader needs is placed, not dropped or cut: category labels under grouped bars, long legend
/// entries, and the value label of a bar that reaches the top of its axis.
@Suite struct ChartTextPlacementTests {
    static func texts(_ svg: String) -> [ParsedElement] {
        SVGParse.parse(svg).elements.filter { $0.name == "text" }
    }

    /// The site's Fig 7.1 at phone width: five firms' names under grouped bars.
    @Test func everyCategoryOfAGroupedBarIsNamedOnAPhone() throws {
        let firms = ["Microsoft", "Alphabet", "Meta", "Amazon (subset)", "CoreWeave"]
        let spec = ChartSpec(kind: .groupedBar, title: "Accounting lives",
                             series: [ChartSeries(name: "Earlier life", categories: firms, values: [3, 3, 4, 6, 5]),
                                      ChartSeries(name: "Latest life", categories: firms, values: [6, 6, 5.5, 5, 6])])
        for width in [720.0, 400] {
            let shown = Self.texts(try renderSVG(spec.withWidth(width), id: "c")).map(\.text).joined(separator: " ")
            for firm in ["Microsoft", "Alphabet", "Meta", "Amazon", "CoreWeave"] {
                #expect(shown.contains(firm), "\(firm) missing at \(width) px")
            }
        }
        // At 400 px the labels need two bands' room: every other one sits a row lower, none overlaps another.
        let narrow = Self.texts(try renderSVG(spec.withWidth(400), id: "c")).filter { firms.contains($0.text) || $0.text.hasPrefix("Amazon") }
        let rows = Set(narrow.compactMap { $0.attributes["y"] })
        #expect(rows.count == 2)
    }

    @Test func aLongLegendEntryWrapsInsteadOfBeingCut() throws {
        let spec = ChartSpec(kind: .line, title: "t",
                             series: [ChartSeries(name: "Loan balance", x: [0, 1, 2], y: [80, 60, 40]),
                                      ChartSeries(name: "Book value (accounting, 6-year life), not resale value", x: [0, 1, 2], y: [100, 80, 60]),
                                      ChartSeries(name: "Market-like value", x: [0, 1, 2], y: [100, 70, 50])])
        let svg = try renderSVG(spec.withWidth(400), id: "c")
        let shown = Self.texts(svg).map(\.text)
        #expect(!shown.contains { $0.hasSuffix("\u{2026}") }, "a legend entry was cut: \(shown)")
        #expect(shown.joined(separator: " ").contains("not resale value"))
    }

    /// The site's Fig 3.1: a 0–100 % axis (`max: 100`) and a bar at 100 %.
    @Test func aBarReachingTheTopOfItsAxisHasItsLabelInside() throws {
        let spec = ChartSpec(kind: .bar, title: "Built far ahead of demand", y: AxisOptions(format: .percent, max: 100),
                             series: [ChartSeries(name: "Share", categories: ["Capacity built", "Capacity in use"], values: [100, 2.6])])
        let texts = Self.texts(try renderSVG(spec, id: "c"))
        let full = try #require(texts.first { $0.text.hasPrefix("100.0") })
        let small = try #require(texts.first { $0.text.hasPrefix("2.6") })
        #expect(full.attributes["class"] == "ch-on-dark")
        #expect(small.attributes["class"] == "ch-halo")
    }
    /// The site's Fig 9.3 at phone width: two end labels that would take half the width wrap onto two lines.
    @Test func longEndLabelsWrapOnAPhoneSoThePlotKeepsItsWidth() throws {
        let spec = ChartSpec(kind: .line, title: "t", y: AxisOptions(format: .fraction),
                             series: [ChartSeries(name: "Only AI stocks fall", x: [0, 0.5, 1], y: [0, 0.24, 0.48]),
                                      ChartSeries(name: "Others follow partly", x: [0, 0.5, 1], y: [0, 0.32, 0.64])])
        let svg = try renderSVG(spec.withWidth(400), id: "c")
        let shown = Self.texts(svg).map(\.text)
        #expect(shown.contains("Others follow") && shown.contains("partly"), "\(shown)")
        #expect(!shown.contains { $0.hasSuffix("\u{2026}") })
        // The plot's grid lines span more than half the 400 px (about 186 px when the names stayed on one line).
        let grid = SVGParse.parse(svg).elements.filter { $0.name == "line" && $0.attributes["class"] == "ch-grid" }
        let spans = grid.compactMap { line -> Double? in
            guard let x1 = Double(line.attributes["x1"] ?? ""), let x2 = Double(line.attributes["x2"] ?? "") else { return nil }
            return abs(x2 - x1)
        }
        #expect((spans.max() ?? 0) > 210, "plot width \(spans.max() ?? 0)")
        // On a wide chart the same names stay on one line.
        #expect(Self.texts(try renderSVG(spec, id: "c")).map(\.text).contains("Others follow partly"))
    }
}
