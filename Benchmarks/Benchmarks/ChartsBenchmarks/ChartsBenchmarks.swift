import Benchmark
import Charts
import Foundation
import Site

/// The repository root, found from this file's compile-time path (Benchmarks/Benchmarks/ChartsBenchmarks/…).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every chart of the real site (one per figure variant) and the model runs behind them, found by `Site` the way a
/// build finds them, so the benchmark times exactly what the site draws.
let site: (charts: [SiteChart], modelRuns: [SiteModelRun]) = {
    do { return try siteCharts(try SourceTree.read(from: repositoryRoot)) } catch {
        fatalError("cannot find the site's charts: \(error)")
    }
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 50)

    let charts = site.charts, runs = site.modelRuns

    Benchmark("Draw all site charts, wide and phone SVGs (\(charts.count) charts)") { benchmark in
        for _ in benchmark.scaledIterations {
            for chart in charts { blackHole(try chart.draw()) }
        }
    }

    Benchmark("Run the models of all site figures (\(runs.count) model runs)") { benchmark in
        for _ in benchmark.scaledIterations {
            for run in runs { blackHole(try run.run()) }
        }
    }

    Benchmark("Draw the chart gallery (\(Gallery.samples.count) samples)") { benchmark in
        for _ in benchmark.scaledIterations {
            for (name, spec) in Gallery.samples { blackHole(try renderSVG(spec, id: name)) }
        }
    }
}
