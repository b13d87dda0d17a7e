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

    /// The site's Fig 8.2 "With AMD" on a phone: labels a little wider than their bars, none overlapping another
    /// (each beside one at another height, AMD's two zeros just apart), are all shown; a zero's "0 %" tells it from a
    /// missing value.
    @Test func valueLabelsWiderThanTheirBarsAreShownWhenNoneOverlaps() throws {
        let firms = ["OpenAI", "Oracle", "Nvidia", "AMD"]
        var spec = ChartSpec(kind: .groupedBar, title: "Loop shares", y: AxisOptions(format: .fraction, max: 0.3),
                             series: [ChartSeries(name: "Pro-rata view", categories: firms, values: [0.01, 0.01, 0.01, 0]),
                                      ChartSeries(name: "Earmarked view", categories: firms, values: [0.15, 0.17, 0.13, 0])])
        spec.labelDigits = 2
        let values = Self.texts(try renderSVG(spec.withWidth(380), id: "c")).filter { $0.attributes["class"] == "ch-halo" }.map(\.text)
        #expect(values == ["1\u{202F}%", "1\u{202F}%", "1\u{202F}%", "0\u{202F}%", "15\u{202F}%", "17\u{202F}%", "13\u{202F}%", "0\u{202F}%"])
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
        // The bar's value, not the axis's top tick, which reads the same "100 %".
        let full = try #require(texts.first { $0.text.hasPrefix("100\u{202F}") && $0.attributes["class"] != "ch-muted" })
        let small = try #require(texts.first { $0.text.hasPrefix("2.6") })
        #expect(full.attributes["class"] == "ch-on-dark")
        #expect(small.attributes["class"] == "ch-halo")
    }
    /// The site's Fig 9.3 at phone width: end labels that would take more than a quarter of the width, even wrapped,
    /// go to a legend above the plot, and the plot keeps the width.
    @Test func longEndLabelsMoveToALegendOnAPhoneSoThePlotKeepsTheWidth() throws {
        let spec = ChartSpec(kind: .line, title: "t", y: AxisOptions(format: .fraction),
                             series: [ChartSeries(name: "Only AI stocks fall", x: [0, 0.5, 1], y: [0, 0.24, 0.48]),
                                      ChartSeries(name: "Others follow partly", x: [0, 0.5, 1], y: [0, 0.32, 0.64])])
        let svg = try renderSVG(spec.withWidth(400), id: "c")
        let shown = Self.texts(svg).map(\.text)
        #expect(shown.contains("Only AI stocks fall") && shown.contains("Others follow partly"), "\(shown)")
        #expect(!svg.contains("ch-end-labels"))
        // The plot's grid lines span most of the 400 px (about 230 px with the names wrapped at the lines’ ends).
        #expect(Self.plotWidth(svg) > 300, "plot width \(Self.plotWidth(svg))")
        // On a wide chart the same names stay at the lines' ends, on one line.
        let wide = try renderSVG(spec, id: "c")
        #expect(wide.contains("ch-end-labels") && Self.texts(wide).map(\.text).contains("Others follow partly"))
    }

    /// Short names stay at the lines' ends on a phone: they cost the plot little width.
    @Test func shortEndLabelsStayAtTheLinesEndsOnAPhone() throws {
        let spec = ChartSpec(kind: .line, title: "t",
                             series: [ChartSeries(name: "Calm", x: [0, 1, 2], y: [1, 2, 3]),
                                      ChartSeries(name: "Bubbly", x: [0, 1, 2], y: [1, 3, 5])])
        #expect(try renderSVG(spec.withWidth(400), id: "c").contains("ch-end-labels"))
    }

    /// Two faint comparison lines would share one grey legend entry; on a phone they keep their end labels (Fig 7.4).
    @Test func twoFaintLinesKeepTheirEndLabelsOnAPhone() throws {
        var spec = ChartSpec(kind: .line, title: "t",
                             series: [ChartSeries(name: "Faster decay", x: [0, 1, 2], y: [1, 2, 3])])
        spec.background = [ChartSeries(name: "Market-like", x: [0, 1, 2], y: [1, 1.5, 2]),
                           ChartSeries(name: "xAI-style deal", x: [0, 1, 2], y: [1, 1.2, 1.4])]
        let texts = Self.texts(try renderSVG(spec.withWidth(400), id: "c")).map(\.text)
        #expect(texts.contains("Market-like") && texts.contains("xAI-style deal"), "\(texts)")
    }

    /// Fig 3.4: a value line whose label a noisy data line crosses at every place inside the plot is named beside
    /// the plot, at the line's height; a label with a free place stays inside.
    @Test func aValueLineLabelCrossedEverywhereInsideIsNamedBesideThePlot() throws {
        let xs = (0..<200).map(Double.init)
        let noisy = xs.map { 100 + ($0.truncatingRemainder(dividingBy: 2) == 0 ? 12.0 : -12.0) }
        var spec = ChartSpec(kind: .line, title: "t", x: AxisOptions(), y: AxisOptions(min: 0, max: 300),
                             series: [ChartSeries(name: "Price", x: xs, y: noisy)],
                             annotations: [.referenceLine(axis: .y, value: 100, label: "Fair value")])
        for width in [720.0, 400] {
            let svg = try renderSVG(spec.withWidth(width), id: "c")
            // Wrapped on a phone, so the plot gives up less width.
            let label = try #require(Self.texts(svg).first { $0.text == (width < 500 ? "Fair" : "Fair value") })
            let x = try #require(Double(label.attributes["x"] ?? ""))
            let ref = try #require(SVGParse.parse(svg).elements.first { $0.name == "line" && $0.attributes["class"] == "ch-ref" })
            let right = try #require(Double(ref.attributes["x2"] ?? ""))
            #expect(x > right, "at \(width) px the label starts at \(x), inside the plot (right edge \(right))")
        }
        // A gap in the middle, where the line stays above the label's place below the value line, takes the label.
        let gapped = xs.map { $0 >= 80 && $0 < 140 ? 150.0 : noisy[Int($0)] }
        spec.series = [ChartSeries(name: "Price", x: xs, y: gapped)]
        let inGap = try renderSVG(spec, id: "c")
        #expect(!inGap.contains("ch-end-labels"))
        #expect(Self.texts(inGap).contains { $0.text == "Fair value" && $0.attributes["class"] == "ch-halo" })
        spec.series = [ChartSeries(name: "Price", x: xs, y: xs.map { 150 + $0 / 2 })]
        let calm = try renderSVG(spec, id: "c")
        #expect(!calm.contains("ch-end-labels"))
        #expect(Self.texts(calm).contains { $0.text == "Fair value" && $0.attributes["class"] == "ch-halo" })
    }

    /// Fig 7.2: a series of two points at one x is a range; its ends carry their values, level with them, in the
    /// decimals the chart's values share, in the page's number style.
    @Test func theEndsOfARangeCarryTheirValues() throws {
        var spec = ChartSpec(kind: .line, title: "t", x: AxisOptions(format: .year), y: AxisOptions(format: .usd, min: 0),
                             series: [ChartSeries(name: "2023: reported range", x: [2023.5, 2023.5], y: [8, 12]),
                                      ChartSeries(name: "Reported price", x: [2023.5, 2023.5, 2024.75, 2025.75, 2026.17],
                                                  y: [.nan, .nan, 2, 1.7, 2.35])])
        for width in [720.0, 400] {
            let texts = Self.texts(try renderSVG(spec.withWidth(width), id: "c"))
            for value in ["$8.00", "$12.00"] {
                let label = try #require(texts.first { $0.text == value }, "\(value) missing at \(width) px")
                #expect(label.attributes["class"] == "ch-halo")
            }
            // Only the range's ends: the other line's points are not labelled by the chart.
            #expect(!texts.contains { $0.text == "$2.35" })
        }
        spec.language = ChartLanguage(numbers: .chinese, words: [:])
        let chinese = Self.texts(try renderSVG(spec, id: "c")).map(\.text)
        #expect(chinese.contains("8.00美元") && chinese.contains("12.00美元"), "\(chinese)")
    }

    /// Figs 3.3 and 4.1: grouped hbar bars sit under their group's heading, and a gap sets each group apart, at
    /// both widths (labels beside the bars, and above them on a phone).
    @Test func groupedBarsSitUnderTheirHeadingWithAGapBetweenGroups() throws {
        var spec = ChartSpec(kind: .horizontalBar, title: "t", y: AxisOptions(format: .percent),
                             series: [ChartSeries(name: "Share", categories: ["IEA 2024", "IEA 2030", "LBNL 2023", "LBNL 2028"],
                                                  values: [1.5, 3, 4.4, 12])])
        let plain = spec
        spec.groups = [CategoryGroup(name: "World", categories: ["IEA 2024", "IEA 2030"]),
                       CategoryGroup(name: "United States", categories: ["LBNL 2023", "LBNL 2028"])]
        for width in [720.0, 400] {
            let svg = try renderSVG(spec.withWidth(width), id: "c")
            let texts = Self.texts(svg)
            let y: (String) -> Double = { name in Double(texts.first { $0.text == name }?.attributes["y"] ?? "") ?? .nan }
            #expect(y("World") < y("IEA 2024") && y("IEA 2030") < y("United States") && y("United States") < y("LBNL 2023"))
            #expect(texts.first { $0.text == "World" }?.attributes["class"]?.contains("ch-strong") == true)
            // The second group starts lower than the same bars without groups: a heading row and a gap.
            let bars = SVGParse.parse(svg).elements.filter { $0.name == "rect" && ($0.attributes["class"] ?? "").hasPrefix("ch-bar") }
            let plainBars = SVGParse.parse(try renderSVG(plain.withWidth(width), id: "c")).elements
                .filter { $0.name == "rect" && ($0.attributes["class"] ?? "").hasPrefix("ch-bar") }
            let step = { (rects: [ParsedElement]) in Double(rects[2].attributes["y"]!)! - Double(rects[1].attributes["y"]!)! }
            #expect(step(bars) > step(plainBars) + 30, "at \(width) px")
        }
        spec.groups = [CategoryGroup(name: "United States", categories: ["LBNL 2023", "LBNL 2028"]),
                       CategoryGroup(name: "World", categories: ["IEA 2024", "IEA 2030"])]
        #expect(throws: ChartError.self) { try renderSVG(spec, id: "c") }
        spec.groups = [CategoryGroup(name: "World", categories: ["IEA 2024", "IEA 2030", "LBNL 2023"])]
        #expect(throws: ChartError.self) { try renderSVG(spec, id: "c") }
        spec.groups = [CategoryGroup(name: "World", categories: ["IEA 2024", "IEA 2030"]),
                       CategoryGroup(name: "United States", categories: ["LBNL 2023", "LBNL 2028"])]
        spec.kind = .bar
        #expect(throws: ChartError.self) { try renderSVG(spec, id: "c") }
    }

    /// The longest horizontal grid line: the plot's width.
    static func plotWidth(_ svg: String) -> Double {
        SVGParse.parse(svg).elements.filter { $0.name == "line" && $0.attributes["class"] == "ch-grid" }.compactMap { line -> Double? in
            guard let x1 = Double(line.attributes["x1"] ?? ""), let x2 = Double(line.attributes["x2"] ?? "") else { return nil }
            return abs(x2 - x1)
        }.max() ?? 0
    }
}
