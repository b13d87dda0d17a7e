import Foundation
import Testing
@testable import Charts

/// How the lines of a line chart are named: at their ends, on the plot where they end together, and in the legend.
@Suite struct LineLabelTests {
    /// Three unemployment paths that all drift back to 4 % (the site's Fig 11.2): one highlighted, two faint.
    static func humps(width: Double = 720) -> ChartSpec {
        let xs = (0...30).map(Double.init)
        func hump(_ peak: Double) -> [Double] { xs.map { 0.04 + (peak - 0.04) * exp(-pow(($0 - 11) / 3, 2)) } }
        var spec = ChartSpec(kind: .line, title: "t", y: AxisOptions(format: .fraction),
                             series: [ChartSeries(name: "Base", x: xs, y: hump(0.09), color: 2)])
        spec.background = [ChartSeries(name: "Benign", x: xs, y: hump(0.05), color: 1),
                           ChartSeries(name: "Severe", x: xs, y: hump(0.28), color: 3)]
        return spec.withWidth(width)
    }

    static func texts(_ svg: String) -> [ParsedElement] {
        SVGParse.parse(svg).elements.filter { $0.name == "text" }
    }

    @Test(arguments: [720.0, 400])
    func linesThatEndTogetherAreNamedWhereTheyAreApart(width: Double) throws {
        let spec = Self.humps(width: width)
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        #expect(svg.contains("ch-line-labels"))
        #expect(!svg.contains("ch-end-labels"))
        let texts = Self.texts(svg)
        let severe = try #require(texts.first { $0.text == "Severe" })
        let base = try #require(texts.first { $0.text == "Base" })
        let benign = try #require(texts.first { $0.text == "Benign" })
        // Stacked as the humps are, not as a list at the 4 % where all three end.
        let y = { (label: ParsedElement) in Double(label.attributes["y"] ?? "") ?? 0 }
        #expect(y(severe) < y(base) && y(base) < y(benign))
        #expect(y(benign) - y(severe) > 60)
        // Near the humps (years 5–17 of 30), not at the right end.
        let x = { (label: ParsedElement) in Double(label.attributes["x"] ?? "") ?? 0 }
        for label in [severe, base, benign] { #expect(x(label) < width * 0.75, "\(label.text) at \(x(label))") }
        // The faint lines' names are faint too.
        #expect(severe.attributes["class"]?.contains("ch-muted") == true)
        #expect(base.attributes["class"]?.contains("ch-muted") == false)
    }

    @Test func aNameOnThePlotTouchesNoLine() throws {
        let spec = Self.humps()
        let frame = Frame(left: 40, top: 20, right: 700, bottom: 380)
        let scaleY = { (y: Double) in 380 - y / 0.3 * 360 }
        let lines = ([spec.series[0]] + spec.background).map { series in
            InlineLabels.Line(name: series.name, points: zip(series.x, series.y).map { (x: 40 + $0 / 30 * 660, y: scaleY($1)) },
                              muted: series.name != "Base")
        }
        let placed = InlineLabels.place(lines, frame: frame)
        let boxes = placed.compactMap(\.box)
        #expect(boxes.count == 3)
        let runs = lines.map { InlineLabels.runs($0.points) }
        for box in boxes {
            #expect(!runs.contains { InlineLabels.crosses($0, box) }, "a name is crossed by a line")
            for other in boxes where other != box { #expect(!box.overlaps(other)) }
        }
    }

    /// Where two lines are never apart, neither name goes on the plot: it could name either line.
    @Test func aNameNeverGoesWhereItsLineIsNotApartFromTheOthers() {
        var one: [(x: Double, y: Double)?] = [], two: [(x: Double, y: Double)?] = []
        for step in 0...20 {
            let x = 40 + Double(step) * 30, y = 200 - Double(step) * 5
            one.append((x: x, y: y))
            two.append((x: x, y: y + 4))
        }
        let lines = [InlineLabels.Line(name: "One", points: one, muted: false),
                     InlineLabels.Line(name: "Two", points: two, muted: true)]
        let placed = InlineLabels.place(lines, frame: Frame(left: 40, top: 20, right: 700, bottom: 380))
        #expect(placed.map(\.name) == ["One", "Two"] && placed.allSatisfy { $0.box == nil })
    }

    @Test func linesThatEndApartKeepTheirNamesAtTheirEnds() throws {
        var spec = ChartSpec(kind: .line, title: "t", y: AxisOptions(format: .fraction),
                             series: [ChartSeries(name: "Base", x: [0, 1, 2], y: [0.6, 0.55, 0.5], color: 2)])
        spec.background = [ChartSeries(name: "Benign", x: [0, 1, 2], y: [0.6, 0.59, 0.6], color: 1),
                           ChartSeries(name: "Severe", x: [0, 1, 2], y: [0.6, 0.3, 0.22], color: 3)]
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        #expect(svg.contains("ch-end-labels") && !svg.contains("ch-line-labels"))
    }

    /// Fig 11.2's dashed "Base" had a solid swatch at its end label: a scenario keeps one line style everywhere.
    @Test func anEndLabelsSwatchHasItsLinesDashes() throws {
        var spec = ChartSpec(kind: .line, title: "t", y: AxisOptions(format: .fraction),
                             series: [ChartSeries(name: "Base", x: [0, 1, 2], y: [0.6, 0.55, 0.5], color: 2)])
        spec.background = [ChartSeries(name: "Benign", x: [0, 1, 2], y: [0.6, 0.59, 0.6], color: 1),
                           ChartSeries(name: "Severe", x: [0, 1, 2], y: [0.6, 0.3, 0.22], color: 3)]
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        let swatches = SVGParse.parse(svg).elements.filter { $0.name == "line" && $0.attributes["class"]?.hasPrefix("ch-line") == true }
        #expect(swatches.contains { $0.attributes["class"] == "ch-line ch-k2 ch-d2" })
        #expect(swatches.contains { $0.attributes["class"] == "ch-line ch-ghost-line ch-d3" })
    }

    /// Fig 6.2: faint "Calm" (solid) and "Stressed" (dotted) shared one solid grey legend entry.
    @Test func theLegendHasOneEntryPerFaintLineStyle() throws {
        let xs = [0.0, 0.2, 0.4, 0.6]
        var spec = ChartSpec(kind: .line, title: "t", y: AxisOptions(format: .fraction, scale: .log, min: 0.0001, max: 1),
                             series: [ChartSeries(name: "Base", x: xs, y: [1, 0.01, 0.00001, 0.000001], color: 2)])
        spec.background = [ChartSeries(name: "Calm", x: xs, y: [1, 0.001, 0.0000001, 0.00000001], color: 1),
                           ChartSeries(name: "Stressed", x: xs, y: [1, 0.05, 0.005, 0.00005], color: 3)]
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        let legend = try #require(svg.firstRange(of: "<g class=\"ch-legend\">").map { String(svg[$0.lowerBound...]) })
            .components(separatedBy: "</g>")[0]
        #expect(legend.contains(">Calm</text>") && legend.contains(">Stressed</text>"))
        #expect(!legend.contains("Calm, Stressed"))
        #expect(legend.contains("ch-ghost-line ch-d1\"") && legend.contains("ch-ghost-line ch-d3\""))
    }

    /// Fig 6.2 listed the highlighted scenario first, so its key reshuffled with every choice: the entries keep the
    /// scenarios' order (their colour indices), whichever is highlighted.
    @Test func theLegendKeepsTheScenariosOrderWhicheverIsHighlighted() throws {
        let xs = [0.0, 0.2, 0.4, 0.6]
        let curves = [ChartSeries(name: "Calm", x: xs, y: [1, 0.001, 0.0000001, 0.00000001], color: 1),
                      ChartSeries(name: "Base", x: xs, y: [1, 0.01, 0.00001, 0.000001], color: 2),
                      ChartSeries(name: "Stressed", x: xs, y: [1, 0.05, 0.005, 0.00005], color: 3)]
        for chosen in curves.indices {
            var spec = ChartSpec(kind: .line, title: "t", y: AxisOptions(format: .fraction, scale: .log, min: 0.0001, max: 1),
                                 series: [curves[chosen]])
            spec.background = curves.indices.filter { $0 != chosen }.map { curves[$0] }
            let svg = try renderSVG(spec, id: "c", embedStyle: false)
            let legend = try #require(svg.firstRange(of: "<g class=\"ch-legend\">").map { String(svg[$0.lowerBound...]) })
                .components(separatedBy: "</g>")[0]
            let names = SVGParse.parse(legend + "</g>").all("text").map(\.text)
            #expect(names == ["Calm", "Base", "Stressed"], "highlighting \(curves[chosen].name)")
        }
    }

    /// Fig 11.2 in Chinese on a phone: "基準情境" found no room beside its hump and went to the lines' end, where all
    /// three lines meet at 4 %, so it could name any of them. Names that cannot be told apart at the end go to a
    /// legend, each with its line's own swatch.
    @Test func aNameWithNoRoomWhereTheLinesEndTogetherGoesToTheLegend() throws {
        var spec = Self.humps(width: 400)
        spec.series[0].name = "基準情境：自動化很快"
        spec.background[0].name = "溫和情境：自動化很慢"
        spec.background[1].name = "嚴重情境：自動化更快"
        spec.language = ChartLanguage(numbers: .chinese, words: [:])
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        #expect(!svg.contains("ch-end-labels"), "a name sits at the end where the lines meet")
        let legend = try #require(svg.firstRange(of: "<g class=\"ch-legend\">").map { String(svg[$0.lowerBound...]) })
            .components(separatedBy: "</g>")[0]
        for series in spec.series + spec.background {
            #expect(legend.contains(">\(series.name)</text>") || svg.contains("ch-line-labels") && svg.contains(">\(series.name)</text>"))
        }
        #expect(legend.contains(">\(spec.series[0].name)</text>"))
        // Each faint line keeps its own dashes in the key.
        #expect(legend.contains("ch-ghost-line ch-d1\"") && legend.contains("ch-ghost-line ch-d3\""))
    }

    /// Fig 2.3: the "fast" revenue path runs off a $4 T axis, marked with its highest value where it leaves.
    @Test func aLineRunningOffAClippedAxisIsMarkedWithItsHighestValue() throws {
        let spec = ChartSpec(kind: .line, title: "t", x: AxisOptions(format: .year),
                             y: AxisOptions(format: .usdBillions, max: 4000),
                             series: [ChartSeries(name: "Revenue", x: [2027, 2028, 2029, 2030], y: [800, 1600, 3200, 6400]),
                                      ChartSeries(name: "Needed", x: [2027, 2028, 2029, 2030], y: [1400, 1700, 2100, 2600])])
        #expect(!(try renderSVG(spec, id: "c")).contains("\u{2191}"))
        var clipped = spec
        clipped.y.clip = true
        let runOff = try #require(LineChart.runOffs(clipped).first)
        #expect(abs(runOff.exit - 2029.25) < 1e-9 && runOff.top == 6400 && runOff.topX == 2030)
        let texts = Self.texts(try renderSVG(clipped, id: "c"))
        #expect(texts.contains { $0.text == "\u{2191} $6.4\u{202F}T (2030)" })
        #expect(LineChart.runOffs(clipped).count == 1, "the line that stays inside is not marked")
    }

    /// Fig 5.2: two event labels fit in one row, and the y axis title sits left of them rather than floating over
    /// two empty rows; a stacked area has no marker on its 100 % corner.
    @Test func eventLabelsTakeOneRowAndTheAxisTitleSitsBesideThem() throws {
        let xs = (1...24).map(Double.init)
        let leased = xs.map { $0 <= 4 ? 1.0 : pow(0.9, $0 - 4) }
        var spec = ChartSpec(kind: .stackedArea, title: "t", x: AxisOptions(format: .years),
                             y: AxisOptions(label: "Chance", format: .fraction),
                             series: [ChartSeries(name: "Renting", x: xs, y: leased),
                                      ChartSeries(name: "Repaid", x: xs, y: leased.map { 1 - $0 })],
                             annotations: [.event(x: 4, label: "Firm lease ends"), .event(x: 16, label: "Guarantee ends")])
        spec.width = 720
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        let texts = Self.texts(svg)
        let title = try #require(texts.first { $0.text == "Chance" })
        let event = try #require(texts.first { $0.text == "Firm lease ends" })
        let other = try #require(texts.first { $0.text == "Guarantee ends" })
        let y = { (label: ParsedElement) in Double(label.attributes["y"] ?? "") ?? 0 }
        #expect(y(event) == y(other), "both event labels in one row")
        #expect(y(event) - y(title) < 20, "the title is \(y(event) - y(title)) px above the lane")
        #expect(!svg.contains("ch-dot"))
    }
    /// Fig 5.2: a stacked layer of no thickness (a chance of 0 % in years 1–10) draws no edge along the next layer's,
    /// which read as a seam of its colour; where it has thickness its edge is drawn, from the last year of none.
    @Test func aStackedLayerDrawsNoEdgeWhereItHasNoThickness() throws {
        let xs = (1...20).map(Double.init)
        let lost = xs.map { $0 <= 10 ? 0.0 : 0.02 * ($0 - 10) }
        let repaid = xs.map { $0 <= 4 ? 0.0 : 0.03 * ($0 - 4) }
        let leased = zip(lost, repaid).map { 1 - $0 - $1 }
        var spec = ChartSpec(kind: .stackedArea, title: "t", x: AxisOptions(format: .years),
                             y: AxisOptions(label: "Chance", format: .fraction),
                             series: [ChartSeries(name: "Renting", x: xs, y: leased), ChartSeries(name: "Lost", x: xs, y: lost),
                                      ChartSeries(name: "Repaid", x: xs, y: repaid)])
        spec.width = 720
        let svg = try renderSVG(spec, id: "c", embedStyle: false)
        func edge(_ color: Int) throws -> [Double] {
            let marker = "\" class=\"ch-line ch-k\(color) ch-d\(color)\"/>"
            let end = try #require(svg.range(of: marker), "the edge of layer \(color)")
            let start = try #require(svg[..<end.lowerBound].range(of: "<path d=\"", options: .backwards))
            let data = svg[start.upperBound..<end.lowerBound]
            // The x of every vertex ("M12 34L56 78").
            return data.split { $0 == "M" || $0 == "L" }.compactMap { Double($0.split(separator: " ")[0]) }
        }
        let renting = try edge(1), lostEdge = try edge(2), repaidEdge = try edge(3)
        let step = (renting.max()! - renting.min()!) / 19
        #expect(lostEdge.min()! >= renting.min()! + 9 * step - 0.5, "the lost layer's edge starts in year 10, not along years 1–9")
        #expect(repaidEdge.min()! >= renting.min()! + 3 * step - 0.5, "the repaid layer's edge starts in year 4")
    }
}
