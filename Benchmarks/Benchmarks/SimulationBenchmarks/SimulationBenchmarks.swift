import Benchmark
import Foundation
import Simulation

/// MODELS.md M3(c) with its defaults: 100 equal names, PD 2 %, LGD 60 %, ρ 0.3, the four default tranches,
/// 100,000 paths, seed 20251021. `Benchmarks/montecarlo_numpy.py` runs the same computation in numpy.
let monteCarloPool = FinitePoolMonteCarlo.Pool.homogeneous(
    n: 100, p: 0.02, lgd: 0.6, rho: 0.3,
    tranches: [Tranche(0, 0.05), Tranche(0.05, 0.15), Tranche(0.15, 0.30), Tranche(0.30, 1)])
let monteCarloPaths = 100_000
let monteCarloSeed: UInt64 = 20_251_021
let cores = ProcessInfo.processInfo.activeProcessorCount

/// Every scenario of every registered model: what the site can precompute.
let allScenarios: [(entry: ModelEntry, scenario: String)] = ModelRegistry.standard.entries.flatMap { entry in
    entry.scenarios.map { (entry, $0.name) }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 30)

    Benchmark("Finite-pool Monte Carlo, 100 names × 100,000 paths, 1 thread") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(FinitePoolMonteCarlo.simulate(monteCarloPool, paths: monteCarloPaths, seed: monteCarloSeed,
                                                    threads: 1))
        }
    }

    Benchmark("Finite-pool Monte Carlo, 100 names × 100,000 paths, all cores (\(cores) threads)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(FinitePoolMonteCarlo.simulate(monteCarloPool, paths: monteCarloPaths, seed: monteCarloSeed,
                                                    threads: cores))
        }
    }

    // Issue 18: the large runs, one process on every core, against `montecarlo_numpy.py --processes 0 --paths …`.
    for (paths, shown) in [(1_000_000, "1,000,000"), (10_000_000, "10,000,000")] {
        Benchmark("Finite-pool Monte Carlo, 100 names × \(shown) paths, all cores (\(cores) threads)",
                  configuration: .init(maxDuration: .seconds(60), maxIterations: paths >= 10_000_000 ? 5 : 10)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(FinitePoolMonteCarlo.simulate(monteCarloPool, paths: paths, seed: monteCarloSeed, threads: cores))
            }
        }
    }

    Benchmark("All models × all scenarios (\(allScenarios.count) runs)") { benchmark in
        for _ in benchmark.scaledIterations {
            for (entry, scenario) in allScenarios {
                blackHole(try entry.run(scenario: scenario))
            }
        }
    }
}
