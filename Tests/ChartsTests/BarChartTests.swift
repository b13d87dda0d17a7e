import Testing
@testable import Charts

/// A stacked bar chart of `layers` (name, one value per category) over the categories A, B, C…
private func stacked(_ layers: [(String, [Double])], max: Double? = nil) -> ChartSpec {
    let categories = layers[0].1.indices.map { String(UnicodeScalar(UInt8(65 + $0))) }
    return ChartSpec(kind: .stackedBar, title: "t", y: AxisOptions(label: "Hours", max: max),
                     series: layers.map { ChartSeries(name: $0.0, categories: categories, values: $0.1) })
}

/// The y axis's tick labels, bottom first.
private func yTicks(_ svg: SVGParse) -> [String] {
    svg.all("text").filter { $0.attributes["class"] == "ch-muted" && $0.attributes["text-anchor"] == "end" }.map(\.text)
}

@Suite struct StackedBarAxis {
    /// `explainer charts stacked-bar`'s example: three days of 24 hours. The axis used to reach 30, because 8 % of
    /// headroom over 24 passed 25.
    @Test(arguments: [1280.0, 720, 390])
    func theAxisEndsAtTheFirstTickAtOrAboveTheLargestTotal(_ width: Double) throws {
        let spec = stacked([("Sleep", [8, 6, 9]), ("Work", [8, 11, 4]), ("Other", [8, 7, 11])]).withWidth(width)
        let svg = SVGParse.parse(try renderSVG(spec, id: "day"))
        #expect(yTicks(svg).last == "25", "\(yTicks(svg))")
        // Every total still prints above its stack.
        #expect(svg.all("text").filter { $0.attributes["class"] == "ch-strong ch-halo" }.map(\.text) == ["24", "24", "24"])
    }

    @Test func theAxisFollowsTheLargestStackNotTheLargestLayers() throws {
        // Each layer peaks at 8 in a different stack; no stack passes 9.
        let svg = SVGParse.parse(try renderSVG(stacked([("A", [8, 1]), ("B", [1, 8])]), id: "s"))
        #expect(yTicks(svg).last == "10", "\(yTicks(svg))")
    }

    @Test func aTotalOnATickGetsTheNextTickForItsLabel() throws {
        let spec = stacked([("Sleep", [10, 6]), ("Work", [10, 11]), ("Other", [5, 7])])
        let svg = SVGParse.parse(try renderSVG(spec, id: "full"))
        #expect(yTicks(svg).last == "30", "\(yTicks(svg))")
        let totals = svg.all("text").filter { $0.attributes["class"] == "ch-strong ch-halo" }
        #expect(totals.map(\.text) == ["25", "24"])
        // The label sits above its stack, not pushed down onto it.
        let tops = svg.all("rect").filter { $0.attributes["class"]?.hasPrefix("ch-bar") == true }.compactMap { Double($0.attributes["y"] ?? "") }
        let first = try #require(totals.first.flatMap { Double($0.attributes["y"] ?? "") })
        #expect(first < (tops.min() ?? 0))
    }

    @Test func aStackWithANegativeLayerPrintsItsNetTotal() throws {
        // 4.2 + (−1.5) + 0.9: the printed total is 3.6, not the 5.1 of the layers above zero.
        let svg = SVGParse.parse(try renderSVG(stacked([("Energy", [1.2, 4.2]), ("Chemicals", [0, -1.5]), ("Labor", [0.8, 0.9])]),
                                               id: "net"))
        #expect(svg.all("text").filter { $0.attributes["class"] == "ch-strong ch-halo" }.map(\.text) == ["2.0", "3.6"])
        // The negative layer is drawn below zero, with its value.
        #expect(svg.all("text").map(\.text).contains("−1.5"))
    }

    @Test func aFixedMaxIsKeptEvenWhenItLeavesNoRoomForTheTotal() throws {
        let svg = SVGParse.parse(try renderSVG(stacked([("Debt", [83.7]), ("Equity", [16.3])], max: 100), id: "deal"))
        #expect(yTicks(svg).last == "100")
    }
}

@Suite struct ShareAxis {
    private func bars(_ values: [Double], format: ValueFormat) -> ChartSpec {
        ChartSpec(kind: .bar, title: "t", y: AxisOptions(label: "Removed", format: format),
                  series: [ChartSeries(name: "Removed", categories: values.indices.map { "S\($0)" }, values: values)])
    }

    /// 99.99 % with the bars' headroom took the axis to 150 %, a share nothing can have.
    @Test func percentagesWithinTheWholeKeepAnAxisEndingAtOneHundredPercent() throws {
        let svg = SVGParse.parse(try renderSVG(bars([90, 99, 99.99, 99.9], format: .percent), id: "p"))
        #expect(yTicks(svg).last == "100\u{202F}%", "\(yTicks(svg))")
        let fractions = SVGParse.parse(try renderSVG(bars([0.9, 0.9999], format: .fraction), id: "f"))
        #expect(yTicks(fractions).last == "100\u{202F}%", "\(yTicks(fractions))")
    }

    @Test func percentagesBeyondTheWholeStillGetHeadroom() throws {
        let svg = SVGParse.parse(try renderSVG(bars([90, 140], format: .percent), id: "g"))
        #expect(yTicks(svg).last.flatMap { Double($0.prefix { $0.isNumber }) }.map { $0 > 140 } == true, "\(yTicks(svg))")
    }
}

/// A stack's layer labels add up to the total printed above it (review 12, Fig 10.4).
@Suite struct StackLabelSumTests {
    @Test func layersRoundedAloneAreAdjustedToAddUpToTheirTotal() {
        var spec = ChartSpec(kind: .stackedBar, title: "Losses", y: AxisOptions(format: .fraction),
                             series: [ChartSeries(name: "First shock", categories: ["Hedge funds", "Private credit"], values: [0.466, 0.092]),
                                      ChartSeries(name: "Forced selling", categories: ["Hedge funds", "Private credit"], values: [0.07531, 0.1941])])
        spec.labelDigits = 2
        let (layers, totals) = spec.stackTexts()
        #expect(totals == ["54\u{202F}%", "29\u{202F}%"])
        // 46.6 % and 7.53 % print "47 %" and "8 %" alone, 55 under 54: the 7.53 %, further from its "8", gives way.
        #expect(layers[0] == ["47\u{202F}%", "9\u{202F}%"])
        #expect(layers[1] == ["7\u{202F}%", "20\u{202F}%"])
    }

    @Test func stacksThatAddUpAlreadyAreLeftAlone() {
        var spec = ChartSpec(kind: .stackedBar, title: "T", y: AxisOptions(format: .fraction),
                             series: [ChartSeries(name: "A", categories: ["x"], values: [0.24]),
                                      ChartSeries(name: "B", categories: ["x"], values: [0.2946])])
        spec.labelDigits = 2
        #expect(spec.stackTexts().layers == [["24\u{202F}%"], ["29\u{202F}%"]])
    }
}


@Suite struct MissingBarValues {
    /// Trial 11: a CSV's empty cell drew no bar and no label, so its category read as zero; the table printed "–".
    @Test(arguments: [720.0, 390])
    func aMissingValueIsMarkedWithADashNotLeftLikeAZero(_ width: Double) throws {
        let spec = ChartSpec(kind: .bar, title: "t", y: AxisOptions(label: "Deposits"),
                             series: [ChartSeries(name: "v", categories: ["Mon", "Tue", "Wed"], values: [42, .nan, 12])]).withWidth(width)
        let svg = SVGParse.parse(try renderSVG(spec, id: "m"))
        let bars = svg.all("rect").filter { ($0.attributes["class"] ?? "").contains("ch-bar") }
        #expect(bars.count == 2)
        let dashes = svg.all("text").filter { $0.text == "\u{2013}" }
        #expect(dashes.count == 1)
        // In Tuesday's slot: between the two bars.
        let x = dashes.first.flatMap { Double($0.attributes["x"] ?? "") } ?? 0
        let lefts = bars.compactMap { Double($0.attributes["x"] ?? "") }.sorted()
        #expect(lefts.count == 2 && x > lefts[0] && x < lefts[1])
    }
}
