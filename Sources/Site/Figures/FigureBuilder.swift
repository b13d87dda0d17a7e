import Charts
import Foundation
import Markdown
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
        /// Settings line printed under the chart (model figures only): the scenario's description, or the parameters
        /// set, in words.
        public var parameters: String
        /// The block's `captions:` sentence for this scenario, shown with it.
        public var caption: String
        /// The data table as HTML (long tables sampled), made once with the figure so cached figures reuse it.
        public var table: String
    }

    public var request: FigureRequest
    public var variants: [Variant]
    /// The variant shown first: the block's `default:`, else `base`, else the first.
    public var defaultIndex: Int
    /// Source notes of a data figure, or the model's assumptions.
    public var note: String
    /// What the model runs reported although they succeeded (a fire-sale cascade cut short), as build warnings.
    public var warnings: [Diagnostic] = []
}

/// What one variant draws before it becomes a chart: the chosen series and the values the model reported.
struct VariantInput {
    var scenario: String
    var label: String
    var series: [Series]
    var scalars: [String: Double]
    var parameters: String
    /// Header of the first column when the x axis has no label: a data file's first column, or the model's x unit.
    var xHeader: String
    /// The data file's first column holds months written like 2000-08.
    var xIsDates = false
    var links: [FlowLink] = []
    /// What `labels:` may name here: the series (all of them, chosen or not), their categories, flow nodes, and the
    /// items of list parameters.
    var nameable: Set<String> = []
    /// The model run's warnings.
    var warnings: [ModelWarning] = []
}

/// Runs the model (or reads the data table) of a figure request and draws it.
struct FigureBuilder {
    let registry: ModelRegistry
    let data: [String: DataTable]
    /// The page's language: the data table's added headings and notes, the CSV's provenance lines.
    var words: Translations = .english
    /// The language of the data files' own `# ` lines when it is not the page's (a translation's figures, whose data
    /// files the default language's writer annotated); nil when they are in the page's language.
    var notesLanguage: String? = nil
    /// The page's language as charts need it: numbers, chart words and fonts, the settings line's parameter words.
    var language: ChartLanguage { ChartLanguage(numbers: ChartLanguage.numbers(for: words.code, words: words.strings), words: words.strings) }
    /// Draws one variant as page HTML; `drawResponsive` unless the caller only wants the specs (`siteCharts`).
    var draw: @Sendable (ChartSpec, String) throws(ChartError) -> String = { spec, id throws(ChartError) in
        try drawResponsive(spec, id: id)
    }
    /// Told of every model run a figure makes (`siteCharts` collects them).
    var onModelRun: @Sendable (SiteModelRun) -> Void = { _ in }

    func build(_ request: FigureRequest) throws(BuildFailure) -> RenderedFigure {
        let inputs: [VariantInput]
        var note = ""
        let isModel: Bool
        switch request.source {
        case let .model(name):
            (inputs, note) = try modelInputs(request, model: name)
            isModel = true
        case let .data(file):
            inputs = [try dataInput(request, file: file)]
            note = data[file]?.notes.joined(separator: " ") ?? ""
            isModel = false
        case .inline:
            inputs = [VariantInput(scenario: "data", label: "", series: [], scalars: [:], parameters: "", xHeader: "")]
            isModel = false
        }
        var specs: [ChartSpec] = []
        var problems: [Diagnostic] = []
        for input in inputs {
            let figureSpec = FigureSpec(request: request, isModel: isModel, scenarioLabel: input.label, language: language)
            do throws(BuildFailure) { specs.append(try figureSpec.spec(for: input)) } catch {
                problems += error.diagnostics
            }
        }
        problems += unknownLabels(request, inputs: inputs)
        problems += sameLabelProblems(request, inputs: inputs, isModel: isModel)
        problems += logScaleProblems(request, inputs: inputs)
        problems += stackedAreaProblems(request, inputs: inputs)
        problems += hbarCategoryAxisProblems(request)
        if problems.isEmpty { problems += axisBoundProblems(request, specs: specs) }
        if !problems.isEmpty { throw BuildFailure(problems) }
        if describedByCaption(request) {
            for index in specs.indices { specs[index].describedBy = captionID(request.id) }
        }
        if request.overlay { specs = overlaid(specs, inputs: inputs) }
        if request.sharedAxes, specs.count > 1 { specs = sharingAxes(specs) }
        if request.sharedAxes, specs.count > 1, !request.overlay {
            let all = specs.map(\.series)
            for index in specs.indices { specs[index].placementSeries = all.indices.filter { $0 != index }.flatMap { all[$0] } }
        }

        // The variant shown first (`default:`, else "base", else the first) is the figure's own: its CSV is
        // data/<id>.csv and its SVG's id chart-<id>; the others add their scenario's key.
        let wanted = request.defaultScenario ?? (inputs.contains { $0.scenario == "base" } ? "base" : inputs.first?.scenario)
        let defaultIndex = inputs.firstIndex { $0.scenario == wanted } ?? 0
        func suffixOf(_ index: Int) -> String { index == defaultIndex ? "" : "-" + inputs[index].scenario.replacingSlashes() }
        var variants: [RenderedFigure.Variant] = []
        for (index, (input, spec)) in zip(inputs, specs).enumerated() {
            let suffix = suffixOf(index)
            let svg: String
            do {
                // Ids inside SVG must be XML names, which cannot start with a digit as figure ids may.
                let drawn = try draw(spec, "chart-" + request.id + suffix)
                // Variants share the figure's title and caption: later ones point at the first one's instead of
                // repeating a long caption in every SVG (chapters with many variants stay within their weight).
                svg = index > 0 && spec.description == specs[0].description && spec.title == specs[0].title
                    ? sharingTitle(drawn, from: "chart-" + request.id + suffix, to: "chart-" + request.id + suffixOf(0)) : drawn
            } catch {
                problems += error.each.map { dataProblem(request, $0) ?? diagnostic(request, $0) }
                continue
            }
            var tableSpec = headedForTable(spec, request: request, input: input)
            // An overlay's one table serves every variant: its columns are every scenario's, in the order the pills
            // list them (Calm, Base, Stressed, whichever is shown), each with its own values (a log axis's zeros
            // printed), and named by their scenario ("Base: AI stocks" beside "No rating triggers: AI stocks").
            if request.overlay, inputs.count > 1 {
                tableSpec.series = inputs.indices.flatMap { other in
                    var own = headedForTable(specs[other], request: request, input: inputs[other]).series
                    if !(own.count == 1 && own[0].name == inputs[other].label) {
                        for column in own.indices {
                            own[column].name = words.format("labelled", ["label": inputs[other].label]) + words["space"] + own[column].name
                        }
                    }
                    return own
                }
                tableSpec.background = []
            }
            var table = FigureTable(spec: tableSpec,
                                    xHeader: isModel ? input.xHeader : columnHeading(input.xHeader), isModel: isModel, words: words,
                                    firstColumn: request.firstColumn.map(typographic), valueDigits: request.digits,
                                    scenarioColumns: request.overlay && inputs.count > 1)
            // An overlay's columns ("Calm | Base | Stressed", or "Base: AI stocks | …") say what they hold under one
            // heading: the value axis's title, without a log scale's aside, which describes the drawing ("Chance of a
            // larger loss", "Price index (start = 1)").
            if request.overlay, inputs.count > 1, !tableSpec.y.label.trimmingCharacters(in: .whitespaces).isEmpty {
                table.valueHeading = tableSpec.y.scale == .log ? withoutTrailingAside(tableSpec.y.label) : tableSpec.y.label
            }
            let provenance = csvProvenance(request, input: input, isModel: isModel, variantCount: inputs.count,
                                           described: request.overlay && inputs.count > 1 ? inputs : [input])
            variants.append(.init(scenario: input.scenario, label: input.label, svg: svg,
                                  csvPath: "data/\(request.id)\(suffix).csv", csv: table.csv(header: provenance),
                                  parameters: input.parameters, caption: typographic(request.captions[input.scenario] ?? ""),
                                  table: table.html(limit: tableRowLimit)))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return RenderedFigure(request: request, variants: variants, defaultIndex: defaultIndex, note: note,
                              warnings: modelWarnings(request, inputs: inputs))
    }

    /// The chart's series as its data table and CSV head them. A data file's column the block does not name
    /// (`labels:`) is a name for the file, not for readers ("percent", "price return (%)"): the chart's only series
    /// takes the value axis title, which is what the chart calls its numbers and no legend contradicts ("Share of
    /// capacity"), and any other starts with a capital ("Price return").
    private func headedForTable(_ spec: ChartSpec, request: FigureRequest, input: VariantInput) -> ChartSpec {
        var spec = spec
        // A log axis leaves out zeros (gaps in its lines); the table prints them (Fig 6.3's correlation 0 row was
        // empty where the next rows print "0 %").
        if spec.y.scale == .log, spec.series.count == input.series.count {
            for index in spec.series.indices where spec.series[index].y.count == input.series[index].y.count {
                spec.series[index].y = zip(spec.series[index].y, input.series[index].y).map { drawn, value in
                    drawn.isNaN && value == 0 ? 0 : drawn
                }
            }
        }
        // A heat map's series are its rows, named in the first column as the chart prints them.
        guard case .data = request.source, request.kind != .heatmap, spec.series.count == input.series.count else { return spec }
        let axisTitle = spec.y.label.trimmingCharacters()
        let axisNamesOnlyUnit = axisTitle.caseInsensitiveCompare(FigureTable.unit(spec.y.format, words: words)) == .orderedSame
        for (index, item) in input.series.enumerated() where request.labels[item.name] == nil {
            spec.series[index].name = spec.series.count == 1 && spec.background.isEmpty && !axisTitle.isEmpty && !axisNamesOnlyUnit
                ? axisTitle : columnHeading(spec.series[index].name)
        }
        return spec
    }

    // MARK: Inputs

    private func modelInputs(_ request: FigureRequest, model name: String) throws(BuildFailure) -> ([VariantInput], String) {
        let entry: ModelEntry
        do { entry = try registry.model(named: name) } catch {
            throw BuildFailure([diagnostic(request, error)])
        }
        let wanted = request.scenarios.isEmpty ? [FigureRequest.ScenarioRequest(name: "base", overrides: [])] : request.scenarios
        var inputs: [VariantInput] = []
        var assumptions = ""
        var problems: [Diagnostic] = []
        var runs: [SiteModelRun] = []
        if request.scenarios.count > 1, let clash = paramsOverridingScenarios(request, entry: entry, wanted: wanted) { throw BuildFailure([clash]) }
        for scenario in wanted {
            let named = entry.scenarios.contains { $0.name == scenario.name }
            if !named && scenario.overrides.isEmpty {
                let error = ModelError.unknownScenario(model: name, name: scenario.name, known: entry.scenarios.map(\.name))
                problems.append(diagnostic(request, error, parameter: "scenario:" + scenario.name))
                continue
            }
            let run = SiteModelRun(entry: entry, scenario: named ? scenario.name : "base",
                                   overrides: request.params + scenario.overrides)
            onModelRun(run)
            let output: ModelOutput
            do {
                output = try run.run()
            } catch {
                problems.append(diagnostic(request, error))
                continue
            }
            assumptions = output.assumptions
            let chosen: [Series]
            do throws(BuildFailure) { chosen = try select(output.series, request: request) } catch {
                problems += error.diagnostics
                continue
            }
            // A series the model leaves without any value here (a Monte Carlo that reached no tranche) is refused with
            // the model's reason, at the series' name, rather than drawn empty.
            let missing = chosen.filter { !$0.y.contains(where: \.isFinite) }.compactMap { item in
                output.missingSeries[item.name].map { (item.name, $0) }
            }
            if !missing.isEmpty {
                problems += missing.map { name, why in
                    let place = request.position(ofSeries: name)
                    return Diagnostic(file: request.file, line: place.line, column: place.column, message: why.message, hint: why.hint)
                }
                continue
            }
            runs.append(run)
            var input = VariantInput(scenario: scenario.name, label: typographic(request.labels[scenario.name] ?? scenarioLabel(scenario.name)),
                                     series: chosen, scalars: output.scalars, parameters: "",
                                     xHeader: chosen.first.map { axisLabel($0.xUnit, language) } ?? "")
            input.warnings = output.warnings
            input.nameable = Set(output.series.flatMap { [$0.name] + ($0.labels ?? []) })
                .union(listItemNames(entry, overrides: request.params + scenario.overrides))
            inputs.append(input)
        }
        // The same mistake in every scenario (a misspelt parameter in `params:`) is reported once.
        if !problems.isEmpty { throw BuildFailure(problems) }
        let line = ParameterLine(entry: entry, labels: request.labels, language: language)
        let unseen = line.unseen(in: wanted, blockParams: request.params) { name, value in
            // The first variant again with only this parameter changed: does the chart draw anything else?
            var probe = runs[0]
            probe.overrides.append(Scenario.Override(name, value))
            onModelRun(probe)
            guard let output = try? probe.run(), let chosen = try? select(output.series, request: request) else { return false }
            return chosen == inputs[0].series && annotationValues(request, output.scalars) == annotationValues(request, inputs[0].scalars)
        }
        for (index, text) in line.lines(for: wanted, blockParams: request.params, leavingOut: unseen).enumerated() {
            inputs[index].parameters = text
        }
        return (inputs, assumptions)
    }

    /// The model runs' warnings at the block's entry for the parameter they concern (else its opening line), naming
    /// the variant when the figure has several.
    private func modelWarnings(_ request: FigureRequest, inputs: [VariantInput]) -> [Diagnostic] {
        inputs.flatMap { input in
            input.warnings.map { warning in
                let place = request.position(ofParameter: warning.parameter)
                return Diagnostic(file: request.file, line: place.line, column: place.column,
                                  message: warning.message + (inputs.count > 1 ? " (variant '\(input.scenario)')" : ""),
                                  hint: warning.hint, severity: .warning)
            }
        }
    }

    /// The model's values the block's annotations name (`value: peakLoss`), which the chart draws too.
    private func annotationValues(_ request: FigureRequest, _ scalars: [String: Double]) -> [Double?] {
        request.annotations.flatMap { item in
            item.values.values.compactMap { value -> Double?? in
                if case .name(let name) = value { return .some(scalars[name]) }
                return nil
            }
        }
    }

    private func dataInput(_ request: FigureRequest, file: String) throws(BuildFailure) -> VariantInput {
        guard let table = data[file] else { throw BuildFailure([missingDataFile(file, of: request, known: Array(data.keys))]) }
        var input = VariantInput(scenario: "data", label: "", series: [], scalars: [:], parameters: "",
                                 xHeader: table.columns[0])
        input.nameable = Set(table.columns).union(table.keys).union(table.cells.flatMap { $0 })
        input.xIsDates = table.x != nil && table.keys.allSatisfy(isMonthKey)
        if request.kind == .flow {
            input.links = try flowLinks(request, table: table)
            return input
        }
        // Every problem of the file's cells at once: its x column's and each bad number's.
        var problems: [Diagnostic] = []
        if Self.needsNumericX.contains(request.kind), let problem = xColumnProblem(request, table: table) {
            problems.append(problem)
        }
        if let problem = table.xFormProblem() {
            problems.append(problem)
        } else if Self.joinsPointsInOrder.contains(request.kind), let problem = table.xOrderProblem(kind: request.kind.rawValue) {
            problems.append(problem)
        }
        problems += table.numberProblems(columns: Array(table.cells.indices))
        if !problems.isEmpty { throw BuildFailure(problems) }
        var all: [Series] = []
        if request.kind == .heatmap, table.x == nil {
            // Text in the first column names the rows (banks, tranches); the other columns are the heat map's columns.
            let headers = Array(table.columns.dropFirst())
            for (row, key) in table.keys.enumerated() {
                var values: [Double] = []
                for column in headers.indices {
                    do throws(Diagnostic) { values.append(try table.values(column: column)[row]) } catch { throw BuildFailure([error]) }
                }
                all.append(Series(name: key, unit: "", labels: headers, values: values))
            }
            input.series = request.series == nil ? all : try select(all, request: request)
            return input
        }
        for (index, column) in table.columns.dropFirst().enumerated() {
            let values: [Double]
            do throws(Diagnostic) { values = try table.values(column: index) } catch { throw BuildFailure([error]) }
            if let x = table.x {
                all.append(Series(name: column, unit: "", xUnit: table.columns[0], x: x, y: values))
            } else {
                all.append(Series(name: column, unit: "", labels: table.keys, values: values))
            }
        }
        input.series = try select(all, request: request)
        return input
    }

    /// `params:` wins over what a named scenario sets: a parameter the figure's scenarios set to different values would
    /// be the same in every variant, whatever each scenario says (audit 14 S2). One they all leave at, or set to, one
    /// value (the bubbles model's σ) is one params may set for all (recheck 14 S3). Said at the parameter.
    private func paramsOverridingScenarios(_ request: FigureRequest, entry: ModelEntry,
                                           wanted: [FigureRequest.ScenarioRequest]) -> Diagnostic? {
        for param in request.params {
            // The scenarios whose own map does not set it, with the value each would have without params.
            let unset = wanted.filter { scenario in !scenario.overrides.contains { $0.name == param.name } }
            if unset.isEmpty {
                // Every scenario's own map sets it, and a map wins: params changes nothing (trial 15 S6).
                let position = request.position(ofParameter: param.name)
                return Diagnostic(file: request.file, line: position.line, column: position.column,
                                  message: "params sets '\(param.name)', which every scenario of the block sets itself: a "
                                    + "scenario's own value wins, so params' \(param.name) = \(param.value) draws nowhere",
                                  hint: "remove '\(param.name)' from params, or from the scenarios whose value it should be")
            }
            let own = unset.map { scenario in
                entry.scenarios.first { $0.name == scenario.name }?.overrides.first { $0.name == param.name }?.value
            }
            // One number written two ways ("0.3", "0.30") is one value.
            let normalized = { (text: String) in Double(text).map { "\($0)" } ?? text }
            let values = Set(own.map { value -> String? in
                (value?.description ?? entry.parameters.first(where: { $0.name == param.name })?.defaultValue).map(normalized)
            })
            // Also where another scenario's own map sets it (audit 15): params then sets it for some variants only,
            // over a named scenario's different value.
            let setByAMap = unset.count < wanted.count
            let differsFromParams = own.contains { value in
                value.map { normalized($0.description) != normalized(param.value.description) } ?? false
            }
            guard values.count > 1 || (setByAMap && differsFromParams),
                  let index = own.firstIndex(where: { $0 != nil }), let value = own[index] else { continue }
            let scenario = unset[index].name
            let position = request.position(ofParameter: param.name)
            return Diagnostic(file: request.file, line: position.line, column: position.column,
                              message: "params sets '\(param.name)', which the scenario '\(scenario)' sets too (\(value)): params wins, so "
                                + (values.count > 1 ? "every variant would draw \(param.name) = \(param.value), whatever its scenario says"
                                    : "'\(scenario)' would draw \(param.name) = \(param.value), not its own \(value)"),
                              hint: "leave '\(param.name)' out of params to keep each scenario's own value, or set it per scenario: "
                                + "scenarios: {\(scenario): {\(param.name): …}, …}")
        }
        return nil
    }

    /// Chart kinds that place their points along a numeric x axis: the first column must hold numbers, years or months.
    static let needsNumericX: Set<ChartKind> = [.line, .area, .stackedArea, .smallMultiples, .histogram]
    /// Chart kinds that join their points in the file's order: x values out of order or repeated zigzag or jump.
    static let joinsPointsInOrder: Set<ChartKind> = [.line, .area, .stackedArea, .smallMultiples]

    /// Why a data file's first column cannot be this chart's x axis: at the CSV's first bad cell (a date, a number
    /// with a separator), or, when every row names a category, at the block's `kind:` (a bar chart would draw them).
    private func xColumnProblem(_ request: FigureRequest, table: DataTable) -> Diagnostic? {
        guard table.x == nil else { return nil }
        if let problem = table.xProblem(kind: request.kind.rawValue) { return problem }
        let place = request.position(ofParameter: "key:kind")
        let written = request.parameterLines["key:kind"] == nil ? "add" : "use"
        let examples = table.keys.prefix(2).map { "'\($0)'" }.joined(separator: ", ")
        // `janv.-18`, `janvier 2018`, `Jan 2018`: months named in words, as a spreadsheet shows them (trial 14 S9).
        let names = [Translations.english, words].flatMap { words in ["months", "monthsShort"].map(words.names) }
        let months = table.keys.map { monthInWords($0, names: names) }
        if let first = months.first, let month = first, months.count(where: { $0 != nil }) * 2 >= months.count {
            return Diagnostic(file: table.file, line: table.rowLines[0], column: 1,
                              message: "'\(table.keys[0])' in column '\(table.columns[0])' names its month in words, which a chart "
                                + "reads as text, not as a month",
                              hint: "write months as \(month) (year, then the month's number), as a spreadsheet does when the "
                                + "column is formatted as text or as yyyy-mm")
        }
        return Diagnostic(file: request.file, line: place.line, column: place.column,
                          message: withArticle(request.kind.rawValue) + " chart needs numbers, years or months (2024-01) in the first column of "
                            + "\(table.file), "
                            + "but it holds categories (\(examples)\(table.keys.count > 2 ? ", …" : ""))",
                          hint: "for categories, \(written) kind: bar or kind: hbar")
    }

    private func flowLinks(_ request: FigureRequest, table: DataTable) throws(BuildFailure) -> [FlowLink] {
        guard table.columns.count == 3 else {
            throw BuildFailure([Diagnostic(file: request.file, line: request.line, column: request.column,
                                           message: "a flow chart's data needs the columns source,target,value",
                                           hint: "content/data/\(table.file) has: " + table.columns.joined(separator: ","))])
        }
        let problems = table.numberProblems(columns: [1])
        if !problems.isEmpty { throw BuildFailure(problems) }
        let values: [Double]
        do throws(Diagnostic) { values = try table.values(column: 1) } catch { throw BuildFailure([error]) }
        return table.keys.indices.map { FlowLink(source: table.keys[$0], target: table.cells[0][$0], value: values[$0]) }
    }

    /// A `labels:` key that names nothing the figure has (a series, a category, a scenario, an item of a list
    /// parameter) would be ignored without a word: an error at the `labels:` line, with the closest name.
    private func unknownLabels(_ request: FigureRequest, inputs: [VariantInput]) -> [Diagnostic] {
        if case .inline = request.source { return [] }
        let nameable = inputs.reduce(into: Set(request.scenarios.map(\.name) + ["base"])) { $0.formUnion($1.nameable) }
        let place = request.position(ofParameter: "key:labels")
        let unknown = request.labels.keys.sorted().filter { !nameable.contains($0) }
        // Not one label names anything, and none is a near miss: the block draws other data than its labels were
        // written for (a translation whose `data:` is not the original's, trial 17 M2), which one error says, with
        // what the figure's names are, rather than one error per label.
        if unknown.count > 1, unknown.count == request.labels.count,
           unknown.allSatisfy({ closestMatch(to: $0, among: nameable.sorted()) == nil }) {
            let drawn: String = switch request.source {
            case .data(let file): "its data, \(file), names"
            case .model(let name): "its model, \(name), names"
            case .inline: "it names"
            }
            // The series (a data file's columns, a model's outputs): what the labels were most likely meant for.
            var names: [String] = []
            for name in inputs.flatMap({ $0.series.map(\.name) }) where !names.contains(name) { names.append(name) }
            if names.isEmpty { names = nameable.subtracting(["base"]).sorted() }
            return [Diagnostic(file: request.file, line: place.line, column: place.column,
                               message: "figure '\(request.id)': none of its \(unknown.count) labels names a series, category or "
                                   + "scenario of it (" + unknown.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                                   + (unknown.count > 3 ? ", …" : "") + "): \(drawn) " + names.prefix(6).map { "'\($0)'" }.joined(separator: ", ")
                                   + (names.count > 6 ? ", …" : ""),
                               hint: "check the block's data: or model: (a translated block draws what its original draws), "
                                   + "then write labels for the names it has")]
        }
        return unknown.map { name in
            Diagnostic(file: request.file, line: place.line, column: place.column,
                       message: "figure '\(request.id)': labels names '\(name)', which is no series, category or scenario of it",
                       hint: (closestMatch(to: name, among: nameable.sorted()).map { "did you mean '\($0)'? " } ?? "")
                        + "labels: renames the figure's series, categories and scenarios, and items of its model's list parameters")
        }
    }

    /// The names of list parameters' items, as set for this chart or as the model's defaults (`[a, b, c]`).
    private func listItemNames(_ entry: ModelEntry, overrides: [Scenario.Override]) -> [String] {
        func texts(_ value: ParameterValue) -> [String] {
            switch value {
            case .text(let text): [text]
            case .list(let items): items.flatMap(texts)
            default: []
            }
        }
        let set = overrides.flatMap { texts($0.value) }
        // Defaults are written as text ("UBS revised: 423, 571, … 1300", "[a, b, c]", "[[0, .40], [.05, .50]]"): their
        // words, not numbers.
        let defaults = entry.parameters.flatMap { parameter in
            parameter.defaultValue.split(whereSeparator: { $0 == "," || $0 == ":" }).map {
                $0.trimmingCharacters().trimmingCharacters(in: CharacterSet(charactersIn: "[]\"' "))
            }.filter { !$0.isEmpty && Double($0) == nil }
        }
        return set + defaults + entry.scenarios.map(\.name)
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
                let place = request.position(ofSeries: name)
                problems.append(Diagnostic(file: request.file, line: place.line, column: place.column,
                                           message: "figure '\(request.id)' has no series '\(name)'",
                                           hint: suggestionHint(for: name, among: all.map(\.name), noun: "series")))
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return chosen
    }

    // MARK: Comparing variants

    /// Every variant draws all scenarios: its own in colour, the others faint behind it, each named at its end.
    private func overlaid(_ specs: [ChartSpec], inputs: [VariantInput]) -> [ChartSpec] {
        let single = specs.allSatisfy { $0.series.count == 1 }
        return specs.indices.map { index in
            var spec = specs[index]
            if single {
                spec.series[0].name = inputs[index].label
                spec.series[0].color = index % 8 + 1
            }
            // The other scenarios' `here` points are drawn faint, with their labels muted.
            spec.annotations += specs.indices.filter { $0 != index }.flatMap { other in
                specs[other].annotations.compactMap { annotation -> Annotation? in
                    guard case let .here(x, y, label) = annotation else { return nil }
                    return .mark(x: x, y: y, label: label)
                }
            }
            spec.background = specs.indices.filter { $0 != index }.flatMap { other in
                specs[other].series.map { series in
                    var ghost = series
                    // The scenario's own colour index, so its faint line keeps the dashes it has when chosen.
                    if single { ghost.color = other % 8 + 1 }
                    ghost.name = single ? inputs[other].label
                        : words.format("labelled", ["label": inputs[other].label]) + words["space"] + series.name
                    return ghost
                }
            }
            return spec
        }
    }

    /// `text` without an aside in brackets at its end: "Chance of a larger loss (log scale)" → "Chance of a larger loss".
    private func withoutTrailingAside(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let close = trimmed.last, close == ")" || close == "）",
              let open = trimmed.lastIndex(where: { $0 == (close == ")" ? "(" : "（") }), open > trimmed.startIndex else { return trimmed }
        return trimmed[..<open].trimmingCharacters(in: .whitespaces)
    }

    /// One pair of axes for all variants: each reaches the extent of every variant.
    private func sharingAxes(_ specs: [ChartSpec]) -> [ChartSpec] {
        let extents = specs.map(axisExtent)
        let xs = extents.flatMap(\.x), ys = extents.flatMap(\.y)
        return specs.map { spec in
            var shared = spec
            if let lo = xs.min(), let hi = xs.max() { shared.x.include += [lo, hi] }
            if let lo = ys.min(), let hi = ys.max() { shared.y.include += [lo, hi] }
            return shared
        }
    }

    // MARK: Provenance

    /// The `# ` lines a CSV download starts with: what it is, where it comes from (the data file's own `# ` lines, else
    /// the caption's "Source:" sentence), and the settings in words.
    ///
    /// A translation's CSV says all it can in its own words: the title, the caption's source sentence and the caption
    /// as the translated chapter writes them. The data file's lines, which only the default language's writer wrote,
    /// follow them under a line that says which language they are in; a source's title is never translated.
    ///
    /// An overlaid figure's CSV holds every scenario's columns: it gives every scenario's settings, a line each, in the
    /// order of the columns (`described`); any other names its own.
    private func csvProvenance(_ request: FigureRequest, input: VariantInput, isModel: Bool, variantCount: Int,
                               described: [VariantInput]) -> [String] {
        var lines = [words.format("csvTitle", ["title": typographic(request.title)])]
        var caption = typographic(removingCitations(request.caption))
        var notes: [String] = []
        if case let .data(file) = request.source, let written = data[file]?.notes { notes = written }
        if isModel {
            func settings(of input: VariantInput) -> String {
                var text = variantCount > 1 ? words.format("csvScenario", ["label": input.label]) : ""
                if !input.parameters.isEmpty {
                    // Ended with the page's full stop ("." or "。"), unless it ends in one already.
                    let stop = words["fullStop"]
                    let line = input.parameters.hasSuffix(stop) || input.parameters.hasSuffix(".") ? input.parameters : input.parameters + stop
                    text = text.isEmpty ? joiningSentences(words["settings"], line) : joiningSentences(text, joiningSentences(words["settings"], line))
                }
                return text
            }
            if described.count > 1 {
                lines.append(words["csvModel"])
                lines += described.map(settings).filter { !$0.isEmpty }
            } else {
                lines.append(joiningSentences(words["csvModel"], settings(of: input)))
            }
        } else if !notes.isEmpty && notesLanguage == nil {
            // The data file's own `# ` lines name its source, as the writer wrote them: they stay in the download. A
            // caption's own source sentence would then only repeat one of them, more briefly, at the caption's end.
            lines += notes
            if notes.contains(where: { splittingSourceSentence($0, words: words)?.before.isEmpty == true }),
               let split = splittingSourceSentence(caption, words: words) {
                caption = split.before
            }
        } else if let split = splittingSourceSentence(caption, words: words) {
            // The caption's source sentence, as written ("Sources: …"), becomes the source line: the caption's line
            // below it leaves it out instead of ending with it again.
            lines.append(split.source)
            caption = split.before
        } else if case .data = request.source, !notes.isEmpty || !captionNamesSource(request.caption) {
            // Neither the data file nor the caption names a source: the download does not pretend one does. (A
            // translation's data file names it in the lines that end the header.)
        } else {
            lines.append(words.format("csvSource", ["source": words["csvSourceInCaption"]]))
        }
        // A CSV cannot show a note mark: citations are left out of its lines.
        if !caption.isEmpty { lines.append(caption) }
        if let extra = request.captions[input.scenario] { lines.append(typographic(removingCitations(extra))) }
        if let language = notesLanguage, !isModel, !notes.isEmpty {
            let name = words.languageName(of: language) ?? language
            lines.append(words.format("csvDataNotes", ["language": name]))
            lines += notes
        }
        return lines
    }

    /// Whether a caption names its source in the page's words ("Source", "資料來源"), as `csvSource` writes it.
    private func captionNamesSource(_ caption: String) -> Bool {
        let marker = String(words["csvSource"].prefix { $0 != "{" && $0 != ":" && $0 != "\u{FF1A}" }).trimmingCharacters()
        return caption.contains("Source") || (!marker.isEmpty && caption.contains(marker))
    }

    private func diagnostic(_ request: FigureRequest, _ error: ModelError, parameter: String? = nil) -> Diagnostic {
        var name = parameter
        switch error {
        case let .parameterOutOfRange(_, parameterName, _, _, _), let .wrongType(_, parameterName, _),
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

    /// A drawing error that the data file explains (its first column gives no x values or categories the series can
    /// match; a column has no numbers), said in the terms of the CSV, at its line.
    private func dataProblem(_ request: FigureRequest, _ error: ChartError) -> Diagnostic? {
        if case let .model(model) = request.source, case let .mismatchedLengths(series, 0, _) = error,
           Self.needsNumericX.contains(request.kind) {
            // A model's series over categories (`glt.S`, `waterfall.cash`) has no x values a line can be drawn along.
            let place = request.position(ofParameter: "key:kind")
            return Diagnostic(file: request.file, line: place.line, column: place.column,
                              message: "kind: \(request.kind.rawValue) draws values along a numeric x axis, but the series "
                                + "'\(series)' of model '\(model)' is over categories",
                              hint: "use kind: bar, hbar, grouped-bar or stacked-bar for it (`explainer models \(model)` lists its series)")
        }
        guard case let .data(file) = request.source, let table = data[file] else { return nil }
        switch error {
        case .mismatchedLengths:
            return xColumnProblem(request, table: table)
        case let .emptySeries(name):
            // The chart names a series as readers see it (`labels:` applied).
            let index = table.columns.indices.dropFirst().first { column in
                FigureSpec(request: request, isModel: false).displayName(table.columns[column]) == name
            }
            return index.flatMap { table.emptyColumnProblem($0 - 1) }
        default:
            return nil
        }
    }

    /// A drawing error, placed at the annotation or key it is about when there is one.
    private func diagnostic(_ request: FigureRequest, _ error: ChartError) -> Diagnostic {
        var position = (line: request.line, column: request.column)
        if case let .annotation(index, _, _, _) = error, request.annotations.indices.contains(index) {
            position = (request.annotations[index].line, request.annotations[index].column)
        } else if case let .nonPositiveOnLogScale(axis, _) = error {
            // The chart's y axis holds the values, which an hbar block calls x.
            let key = request.kind == .horizontalBar ? (axis == .y ? "x" : "y") : axis.rawValue
            position = request.position(ofParameter: "key:" + key)
        } else if case let .unsupported(kind, _, _) = error, kind == .diagram || kind == .steps {
            position = request.position(ofParameter: kind == .steps ? "key:steps" : "key:nodes")
        } else if case let .unsupported(_, reason, _) = error {
            // A reason names its key quoted, alone ('claims') or with its value ('overlay: true').
            for key in ["totals", "claims", "points", "value-labels", "groups", "overlay"]
            where reason.contains("'\(key)'") || reason.contains("'\(key):") || (key == "totals" && reason.contains("the total '")) {
                position = request.position(ofParameter: "key:" + key)
            }
        }
        return Diagnostic(file: request.file, line: position.line, column: position.column,
                          message: "cannot draw figure '\(request.id)': \(error)", hint: error.hint)
    }
}

/// A caption's sentence that names its sources, from its marker to the caption's end ("Sources: …", "Source: …", or
/// as the page's words write it: "資料來源：…"), and the caption before it; nil when the caption names none.
func splittingSourceSentence(_ caption: String, words: Translations = .english) -> (before: String, source: String)? {
    let own = String(words["csvSource"].prefix { $0 != "{" })
    for marker in ["Sources: ", "Source: ", own] where marker.contains(where: { !$0.isWhitespace }) {
        if let range = caption.range(of: marker) {
            return (caption[..<range.lowerBound].trimmingCharacters(), String(caption[range.lowerBound...]).trimmingCharacters())
        }
    }
    return nil
}

/// A data file's column name as a heading: "item" → "Item", "price return (%)" → "Price return (%)". A name whose
/// first word has a capital of its own ("iPhone sales", "eBay") or starts with no letter stays as written.
func columnHeading(_ name: String) -> String {
    guard let first = name.first, first.isLowercase,
          !name.prefix(while: { !$0.isWhitespace }).contains(where: \.isUppercase) else { return name }
    return first.uppercased() + name.dropFirst()
}

func scenarioLabel(_ name: String) -> String {
    let words = name.split(separator: "-").joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
}

/// A model's x unit as a column heading: "years" → "Years".
func csvQuoted(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : text
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
let narrowChartWidth = 380.0

/// A chart drawn twice, for wide screens and for phones; the stylesheet shows one of them.
///
/// The SVGs leave out their `<style>`: pages load `assets/charts.css` once instead.
/// Flow (Sankey) diagrams need their width for the node labels, so phones scroll them sideways instead; diagrams
/// and steps lay themselves out again for the phone's width (steps put each note under its label there).
func drawResponsive(_ spec: ChartSpec, id: String) throws(ChartError) -> String {
    let wide = try renderSVG(spec, id: id, embedStyle: false)
    if spec.kind == .flow { return "<div class=\"chart-scroll\">\n" + wide + "</div>\n" }
    let narrow = sharingTitle(try renderSVG(spec.withWidth(narrowChartWidth), id: id + "-narrow", embedStyle: false),
                              of: id)
    return "<div class=\"chart-wide\">\n" + wide + "</div>\n<div class=\"chart-narrow\">\n" + narrow + "</div>\n"
}

/// The phone copy of a chart points its accessible name at the wide copy's `<title>` (and `<desc>`, when it has one)
/// instead of repeating them: chapters with many scenario variants stay within their page weight.
func sharingTitle(_ svg: String, of id: String) -> String {
    sharingTitle(svg, from: id + "-narrow", to: id)
}

/// A variant's SVGs (wide and phone copies) named by another variant's `<title>` (and `<desc>`): its own are removed
/// and every `aria-labelledby` pointing at them points at `target`'s (an element on the same page, shown or not).
func sharingTitle(_ svg: String, from id: String, to target: String) -> String {
    var result = svg
    for element in ["title", "desc"] {
        guard let open = result.firstRange(of: "<\(element) id=\"\(id)-\(element)\">"),
              let close = result[open.upperBound...].firstRange(of: "</\(element)>\n") else {
            // A chart described by an element of the page (`ChartSpec.describedBy`) has no <desc>; one without a
            // <title> is left as it is.
            if element == "desc" { break } else { return svg }
        }
        result.removeSubrange(open.lowerBound..<close.upperBound)
    }
    return result
        .replacing("aria-labelledby=\"\(id)-title \(id)-desc\"", with: "aria-labelledby=\"\(target)-title \(target)-desc\"")
        .replacing("aria-labelledby=\"\(id)-title\"", with: "aria-labelledby=\"\(target)-title\"")
}

/// `janv.-18` → `2018-01`, `janvier 2018`, `Jan 2018`: a month named by one of `names`' lists (each twelve names, in
/// order; a name may be shortened, with or without its point), then a two- or four-digit year; nil for anything else.
func monthInWords(_ key: String, names: [[String]]) -> String? {
    let text = key.trimmingCharacters(in: .whitespaces).lowercased()
    // `2022年1月` (Japanese and Chinese), `2022년 1월` (Korean): year first, then the month's number.
    if let match = text.wholeMatch(of: /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]/), let year = Int(match.1), let month = Int(match.2),
       (1...12).contains(month) {
        return monthKey(year: year, month: month)
    }
    let word = text.prefix { $0.isLetter || $0 == "." }
    let digits = text.dropFirst(word.count).drop { $0 == " " || $0 == "-" || $0 == "/" || $0 == "." || $0 == "\u{A0}" }
    let name = word.filter { $0 != "." }
    guard name.count >= 3, [2, 4].contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(digits),
          let month = names.lazy.compactMap({ list -> Int? in
              guard list.count == 12 else { return nil }
              return list.firstIndex { full in
                  let known = full.lowercased().filter { $0 != "." }
                  return known == name || (known.hasPrefix(name) && name.count >= 3)
              }
          }).first else { return nil }
    return monthKey(year: fullYear(year, digits: digits.count), month: month + 1)
}
