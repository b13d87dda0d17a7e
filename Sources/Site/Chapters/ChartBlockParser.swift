import Charts
import Markdown
import Simulation
import Yams

/// Parses the YAML body of a ```chart block into a `FigureRequest`.
struct ChartBlockParser {
    static let keys = ["id", "title", "caption", "model", "data", "kind", "series", "labels", "x", "y", "params",
                       "scenarios", "default", "overlay", "shared-axes", "captions", "totals", "claims", "points", "value-labels", "groups", "first-column", "digits", "annotations"]
        + DiagramBlockParser.keys
    /// The keys of `x:` and `y:`.
    static let axisKeys = ["label", "format", "scale", "min", "max", "clip", "origin"]
    let registry: ModelRegistry
    let reader: YAMLReader

    /// - Parameters: `fenceLine`/`fenceColumn` are the opening fence's position in the file.
    init(registry: ModelRegistry, file: String, fenceLine: Int, fenceColumn: Int) {
        self.registry = registry
        var reader = YAMLReader(file: file, lineOffset: fenceLine)
        reader.columnOffset = fenceColumn - 1
        self.reader = reader
    }

    func parse(_ body: String) throws(BuildFailure) -> FigureRequest {
        let node: Node?
        do throws(Diagnostic) { node = try reader.parse(body) } catch { throw BuildFailure([error]) }
        let fence = (reader.lineOffset, reader.columnOffset + 1)
        guard node != nil else {
            throw BuildFailure([Diagnostic(file: reader.file, line: fence.0, column: fence.1, message: "empty chart block",
                                           hint: "a chart needs at least id, title, caption and a model or data file")])
        }
        let entries = try reader.mapping(node, allowed: Self.keys, required: ["id", "title", "caption"],
                                         context: "chart block", missingAt: fence)
        var collector = DiagnosticCollector()
        var request = FigureRequest(id: "", title: "", caption: "", source: .data(""), kind: .line, series: nil,
                                    labels: [:], x: nil, y: nil, params: [], scenarios: [], annotations: [],
                                    file: reader.file, line: fence.0, column: fence.1)
        collector.collect { () throws(Diagnostic) in
            request.id = try reader.string(entries["id"]!, key: "id")
            guard isValidID(request.id) else {
                let proposed = slugify(latinLetters(request.id, umlauts: true))
                throw reader.error(at: entries["id"], "figure id '\(request.id)' must use lowercase letters, digits and hyphens",
                                   hint: (isValidID(proposed) ? "write `id: \(proposed)`; " : "")
                                       + "links name the figure by it (#figure-\(isValidID(proposed) ? proposed : "its-id"))")
            }
        }
        collector.collect { () throws(Diagnostic) in
            request.title = try reader.string(entries["title"]!, key: "title")
            try checkNoCitation(inTitle: request.title, node: entries["title"]!)
            try checkPlainText(request.title, key: "title", node: entries["title"]!)
        }
        collector.collect { () throws(Diagnostic) in
            request.caption = try reader.string(entries["caption"]!, key: "caption")
            try checkPlainText(request.caption, key: "caption", node: entries["caption"]!)
        }
        // Diagrams and steps are drawn from the block itself: no model, no data file.
        let schematic = entries["kind"]?.string.flatMap(ChartKind.init(rawValue:)).map { [.diagram, .steps].contains($0) } ?? false
        if schematic {
            request.source = .inline
            for key in ["model", "data"] where entries[key] != nil {
                collector.add(reader.error(at: entries[key], "a \(entries["kind"]?.string ?? "") chart is drawn from its block and takes no '\(key)'",
                                           hint: "remove the '\(key):' line"))
            }
        } else {
            collector.collect { () throws(Diagnostic) in request.source = try source(entries) }
        }
        if let kind = entries["kind"] {
            collector.collect { () throws(Diagnostic) in
                let name = try reader.string(kind, key: "kind")
                guard let parsed = ChartKind(rawValue: name) else {
                    throw reader.error(at: kind, "unknown chart kind '\(name)'",
                                       hint: ChartReference.unknownKindHint(name))
                }
                request.kind = parsed
            }
        }
        for key in DiagramBlockParser.keys where entries[key] != nil {
            let place = reader.error(at: entries[key], "")
            request.parameterLines["key:" + key] = (place.line, place.column)
        }
        collector.collect { () throws(BuildFailure) in
            request.diagram = try DiagramBlockParser(reader: reader).parse(entries, kind: request.kind, fence: fence)
        }
        if let series = entries["series"] {
            collector.collect { () throws(Diagnostic) in
                request.series = try stringList(series, key: "series")
                // Each name's own place, for "no series 'X'" found when the data or model is read.
                let items: [Node] = if case let .sequence(sequence) = series { Array(sequence) } else { [series] }
                for (name, item) in zip(request.series ?? [], items) where request.parameterLines["series:" + name] == nil {
                    let place = reader.error(at: item, "")
                    request.parameterLines["series:" + name] = (place.line, place.column)
                }
            }
        }
        if let labels = entries["labels"] {
            collector.collect { () throws(Diagnostic) in request.labels = try stringMap(labels, key: "labels") }
        }
        for key in ["data", "kind", "series", "x", "y", "totals", "claims", "points", "value-labels", "groups", "default", "captions", "overlay", "labels"] {
            if let node = entries[key] {
                let place = reader.error(at: node, "")
                request.parameterLines["key:" + key] = (place.line, place.column)
            }
        }
        for key in ["x", "y"] {
            guard let node = entries[key] else { continue }
            collector.collect { () throws(BuildFailure) in
                let options = try axis(node, key: key)
                if key == "x" { request.x = options } else { request.y = options }
                if key == "x", case let .mapping(mapping) = node,
                   let origin = mapping.first(where: { $0.key.string == "origin" })?.value {
                    do throws(Diagnostic) { request.xOrigin = try number(origin, key: "origin") } catch { throw BuildFailure([error]) }
                }
                if case let .mapping(mapping) = node, let format = mapping.first(where: { $0.key.string == "format" })?.value {
                    request.explicitFormats.insert(key)
                    // Where the format's name is written, for a format that contradicts a model's unit.
                    let place = reader.error(at: format, "")
                    request.parameterLines["format:" + key] = (place.line, place.column)
                }
            }
        }
        if let name = entries["default"] {
            collector.collect { () throws(Diagnostic) in request.defaultScenario = try reader.string(name, key: "default") }
        }
        if let overlay = entries["overlay"] {
            collector.collect { () throws(Diagnostic) in request.overlay = try flag(overlay, key: "overlay") }
        }
        if let shared = entries["shared-axes"] {
            collector.collect { () throws(Diagnostic) in request.sharedAxes = try flag(shared, key: "shared-axes") }
        }
        if let captions = entries["captions"] {
            collector.collect { () throws(Diagnostic) in
                guard case let .mapping(mapping) = captions else {
                    throw reader.error(at: captions, "'captions' must be a mapping of scenario names to sentences")
                }
                for (name, value) in mapping {
                    let scenario = try reader.string(name, key: "captions")
                    request.captions[scenario] = try reader.string(value, key: "captions")
                    try checkPlainText(request.captions[scenario]!, key: "captions", node: value)
                    let place = reader.error(at: name, "")
                    request.parameterLines["caption:" + scenario] = (place.line, place.column)
                }
            }
        }
        if let totals = entries["totals"] {
            collector.collect { () throws(Diagnostic) in request.totals = try stringList(totals, key: "totals") }
        }
        if let claims = entries["claims"] {
            collector.collect { () throws(Diagnostic) in request.claims = try stringList(claims, key: "claims") }
        }
        if let points = entries["points"] {
            collector.collect { () throws(Diagnostic) in request.points = try stringList(points, key: "points") }
        }
        if let valueLabels = entries["value-labels"] {
            collector.collect { () throws(Diagnostic) in request.valueLabels = try stringMap(valueLabels, key: "value-labels") }
        }
        if let groups = entries["groups"] {
            collector.collect { () throws(Diagnostic) in
                guard case let .mapping(mapping) = groups, !mapping.isEmpty else {
                    throw reader.error(at: groups, "'groups' must be a mapping of group headings to lists of categories",
                                       hint: "e.g. groups: {World: [IEA 2024, IEA 2030], US: [LBNL 2023, LBNL 2028]}")
                }
                for (name, categories) in mapping {
                    request.groups.append(CategoryGroup(name: try reader.string(name, key: "groups"),
                                                        categories: try stringList(categories, key: "groups")))
                }
            }
        }
        if let firstColumn = entries["first-column"] {
            collector.collect { () throws(Diagnostic) in request.firstColumn = try reader.string(firstColumn, key: "first-column") }
        }
        if let digits = entries["digits"] {
            collector.collect { () throws(Diagnostic) in
                guard let value = digits.int, (2...4).contains(value) else {
                    throw reader.error(at: digits, "'digits' must be 2, 3 or 4 (significant digits of the printed values)")
                }
                request.digits = value
            }
        }
        if let params = entries["params"] {
            collector.collect { () throws(Diagnostic) in
                let (overrides, positions) = try overridesWithPositions(params, key: "params")
                request.params = overrides
                // Merged: the keys' own lines (`key:captions`, `caption:…`) were recorded above.
                request.parameterLines.merge(positions) { _, parameter in parameter }
            }
        }
        if let scenarios = entries["scenarios"] {
            collector.collect { () throws(Diagnostic) in request.scenarios = try scenarioList(scenarios, request: &request) }
        }
        if let annotations = entries["annotations"] {
            collector.collect { () throws(BuildFailure) in
                request.annotations = try AnnotationParser(reader: reader).parse(annotations)
            }
        }
        try collector.throwIfAny()
        if case .data = request.source, !request.scenarios.isEmpty {
            throw BuildFailure([reader.error(at: entries["scenarios"], "scenarios need a model, not a data file")])
        }
        try checkScenarioKeys(request, entries: entries)
        return request
    }

    /// `default`, `captions` and `overlay` speak of the block's scenarios: names must match, and overlay needs two.
    private func checkScenarioKeys(_ request: FigureRequest, entries: [String: Node]) throws(BuildFailure) {
        let names = request.scenarios.map(\.name)
        var problems: [Diagnostic] = []
        // A listed name the model does not have (and no parameters make it a scenario of the block's own) is reported
        // first, as the figure would: `default:` naming the model's scenario is then what the writer meant, not the typo.
        var unknownToModel: [String] = []
        if case .model(let model) = request.source, let entry = try? registry.model(named: model) {
            let modelNames = entry.scenarios.map(\.name)
            for scenario in request.scenarios where scenario.overrides.isEmpty && !modelNames.contains(scenario.name) {
                unknownToModel.append(scenario.name)
                let place = request.position(ofParameter: "scenario:" + scenario.name)
                let error = ModelError.unknownScenario(model: model, name: scenario.name, known: modelNames)
                problems.append(Diagnostic(file: reader.file, line: place.line, column: place.column,
                                           message: error.description, hint: error.hint))
            }
            if let name = request.defaultScenario, !names.contains(name), !unknownToModel.isEmpty, modelNames.contains(name) {
                throw BuildFailure(problems)
            }
        }
        let known = names.isEmpty ? "this chart has no scenarios" : "the scenarios are " + names.joined(separator: ", ")
        if let name = request.defaultScenario, !names.contains(name) {
            problems.append(reader.error(at: entries["default"], "'default' names no scenario of this chart: '\(name)'",
                                         hint: names.isEmpty ? known : suggestionHint(for: name, among: names, noun: "scenarios")))
        }
        for name in request.captions.keys.sorted() where !names.contains(name) {
            let place = request.position(ofParameter: "caption:" + name)
            problems.append(Diagnostic(file: reader.file, line: place.line, column: place.column,
                                       message: "'captions' names no scenario of this chart: '\(name)'",
                                       hint: names.isEmpty ? known : suggestionHint(for: name, among: names, noun: "scenarios")))
        }
        if request.overlay, names.count < 2 {
            problems.append(reader.error(at: entries["overlay"], "'overlay' draws several scenarios in one chart, but \(known)",
                                         hint: "add 'scenarios:' with two or more, or remove 'overlay'"))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
    }

    /// A citation in a title would become a note mark no page shows (the SVG's title is plain text): it goes in the caption.
    private func checkNoCitation(inTitle title: String, node: Node) throws(Diagnostic) {
        for piece in citedTextPieces(title) {
            guard case let .citation(keys, _) = piece else { continue }
            let written = "[" + keys.map { "@" + $0 }.joined(separator: "; ") + "]"
            throw reader.error(at: node, "a chart's title cannot cite a source: \(written) would point to a note the page does not show",
                               hint: "citations go in the caption: remove \(written) from 'title:' and add it at the end of 'caption:'")
        }
    }

    /// A chart's title and captions are printed as plain text (the caption's `[@key]` citations aside): Markdown in
    /// them would show as written, and a link in them would lead nowhere and be checked by nothing.
    private func checkPlainText(_ text: String, key: String, node: Node) throws(Diagnostic) {
        let caption = key != "title"
        // `[@key p. 2]` is no citation: prose has the same error (the caption would print the brackets).
        if caption, let written = leftoverCitation(in: text) {
            throw reader.error(at: node, "\(quoted(written)) in the chart's \(key == "captions" ? "caption" : key) is not a citation "
                                + "as written: the page would show it as written",
                               hint: (citationWithCommas(written).map { "write \($0): a place in the source comes after a comma ([@key, p. 403]); " }
                                    ?? "a citation is [@key], or [@key, p. 403] with a comma before the place, or [@a; @b]; ")
                                + "keys are those of content/sources.yml")
        }
        guard let span = markdownSpan(inCaption: text, citations: caption) else { return }
        let link = span.contains("](")
        throw reader.error(at: node, "a chart's \(caption ? "caption" : "title") is plain text, not Markdown: the page would show '\(span)' as written",
                           hint: (caption ? "a caption is plain text apart from [@key] citations: "
                                    : "a title is plain text (citations go in the caption): ")
                               + (link ? "remove the link, and link the page or picture from the chapter's text"
                                    : "write it without the marks; emphasis and code belong in the chapter's text"))
    }

    /// The first `[@…]` of `text` that the citation rule did not read as a citation, as written.
    private func leftoverCitation(in text: String) -> String? {
        for case let .text(plain) in citedTextPieces(text) {
            guard let open = plain.range(of: "[@"), let next = plain[open.upperBound...].first,
                  next.isLetter || next.isNumber || next == "_" else { continue }
            let close = plain[open.upperBound...].firstIndex(of: "]").map { plain.index(after: $0) } ?? plain.endIndex
            return String(plain[open.lowerBound..<close])
        }
        return nil
    }

    private func flag(_ node: Node, key: String) throws(Diagnostic) -> Bool {
        try reader.bool(node, key: key)
    }

    private func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.first != "-" && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    private func source(_ entries: [String: Node]) throws(Diagnostic) -> FigureRequest.Source {
        switch (entries["model"], entries["data"]) {
        case let (model?, nil):
            let name = try reader.string(model, key: "model")
            do { _ = try registry.model(named: name) } catch {
                throw reader.error(at: model, error.description, hint: error.hint)
            }
            return .model(name)
        case let (nil, data?):
            let name = try reader.string(data, key: "data")
            guard !name.contains("/"), !name.contains("\\"), name.hasSuffix(".csv") else {
                let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
                let stem = last.lowercased().hasSuffix(".csv") ? String(last.dropLast(4)) : last
                let hint: String
                if last != name && last.hasSuffix(".csv") {
                    hint = "content/data/ is read without its folders: keep the file in content/data/ itself and write `data: \(last)`"
                } else if last.lowercased().hasSuffix(".csv") {
                    // `Visitors.CSV`, as some spreadsheets on Windows save it.
                    hint = "the ending must be written '.csv' in lower case, in the file's name too: rename the file to "
                        + "\(stem).csv and write `data: \(stem).csv`"
                } else if !last.contains(".") && !last.isEmpty {
                    hint = "write the file's name with its ending, `data: \(last).csv`"
                } else {
                    hint = "name the file with its .csv ending and without a folder, as it is in content/data/"
                }
                throw reader.error(at: data, "data must name a CSV file in content/data/, e.g. 'data: prices.csv'", hint: hint)
            }
            return .data(name)
        case (.some, .some):
            throw reader.error(at: entries["data"], "a chart takes either 'model' or 'data', not both",
                               hint: "keep 'model:' to draw the built-in model, or 'data:' to draw the CSV of content/data/; "
                                   + "to show both, give each a chart block of its own")
        case (nil, nil):
            throw Diagnostic(file: reader.file, line: reader.lineOffset, column: reader.columnOffset + 1,
                             message: "chart block needs 'model' or 'data'",
                             hint: "draw it from a CSV of content/data/ ('data: visitors.csv'), or from a built-in model ('model: NAME'; "
                                + "known models: " + registry.names.joined(separator: ", ") + "); diagrams and steps take 'kind: diagram' or 'kind: steps'")
        }
    }

    func stringList(_ node: Node, key: String) throws(Diagnostic) -> [String] {
        if case let .scalar(scalar) = node { return [scalar.string] }
        guard case let .sequence(sequence) = node else { throw reader.error(at: node, "'\(key)' must be a list") }
        var out: [String] = []
        for item in sequence { out.append(try reader.string(item, key: key)) }
        return out
    }

    private func stringMap(_ node: Node, key: String) throws(Diagnostic) -> [String: String] {
        guard case let .mapping(mapping) = node else { throw reader.error(at: node, "'\(key)' must be a mapping") }
        var out: [String: String] = [:]
        let pairs = Array(mapping)
        for (index, (name, value)) in pairs.enumerated() {
            // `{prix: Prix spot, moyen annuel}`: the comma ended the label, and YAML read the words after it as a
            // name without a label (trial 17 S6: "'labels' is empty" sent the writer looking for a missing text).
            if let hint = reader.commaSplitHint(pairs, at: index) {
                throw reader.error(at: name, "'\(name.string ?? "")' in \(key) has no text: a comma inside { } ended the text before it",
                                   hint: hint)
            }
            out[try reader.string(name, key: key)] = try reader.string(value, key: key)
        }
        return out
    }

    private func axis(_ node: Node, key: String) throws(BuildFailure) -> AxisOptions {
        // `origin:` shifts the x values only (a value axis counts from zero).
        let entries = try reader.mapping(node, allowed: key == "x" ? Self.axisKeys : Self.axisKeys.filter { $0 != "origin" },
                                         required: [], context: "'\(key)' axis")
        var options = AxisOptions(label: "")
        var collector = DiagnosticCollector()
        collector.collect { () throws(Diagnostic) in
            if let label = entries["label"] { options.label = try reader.string(label, key: "label") }
            if let format = entries["format"] {
                let name = try reader.string(format, key: "format")
                guard let parsed = ValueFormat(rawValue: name) else {
                    // The nearest of every name (gbp-bn for gpb-bn), but the list as its rule, not 40 names.
                    let nearest = closestMatch(to: name, among: ValueFormat.allCases.map(\.rawValue))
                    throw reader.error(at: format, "unknown number format '\(name)'",
                                       hint: (nearest.map { "did you mean '\($0)'? " } ?? "") + "Known formats: " + ValueFormat.summary)
                }
                options.format = parsed
            }
            if let scale = entries["scale"] {
                let name = try reader.string(scale, key: "scale")
                guard let parsed = ScaleType(rawValue: name) else {
                    throw reader.error(at: scale, "unknown scale '\(name)'", hint: "use linear or log")
                }
                options.scale = parsed
            }
            if let min = entries["min"] { options.min = try number(min, key: "min") }
            if let max = entries["max"] { options.max = try number(max, key: "max") }
            if let clip = entries["clip"] {
                options.clip = try flag(clip, key: "clip")
                if options.clip && (key != "y" || options.max == nil) {
                    throw reader.error(at: clip, "'clip' lets a line chart's lines run off the top of its y axis, at its max",
                                       hint: key != "y" ? "use it on the y axis" : "set the y axis's max too: y: {max: 4000, clip: true}")
                }
            }
            if let min = options.min, let max = options.max, !(min < max) {
                let written = plainNumber
                throw reader.error(at: node, "the \(key) axis's min \(written(min)) is not below its max \(written(max)): the axis would be empty",
                                   hint: min == max ? "set max above min, or remove one of them to fit the data"
                                    : "min is the axis's lower end and max its upper one: \(key): {min: \(written(max)), max: \(written(min))}")
            }
        }
        try collector.throwIfAny()
        return options
    }

    func number(_ node: Node, key: String) throws(Diagnostic) -> Double {
        guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            throw reader.error(at: node, "'\(key)' must be a finite number")
        }
        return value
    }

    /// Model parameter overrides from a mapping, with each name's position.
    private func overridesWithPositions(_ node: Node, key: String) throws(Diagnostic)
        -> ([Scenario.Override], [String: (line: Int, column: Int)]) {
        guard case let .mapping(mapping) = node else {
            throw reader.error(at: node, "'\(key)' must be a mapping of parameter names to values")
        }
        var overrides: [Scenario.Override] = []
        var positions: [String: (line: Int, column: Int)] = [:]
        for (name, value) in mapping {
            let parameter = try reader.string(name, key: key)
            overrides.append(Scenario.Override(parameter, parameterValue(value)))
            let place = reader.error(at: name, "")
            positions[parameter] = (place.line, place.column)
        }
        return (overrides, positions)
    }

    /// The names of a list, each once, in their first order.
    private func once(_ sequence: Node.Sequence) -> [String] {
        var seen: Set<String> = []
        return sequence.compactMap(\.string).filter { seen.insert($0).inserted }
    }

    private func scenarioList(_ node: Node, request: inout FigureRequest) throws(Diagnostic) -> [FigureRequest.ScenarioRequest] {
        switch node {
        case .sequence(let sequence):
            var out: [FigureRequest.ScenarioRequest] = []
            for item in sequence {
                if case .mapping = item {
                    // `- {rho: 0.05}`: parameters with no scenario name to show the reader.
                    throw reader.error(at: item, "'scenarios' lists the model's scenario names, or maps a name to its parameters",
                                       hint: "give each set of parameters a name, one per line: 'scenarios:', then '  calm: {rho: 0.05}' "
                                        + "and '  stressed: {rho: 0.5}' (or list the model's own: scenarios: [base, stressed])")
                }
                let name = try reader.string(item, key: "scenarios")
                if out.contains(where: { $0.name == name }) {
                    // Two buttons with one name, and two identical variants.
                    throw reader.error(at: item, "scenario '\(name)' is listed twice in 'scenarios'",
                                       hint: "list each scenario once: scenarios: [" + once(sequence).joined(separator: ", ") + "]")
                }
                out.append(.init(name: name, overrides: []))
                let place = reader.error(at: item, "")
                request.parameterLines["scenario:" + name] = (place.line, place.column)
            }
            return out
        case .mapping(let mapping):
            var out: [FigureRequest.ScenarioRequest] = []
            for (name, value) in mapping {
                let scenario = try reader.string(name, key: "scenarios")
                let (overrides, positions) = try overridesWithPositions(value, key: "scenarios.\(scenario)")
                out.append(.init(name: scenario, overrides: overrides))
                for (parameter, position) in positions where request.parameterLines[parameter] == nil {
                    request.parameterLines[parameter] = position
                }
                let place = reader.error(at: name, "")
                request.parameterLines["scenario:" + scenario] = (place.line, place.column)
            }
            return out
        default:
            throw reader.error(at: node, "'scenarios' must be a list of scenario names or a mapping of name to overrides")
        }
    }
}

/// Converts a YAML value to a model parameter value: numbers, booleans, words and nested lists.
func parameterValue(_ node: Node) -> ParameterValue {
    switch node {
    case .scalar(let scalar):
        if scalar.style == .plain || scalar.style == .any {
            if let bool = node.bool { return .bool(bool) }
            // Whole numbers stay exact (64-bit seeds); everything else numeric is a Double.
            if scalar.string.allSatisfy({ $0.isASCII && $0.isNumber }), let whole = UInt64(scalar.string) {
                return .integer(whole)
            }
            if let number = node.float ?? node.int.map(Double.init) { return .number(number) }
        }
        return .text(scalar.string)
    case .sequence(let sequence):
        return .list(sequence.map(parameterValue))
    case .mapping, .alias:
        return .text("")
    }
}
