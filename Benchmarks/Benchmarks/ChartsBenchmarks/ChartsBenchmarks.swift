import Benchmark
import Charts
import Simulation

/// Every figure variant of the real site (one per scenario), checked against a build of the site.
let siteFigures: SiteFigures = {
    do { return try SiteFigures.load() } catch { fatalError("cannot derive the site's figures: \(error)") }
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 50)

    let figures = siteFigures
    let blocks = figures.chartBlocks, variants = figures.variants.count, runs = figures.modelRuns.count

    Benchmark("Draw all site figures to SVG (\(blocks) chart blocks, \(variants) SVGs)") { benchmark in
        for _ in benchmark.scaledIterations {
            for variant in figures.variants {
                blackHole(try renderSVG(variant.spec, id: variant.svgID))
            }
        }
    }

    Benchmark("Run the models of all site figures (\(runs) model runs)") { benchmark in
        for _ in benchmark.scaledIterations {
            for run in figures.modelRuns {
                blackHole(try run.entry.run(scenario: run.scenario, overrides: run.overrides))
            }
        }
    }

    Benchmark("Draw the chart gallery (\(Gallery.samples.count) samples)") { benchmark in
        for _ in benchmark.scaledIterations {
            for (name, spec) in Gallery.samples {
                blackHole(try renderSVG(spec, id: name))
            }
        }
    }
}
