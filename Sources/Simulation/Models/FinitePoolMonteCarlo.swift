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

    /// Estimated expected loss fraction of each tranche and its standard error (sample sd with n − 1, over √paths).
    public struct Estimate: Sendable, Equatable {
        public var trancheEL: [Double]
        public var trancheSE: [Double]
        public var paths: Int
        /// Tranches attaching at or above LGD, the pool's largest possible loss (every name defaults): their EL is
        /// exactly 0, not an estimate.
        public var unreachable: [Bool] = []

        /// Tranches that no path reached although a loss could: their mean and SE are both 0, which says nothing about a
        /// rare loss. A tranche no loss can reach is not among them: its 0 is exact (audit 10 N1).
        public var noSamples: [Bool] {
            trancheEL.indices.map { trancheEL[$0] == 0 && !(unreachable.indices.contains($0) && unreachable[$0]) }
        }

        /// The upper end of a 95 % interval for each tranche's EL: mean + 1.96 SE where paths reached the tranche;
        /// where none did, the rule of three, 3/paths (EL ≤ P(hit), and no hit in `paths` tries puts P(hit) below
        /// 3/paths at 95 %); 0 for a tranche no loss can reach.
        public var upper95: [Double] {
            trancheEL.indices.map { j in
                unreachable.indices.contains(j) && unreachable[j] ? 0
                    : trancheEL[j] == 0 ? 3 / Double(paths) : trancheEL[j] + 1.96 * trancheSE[j]
            }
        }
    }

    /// Runs `paths` paths from `seed`, chunks spread over `threads` workers (the result does not depend on it).
    public static func simulate(_ pool: Pool, paths: Int, seed: UInt64, threads: Int = 1) -> Estimate {
        precondition(paths > 0 && threads > 0)
        let chunks = (paths + chunkSize - 1) / chunkSize
        let tranches = pool.tranches.count
        let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: chunks * 2 * tranches)
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
                let slot = UnsafeMutableBufferPointer(rebasing: output.base[(chunk * 2 * tranches)..<((chunk + 1) * 2 * tranches)])
                kernel.run(paths: count, rng: &rng, scratch: &scratch, sums: slot)
                for _ in 0..<workers { stream.jump() }
            }
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
        var total = [Double](repeating: 0, count: 2 * tranches)
        for chunk in 0..<chunks {
            for j in 0..<(2 * tranches) { total[j] += sums[chunk * 2 * tranches + j] }
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
        return Estimate(trancheEL: el, trancheSE: se, paths: paths, unreachable: unreachable)
    }
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
    /// `sums` receives Σ TL for each tranche, then Σ TL².
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
                }
            }
        }
        }
        }
        }
        }
    }
}
