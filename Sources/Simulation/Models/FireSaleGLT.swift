/// The Greenwood–Landier–Thesmar (2015) closed form: one round of leverage-targeting fire sales.
struct FireSaleGLT: Sendable, Equatable {
    /// r = M·F, each holder's portfolio return.
    let holderReturn: [Double]
    /// φ = B·A·r, net purchases ($B; negative is a sale).
    let netPurchase: [Double]
    /// F₂ = max(L·M′·φ, −0.99), the fire-sale return of each asset.
    let fireSaleReturn: [Double]
    /// AV = −1′AMLM′BAMF / E, aggregate vulnerability.
    let aggregateVulnerability: Double
    /// S_n = −(1′AMLM′)_n · b_n a_n r_n / E, systemicness; Σ S_n = AV. Where F₂ is floored, each seller's part of
    /// that asset's fall is scaled down in proportion.
    let systemicness: [Double]
    /// IV_n = −(A·M·F₂)_n / e_n, indirect vulnerability (0 for a holder without equity).
    let indirectVulnerability: [Double]
    /// Σ e_n.
    let totalEquity: Double
    /// The assets whose fire-sale return L·M′·φ fell below −99 % and was floored there.
    let flooredAssets: [Int]

    /// The lowest fire-sale return: the floor of the cascade's shocks (M6(b) step 4).
    static let returnFloor = -0.99

    /// Expects validated inputs: weights rows sum to 1, equity ≤ assets, equity > 0 wherever assets > 0.
    init(assets a: [Double], equity e: [Double], weights m: [[Double]], shock f: [Double], illiquidity l: [Double]) {
        let holders = a.indices, assetIndices = f.indices
        let leverage = holders.map { a[$0] > 0 ? (a[$0] - e[$0]) / e[$0] : 0 }
        var totalEquity = 0.0
        for n in holders { totalEquity += e[n] }
        self.totalEquity = totalEquity

        var r = [Double](repeating: 0, count: a.count)
        for n in holders {
            for k in assetIndices { r[n] += m[n][k] * f[k] }
        }
        let phi = holders.map { leverage[$0] * a[$0] * r[$0] }
        // F₂ = L·M′·φ is linear in the sales, so a large ℓ (0.01 per $B is in range) gave returns of −500 % and a
        // second-round loss of $5.1T on $2.8T of holdings (audit 10 M3). A holding cannot lose more than it is worth,
        // so F₂ is floored, at −99 % like the cascade's shocks (M6(b) step 4): the closed form's F₂ is then the
        // cascade's round-2 shock (θ = 1, no downgrades), every holder's second-round loss stays below its holdings
        // (IV_n ≤ a_n/e_n), and AV stops being linear in the shock only where the floor binds. `scale[k]` is the share
        // of asset k's unfloored fall that remains, used to split it among the sellers (so Σ S_n = AV still holds).
        var f2 = [Double](repeating: 0, count: f.count)
        var scale = [Double](repeating: 1, count: f.count)
        var floored: [Int] = []
        for k in assetIndices {
            var flow = 0.0
            for n in holders { flow += m[n][k] * phi[n] }
            let unfloored = l[k] * flow
            if unfloored < Self.returnFloor {
                f2[k] = Self.returnFloor
                scale[k] = Self.returnFloor / unfloored
                floored.append(k)
            } else {
                f2[k] = unfloored
            }
        }
        flooredAssets = floored
        // Market-wide holdings 1′AM, then (1′AMLM′)_n: the second-round loss per $ of holder n's net purchases.
        var marketHoldings = [Double](repeating: 0, count: f.count)
        for k in assetIndices {
            for n in holders { marketHoldings[k] += a[n] * m[n][k] }
        }
        var exposure = [Double](repeating: 0, count: a.count)
        for n in holders {
            for k in assetIndices { exposure[n] += marketHoldings[k] * l[k] * scale[k] * m[n][k] }
        }

        var secondRoundLoss = 0.0
        var iv = [Double](repeating: 0, count: a.count)
        for n in holders {
            var holderLoss = 0.0
            for k in assetIndices { holderLoss += m[n][k] * f2[k] }
            secondRoundLoss += a[n] * holderLoss
            iv[n] = e[n] > 0 ? -a[n] * holderLoss / e[n] : 0
        }
        holderReturn = r
        netPurchase = phi
        fireSaleReturn = f2
        indirectVulnerability = iv
        aggregateVulnerability = totalEquity > 0 ? -secondRoundLoss / totalEquity : 0
        systemicness = holders.map { totalEquity > 0 ? -exposure[$0] * phi[$0] / totalEquity : 0 }
    }
}
