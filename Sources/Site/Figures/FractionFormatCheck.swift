import Charts

/// A data chart whose value axis is `format: fraction` (0.3 → 30 %) but whose numbers are already percentages
/// (71, 65, 55): the chart builds, and its axis runs to 8,000 %. A warning at the first such cell.
///
/// A fraction beyond ±1.5 (150 %) is rare but real (a doubling, a loss of more than the stake), so one such value is
/// no sign; percentages stored as such are beyond it for most values of a series. A series is suspect when at least
/// half of its non-zero values are beyond ±1.5.
func fractionFormatWarnings(_ chapters: [Chapter], data: [String: DataTable]) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for request in chapters.flatMap(\.figures) {
        guard case let .data(file) = request.source, let table = data[file],
              ![.flow, .heatmap, .diagram, .steps].contains(request.kind) else { continue }
        let horizontal = request.kind == .horizontalBar
        let key = horizontal ? "x" : "y"
        let format = (horizontal ? request.x : request.y)?.format
        let drawn = table.columns.indices.dropFirst().filter { request.series?.contains(table.columns[$0]) ?? true }
        if format == .percent, let warning = percentOfFractionsWarning(request, table: table, drawn: drawn, key: key) {
            warnings.append(warning)
        }
        guard format == .fraction else { continue }
        for column in drawn {
            let values = table.cells[column - 1].map(parseNumber)
            let nonZero = values.compactMap { $0 }.filter { $0 != 0 }
            let beyond = nonZero.filter { abs($0) > 1.5 }
            guard !beyond.isEmpty, beyond.count * 2 >= nonZero.count,
                  let row = values.firstIndex(where: { $0.map { abs($0) > 1.5 } ?? false }), table.rowLines.indices.contains(row) else {
                continue
            }
            let value = values[row]!
            let cell = table.cells[column - 1][row]
            let shown = ValueFormat.number.string(for: value * 100) + " %"
            let place = request.position(ofParameter: "key:" + key)
            warnings.append(Diagnostic(
                file: table.file, line: table.rowLines[row], column: table.column(row: row, column),
                message: "column '\(table.columns[column])' holds \(cell), drawn as a fraction (format: fraction on the \(key) "
                    + "axis of the chart at \(request.file):\(place.line)): it would show as \(shown)",
                hint: "values look like percentages (\(cell) means \(shown)): divide by 100, or use format: percent "
                    + "(values already in percent)",
                severity: .warning))
            break
        }
    }
    return warnings
}

/// A data chart whose value axis is `format: percent` (30 → 30 %) but whose numbers are fractions (0.94, 0.42): the
/// chart builds, and its bars read "0.94 %". A warning at the first non-zero value, when every value drawn is between
/// -1 and 1 (and one is not zero).
private func percentOfFractionsWarning(_ request: FigureRequest, table: DataTable, drawn: [Int], key: String) -> Diagnostic? {
    // A heading that says its values are percent ("rate (%)", "Share, percent") means them as written.
    let drawn = drawn.filter { column in
        let heading = table.columns[column].lowercased()
        return !heading.contains("%") && !heading.contains("percent") && !heading.contains("per cent")
    }
    let values = drawn.map { column in table.cells[column - 1].map(parseNumber) }
    let numbers = values.joined().compactMap { $0 }
    guard numbers.contains(where: { $0 != 0 }), numbers.allSatisfy({ abs($0) <= 1 }) else { return nil }
    for (column, columnValues) in zip(drawn, values) {
        guard let row = columnValues.firstIndex(where: { $0.map { $0 != 0 } ?? false }), table.rowLines.indices.contains(row) else {
            continue
        }
        let cell = table.cells[column - 1][row]
        let place = request.position(ofParameter: "key:" + key)
        return Diagnostic(
            file: table.file, line: table.rowLines[row], column: table.column(row: row, column),
            message: "column '\(table.columns[column])' holds \(cell), drawn in percent (format: percent on the \(key) axis of "
                + "the chart at \(request.file):\(place.line)): it would show as \(cell) %, and every value drawn is between -1 and 1",
            hint: "values look like fractions (\(cell) means \(ValueFormat.number.string(for: columnValues[row]! * 100)) %): "
                + "use format: fraction, which shows them in percent; if they are percentages below 1 %, say so in the column's "
                + "heading (\(table.columns[column]) (%)) and keep format: percent",
            severity: .warning)
    }
    return nil
}
