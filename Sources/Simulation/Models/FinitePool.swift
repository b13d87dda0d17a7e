import Foundation

/// M3(b): the exact loss distribution of a homogeneous pool of N names under the one-factor Gaussian copula.
public enum FinitePool {
    /// Simpson panels for the factor integral on [−8, 8].
    static let panels = 3200
    /// exp(x) is exactly 0 for x below about −745.13.
    static let underflow = -750.0

    /// Above this correlation the conditional default rate X(z) is a steep step and gets panels of its own.
    static let stepCorrelation = 0.9

    /// P(D = k) for k = 0…N: ∫ Binom(k; N, X(z)) φ(z) dz on [−8, 8] by Simpson on the `factorSegments`.
    public static func lossPMF(n: Int, p: Double, rho: Double) -> [Double] {
        var pmf = [Double](repeating: 0, count: n + 1)
        for segment in factorSegments(p: p, rho: rho) {
            let part = lossPMF(n: n, p: p, rho: rho, from: segment.from, to: segment.to, panels: segment.panels)
            for k in pmf.indices { pmf[k] += part[k] }
        }
        return pmf
    }

    /// Simpson segments of [−8, 8]: 3200 equal panels; for ρ > 0.9 the step of X(z) at z₀ = c/√ρ (width
    /// w = √((1−ρ)/ρ), 0.03 at ρ = 0.999) gets a window z₀ ± 12w of 1600 panels of its own and the rest of [−8, 8]
    /// keeps 3200 panels, so the stated 1e-5 holds up to ρ = 0.999 (audit B8).
    static func factorSegments(p: Double, rho: Double) -> [(from: Double, to: Double, panels: Int)] {
        guard rho > stepCorrelation else { return [(-8, 8, panels)] }
        let z0 = Numerics.normalQuantile(p) / rho.squareRoot(), w = ((1 - rho) / rho).squareRoot()
        let lo = min(max(z0 - 12 * w, -8), 8), hi = min(max(z0 + 12 * w, -8), 8)
        let outside = (lo + 8) + (8 - hi)
        func outerPanels(_ length: Double) -> Int { max(2, 2 * Int((Double(panels / 2) * length / outside).rounded(.up))) }
        var segments: [(from: Double, to: Double, panels: Int)] = []
        if lo > -8 { segments.append((-8, lo, outerPanels(lo + 8))) }
        if hi > lo { segments.append((lo, hi, panels / 2)) }
        if hi < 8 { segments.append((hi, 8, outerPanels(8 - hi))) }
        return segments
    }

    /// P(D = k) restricted to z ∈ [a, b], by composite Simpson with `panels` (even) panels.
    static func lossPMF(n: Int, p: Double, rho: Double, from a: Double, to b: Double, panels: Int) -> [Double] {
        let c = Numerics.normalQuantile(p)
        let sqrtRho = rho.squareRoot(), sqrtOneMinus = (1 - rho).squareRoot()
        // log C(N, k), built up factor by factor: log C(N, k) = log C(N, k−1) + log((N − k + 1)/k).
        var logBinomial = [Double](repeating: 0, count: n + 1)
        for k in stride(from: 1, through: n, by: 1) {
            logBinomial[k] = logBinomial[k - 1] + log(Double(n - k + 1) / Double(k))
        }
        var pmf = [Double](repeating: 0, count: n + 1)
        let h = (b - a) / Double(panels)
        for node in 0...panels {
            let z = a + Double(node) * h
            let weight = (node == 0 || node == panels ? 1.0 : (node % 2 == 1 ? 4.0 : 2.0)) * Numerics.normalPDF(z)
            let x = Numerics.normalCDF((c - sqrtRho * z) / sqrtOneMinus)
            if x <= 0 {
                pmf[0] += weight
            } else if x >= 1 {
                pmf[n] += weight
            } else {
                let logX = log(x), logOneMinus = log1p(-x)
                // The log-terms are concave in k, so walking out from the mode we can stop once exp() is exactly 0:
                // the sums are bit-identical to the full loop over k = 0…N.
                let mode = min(n, Int(Double(n + 1) * x))
                for k in stride(from: mode, through: n, by: 1) {
                    let logTerm = logBinomial[k] + Double(k) * logX + Double(n - k) * logOneMinus
                    if logTerm < underflow { break }
                    pmf[k] += weight * exp(logTerm)
                }
                for k in stride(from: mode - 1, through: 0, by: -1) {
                    let logTerm = logBinomial[k] + Double(k) * logX + Double(n - k) * logOneMinus
                    if logTerm < underflow { break }
                    pmf[k] += weight * exp(logTerm)
                }
            }
        }
        return pmf.map { $0 * h / 3 }
    }

    /// A tranche's expected loss fraction: Σ_k P(D=k)·min(max(LGD·k/N − a, 0), d − a)/(d − a).
    public static func trancheEL(_ tranche: Tranche, pmf: [Double], lgd: Double) -> Double {
        let n = pmf.count - 1
        var sum = 0.0
        for k in pmf.indices {
            sum += pmf[k] * tranche.lossFraction(poolLoss: lgd * Double(k) / Double(n))
        }
        return sum
    }

    /// P(hit): the probability of a pool loss LGD·k/N above a + 1e-12.
    public static func trancheHit(_ tranche: Tranche, pmf: [Double], lgd: Double) -> Double {
        let n = pmf.count - 1
        var sum = 0.0
        for k in pmf.indices where lgd * Double(k) / Double(n) > tranche.attachment + 1e-12 { sum += pmf[k] }
        return sum
    }
}
