import Dispatch
import Foundation

/// M3(c): Monte Carlo tranche losses for a pool with any weights and PDs, with M1's fixed chunking.
///
/// Paths are split into chunks of 10 000; chunk c uses stream c (the seed's generator after c jumps) and
/// accumulates its own sums; chunks are combined in chunk order. The result is therefore bit-identical for
/// any thread count.
public enum FinitePoolMonteCarlo {
    /// Paths per chunk (fixed, part of the estimator's definition).
    public static let chunkSize = 10_000

    /// The pool and tranches to simulate.
    public struct Pool: Sendable, Equatable {
        /// Default probability of each name.
        public var pds: [Double]
        /// Weight of each name, summing to 1.
        public var weights: [Double]
        public var lgd: Double
        public var rho: Double
        public var tranches: [Tranche]

        /// A pool; weights are normalised to sum to 1.
        public init(pds: [Double], weights: [Double], lgd: Double, rho: Double, tranches: [Tranche]) {
            precondition(pds.count == weights.count && !pds.isEmpty, "one PD and one weight per name")
            var total = 0.0
            for w in weights { total += w }
            self.pds = pds
            self.weights = weights.map { $0 / total }
            self.lgd = lgd
            self.rho = rho
            self.tranches = tranches
        }

        /// A homogeneous pool of `n` equal names with PD `p`.
        public static func homogeneous(n: Int, p: Double, lgd: Double, rho: Double, tranches: [Tranche]) -> Pool {
            Pool(pds: [Double](repeating: p, count: n), weights: [Double](repeating: 1, count: n), lgd: lgd, rho: rho,
                 tranches: tranches)
        }
    }

    /// Fewest paths reaching a tranche for which mean + 1.96 SE is a fair 95 % upper bound of its EL: with fewer, the
    /// losses are too skewed for the normal approximation (audit 12 S3: it fell below the exact EL in 30 % of seeds).
    public static let fewHits = 30

    /// Estimated expected loss fraction of each tranche and its standard error (sample sd with n − 1, over √paths).
    public struct Estimate: Sendable, Equatable {
        public var trancheEL: [Double]
        public var trancheSE: [Double]
        public var paths: Int
        /// How many paths lost something in each tranche.
        public var trancheHits: [Int] = []
        /// Tranches attaching at or above LGD, the pool's largest possible loss (every name defaults): their EL is
        /// exactly 0, not an estimate.
        public var unreachable: [Bool] = []

        /// Tranches that no path reached although a loss could: their mean and SE are both 0, which says nothing about a
        /// rare loss. A tranche no loss can reach is not among them: its 0 is exact (audit 10 N1).
        public var noSamples: [Bool] {
            trancheEL.indices.map { trancheEL[$0] == 0 && !(unreachable.indices.contains($0) && unreachable[$0]) }
        }

        /// The upper end of a 95 % interval for each tranche's EL: mean + 1.96 SE where at least `fewHits` paths reached
        /// the tranche; where fewer did, the bound from the count of those paths: EL ≤ P(hit) (a path loses at most the
        /// whole tranche), and k hits in `paths` tries put P(hit) below the 95 % Poisson upper limit of k over paths —
        /// for no hit the rule of three, 3/paths. 0 for a tranche no loss can reach.
        public var upper95: [Double] {
            trancheEL.indices.map { j in
                if unreachable.indices.contains(j) && unreachable[j] { return 0 }
                let hits = trancheHits.indices.contains(j) ? trancheHits[j] : (trancheEL[j] == 0 ? 0 : fewHits)
                // A tranche loses at most all of itself: the bound stops at 1 (audit 13 saw 1.00001).
                let normal = min(1, trancheEL[j] + 1.96 * trancheSE[j])
                guard hits < fewHits else { return normal }
                // No hit: the rule of three as such (its exact limit, −ln 0.05, is 2.996).
                return max(normal, min(1, (hits == 0 ? 3 : poissonUpper95(hits)) / Double(paths)))
            }
        }
    }

    /// Runs `paths` paths from `seed`, chunks spread over `threads` workers (the result does not depend on it).
    public static func simulate(_ pool: Pool, paths: Int, seed: UInt64, threads: Int = 1) -> Estimate {
        precondition(paths > 0 && threads > 0)
        let chunks = (paths + chunkSize - 1) / chunkSize
        let tranches = pool.tranches.count
        let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: chunks * 3 * tranches)
        sums.initialize(repeating: 0)
        defer { sums.deallocate() }
        let kernel = ChunkKernel(pool)
        let workers = min(threads, chunks)
        let output = SendableBuffer(base: sums)
        let work: @Sendable (Int) -> Void = { worker in
            var stream = RandomGenerator(seed: seed, stream: worker)
            var scratch = ContiguousArray<Double>(repeating: 0, count: kernel.thresholds.count)
            for chunk in stride(from: worker, to: chunks, by: workers) {
                var rng = stream
                let count = min(chunkSize, paths - chunk * chunkSize)
                let slot = UnsafeMutableBufferPointer(rebasing: output.base[(chunk * 3 * tranches)..<((chunk + 1) * 3 * tranches)])
                kernel.run(paths: count, rng: &rng, scratch: &scratch, sums: slot)
                for _ in 0..<workers { stream.jump() }
            }
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
        var total = [Double](repeating: 0, count: 3 * tranches)
        for chunk in 0..<chunks {
            for j in 0..<(3 * tranches) { total[j] += sums[chunk * 3 * tranches + j] }
        }
        let n = Double(paths)
        var el: [Double] = [], se: [Double] = []
        // The largest pool loss is LGD (weights sum to 1); a tranche attaching there or above never loses, and its EL
        // is exactly 0 even if rounding in Σ LGD·wᵢ left an ulp above LGD on some path.
        let unreachable = pool.tranches.map { $0.attachment >= pool.lgd }
        for j in 0..<tranches {
            guard !unreachable[j] else {
                el.append(0)
                se.append(0)
                continue
            }
            let mean = total[j] / n
            let variance = max(0, (total[tranches + j] - n * mean * mean) / (n - 1))
            el.append(mean)
            se.append((variance / n).squareRoot())
        }
        return Estimate(trancheEL: el, trancheSE: se, paths: paths,
                        trancheHits: (0..<tranches).map { unreachable[$0] ? 0 : Int(total[2 * tranches + $0]) },
                        unreachable: unreachable)
    }
}

/// The 95 % upper confidence limit of a Poisson mean after `k` events: the λ with P(X ≤ k; λ) = 0.05 (3.00 for none,
/// 4.74 for one, 6.30 for two), found by bisection.
func poissonUpper95(_ k: Int) -> Double {
    func cdf(_ lambda: Double) -> Double {
        var term = Foundation.exp(-lambda), sum = term
        for i in stride(from: 1, through: k, by: 1) {
            term *= lambda / Double(i)
            sum += term
        }
        return sum
    }
    var (low, high) = (Double(k), Double(k) + 10 * (Double(k) + 1).squareRoot() + 10)
    for _ in 0..<100 {
        let middle = (low + high) / 2
        if cdf(middle) > 0.05 { low = middle } else { high = middle }
    }
    return (low + high) / 2
}

/// A buffer shared by workers that write disjoint slices of it.
private struct SendableBuffer: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Double>
}

/// Everything a chunk needs, precomputed once: thresholds Φ⁻¹(p_i), √ρ, √(1−ρ), weights and tranche bounds.
private struct ChunkKernel: Sendable {
    let thresholds: ContiguousArray<Double>
    let lossWeights: ContiguousArray<Double>
    let attachments: ContiguousArray<Double>
    let widths: ContiguousArray<Double>
    let sqrtRho: Double
    let sqrtOneMinusRho: Double
    let homogeneous: Bool
    let lgd: Double

    init(_ pool: FinitePoolMonteCarlo.Pool) {
        thresholds = ContiguousArray(pool.pds.map(Numerics.normalQuantile))
        lossWeights = ContiguousArray(pool.weights.map { pool.lgd * $0 })
        attachments = ContiguousArray(pool.tranches.map(\.attachment))
        widths = ContiguousArray(pool.tranches.map(\.width))
        sqrtRho = pool.rho.squareRoot()
        sqrtOneMinusRho = (1 - pool.rho).squareRoot()
        homogeneous = pool.pds.allSatisfy { $0 == pool.pds[0] } && pool.weights.allSatisfy { $0 == pool.weights[0] }
        lgd = pool.lgd
    }

    /// One chunk: per path one normal for Z, then one uniform per name in index order.
    /// `sums` receives Σ TL for each tranche, then Σ TL², then the count of paths with TL > 0.
    func run(paths: Int, rng: inout RandomGenerator, scratch: inout ContiguousArray<Double>,
             sums: UnsafeMutableBufferPointer<Double>) {
        let names = thresholds.count, tranches = attachments.count
        let equalPDs = thresholds.allSatisfy { $0 == thresholds[0] }
        thresholds.withUnsafeBufferPointer { c in
        lossWeights.withUnsafeBufferPointer { w in
        attachments.withUnsafeBufferPointer { a in
        widths.withUnsafeBufferPointer { width in
        scratch.withUnsafeMutableBufferPointer { q in
            for _ in 0..<paths {
                let z = rng.normal()
                var loss = 0.0
                if homogeneous {
                    let probability = Numerics.normalCDF((c[0] - sqrtRho * z) / sqrtOneMinusRho)
                    var defaults = 0
                    for _ in 0..<names where rng.u01() < probability { defaults += 1 }
                    loss = lgd * Double(defaults) / Double(names)
                } else {
                    if equalPDs {
                        let probability = Numerics.normalCDF((c[0] - sqrtRho * z) / sqrtOneMinusRho)
                        for i in 0..<names { q[i] = probability }
                    } else {
                        for i in 0..<names { q[i] = Numerics.normalCDF((c[i] - sqrtRho * z) / sqrtOneMinusRho) }
                    }
                    for i in 0..<names where rng.u01() < q[i] { loss += w[i] }
                }
                for j in 0..<tranches {
                    let fraction = min(max(loss - a[j], 0), width[j]) / width[j]
                    sums[j] += fraction
                    sums[tranches + j] += fraction * fraction
                    if fraction > 0 { sums[2 * tranches + j] += 1 }
                }
            }
        }
        }
        }
        }
        }
    }
}
