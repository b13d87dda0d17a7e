import Charts
import Foundation
import Simulation
import Site
import Yams

// The site's figures as `ChartSpec`s, so that drawing them can be timed apart from simulating them.
//
// `Site` keeps chart-block parsing and figure assembly internal, so this file re-derives the specs from the
// ```chart blocks in content/ the way `FigureBuilder` does. `SiteFigures.load` then builds the real site and
// checks that every SVG drawn from these specs appears byte-for-byte in a built page: if the two ever drift
// apart, the benchmark stops with the figure's id instead of timing something the site does not draw.

/// The repository root, found from this file's compile-time path (Benchmarks/Benchmarks/ChartsBenchmarks/…).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// One drawing of a figure: one per scenario, each with its own SVG id.
struct FigureVariant: Sendable {
    var svgID: String
    var spec: ChartSpec
}

/// One model run behind a figure variant.
struct FigureModelRun: Sendable {
    var entry: ModelEntry
    var scenario: String
    var overrides: [Scenario.Override]
}

struct SiteFigures: Sendable {
    var variants: [FigureVariant]
    var modelRuns: [FigureModelRun]
    var chartBlocks: Int

    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads content/, derives every figure's specs, and checks them against a real build of the site.
    static func load(root: URL = repositoryRoot) throws -> SiteFigures {
        let source = try SourceTree.read(from: root)
        let output = try build(source)
        let pages = output.sortedPaths.filter { $0.hasSuffix(".html") }.map { String(decoding: output[$0]!, as: UTF8.self) }
        var figures = SiteFigures(variants: [], modelRuns: [], chartBlocks: 0)
        let tables = Dictionary(uniqueKeysWithValues: source.data.map { file in
            (String(file.path.split(separator: "/").last!), parseTable(String(decoding: file.bytes, as: UTF8.self)))
        })
        for chapter in source.chapters {
            let text = String(decoding: chapter.bytes, as: UTF8.self)
            if text.contains("\ndraft: true") { continue }
            for block in chartBlockBodies(text) {
                figures.chartBlocks += 1
                try figures.add(try Yams.compose(yaml: block)!, tables: tables)
            }
        }
        for variant in figures.variants {
            let svg = try renderSVG(variant.spec, id: variant.svgID)
            guard pages.contains(where: { $0.contains(svg) }) else {
                throw Mismatch(description: "the SVG re-derived for figure '\(variant.svgID)' is not in the built site: "
                    + "Benchmarks/Benchmarks/ChartsBenchmarks/SiteFigures.swift no longer matches Sources/Site/FigureBuilder.swift")
            }
        }
        return figures
    }

    private mutating func add(_ block: Node, tables: [String: Table]) throws {
        let id = block["id"]!.string!
        let title = block["title"]!.string!
        let caption = block["caption"]!.string!
        let kind = block["kind"].map { ChartKind(rawValue: $0.string!)! } ?? .line
        let series: [String]? = block["series"].map { node in
            if case let .sequence(items) = node { return items.map { $0.string! } }
            return [node.string!]
        }
        var labels: [String: String] = [:]
        if case let .mapping(mapping)? = block["labels"] {
            for (name, value) in mapping { labels[name.string!] = value.string! }
        }
        let request = Request(id: id, title: title, caption: caption, kind: kind, series: series, labels: labels,
                              x: block["x"].map(axis), y: block["y"].map(axis),
                              annotations: block["annotations"].map(annotations) ?? [])
        if let model = block["model"]?.string {
            let entry = try ModelRegistry.standard.model(named: model)
            let params = block["params"].map(overrides) ?? []
            var wanted: [(name: String, overrides: [Scenario.Override])] = []
            switch block["scenarios"] {
            case let .sequence(items)?: wanted = items.map { ($0.string!, []) }
            case let .mapping(mapping)?: wanted = mapping.map { ($0.key.string!, overrides($0.value)) }
            default: wanted = [("base", [])]
            }
            for (index, scenario) in wanted.enumerated() {
                let named = entry.scenarios.contains { $0.name == scenario.name }
                let run = FigureModelRun(entry: entry, scenario: named ? scenario.name : "base",
                                         overrides: params + scenario.overrides)
                let output = try run.entry.run(scenario: run.scenario, overrides: run.overrides)
                let chosen = select(output.series, names: series)
                let suffix = wanted.count > 1 && index > 0 ? "-" + scenario.name : ""
                modelRuns.append(run)
                variants.append(FigureVariant(svgID: id + String(suffix.map { $0 == "/" ? "-" : $0 }),
                                              spec: request.spec(series: chosen, units: chosen.first)))
            }
        } else {
            let table = tables[block["data"]!.string!]!
            if kind == .flow {
                let values = table.numbers(column: 1)
                let links = table.keys.indices.map { row in
                    FlowLink(source: table.keys[row], target: table.cells[0][row], value: values[row])
                }
                variants.append(FigureVariant(svgID: id, spec: ChartSpec(kind: .flow, title: title, description: caption,
                                                                         links: links)))
            } else {
                let all = table.columns.dropFirst().indices.map { column in
                    let values = table.numbers(column: column - 1)
                    return table.x.map { Series(name: table.columns[column], unit: "", xUnit: table.columns[0], x: $0, y: values) }
                        ?? Series(name: table.columns[column], unit: "", labels: table.keys, values: values)
                }
                variants.append(FigureVariant(svgID: id, spec: request.spec(series: select(all, names: series), units: nil)))
            }
        }
    }
}

/// The parts of a chart block that shape its `ChartSpec`.
private struct Request {
    var id, title, caption: String
    var kind: ChartKind
    var series: [String]?
    var labels: [String: String]
    var x, y: AxisOptions?
    var annotations: [Annotation]

    /// Mirrors `FigureBuilder.chartSpec`.
    func spec(series: [Series], units: Series?) -> ChartSpec {
        var x = self.x ?? AxisOptions(label: units.map { axisLabel($0.xUnit) } ?? "", format: defaultFormat(units?.xUnit))
        var y = self.y ?? AxisOptions(label: units.map { axisLabel($0.unit) } ?? "", format: defaultFormat(units?.unit))
        if self.x != nil && self.x?.label.isEmpty == true, let units { x.label = axisLabel(units.xUnit) }
        if self.y != nil && self.y?.label.isEmpty == true, let units { y.label = axisLabel(units.unit) }
        if kind == .flow, let links = series.first(where: { $0.labels != nil }) {
            let flow = zip(links.labels ?? [], links.y).compactMap { label, value -> FlowLink? in
                let parts = label.split(separator: " → ", omittingEmptySubsequences: false)
                return parts.count == 2 ? FlowLink(source: String(parts[0]), target: String(parts[1]), value: value) : nil
            }
            return ChartSpec(kind: .flow, title: title, description: caption, links: flow)
        }
        let categorical: Set<ChartKind> = [.bar, .horizontalBar, .groupedBar, .stackedBar, .waterfall]
        let chartSeries = series.map { item in
            let categories = item.labels ?? (categorical.contains(kind) ? item.x.map { formatNumber($0) } : nil)
            let values = y.scale == .log ? item.y.map { $0 > 0 ? $0 : .nan } : item.y
            return ChartSeries(name: labels[item.name] ?? item.name, x: categories == nil ? item.x : [], y: values,
                               categories: categories)
        }
        return ChartSpec(kind: kind, title: title, description: caption, x: x, y: y, series: chartSeries,
                         annotations: annotations)
    }
}

private func select(_ all: [Series], names: [String]?) -> [Series] {
    guard let names else {
        guard let first = all.first else { return [] }
        return all.filter { $0.x == first.x && ($0.labels == nil) == (first.labels == nil) }
    }
    return names.map { name in all.first { $0.name == name }! }
}

private func axis(_ node: Node) -> AxisOptions {
    var options = AxisOptions(label: "")
    if let label = node["label"]?.string { options.label = label }
    if let format = node["format"]?.string { options.format = ValueFormat(rawValue: format)! }
    if let scale = node["scale"]?.string { options.scale = ScaleType(rawValue: scale)! }
    if let min = node["min"] { options.min = min.float ?? min.int.map(Double.init) }
    if let max = node["max"] { options.max = max.float ?? max.int.map(Double.init) }
    return options
}

private func annotations(_ node: Node) -> [Annotation] {
    guard case let .sequence(items) = node else { return [] }
    return items.map { item in
        let label = item["label"]?.string ?? ""
        func number(_ key: String) -> Double {
            let node = item[key]!
            return node.float ?? node.int.map(Double.init) ?? parseKey(node.string!)!
        }
        switch item["type"]!.string! {
        case "line": return .referenceLine(axis: AnnotationAxis(rawValue: item["axis"]?.string ?? "y")!, value: number("value"),
                                           label: label)
        case "band": return .band(from: number("from"), to: number("to"), label: label)
        case "event": return .event(x: number("x"), label: label)
        default: return .here(x: number("x"), y: number("y"), label: label)
        }
    }
}

private func overrides(_ node: Node) -> [Scenario.Override] {
    guard case let .mapping(mapping) = node else { return [] }
    return mapping.map { Scenario.Override($0.key.string!, parameterValue($0.value)) }
}

/// Mirrors `parameterValue` in Sources/Site/ChartBlockParser.swift.
private func parameterValue(_ node: Node) -> ParameterValue {
    switch node {
    case .scalar(let scalar):
        if scalar.style == .plain || scalar.style == .any {
            if let bool = node.bool { return .bool(bool) }
            if let number = node.float ?? node.int.map(Double.init) { return .number(number) }
        }
        return .text(scalar.string)
    case .sequence(let sequence):
        return .list(sequence.map(parameterValue))
    case .mapping, .alias:
        return .text("")
    }
}

/// The YAML bodies of the ```chart fences of a chapter.
private func chartBlockBodies(_ text: String) -> [String] {
    var blocks: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if current == nil {
            if line.trimmingCharacters(in: .whitespaces) == "```chart" { current = [] }
        } else if line.trimmingCharacters(in: .whitespaces) == "```" {
            blocks.append(current!.joined(separator: "\n") + "\n")
            current = nil
        } else {
            current!.append(line)
        }
    }
    return blocks
}

/// A content/data CSV file, as `DataTable` reads it.
struct Table: Sendable {
    var columns: [String]
    var keys: [String]
    var x: [Double]?
    var cells: [[String]]

    func numbers(column: Int) -> [Double] {
        cells[column].map { $0.isEmpty ? .nan : Double($0)! }
    }
}

private func parseTable(_ text: String) -> Table {
    var header: [String]?
    var keys: [String] = []
    var rows: [[String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("#") || line.allSatisfy({ $0 == " " }) { continue }
        let cells = splitCSV(line).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard header != nil else {
            header = cells
            continue
        }
        keys.append(cells[0])
        rows.append(Array(cells.dropFirst()))
    }
    let columns = header!
    let numericKeys = keys.map(parseKey)
    let x = numericKeys.allSatisfy { $0 != nil } ? numericKeys.map { $0! } : nil
    return Table(columns: columns, keys: keys, x: x, cells: (0..<(columns.count - 1)).map { column in rows.map { $0[column] } })
}

private func splitCSV(_ line: Substring) -> [String] {
    var cells: [String] = []
    var current = ""
    var quoted = false
    var previousWasQuote = false
    for character in line {
        if quoted {
            if character == "\"" { quoted = false; previousWasQuote = true; continue }
            current.append(character)
        } else if character == "\"" {
            if previousWasQuote { current.append("\"") }
            quoted = true
        } else if character == "," {
            cells.append(current)
            current = ""
        } else {
            current.append(character)
        }
        previousWasQuote = false
    }
    cells.append(current)
    return cells
}

/// `2024` → 2024, `2000-03` → 2000 + 2/12, `12.5` → 12.5; nil for labels (as in Sources/Site/DataTable.swift).
private func parseKey(_ key: String) -> Double? {
    let text = key.trimmingCharacters(in: .whitespaces)
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
       (1...12).contains(month) {
        return Double(year) + Double(month - 1) / 12
    }
    if let value = Double(text), value.isFinite { return value }
    return nil
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
