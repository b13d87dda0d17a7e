/// Drops the points of a polyline that lie within `tolerance` of the line through their neighbours
/// (Ramer–Douglas–Peucker), so dense model curves do not bloat the SVG with invisible detail.
///
/// The first and last points are always kept; the result is deterministic and never moves a kept point.
func simplified(_ points: [(x: Double, y: Double)], tolerance: Double = 0.25) -> [(x: Double, y: Double)] {
    guard points.count > 2 else { return points }
    var keep = Array(repeating: false, count: points.count)
    keep[0] = true
    keep[points.count - 1] = true
    var stack = [(0, points.count - 1)]
    while let (first, last) = stack.popLast() {
        guard last > first + 1 else { continue }
        let a = points[first], b = points[last]
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        var farthest = first, distance = -1.0
        for index in (first + 1)..<last {
            let p = points[index]
            let d = length == 0
                ? ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot()
                : abs(dy * p.x - dx * p.y + b.x * a.y - b.y * a.x) / length
            if d > distance { distance = d; farthest = index }
        }
        if distance > tolerance {
            keep[farthest] = true
            stack.append((first, farthest))
            stack.append((farthest, last))
        }
    }
    return points.indices.filter { keep[$0] }.map { points[$0] }
}
