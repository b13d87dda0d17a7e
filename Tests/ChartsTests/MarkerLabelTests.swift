import Foundation
import Testing
@testable import Charts

/// Labels of "you are here" markers and of other scenarios' faint marks name their own point: each sits nearer its
/// own marker than any other, and no data line runs through it (the site's Fig 6.2, three "1 in 1,000" points).
@Suite struct MarkerLabelTests {
    /// Three curves falling on a log axis, each through 1 in 1,000 at its own pool loss (7.7 %, 20 %, 42 %).
    static func lossDistribution(chosen: Int) -> ChartSpec {
        let names = ["Calm", "Base", "Stressed"], quantiles = [0.077, 0.20, 0.42]
        let xs = stride(from: 0.0, through: 0.6, by: 0.01).map { $0 }
        let curves = zip(names, quantiles).map { name, q in
            ChartSeries(name: name, x: xs, y: xs.map { max(0.00005, pow(10, -3 * $0 / q)) })
        }
        var spec = ChartSpec(kind: .line, title: "Same average loss",
                             x: AxisOptions(format: .fraction, max: 0.6),
                             y: AxisOptions(format: .fraction, scale: .log, min: 0.0001, max: 1),
                             series: [curves[chosen]])
        spec.background = curves.indices.filter { $0 != chosen }.map { curves[$0] }
        spec.annotations = [.referenceLine(axis: .y, value: 0.001, label: "1 in 1,000")]
            + quantiles.indices.map { index in
                let label = "\(names[index]): \(svgNumber(quantiles[index] * 100)) %"
                return index == chosen ? .here(x: quantiles[index], y: 0.001, label: label)
                    : .mark(x: quantiles[index], y: 0.001, label: label)
            }
        return spec
    }

    /// The markers' centres by the start of their label ("Calm"), the labels' boxes, and the labels drawn with a
    /// halo wide enough to hide a line through them.
    static func markersAndLabels(_ svg: String, names: [String] = ["Calm", "Base", "Stressed"], colon: String = ":")
        -> (markers: [String: (x: Double, y: Double)], labels: [String: Box], onPatch: Set<String>) {
        let parsed = SVGParse.parse(svg)
        let circles = parsed.all("circle").filter { ["ch-here", "ch-mark"].contains($0.attributes["class"] ?? "") }
        // Markers are drawn in the annotations' order: Calm, Base, Stressed.
        var markers: [String: (x: Double, y: Double)] = [:]
        for (name, circle) in zip(names, circles) {
            markers[name] = (Double(circle.attributes["cx"] ?? "") ?? .nan, Double(circle.attributes["cy"] ?? "") ?? .nan)
        }
        var labels: [String: Box] = [:], onPatch: Set<String> = []
        for text in parsed.all("text") {
            guard let name = names.first(where: { text.text.hasPrefix($0 + colon) }),
                  let x = Double(text.attributes["x"] ?? ""), let y = Double(text.attributes["y"] ?? "") else { continue }
            let width = TextMetrics.width(text.text, size: Theme.annotationFont)
            labels[name] = Box(left: x, top: y - Theme.annotationFont, right: x + width, bottom: y + 4)
            if text.attributes["style"] == AnnotationLayer.wideHalo { onPatch.insert(name) }
        }
        return (markers, labels, onPatch)
    }

    @Test(arguments: [0, 1, 2], [720.0, 390])
    func eachMarkerLabelIsNearerItsOwnPointThanAnyOther(chosen: Int, width: Double) throws {
        let svg = try renderSVG(Self.lossDistribution(chosen: chosen).withWidth(width), id: "c")
        let (markers, labels, _) = Self.markersAndLabels(svg)
        #expect(markers.count == 3)
        // The chosen point is always named; a faint point may lose its label, never have it misplaced.
        #expect(labels[["Calm", "Base", "Stressed"][chosen]] != nil)
        for (name, box) in labels {
            let own = try #require(markers[name])
            let ownDistance = box.distance(to: own.x, own.y)
            for (other, point) in markers where other != name {
                #expect(box.distance(to: point.x, point.y) >= ownDistance + 5,
                        "\(name)'s label at \(width) px is as near \(other)'s point as its own")
            }
        }
    }

    @Test(arguments: [0, 1, 2], [720.0, 390])
    func noDataLineRunsThroughAMarkerLabel(chosen: Int, width: Double) throws {
        let spec = Self.lossDistribution(chosen: chosen).withWidth(width)
        let svg = try renderSVG(spec, id: "c")
        let (_, labels, onPatch) = Self.markersAndLabels(svg)
        // The curves as drawn: every path of the marks group, its points in canvas units.
        let paths = SVGParse.parse(svg).all("path").filter { ($0.attributes["class"] ?? "").contains("ch-line") }
        #expect(!paths.isEmpty)
        for path in paths {
            let numbers = (path.attributes["d"] ?? "").split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
            let points = stride(from: 0, to: numbers.count - 1, by: 2).map { (x: numbers[$0], y: numbers[$0 + 1]) }
            for (name, box) in labels where !onPatch.contains(name) {
                let inner = Box(left: box.left + 1, top: box.top + 2, right: box.right - 1, bottom: box.bottom - 3)
                for (a, b) in zip(points, points.dropFirst()) {
                    let steps = 40
                    let through = (0...steps).contains { step in
                        let t = Double(step) / Double(steps)
                        let x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t
                        return x > inner.left && x < inner.right && y > inner.top && y < inner.bottom
                    }
                    #expect(!through, "a line runs through \(name)'s label at \(width) px")
                    if through { break }
                }
            }
        }
    }

    /// The site's Fig 6.2 in Chinese: the Vasicek large-pool loss curves (default probability 2 %, loss given default
    /// 60 %, correlation 0.1, 0.3, 0.6), each scenario's 1-in-1,000 loss marked.
    static func chineseLossDistribution(chosen: Int) -> ChartSpec {
        func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.squareRoot()) }
        func quantile(_ p: Double) -> Double {
            var lo = -10.0, hi = 10.0
            for _ in 0..<80 { let mid = (lo + hi) / 2; if cdf(mid) < p { lo = mid } else { hi = mid } }
            return (lo + hi) / 2
        }
        let names = ["平靜", "基準情境", "緊繃"], rhos = [0.1, 0.3, 0.6], quantiles = [0.077, 0.20, 0.42]
        let xs = stride(from: 0.005, through: 0.595, by: 0.005).map { $0 }
        let curves = zip(names, rhos).map { name, rho in
            ChartSeries(name: name, x: xs, y: xs.map { x in
                max(0.00005, cdf(((1 - rho).squareRoot() * quantile(x / 0.6) - quantile(0.02)) / rho.squareRoot()))
            })
        }
        var spec = ChartSpec(kind: .line, title: "平均損失相同，最壞情況天差地別",
                             x: AxisOptions(label: "資產池損失", format: .fraction, max: 0.6),
                             y: AxisOptions(label: "損失更大的機率（對數刻度）", format: .fraction, scale: .log, min: 0.0001, max: 1),
                             series: [curves[chosen]])
        spec.background = curves.indices.filter { $0 != chosen }.map { curves[$0] }
        spec.annotations = [.referenceLine(axis: .x, value: 0.012, label: "平均損失1.2%（所有設定）"),
                            .referenceLine(axis: .y, value: 0.001, label: "千分之一")]
            + quantiles.indices.map { index in
                let label = "\(names[index])：\(svgNumber(quantiles[index] * 100))%"
                return index == chosen ? .here(x: quantiles[index], y: 0.001, label: label)
                    : .mark(x: quantiles[index], y: 0.001, label: label)
            }
        spec.language = ChartLanguage(numbers: .chinese, words: [:])
        return spec
    }

    /// Fig 6.2 in Chinese put the faint "緊繃：42%" below and left of its point, beside the highlighted Base curve: no
    /// line crossed it and no other point was nearer, but a line was. A label beside its point is nearer its own
    /// point, by a margin, than any line that does not pass through that point; a label a row away has a leader.
    @Test(arguments: [0, 1, 2], [720.0, 400])
    func aMarkerLabelIsNearerItsOwnPointThanAnotherLine(chosen: Int, width: Double) throws {
        let names = ["平靜", "基準情境", "緊繃"]
        let svg = try renderSVG(Self.chineseLossDistribution(chosen: chosen).withWidth(width), id: "c")
        let (markers, labels, _) = Self.markersAndLabels(svg, names: names, colon: "：")
        #expect(!labels.isEmpty)
        let parsed = SVGParse.parse(svg)
        let leaders = parsed.all("line").filter { $0.attributes["class"] == "ch-axis" }.compactMap { line -> Double? in
            line.attributes["x1"] == line.attributes["x2"] ? Double(line.attributes["x1"] ?? "") : nil
        }
        let curves = parsed.all("path").filter { ($0.attributes["class"] ?? "").contains("ch-line") }.map { path in
            let numbers = (path.attributes["d"] ?? "").split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
            return stride(from: 0, to: numbers.count - 1, by: 2).map { (x: numbers[$0], y: numbers[$0 + 1]) }
        }
        #expect(curves.count == 3)
        // 平靜's point, 7.7 % from the axis where the three curves fall together, has no place clear of the others on a
        // phone; it takes the best of the rest (nearer its own point than any other point, tested above).
        for (name, box) in labels where name != "平靜" {
            let own = try #require(markers[name])
            if leaders.contains(where: { abs($0 - own.x) < 0.01 }) { continue }
            let ownDistance = box.distance(to: own.x, own.y)
            // Not the label's own line, which passes through its point.
            for curve in curves where !AnnotationLayer.passes(curve, near: own.x, own.y) {
                let nearest = AnnotationLayer.distance(from: box, to: curve)
                #expect(nearest >= ownDistance + 3, "\(name)'s label at \(width) px is \(nearest) from another line, \(ownDistance) from its point")
            }
        }
    }
}
