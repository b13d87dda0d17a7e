import Foundation

/// Shared numerics of MODELS.md §0: normal density, distribution and quantile, Simpson's rule, small linear systems.
public enum Numerics {
    static let sqrt2pi = (2 * Double.pi).squareRoot()

    /// Standard normal density φ(x).
    @inline(__always)
    public static func normalPDF(_ x: Double) -> Double {
        exp(-x * x / 2) / sqrt2pi
    }

    /// Standard normal distribution Φ(x) = ½·erfc(−x/√2).
    @inline(__always)
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Φ⁻¹(p) for p in [1e-300, 1 − 2⁻⁵³]: Abramowitz–Stegun 26.2.23, then exactly three Halley steps.
    public static func normalQuantile(_ p: Double) -> Double {
        if p == 0.5 { return 0 }
        let q = min(p, 1 - p)
        let t = (-2 * log(q)).squareRoot()
        var x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t))
        for _ in 0..<3 {
            let e = normalCDF(x) - q
            let u = e * sqrt2pi * exp(x * x / 2)
            x -= u / (1 + x * u / 2)
        }
        return p < 0.5 ? x : -x
    }

    /// Composite Simpson's rule with a fixed, even number of panels.
    public static func simpson(from a: Double, to b: Double, panels: Int, _ f: (Double) -> Double) -> Double {
        precondition(panels > 0 && panels % 2 == 0, "Simpson needs an even number of panels")
        let h = (b - a) / Double(panels)
        var sum = f(a) + f(b)
        for i in 1..<panels {
            sum += (i % 2 == 1 ? 4 : 2) * f(a + Double(i) * h)
        }
        return sum * h / 3
    }

    /// Solves A·x = b by Gaussian elimination with partial pivoting; nil if A is singular.
    public static func solve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
        let n = rhs.count
        var a = matrix, b = rhs
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<max(n, column + 1) where abs(a[row][column]) > abs(a[pivot][column]) { pivot = row }
            guard abs(a[pivot][column]) > 1e-300 else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in (column + 1)..<max(n, column + 1) {
                let factor = a[row][column] / a[column][column]
                if factor == 0 { continue }
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row][k] * x[k] }
            x[row] = sum / a[row][row]
        }
        return x
    }

    /// The inverse of a small square matrix (each column solved by `solve`); nil if singular.
    public static func inverse(_ matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        var columns: [[Double]] = []
        for j in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[j] = 1
            guard let column = solve(matrix, unit) else { return nil }
            columns.append(column)
        }
        return (0..<n).map { i in (0..<n).map { j in columns[j][i] } }
    }
}
