import Benchmark
import Foundation
import Site

/// The repository root, found from this file's compile-time path (Benchmarks/Benchmarks/SiteBenchmarks/…).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 30)

    Benchmark("Real site: read content/ and templates/, build in memory (no write)") { benchmark in
        for _ in benchmark.scaledIterations {
            let source = try SourceTree.read(from: repositoryRoot)
            blackHole(try build(source))
        }
    }

    Benchmark("Real site: build in memory from sources already read") { benchmark in
        let source = try SourceTree.read(from: repositoryRoot)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try build(source))
        }
    }
}
