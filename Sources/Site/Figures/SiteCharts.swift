import Charts
import Simulation
import Synchronization

/// One chart the site draws (one variant of a figure): its spec and the SVG id it is drawn with.
public struct SiteChart: Sendable {
    public var id: String
    public var spec: ChartSpec

    /// The chart's page HTML, exactly as a build draws it (a wide and a phone-width SVG, or a scrolling flow).
    public func draw() throws(ChartError) -> String {
        try drawResponsive(spec, id: id)
    }
}

/// One model run behind a figure variant.
public struct SiteModelRun: Sendable {
    public var entry: ModelEntry
    public var scenario: String
    public var overrides: [Scenario.Override]

    public func run() throws(ModelError) -> ModelOutput {
        try entry.run(scenario: scenario, overrides: overrides)
    }
}

/// Every chart of the site and the model runs behind them, found the way `build` finds them (drafts left out)
/// but without drawing: so benchmarks can time simulating and drawing apart, on exactly what the site draws.
public func siteCharts(_ source: SourceTree, options: BuildOptions = BuildOptions())
    throws(BuildFailure) -> (charts: [SiteChart], modelRuns: [SiteModelRun]) {
    let inputs = try SiteInputs.parse(source)
    var requests: [FigureRequest] = []
    for file in source.chapters {
        guard let place = ChapterFile(fileName: fileName(file.path)) else { continue }
        let chapter = try parseChapter(file, place: place, terms: inputs.autolinkTerms, registry: options.registry)
        if !chapter.errors.isEmpty { throw BuildFailure(chapter.errors) }
        if !chapter.frontMatter.draft || options.includeDrafts { requests += chapter.figures }
    }
    let found = Found()
    var builder = FigureBuilder(registry: options.registry, data: inputs.data)
    builder.draw = { spec, id throws(ChartError) in
        found.charts.withLock { $0.append(SiteChart(id: id, spec: spec)) }
        return ""
    }
    builder.onModelRun = { run in found.runs.withLock { $0.append(run) } }
    for request in requests { _ = try builder.build(request) }
    return (found.charts.withLock { $0 }, found.runs.withLock { $0 })
}

/// What `siteCharts` collects while the figure builder runs.
private final class Found: Sendable {
    let charts = Mutex<[SiteChart]>([])
    let runs = Mutex<[SiteModelRun]>([])
}
