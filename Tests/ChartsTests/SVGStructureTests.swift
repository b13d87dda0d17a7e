import Foundation
import Testing
@testable import Charts

@Suite struct SVGStructureTests {
    static let names = Gallery.samples.map(\.name)
    /// The page layout and the phone layout.
    static let widths = [720.0, 400.0]

    func render(_ name: String, width: Double = 720) throws -> String {
        let spec = try #require(Gallery.samples.first { $0.name == name }).spec
        return try renderSVG(spec.withWidth(width), id: name)
    }

    @Test(arguments: names, widths) func everyKindIsWellFormedAccessibleXML(_ name: String, width: Double) throws {
        let parsed = SVGParse.parse(try render(name, width: width))
        #expect(parsed.error == nil)
        let root = try #require(parsed.root)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "\(name)-title \(name)-desc")
        #expect(parsed.all("title").first?.attributes["id"] == "\(name)-title")
        #expect(parsed.all("desc").first?.attributes["id"] == "\(name)-desc")
        #expect(!(parsed.all("desc").first?.text.isEmpty ?? true))
    }

    @Test(arguments: names) func everyIdIsPrefixedByTheFigureId(_ name: String) throws {
        let parsed = SVGParse.parse(try render(name))
        let ids = parsed.elements.compactMap { $0.attributes["id"] }
        #expect(!ids.isEmpty)
        for id in ids { #expect(id.hasPrefix(name + "-")) }
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: names) func coloursComeOnlyFromCustomProperties(_ name: String) throws {
        let svg = try render(name)
        let parsed = SVGParse.parse(svg)
        for element in parsed.elements where element.name != "style" {
            for key in ["fill", "stroke", "color", "style"] {
                let value = element.attributes[key] ?? ""
                #expect(!value.contains("#"), "\(element.name) has a literal colour in \(key)")
            }
        }
        let css = try #require(parsed.all("style").first).text
        let withoutFallbacks = css.replacingOccurrences(of: #"var\(--chart-[a-z0-9-]+,#[0-9A-Fa-f]{6}\)"#, with: "", options: .regularExpression)
        #expect(!withoutFallbacks.contains("#"))
        #expect(!svg.contains("href") && !svg.contains("@import") && !svg.contains("@font-face"))
    }

    @Test(arguments: names) func numbersAreFiniteAndLocaleFree(_ name: String) throws {
        let svg = try render(name)
        let lower = svg.lowercased()
        #expect(!lower.contains("nan") && !lower.contains("inf\"") && !lower.contains("infinity"))
        let parsed = SVGParse.parse(svg)
        for element in parsed.elements {
            for key in ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size"] {
                guard let value = element.attributes[key] else { continue }
                #expect(Double(value)?.isFinite == true, "\(element.name) \(key)=\(value)")
            }
        }
    }

    @Test(arguments: names, widths) func textStaysInsideTheViewBoxAndIsReadable(_ name: String, width: Double) throws {
        let parsed = SVGParse.parse(try render(name, width: width))
        let box = try #require(parsed.root?.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        #expect(box.count == 4 && box[2] == width)
        for text in parsed.all("text") {
            let x = try #require(Double(text.attributes["x"] ?? "")), y = try #require(Double(text.attributes["y"] ?? ""))
            // A text's own size, else the one it inherits from the <svg> element.
            let size = try #require(Double(text.attributes["font-size"] ?? parsed.root?.attributes["font-size"] ?? ""))
            #expect(size >= 13)
            let bold = (text.attributes["class"] ?? "").contains("ch-strong")
            let width = TextMetrics.width(text.text, size: size, bold: bold)
            let left: Double = switch text.attributes["text-anchor"] ?? "start" {
            case "middle": x - width / 2
            case "end": x - width
            default: x
            }
            #expect(left >= -0.01 && left + width <= box[2] + 0.01, "'\(text.text)' spans \(left)…\(left + width)")
            #expect(y - size * 0.8 >= 0 && y + size * 0.25 <= box[3], "'\(text.text)' baseline \(y)")
        }
    }

    @Test(arguments: names) func renderingIsDeterministic(_ name: String) throws {
        #expect(try render(name) == render(name))
    }

    @Test func nonFiniteValuesBreakTheLine() throws {
        let spec = ChartSpec(title: "gaps", series: [
            ChartSeries(name: "a", x: [0, 1, 2, 3, 4, 5], y: [1, 2, .nan, 3, .infinity, 4]),
        ])
        let svg = try renderSVG(spec, id: "gaps")
        let path = try #require(SVGParse.parse(svg).all("path").first { ($0.attributes["class"] ?? "").contains("ch-line") })
        #expect(path.attributes["d"]?.filter { $0 == "M" }.count == 3)
        #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"))
    }

    @Test func twoHorizontalBarsLeaveNoEmptyBandAboveTheAxisTitle() throws {
        var spec = ChartSpec(kind: .horizontalBar, title: "t", series: [ChartSeries(name: "v", categories: ["A", "B"], values: [181, 25])])
        spec.y = AxisOptions(label: "Price return", format: .percent)
        let svg = try renderSVG(spec, id: "two")
        let root = SVGParse.parse(svg)
        let height = try #require(root.root?.attributes["height"].flatMap(Double.init))
        let bars = root.all("rect").filter { ($0.attributes["class"] ?? "").contains("ch-bar") }
        let lowest = bars.compactMap { bar in Double(bar.attributes["y"] ?? "").flatMap { y in Double(bar.attributes["height"] ?? "").map { y + $0 } } }.max() ?? 0
        // Below the last bar: the tick labels (about 30) and the axis title (about 22), nothing more.
        #expect(height - lowest <= 70, "\(height - lowest) units under the bars")
    }

    /// Five lines meeting at one end: each is named once, and no two names overlap (on the plot, at the ends or in a
    /// legend, wherever they find room).
    @Test func namesOfConvergingLinesDoNotOverlap() throws {
        let series = (1...5).map { ChartSeries(name: "Series \($0)", x: [0, 1], y: [Double($0), 10]) }
        let svg = try renderSVG(ChartSpec(title: "t", series: series), id: "converge")
        let labels = SVGParse.parse(svg).all("text").filter { $0.text.hasPrefix("Series") }
        #expect(Set(labels.map(\.text)).count == 5 && labels.count == 5)
        let boxes = labels.compactMap { label -> Box? in
            guard let x = Double(label.attributes["x"] ?? ""), let y = Double(label.attributes["y"] ?? "") else { return nil }
            let width = TextMetrics.width(label.text, size: Theme.labelFont)
            let left = label.attributes["text-anchor"] == "end" ? x - width : x
            return Box(left: left, top: y - 12, right: left + width, bottom: y + 3)
        }
        #expect(boxes.count == 5)
        for (i, a) in boxes.enumerated() { for b in boxes[(i + 1)...] { #expect(!a.overlaps(b), "\(a) overlaps \(b)") } }
    }

    @Test func textIsEscaped() throws {
        let spec = ChartSpec(title: "R&D <costs>", description: "\"quoted\" & 'single'",
                             series: [ChartSeries(name: "a<b", x: [0, 1], y: [1, 2]), ChartSeries(name: "c&d", x: [0, 1], y: [2, 1])])
        let svg = try renderSVG(spec, id: "esc")
        let parsed = SVGParse.parse(svg)
        #expect(parsed.error == nil)
        #expect(parsed.all("title").first?.text == "R&D <costs>")
        #expect(parsed.all("text").contains { $0.text == "a<b" })
    }

    @Test func annotationsOnLogAxesAndOutsideTheDataStayVisible() throws {
        let spec = ChartSpec(title: "t", x: AxisOptions(format: .year), y: AxisOptions(scale: .log),
                             series: [ChartSeries(name: "S&P", x: [1990, 2000, 2010, 2020], y: [330, 1400, 1100, 3700])],
                             annotations: [.event(x: 2022.9, label: "ChatGPT launch"), .referenceLine(axis: .y, value: 5000, label: "Target"),
                                           .here(x: 2020, y: 3700, label: "You are here")])
        let parsed = SVGParse.parse(try renderSVG(spec, id: "ann"))
        let texts = parsed.all("text").map(\.text)
        #expect(texts.contains("ChatGPT launch") && texts.contains("Target") && texts.contains("You are here"))
    }

    /// An overlaid figure marks every scenario's point: the chosen one labelled in full, the others faint; no two
    /// point labels touch, and all stay inside the chart, even on a phone-width canvas.
    @Test(arguments: [720.0, 400]) func pointLabelsNeverTouchEachOther(_ width: Double) throws {
        let spec = ChartSpec(kind: .line, title: "t", x: AxisOptions(format: .fraction, max: 0.6),
                             y: AxisOptions(format: .fraction, scale: .log, min: 0.0001, max: 1),
                             series: [ChartSeries(name: "Base", x: [0, 0.2, 0.4, 0.6], y: [1, 0.001, 0.00001, 0.000001])],
                             annotations: [.here(x: 0.2, y: 0.001, label: "Base: 20 %"),
                                           .mark(x: 0.077, y: 0.001, label: "Calm: 7.7 %"),
                                           .mark(x: 0.42, y: 0.001, label: "Stressed: 42 %")])
        let svg = try renderSVG(spec.withWidth(width), id: "c")
        let texts = SVGParse.parse(svg).all("text").filter { ["Base: 20 %", "Calm: 7.7 %", "Stressed: 42 %"].contains($0.text) }
        #expect(texts.count == 3)
        let boxes = texts.map { text -> (Double, Double, Double, Double) in
            let x = Double(text.attributes["x"]!)!, y = Double(text.attributes["y"]!)!
            let w = TextMetrics.width(text.text, size: 13)
            let left = text.attributes["text-anchor"] == "end" ? x - w : text.attributes["text-anchor"] == "middle" ? x - w / 2 : x
            return (left, y - 13, left + w, y + 3)
        }
        for (i, a) in boxes.enumerated() {
            #expect(a.0 >= 0 && a.2 <= width)
            for b in boxes[(i + 1)...] { #expect(!(a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3), "\(a) \(b)") }
        }
        #expect(svg.contains("class=\"ch-mark\""))
    }

    /// One stacked bar names each layer beside it, bottom first, with each layer's value inside it.
    @Test func aSingleStackedBarNamesItsLayersBesideIt() throws {
        let names = ["Equity", "Class B", "Class A"]
        let spec = ChartSpec(kind: .stackedBar, title: "t", y: AxisOptions(format: .percent),
                             series: zip(names, [16.3, 10.3, 73.4]).map { ChartSeries(name: $0, categories: ["Deal"], values: [$1]) })
        for width in [720.0, 400] {
            let texts = SVGParse.parse(try renderSVG(spec.withWidth(width), id: "c")).all("text").map(\.text)
            #expect(names.allSatisfy(texts.contains), "\(texts)")
            #expect(texts.contains("16.3\u{202F}%") && texts.contains("73.4\u{202F}%"))
        }
    }
}
