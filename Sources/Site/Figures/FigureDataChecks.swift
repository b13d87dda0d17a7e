import Charts
import Simulation

/// Data a chart would draw wrong without a word: values a log axis cannot show, `min`/`max` that leave data out,
/// two series under one label.
extension FigureBuilder {
    /// A zero or negative value on a log-scale value axis would be dropped from the line: an error at its CSV cell, or,
    /// for a model, at the axis line.
    func logScaleProblems(_ request: FigureRequest, inputs: [VariantInput]) -> [Diagnostic] {
        let horizontal = request.kind == .horizontalBar
        guard (horizontal ? request.x : request.y)?.scale == .log,
              ![.flow, .heatmap, .diagram, .steps].contains(request.kind) else { return [] }
        let key = horizontal ? "x" : "y"
        var problems: [Diagnostic] = []
        for input in inputs {
            for series in input.series {
                guard let row = series.y.firstIndex(where: { $0.isFinite && $0 <= 0 }) else { continue }
                if case .data = request.source {} else {
                    // A model's curve that falls to zero (a tail, a tranche untouched at ρ = 0) is drawn with a gap
                    // there on purpose; a negative value, or a series with nothing above zero, is a mistake.
                    guard let bad = series.y.firstIndex(where: { $0 < 0 }) ?? (series.y.contains { $0 > 0 } ? nil : row) else { continue }
                    problems.append(modelLogProblem(request, series: series, row: bad, key: key))
                    continue
                }
                if let (table, column) = dataCell(request, series: series.name, row: row) {
                    problems.append(Diagnostic(file: table.file, line: table.rowLines[row], column: table.column(row: row, column),
                                               message: "'\(table.cells[column - 1][row])' in column '\(series.name)' cannot be drawn on the "
                                                + "log-scale \(key) axis: a log axis shows only values above zero",
                                               hint: "leave the cell empty for a missing value, or remove 'scale: log' from '\(key):' "
                                                + "to draw a linear axis"))
                }
            }
        }
        return problems.uniqued()
    }

    /// A negative layer in a stacked area would be drawn over the layers below it, and the top edge would no longer be
    /// the total: an error at its CSV cell, or, for a model, at the block's `kind:` line.
    func stackedAreaProblems(_ request: FigureRequest, inputs: [VariantInput]) -> [Diagnostic] {
        guard request.kind == .stackedArea else { return [] }
        var problems: [Diagnostic] = []
        for input in inputs {
            for series in input.series {
                guard let row = series.y.firstIndex(where: { $0.isFinite && $0 < 0 }) else { continue }
                let value = ValueFormat.number.string(for: series.y[row])
                let hint = "a stacked area adds its layers, each on the ones below: draw values that can fall below zero "
                    + "with kind: line (or kind: stacked-bar, which draws negative parts below zero)"
                if let (table, column) = dataCell(request, series: series.name, row: row) {
                    problems.append(Diagnostic(file: table.file, line: table.rowLines[row], column: table.column(row: row, column),
                                               message: "'\(table.cells[column - 1][row])' in column '\(series.name)' is below zero, "
                                                + "which a stacked area cannot show", hint: hint))
                } else {
                    let place = request.position(ofParameter: "key:kind")
                    problems.append(Diagnostic(file: request.file, line: place.line, column: place.column,
                                               message: "figure '\(request.id)': the series '\(series.name)' reaches \(value), "
                                                + "below zero, which a stacked area cannot show", hint: hint))
                }
            }
        }
        return problems.uniqued()
    }

    /// The data file and column where a data chart's series has its value of `row` (the cell is
    /// `table.cells[column - 1][row]`); nil for a model's series, or one the file does not hold.
    private func dataCell(_ request: FigureRequest, series: String, row: Int) -> (table: DataTable, column: Int)? {
        guard case let .data(file) = request.source, let table = data[file],
              let column = table.columns.indices.dropFirst().first(where: { table.columns[$0] == series }),
              table.rowLines.indices.contains(row) else { return nil }
        return (table, column)
    }

    private func modelLogProblem(_ request: FigureRequest, series: Series, row: Int, key: String) -> Diagnostic {
        let place = request.position(ofParameter: "key:" + key)
        let at = series.labels.map { $0.indices.contains(row) ? " at '\($0[row])'" : "" }
            ?? (series.x.indices.contains(row) ? " at x = \(ValueFormat.number.string(for: series.x[row]))" : "")
        return Diagnostic(file: request.file, line: place.line, column: place.column,
                          message: "the \(key) axis uses a log scale, but the series '\(series.name)' reaches "
                            + "\(ValueFormat.number.string(for: series.y[row]))\(at): a log axis shows only values above zero",
                          hint: "remove 'scale: log' from '\(key):' to draw a linear axis, or draw only series "
                            + "that stay above zero (series: [...])")
    }

    /// An hbar block's `y:`, the axis of the categories (the bars' names, top to bottom), given a format, scale or
    /// bounds: they would do nothing there, and whoever wrote them meant the values, which `x:` describes.
    func hbarCategoryAxisProblems(_ request: FigureRequest) -> [Diagnostic] {
        guard request.kind == .horizontalBar, let y = request.y else { return [] }
        var keys: [String] = []
        if y.format != .number { keys.append("format: \(y.format.rawValue)") }
        if y.scale != .linear { keys.append("scale: \(y.scale.rawValue)") }
        if let min = y.min { keys.append("min: \(plainNumber(min))") }
        if let max = y.max { keys.append("max: \(plainNumber(max))") }
        guard !keys.isEmpty else { return [] }
        let place = request.position(ofParameter: "key:y")
        return [Diagnostic(file: request.file, line: place.line, column: place.column,
                           message: "in an hbar chart y: is the axis of the categories (the bars' names), so its "
                               + keys.joined(separator: ", ") + " would do nothing",
                           hint: "the values are on the horizontal axis, x: move \(keys.count == 1 ? "it" : "them") there, "
                               + "e.g. x: {label: …, \(keys[0])}, and keep y: for the categories' label")]
    }

    /// A `min` or `max` the writer set that leaves some of the data off its axis (cut lines, an empty chart): an error
    /// at the axis line naming the data's range. Checked over every variant, before axes are shared.
    func axisBoundProblems(_ request: FigureRequest, specs: [ChartSpec]) -> [Diagnostic] {
        guard let first = specs.first, ![.flow, .heatmap, .diagram, .steps].contains(first.kind) else { return [] }
        let horizontal = request.kind == .horizontalBar
        let extents = specs.map(axisExtent)
        var problems: [Diagnostic] = []
        // The chart's y is the value axis; in an hbar chart the block calls it x.
        for (options, values, key) in [(first.x, extents.flatMap(\.x), horizontal ? "y" : "x"),
                                        (first.y, extents.flatMap(\.y), horizontal ? "x" : "y")] {
            guard let lo = values.min(), let hi = values.max() else { continue }
            let written = plainNumber
            let range = lo == hi ? "the data is \(written(lo))" : "the data runs from \(written(lo)) to \(written(hi))"
            let place = request.position(ofParameter: "key:" + key)
            let slack = 1e-9 * Swift.max(1, abs(lo), abs(hi))
            // A log axis's floor cuts off values falling towards zero (a tail) on purpose, unless it cuts them all.
            if let min = options.min, options.scale == .log ? hi < min - slack : lo < min - slack {
                problems.append(Diagnostic(file: request.file, line: place.line, column: place.column,
                                           message: "min: \(written(min)) leaves data off the \(key) axis: \(range)",
                                           hint: "set min to \(written(lo)) or less, or remove 'min' to fit the axis to the data"))
            }
            // A line chart's y axis may cut its lines at `max` on purpose (`clip: true`): the chart marks where.
            let clipped = options.clip && key == "y" && first.kind == .line
            if let max = options.max, hi > max + slack, !clipped {
                problems.append(Diagnostic(file: request.file, line: place.line, column: place.column,
                                           message: "max: \(written(max)) leaves data off the \(key) axis: \(range)",
                                           hint: "set max to \(written(hi)) or more, or remove 'max' to fit the axis to the data"))
            }
        }
        return problems
    }

    /// `labels:` giving two series drawn together the same words: the legend and data table could not tell them apart.
    func sameLabelProblems(_ request: FigureRequest, inputs: [VariantInput], isModel: Bool) -> [Diagnostic] {
        let spec = FigureSpec(request: request, isModel: isModel)
        let place = request.position(ofParameter: "key:labels")
        var problems: [Diagnostic] = []
        for input in inputs {
            var seen: [String: String] = [:]
            for name in input.series.map(\.name) {
                let shown = spec.displayName(name)
                guard let other = seen[shown] else { seen[shown] = name; continue }
                guard other != name, request.labels[name] != nil || request.labels[other] != nil else { continue }
                problems.append(Diagnostic(file: request.file, line: place.line, column: place.column,
                                           message: "figure '\(request.id)': labels shows both '\(other)' and '\(name)' as '\(shown)': "
                                            + "the legend and data table could not tell them apart",
                                           hint: "give each series its own label, e.g. labels: {\(other): \(shown) (\(other)), "
                                            + "\(name): \(shown) (\(name))}"))
            }
        }
        return problems.uniqued()
    }
}

/// A number as a writer types it in YAML or CSV: 2018, 0.5, 1e-06; never grouped or rounded.
func plainNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
}
