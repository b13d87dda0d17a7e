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

    Benchmark("Real site: incremental rebuild after editing one chapter (as explainer serve does)") { benchmark in
        // The preview server's caches, warmed by one full build; each iteration saves a different version of
        // 05-four-steps.md, so that chapter is parsed again and every other chapter and every figure is reused.
        let source = try SourceTree.read(from: repositoryRoot)
        let options = BuildOptions(figureCache: FigureCache(), parseCache: ParseCache())
        blackHole(try build(source, options: options))
        let index = source.chapters.firstIndex { $0.path.hasSuffix("05-four-steps.md") }!
        var edit = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            edit += 1
            var edited = source
            edited.chapters[index].bytes += Array("\nEdit number \(edit).\n".utf8)
            blackHole(try build(edited, options: options))
        }
    }
}
