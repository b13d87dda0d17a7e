import Charts

/// Numbers in the charts' data files that are numbers but are likely not what the writer meant, as warnings at the
/// cell: one written in exponent notation (`1e300`: the README asks for plain numbers, and the axis would print
/// `2e299`), and one far out of line with its column (a typo of extra zeros: 61000000000000 among values near 100),
/// which squashes every other value of the chart flat. A column is judged by the median size of its non-zero values,
/// when it has at least `minimumValues` of them; a value more than `factor` times that is out of line. Data files
/// drawn on a log axis are left alone: such a chart spans orders of magnitude on purpose. At most one warning a column.
func suspectCellWarnings(_ chapters: [Chapter], data: [String: DataTable], factor: Double = 1_000,
                         minimumValues: Int = 5) -> [Diagnostic] {
    var charted: Set<String> = [], logScaled: Set<String> = []
    for request in chapters.flatMap(\.figures) {
        guard case let .data(file) = request.source else { continue }
        charted.insert(file)
        if request.x?.scale == .log || request.y?.scale == .log { logScaled.insert(file) }
    }
    var warnings: [Diagnostic] = []
    for file in charted.sorted() {
        guard let table = data[file] else { continue }
        for index in table.cells.indices {
            let cells = table.cells[index]
            let values = cells.map { $0.isEmpty ? nil : parseNumber($0) }
            let name = table.columns.indices.contains(index + 1) ? table.columns[index + 1] : "\(index + 2)"
            func place(_ row: Int) -> (line: Int, column: Int) {
                (table.rowLines.indices.contains(row) ? table.rowLines[row] : 1, table.column(row: row, index + 1))
            }
            if let row = values.indices.first(where: { values[$0] != nil && cells[$0].contains(where: { $0 == "e" || $0 == "E" }) }) {
                let (line, column) = place(row)
                warnings.append(Diagnostic(file: table.file, line: line, column: column,
                                           message: "'\(cells[row])' in column '\(name)' is written in exponent notation: "
                                               + "the chart's axis would print its numbers that way too",
                                           hint: "write plain numbers (1500, not 1.5e3); for very large or small ones, use a larger "
                                               + "or smaller unit (billions, thousandths) and say so in the column's label",
                                           severity: .warning))
                continue
            }
            guard !logScaled.contains(file) else { continue }
            let sizes = values.compactMap { $0 }.map(abs).filter { $0 > 0 }.sorted()
            guard sizes.count >= minimumValues else { continue }
            let median = sizes.count % 2 == 1 ? sizes[sizes.count / 2] : (sizes[sizes.count / 2 - 1] + sizes[sizes.count / 2]) / 2
            guard let row = values.indices.first(where: { values[$0].map { abs($0) > factor * median } ?? false }) else { continue }
            let (line, column) = place(row)
            warnings.append(Diagnostic(file: table.file, line: line, column: column,
                                       message: "'\(cells[row])' in column '\(name)' is more than \(ValueFormat.number.string(for: factor)) "
                                           + "times the column's typical value (\(ValueFormat.number.string(for: median))): "
                                           + "the chart would squash the other values flat",
                                       hint: "check the number (a typo of extra zeros?); if it is right, draw the chart on a log axis "
                                           + "(y: {scale: log}) or show this value apart",
                                       severity: .warning))
        }
    }
    return warnings
}
