import Foundation

/// Maps a continuous (linear or log) domain onto pixels.
struct ContinuousScale {
    var type: ScaleType
    var lo: Double
    var hi: Double
    var from: Double
    var to: Double

    private func transform(_ value: Double) -> Double { type == .log ? log10(value) : value }

    /// Pixel position of `value`, or nil when it cannot be drawn (NaN, ±∞, ≤ 0 on a log scale).
    func position(_ value: Double) -> Double? {
        guard value.isFinite, type == .linear || value > 0 else { return nil }
        let start = transform(lo), end = transform(hi)
        guard end != start else { return (from + to) / 2 }
        let position = from + (transform(value) - start) / (end - start) * (to - from)
        return position.isFinite ? position : nil
    }

    /// Position clamped to the pixel range (for bars, bands and baselines).
    func clamped(_ value: Double) -> Double? {
        guard let position = position(value) else {
            if value == .infinity { return max(from, to) == to ? to : from }
            if value == -.infinity { return from }
            return nil
        }
        return min(max(position, min(from, to)), max(from, to))
    }

    /// The baseline for bars and areas: 0 when in the domain, else the nearest domain end.
    var baseline: Double {
        if type == .log { return from }
        return clamped(0) ?? from
    }
}

/// Equal bands for categories along `from` → `to`; a bar is never wider than `maxBandwidth` (a chart of one or two
/// categories keeps slim bars, centred in their bands).
struct BandScale {
    var count: Int
    var from: Double
    var to: Double
    var padding: Double
    var maxBandwidth = 140.0

    var step: Double { (to - from) / Double(max(count, 1)) }
    var bandwidth: Double { min(step * (1 - padding), maxBandwidth) }
    func start(_ index: Int) -> Double { from + step * Double(index) + (step - bandwidth) / 2 }
    func center(_ index: Int) -> Double { from + step * (Double(index) + 0.5) }
}
