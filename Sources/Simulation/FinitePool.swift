import Foundation

/// M3(b): the exact loss distribution of a homogeneous pool of N names under the one-factor Gaussian copula.
public enum FinitePool {
    /// Simpson panels for the factor integral on [−8, 8].
    static let panels = 3200
    /// exp(x) is exactly 0 for x below about −745.13.
    static let underflow = -750.0

    /// P(D = k) for k = 0…N: ∫ Binom(k; N, X(z)) φ(z) dz on [−8, 8] by Simpson with 3200 panels.
    public static func lossPMF(n: Int, p: Double, rho: Double) -> [Double] {
        let c = Numerics.normalQuantile(p)
        let sqrtRho = rho.squareRoot(), sqrtOneMinus = (1 - rho).squareRoot()
        // log C(N, k), built up factor by factor: log C(N, k) = log C(N, k−1) + log((N − k + 1)/k).
        var logBinomial = [Double](repeating: 0, count: n + 1)
        for k in stride(from: 1, through: n, by: 1) {
            logBinomial[k] = logBinomial[k - 1] + log(Double(n - k + 1) / Double(k))
        }
        var pmf = [Double](repeating: 0, count: n + 1)
        let h = 16.0 / Double(panels)
        for node in 0...panels {
            let z = -8 + Double(node) * h
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
