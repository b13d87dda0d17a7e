import Testing
@testable import Charts

@Suite struct PolylineSimplification {
    @Test func collinearPointsAreDropped() {
        let points = (0...100).map { (x: Double($0), y: 2 * Double($0) + 1) }
        let result = simplified(points)
        #expect(result.count == 2)
        #expect(result.first! == (x: 0, y: 1))
        #expect(result.last! == (x: 100, y: 201))
    }

    @Test func cornersSurvive() {
        let points: [(x: Double, y: Double)] = [(0, 0), (1, 0), (2, 0), (3, 5), (4, 0), (5, 0)]
        let result = simplified(points)
        #expect(result.map(\.x) == [0, 2, 3, 4, 5])
    }

    @Test func everyDroppedPointStaysWithinToleranceOfTheResult() {
        let points = (0...400).map { index -> (x: Double, y: Double) in
            let x = Double(index) * 1.5
            return (x, 200 - 150 * (x / 600) * (x / 600) + 3 * Double(index % 7))
        }
        let result = simplified(points, tolerance: 0.25)
        #expect(result.count < points.count)
        for point in points {
            // Distance from the point to the kept polyline is at most the tolerance.
            let nearest = zip(result, result.dropFirst()).map { a, b in
                let dx = b.x - a.x, dy = b.y - a.y
                let t = max(0, min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy)))
                let px = a.x + t * dx - point.x, py = a.y + t * dy - point.y
                return (px * px + py * py).squareRoot()
            }.min()!
            #expect(nearest <= 0.25 + 1e-9)
        }
    }

    @Test func shortLinesAreUnchanged() {
        #expect(simplified([(x: 0, y: 0), (x: 1, y: 1)]).count == 2)
        #expect(simplified([]).isEmpty)
    }
}
