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
    static func markersAndLabels(_ svg: String) -> (markers: [String: (x: Double, y: Double)], labels: [String: Box],
                                                    onPatch: Set<String>) {
        let parsed = SVGParse.parse(svg)
        let circles = parsed.all("circle").filter { ["ch-here", "ch-mark"].contains($0.attributes["class"] ?? "") }
        // Markers are drawn in the annotations' order: Calm, Base, Stressed.
        let names = ["Calm", "Base", "Stressed"]
        var markers: [String: (x: Double, y: Double)] = [:]
        for (name, circle) in zip(names, circles) {
            markers[name] = (Double(circle.attributes["cx"] ?? "") ?? .nan, Double(circle.attributes["cy"] ?? "") ?? .nan)
        }
        var labels: [String: Box] = [:], onPatch: Set<String> = []
        for text in parsed.all("text") {
            guard let name = names.first(where: { text.text.hasPrefix($0 + ":") }),
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
}
