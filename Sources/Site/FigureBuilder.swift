import Charts
import Simulation

/// A figure after simulation and drawing: one SVG per scenario, and the CSV files behind them.
public struct RenderedFigure: Sendable, Equatable {
    public struct Variant: Sendable, Equatable {
        public var scenario: String
        public var label: String
        /// The chart as HTML: a wide and a phone-width SVG (see `drawResponsive`).
        public var svg: String
        /// Path of this variant's CSV inside the output, e.g. `data/tranche-losses-stressed.csv`.
        public var csvPath: String
        public var csv: String
        /// Parameter line printed under the chart (model figures only).
        public var parameters: String
        /// The CSV as an HTML table (long tables sampled), made once with the figure so cached figures reuse it.
        public var table: String

        init(scenario: String, label: String, svg: String, csvPath: String, csv: String, parameters: String) {
            self.scenario = scenario
            self.label = label
            self.svg = svg
            self.csvPath = csvPath
            self.csv = csv
            self.parameters = parameters
            table = dataTableHTML(csv: csv, limit: tableRowLimit)
        }
    }

    public var request: FigureRequest
    public var variants: [Variant]
    /// Source notes of a data figure, or the model's assumptions.
    public var note: String
}

/// Runs the model (or reads the data table) of a figure request and draws it.
struct FigureBuilder {
    let registry: ModelRegistry
    let data: [String: DataTable]
    /// Draws one variant as page HTML; `drawResponsive` unless the caller only wants the specs (`siteCharts`).
    var draw: @Sendable (ChartSpec, String) throws(ChartError) -> String = { spec, id throws(ChartError) in
        try drawResponsive(spec, id: id)
    }
    /// Told of every model run a figure makes (`siteCharts` collects them).
    var onModelRun: @Sendable (SiteModelRun) -> Void = { _ in }

    func build(_ request: FigureRequest) throws(BuildFailure) -> RenderedFigure {
        switch request.source {
        case let .model(name): return try buildModelFigure(request, model: name)
        case let .data(file): return try buildDataFigure(request, file: file)
        }
    }

    private func buildModelFigure(_ request: FigureRequest, model name: String) throws(BuildFailure) -> RenderedFigure {
        let entry: ModelEntry
        do { entry = try registry.model(named: name) } catch {
            throw BuildFailure([diagnostic(request, error)])
        }
        let wanted = request.scenarios.isEmpty ? [FigureRequest.ScenarioRequest(name: "base", overrides: [])] : request.scenarios
        var variants: [RenderedFigure.Variant] = []
        var assumptions = ""
        var problems: [Diagnostic] = []
        for scenario in wanted {
            let named = entry.scenarios.contains { $0.name == scenario.name }
            if !named && scenario.overrides.isEmpty {
                let error = ModelError.unknownScenario(model: name, name: scenario.name, known: entry.scenarios.map(\.name))
                problems.append(diagnostic(request, error, parameter: "scenario:" + scenario.name))
                continue
            }
            let output: ModelOutput
            let run = SiteModelRun(entry: entry, scenario: named ? scenario.name : "base",
                                   overrides: request.params + scenario.overrides)
            onModelRun(run)
            do {
                output = try run.run()
            } catch {
                problems.append(diagnostic(request, error))
                continue
            }
            assumptions = output.assumptions
            let summary = entry.scenarios.first { $0.name == scenario.name }?.summary ?? ""
            let seriesList = try select(output.series, request: request)
            let spec = chartSpec(request, series: seriesList, units: seriesList.first)
            let suffix = wanted.count > 1 && variants.count > 0 ? "-" + scenario.name : ""
            do {
                // Ids inside SVG must be XML names, which cannot start with a digit as figure ids may.
                let svg = try draw(spec, "chart-" + request.id + suffix.replacingSlashes())
                variants.append(.init(scenario: scenario.name, label: request.labels[scenario.name] ?? scenarioLabel(scenario.name), svg: svg,
                                      csvPath: "data/\(request.id)\(suffix).csv",
                                      csv: output.csv(seriesNamed: seriesList.map(\.name)),
                                      parameters: parameterLine(request.params + scenario.overrides, summary: summary, specs: entry.parameters)))
            } catch {
                problems.append(Diagnostic(file: request.file, line: request.line, column: request.column,
                                           message: "cannot draw figure '\(request.id)': \(error)"))
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return RenderedFigure(request: request, variants: variants, note: assumptions)
    }

    private func buildDataFigure(_ request: FigureRequest, file: String) throws(BuildFailure) -> RenderedFigure {
        guard let table = data[file] else {
            let known = data.keys.sorted()
            throw BuildFailure([Diagnostic(file: request.file, line: request.line, column: request.column,
                                           message: "data file 'content/data/\(file)' does not exist",
                                           hint: known.isEmpty ? "put CSV files in content/data/ and name them without the folder, e.g. data: capex.csv"
                                                : suggestionHint(for: file, among: known, noun: "data files"))])
        }
        var spec: ChartSpec
        if request.kind == .flow {
            spec = try flowSpec(request, table: table)
        } else {
            var all: [Series] = []
            for (index, column) in table.columns.dropFirst().enumerated() {
                let values: [Double]
                do throws(Diagnostic) { values = try table.values(column: index) } catch { throw BuildFailure([error]) }
                if let x = table.x {
                    all.append(Series(name: column, unit: "", xUnit: table.columns[0], x: x, y: values))
                } else {
                    all.append(Series(name: column, unit: "", labels: table.keys, values: values))
                }
            }
            let chosen = try select(all, request: request)
            spec = chartSpec(request, series: chosen, units: nil)
        }
        let svg: String
        do { svg = try draw(spec, "chart-" + request.id) } catch {
            throw BuildFailure([Diagnostic(file: request.file, line: request.line, column: request.column,
                                           message: "cannot draw figure '\(request.id)': \(error)")])
        }
        let csv = (table.notes.map { "# " + $0 }).joined(separator: "\n") + (table.notes.isEmpty ? "" : "\n")
            + table.columns.map(csvQuoted).joined(separator: ",") + "\n"
            + table.keys.indices.map { row in
                ([csvQuoted(table.keys[row])] + table.cells.map { csvQuoted($0[row]) })
                    .joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        return RenderedFigure(request: request,
                              variants: [.init(scenario: "data", label: "", svg: svg, csvPath: "data/\(request.id).csv",
                                               csv: csv, parameters: "")],
                              note: table.notes.joined(separator: " "))
    }

    private func flowSpec(_ request: FigureRequest, table: DataTable) throws(BuildFailure) -> ChartSpec {
        guard table.columns.count == 3 else {
            throw BuildFailure([Diagnostic(file: request.file, line: request.line, column: request.column,
                                           message: "a flow chart's data needs the columns source,target,value",
                                           hint: "content/data/\(table.file) has: " + table.columns.joined(separator: ","))])
        }
        let values: [Double]
        do throws(Diagnostic) { values = try table.values(column: 1) } catch { throw BuildFailure([error]) }
        let links = table.keys.indices.map { FlowLink(source: table.keys[$0], target: table.cells[0][$0], value: values[$0]) }
        return ChartSpec(kind: .flow, title: request.title, description: request.caption, links: links)
    }

    /// Picks the requested series by name (with a did-you-mean error), or every series on the first one's grid.
    private func select(_ all: [Series], request: FigureRequest) throws(BuildFailure) -> [Series] {
        guard let names = request.series else {
            guard let first = all.first else { return [] }
            return all.filter { $0.x == first.x && ($0.labels == nil) == (first.labels == nil) }
        }
        var chosen: [Series] = []
        var problems: [Diagnostic] = []
        for name in names {
            if let series = all.first(where: { $0.name == name }) {
                chosen.append(series)
            } else {
                problems.append(Diagnostic(file: request.file, line: request.line, column: request.column,
                                           message: "figure '\(request.id)' has no series '\(name)'",
                                           hint: suggestionHint(for: name, among: all.map(\.name), noun: "series")))
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return chosen
    }

    private func chartSpec(_ request: FigureRequest, series: [Series], units: Series?) -> ChartSpec {
        var x = request.x ?? AxisOptions(label: units.map { axisLabel($0.xUnit) } ?? "", format: defaultFormat(units?.xUnit))
        var y = request.y ?? AxisOptions(label: units.map { axisLabel($0.unit) } ?? "", format: defaultFormat(units?.unit))
        if request.x != nil && request.x?.label.isEmpty == true, let units { x.label = axisLabel(units.xUnit) }
        if request.y != nil && request.y?.label.isEmpty == true, let units { y.label = axisLabel(units.unit) }
        if request.kind == .flow, let links = series.first(where: { $0.labels != nil }) {
            return ChartSpec(kind: .flow, title: request.title, description: request.caption,
                             links: flowLinks(links))
        }
        let categorical: Set<ChartKind> = [.bar, .horizontalBar, .groupedBar, .stackedBar, .waterfall]
        let chartSeries = series.map { item in
            // Bar-like charts of a numeric series use its x values as category labels (years, periods).
            let categories = item.labels ?? (categorical.contains(request.kind) ? item.x.map { formatNumber($0) } : nil)
            // A log axis cannot show zero: such points become gaps (the data table and CSV keep them).
            let y = y.scale == .log ? item.y.map { $0 > 0 ? $0 : .nan } : item.y
            return ChartSeries(name: request.labels[item.name] ?? item.name, x: categories == nil ? item.x : [], y: y,
                               categories: categories)
        }
        return ChartSpec(kind: request.kind, title: request.title, description: request.caption, x: x, y: y,
                         series: chartSeries, annotations: request.annotations)
    }

    /// Category labels written "Source → Target" become links.
    private func flowLinks(_ series: Series) -> [FlowLink] {
        zip(series.labels ?? [], series.y).compactMap { label, value in
            let parts = label.components(separatedBy: " → ")
            guard parts.count == 2 else { return nil }
            return FlowLink(source: parts[0], target: parts[1], value: value)
        }
    }

    private func diagnostic(_ request: FigureRequest, _ error: ModelError, parameter: String? = nil) -> Diagnostic {
        var name = parameter
        switch error {
        case let .parameterOutOfRange(_, parameterName, _, _), let .wrongType(_, parameterName, _),
             let .unknownParameter(_, parameterName, _):
            name = parameterName.split(separator: "[").first.map(String.init)
        case let .unknownScenario(_, scenario, _):
            name = "scenario:" + scenario
        default:
            break
        }
        let position = name.map(request.position(ofParameter:)) ?? (line: request.line, column: request.column)
        return Diagnostic(file: request.file, line: position.line, column: position.column, message: error.description,
                          hint: error.hint)
    }
}

private func axisLabel(_ unit: String) -> String {
    switch unit {
    case "$B", "$B/yr": "$ billions"
    case "fraction", "probability": "Share"
    case "years": "Years"
    case "year": "Year"
    case "×": "Multiple"
    default: unit.prefix(1).uppercased() + unit.dropFirst()
    }
}

private func defaultFormat(_ unit: String?) -> ValueFormat {
    switch unit {
    case "$B", "$B/yr": .usdBillions
    case "fraction", "probability", "share": .percent
    case "years": .years
    case "year": .year
    case "×": .multiple
    default: .number
    }
}

func scenarioLabel(_ name: String) -> String {
    let words = name.split(separator: "-").joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
}

/// The scenario's summary, then each overridden parameter with what it means: "rho (asset correlation …) = 0.6".
private func parameterLine(_ overrides: [Scenario.Override], summary: String, specs: [ParameterSpec]) -> String {
    let set = overrides.map { override in
        guard let meaning = specs.first(where: { $0.name == override.name })?.summary, !meaning.isEmpty else {
            return "\(override.name) = \(override.value)"
        }
        return "\(meaning) (\(override.name)) = \(override.value)"
    }.joined(separator: ", ")
    return [summary, set].filter { !$0.isEmpty }.joined(separator: "; ")
}

func csvQuoted(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : text
}

extension String {
    func replacingSlashes() -> String { String(map { $0 == "/" ? "-" : $0 }) }

    /// The text between occurrences of `separator`, found left to right without overlaps by comparing UTF-8 bytes
    /// (a byte search: comparing `Character`s at every position made page layout quadratic in the page's length).
    func components(separatedBy separator: String) -> [String] {
        let needle = Array(separator.utf8)
        guard let first = needle.first else { return [self] }
        let bytes = Array(utf8)
        var parts: [String] = []
        var partStart = 0
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) {
                parts.append(String(decoding: bytes[partStart..<index], as: UTF8.self))
                index += needle.count
                partStart = index
            } else {
                index += 1
            }
        }
        parts.append(String(decoding: bytes[partStart...], as: UTF8.self))
        return parts
    }
}


/// Canvas width of the phone layout: close to a phone's text column, so chart text stays near its design size.
let narrowChartWidth = 400.0

/// A chart drawn twice, for wide screens and for phones; the stylesheet shows one of them.
///
/// The SVGs leave out their `<style>`: pages load `assets/charts.css` once instead.
/// Flow diagrams need their width for the node labels, so phones scroll them sideways instead.
func drawResponsive(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
    let wide = try renderSVG(spec, id: id, embedStyle: false)
    if spec.kind == .flow { return "<div class=\"chart-scroll\">\n" + wide + "</div>\n" }
    let narrow = sharingTitle(try renderSVG(spec.withWidth(narrowChartWidth), id: id + "-narrow", embedStyle: false),
                              of: id)
    return "<div class=\"chart-wide\">\n" + wide + "</div>\n<div class=\"chart-narrow\">\n" + narrow + "</div>\n"
}

/// The phone copy of a chart points its accessible name at the wide copy's `<title>` and `<desc>` (the same page
/// holds both) instead of repeating them: chapters with many scenario variants stay within their page weight.
func sharingTitle(_ svg: String, of id: String) -> String {
    var result = svg
    for element in ["title", "desc"] {
        guard let open = result.firstRange(of: "<\(element) id=\"\(id)-narrow-\(element)\">"),
              let close = result[open.upperBound...].firstRange(of: "</\(element)>\n") else { return svg }
        result.removeSubrange(open.lowerBound..<close.upperBound)
    }
    // The attribute is on the opening tag, near the start: replace the first (only) one without scanning the rest.
    if let labels = result.firstRange(of: "aria-labelledby=\"\(id)-narrow-title \(id)-narrow-desc\"") {
        result.replaceSubrange(labels, with: "aria-labelledby=\"\(id)-title \(id)-desc\"")
    }
    return result
}
