/// The Greenwood–Landier–Thesmar (2015) closed form: one round of leverage-targeting fire sales.
struct FireSaleGLT: Sendable, Equatable {
    /// r = M·F, each holder's portfolio return.
    let holderReturn: [Double]
    /// φ = B·A·r, net purchases ($B; negative is a sale).
    let netPurchase: [Double]
    /// F₂ = L·M′·φ, the fire-sale return of each asset.
    let fireSaleReturn: [Double]
    /// AV = −1′AMLM′BAMF / E, aggregate vulnerability.
    let aggregateVulnerability: Double
    /// S_n = −(1′AMLM′)_n · b_n a_n r_n / E, systemicness; Σ S_n = AV.
    let systemicness: [Double]
    /// IV_n = −(A·M·F₂)_n / e_n, indirect vulnerability (0 for a holder without equity).
    let indirectVulnerability: [Double]
    /// Σ e_n.
    let totalEquity: Double

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
        var f2 = [Double](repeating: 0, count: f.count)
        for k in assetIndices {
            var flow = 0.0
            for n in holders { flow += m[n][k] * phi[n] }
            f2[k] = l[k] * flow
        }
        // Market-wide holdings 1′AM, then (1′AMLM′)_n: the second-round loss per $ of holder n's net purchases.
        var marketHoldings = [Double](repeating: 0, count: f.count)
        for k in assetIndices {
            for n in holders { marketHoldings[k] += a[n] * m[n][k] }
        }
        var exposure = [Double](repeating: 0, count: a.count)
        for n in holders {
            for k in assetIndices { exposure[n] += marketHoldings[k] * l[k] * m[n][k] }
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
