/// The multi-round fire-sale cascade with rating migration (an extension of GLT, MODELS.md M6 (b)).
struct FireSaleRounds: Sendable, Equatable {
    /// What happened in one round.
    struct Round: Sendable, Equatable {
        /// F⁽ʳ⁾, the return applied to every asset this round.
        var shock: [Double]
        /// H[n][k] at the start of the round, before the shock.
        var holdingsBefore: [[Double]]
        /// loss_n = −Σ_k H_nk F_k.
        var loss: [Double]
        /// e_n after the round's loss.
        var equity: [Double]
        /// P_k after the round's shock.
        var price: [Double]
        /// Q_k = Σ_n sales_nk ($B).
        var sold: [Double]
        /// Assets downgraded this round.
        var downgraded: [Int]
    }

    var rounds: [Round]
    /// The round in which each holder failed (its equity reached 0), or nil.
    var failedRound: [Int?]
    /// The round in which each asset was downgraded, or nil.
    var downgradeRound: [Int?]
    /// Σ over rounds of each holder's losses.
    var cumulativeLoss: [Double]
    /// Losses beyond each failed holder's equity (what its creditors lose).
    var creditorShortfall: [Double]
    /// Whether the cascade stopped by itself (a round lost less than `convergence` of the total so far, or nothing
    /// was sold) rather than at the `maxRounds` safety cap.
    var converged: Bool

    /// A round losing less than this share of the total so far ends the cascade (MODELS.md M6 corrections).
    static let convergence = 1e-6

    /// Runs until the cascade stops: a round whose loss is below 1e-6 of the total so far, or that sells less than 1e-9
    /// in total; `maxRounds` is only a safety cap, and `converged` says whether it was hit.
    /// Per-holder and per-asset lists must already have one entry per holder or asset.
    init(assets: [Double], equity: [Double], weights: [[Double]], shock: [Double], illiquidity: [Double],
         theta: [Double], sigma: [Double], delta: [Double?], maxRounds: Int) {
        let holders = assets.indices, assetIndices = shock.indices
        var holdings = holders.map { n in assetIndices.map { k in assets[n] * weights[n][k] } }
        var equityNow = equity
        let targetLeverage = holders.map { assets[$0] > 0 ? (assets[$0] - equity[$0]) / equity[$0] : 0 }
        var price = [Double](repeating: 1, count: shock.count)
        var failedRound = [Int?](repeating: nil, count: assets.count)
        var downgradeRound = [Int?](repeating: nil, count: shock.count)
        var cumulative = [Double](repeating: 0, count: assets.count)
        var rounds: [Round] = []
        var f = shock
        var converged = false

        for round in 1...maxRounds {
            // 1. The shock: losses, equity, prices.
            let before = holdings
            var loss = [Double](repeating: 0, count: assets.count)
            var size = [Double](repeating: 0, count: assets.count)
            for n in holders {
                for k in assetIndices {
                    loss[n] -= holdings[n][k] * f[k]
                    holdings[n][k] *= 1 + f[k]
                    size[n] += holdings[n][k]
                }
                equityNow[n] -= loss[n]
                cumulative[n] += loss[n]
            }
            for k in assetIndices { price[k] *= 1 + f[k] }

            // 2. Leverage-targeting sales; a holder whose equity is gone sells everything once.
            var sales = holders.map { _ in [Double](repeating: 0, count: shock.count) }
            for n in holders where failedRound[n] == nil && assets[n] > 0 {
                if equityNow[n] <= 0 {
                    failedRound[n] = round
                    sales[n] = holdings[n]
                    continue
                }
                let excess = theta[n] * max(0, size[n] - (1 + targetLeverage[n]) * equityNow[n])
                guard excess > 0, size[n] > 0 else { continue }
                for k in assetIndices { sales[n][k] = excess * holdings[n][k] / size[n] }
            }

            // 3. Rating migration: forced sales of what remains of a newly downgraded asset (once only).
            var downgraded: [Int] = []
            for k in assetIndices where downgradeRound[k] == nil {
                guard let threshold = delta[k], 1 - price[k] >= threshold else { continue }
                downgradeRound[k] = round
                downgraded.append(k)
                for n in holders { sales[n][k] += sigma[n] * (holdings[n][k] - sales[n][k]) }
            }

            // 4. Sales leave the books and move next round's prices.
            var sold = [Double](repeating: 0, count: shock.count)
            var totalSold = 0.0
            for k in assetIndices {
                for n in holders {
                    holdings[n][k] -= sales[n][k]
                    sold[k] += sales[n][k]
                }
                totalSold += sold[k]
            }
            rounds.append(Round(shock: f, holdingsBefore: before, loss: loss, equity: equityNow, price: price,
                                sold: sold, downgraded: downgraded))
            let roundLoss = loss.reduce(0, +), totalLoss = cumulative.reduce(0, +)
            if totalSold < 1e-9 || (round > 1 && abs(roundLoss) < Self.convergence * abs(totalLoss)) {
                converged = true
                break
            }
            f = assetIndices.map { max(-illiquidity[$0] * sold[$0], -0.99) }
        }

        self.rounds = rounds
        self.failedRound = failedRound
        self.downgradeRound = downgradeRound
        cumulativeLoss = cumulative
        self.converged = converged
        creditorShortfall = holders.map { failedRound[$0] == nil ? 0 : max(0, -equityNow[$0]) }
    }

    /// Each holder's loss in the first round (the shock itself) and in all later rounds (forced selling), as shares of
    /// its starting `equity`; a holder without equity shows 0. The two add up to `cumulativeLoss / equity`.
    func lossShares(equity: [Double]) -> (firstShock: [Double], laterRounds: [Double]) {
        let first = cumulativeLoss.indices.map { rounds.first?.loss[$0] ?? 0 }
        func share(_ loss: Double, _ h: Int) -> Double { equity[h] > 0 ? loss / equity[h] : 0 }
        return (first.indices.map { share(first[$0], $0) },
                first.indices.map { share(cumulativeLoss[$0] - first[$0], $0) })
    }
}
