import Foundation

/// M3(a): the Vasicek large homogeneous pool in closed form (default rate X, pool loss L = LGD·X).
public enum Vasicek {
    /// Simpson panels for the call integral on [−12, z*].
    static let callPanels = 4000

    /// The conditional default rate X(z) = Φ((c − √ρ z)/√(1−ρ)), c = Φ⁻¹(p).
    public static func conditionalDefaultRate(z: Double, p: Double, rho: Double) -> Double {
        Numerics.normalCDF((Numerics.normalQuantile(p) - rho.squareRoot() * z) / (1 - rho).squareRoot())
    }

    /// P(X ≤ x) = Φ((√(1−ρ)Φ⁻¹(x) − c)/√ρ) for ρ > 0; a step at p for ρ = 0.
    public static func cdf(_ x: Double, p: Double, rho: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        if rho == 0 { return x >= p ? 1 : 0 }
        return Numerics.normalCDF(((1 - rho).squareRoot() * Numerics.normalQuantile(x) - Numerics.normalQuantile(p))
            / rho.squareRoot())
    }

    /// The q-quantile of X: Φ((c + √ρ Φ⁻¹(q))/√(1−ρ)).
    public static func quantile(_ q: Double, p: Double, rho: Double) -> Double {
        Numerics.normalCDF((Numerics.normalQuantile(p) + rho.squareRoot() * Numerics.normalQuantile(q)) / (1 - rho).squareRoot())
    }

    /// The density of the pool loss L = LGD·X at `loss` ∈ (0, LGD), for ρ > 0.
    public static func lossDensity(_ loss: Double, p: Double, lgd: Double, rho: Double) -> Double {
        let x = loss / lgd
        guard rho > 0, x > 0, x < 1 else { return 0 }
        let c = Numerics.normalQuantile(p), inverse = Numerics.normalQuantile(x)
        let shifted = c - (1 - rho).squareRoot() * inverse
        return ((1 - rho) / rho).squareRoot() * exp(0.5 * inverse * inverse - shifted * shifted / (2 * rho)) / lgd
    }

    /// z*(k) = (c − √(1−ρ)Φ⁻¹(k))/√ρ: X(z) > k exactly when z < z*.
    static func criticalFactor(_ k: Double, c: Double, rho: Double) -> Double {
        (c - (1 - rho).squareRoot() * Numerics.normalQuantile(k)) / rho.squareRoot()
    }

    /// The call C(k) = E[(X − k)⁺], by Simpson with 4000 panels on [−12, min(z*, 12)].
    ///
    /// φ carries no mass beyond ±12 (below 1e-32), so the range stops there: for ρ → 0 and k < p, z* grows like
    /// 1/√ρ (3·10⁵ at ρ = 1e-12) and panels spread up to z* would step over φ entirely (audit B2).
    public static func call(strike k: Double, p: Double, rho: Double) -> Double {
        if k <= 0 { return p }
        if k >= 1 { return 0 }
        if rho == 0 { return max(p - k, 0) }
        let c = Numerics.normalQuantile(p)
        let zStar = criticalFactor(k, c: c, rho: rho)
        if zStar <= -12 { return 0 }
        let sqrtRho = rho.squareRoot(), sqrtOneMinus = (1 - rho).squareRoot()
        return Numerics.simpson(from: -12, to: min(zStar, 12), panels: callPanels) { z in
            (Numerics.normalCDF((c - sqrtRho * z) / sqrtOneMinus) - k) * Numerics.normalPDF(z)
        }
    }

    /// A tranche's expected loss as a fraction of its notional: (LGD·C(a/LGD) − LGD·C(d/LGD))/(d − a).
    public static func trancheEL(_ tranche: Tranche, p: Double, lgd: Double, rho: Double) -> Double {
        let lower = lgd * call(strike: tranche.attachment / lgd, p: p, rho: rho)
        let upper = lgd * call(strike: tranche.detachment / lgd, p: p, rho: rho)
        return (lower - upper) / tranche.width
    }

    /// P(L > loss), the chance that the pool loses more than `loss` (1 at or below zero, 0 at or above LGD).
    public static func exceedance(_ loss: Double, p: Double, lgd: Double, rho: Double) -> Double {
        if loss <= 0 { return 1 }
        if loss >= lgd { return 0 }
        if rho == 0 { return lgd * p > loss ? 1 : 0 }
        // Φ(z*) rather than 1 − cdf: no cancellation far in the tail.
        return Numerics.normalCDF(criticalFactor(loss / lgd, c: Numerics.normalQuantile(p), rho: rho))
    }

    /// P(L > a), the probability that the tranche takes any loss.
    public static func trancheHit(_ tranche: Tranche, p: Double, lgd: Double, rho: Double) -> Double {
        let a = tranche.attachment
        if a == 0 { return 1 }
        if a >= lgd { return 0 }
        if rho == 0 { return lgd * p > a ? 1 : 0 }
        return Numerics.normalCDF(criticalFactor(a / lgd, c: Numerics.normalQuantile(p), rho: rho))
    }

    /// Expected losses of all tranches, evaluating the call once per distinct boundary.
    public static func trancheELs(_ tranches: [Tranche], p: Double, lgd: Double, rho: Double) -> [Double] {
        var calls: [Double: Double] = [:]
        func lossCall(_ boundary: Double) -> Double {
            if let known = calls[boundary] { return known }
            let value = lgd * call(strike: boundary / lgd, p: p, rho: rho)
            calls[boundary] = value
            return value
        }
        return tranches.map { (lossCall($0.attachment) - lossCall($0.detachment)) / $0.width }
    }
}
