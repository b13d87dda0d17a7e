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
        guard (horizontal ? request.x : request.y)?.format == .fraction else { continue }
        let drawn = table.columns.indices.dropFirst().filter { request.series?.contains(table.columns[$0]) ?? true }
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
