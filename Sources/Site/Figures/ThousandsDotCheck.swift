/// Numbers written with a thousands dot, as German and other European spreadsheets write them: `1.250` for one
/// thousand two hundred and fifty, which a CSV reader takes for 1.25 (and `136.000` for 136), drawing the chart a
/// thousand times too low with no word. Not an error, as `1,200` is, since `1.250` is also a number: a warning at the
/// first such cell of a column, once a column.
///
/// A cell looks like it when it has one point and exactly three digits after it, and one to three before it, the
/// first not zero (`1.250`, `-12.500`; not `0.125`). A column is suspect when it has such a cell and, besides them,
/// only whole numbers written without a point (`38, 1.250, 55`), or when it has several of them and every one ends
/// in zero (`136.000, 258.000`; a decimal written that way can drop its zeros: 2.5). A column that also holds other
/// decimals (`0.125`, `2.5`, `1.75`) is a column of decimals and is left alone.
func thousandsDotWarnings(_ chapters: [Chapter], data: [String: DataTable]) -> [Diagnostic] {
    var charted: Set<String> = []
    for request in chapters.flatMap(\.figures) {
        if case let .data(file) = request.source { charted.insert(file) }
    }
    var warnings: [Diagnostic] = []
    for file in charted.sorted() {
        guard let table = data[file] else { continue }
        for index in table.cells.indices {
            let cells = table.cells[index]
            let written = cells.indices.filter { !cells[$0].isEmpty && parseNumber(cells[$0]) != nil }
            let dotted = written.filter { hasThousandsDot(cells[$0]) }
            guard let first = dotted.first else { continue }
            let whole = written.filter { !dotted.contains($0) && isWholeNumber(cells[$0]) }
            guard whole.count + dotted.count == written.count else { continue }
            let allEndInZero = dotted.allSatisfy { cells[$0].hasSuffix("0") }
            guard !whole.isEmpty || (dotted.count >= 2 && allEndInZero) else { continue }
            let name = table.columns.indices.contains(index + 1) ? table.columns[index + 1] : "\(index + 2)"
            let cell = cells[first].trimmingCharacters()
            let thousands = cell.replacingOccurrences(of: ".", with: "")
            let decimal = trimmedDecimal(cell)
            let others = dotted.count - 1
            let context = whole.isEmpty
                ? (others > 0 ? " (and \(others) more like it)" : "") + " reads as \(decimal)"
                : " reads as \(decimal), but the column's other values are whole numbers"
            warnings.append(Diagnostic(file: table.file, line: table.rowLines[first], column: table.column(row: first, index + 1),
                                       message: "'\(cell)' in column '\(name)'\(context): is it \(thousands), written with "
                                           + "a thousands dot (as German and other European spreadsheets write it)?",
                                       hint: "write numbers without thousands separators: \(thousands); if it is a decimal, "
                                           + "write it as \(decimal)",
                                       severity: .warning))
        }
    }
    return warnings
}

/// `1.250`, `-12.500`: one to three digits (the first not zero), a point, three digits.
func hasThousandsDot(_ cell: String) -> Bool {
    let text = cell.trimmingCharacters()
    let unsigned = text.hasPrefix("-") || text.hasPrefix("\u{2212}") ? text.dropFirst() : Substring(text)
    let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
    let digits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
    return parts.count == 2 && (1...3).contains(parts[0].count) && parts[0].first != "0" && parts[1].count == 3
        && digits(parts[0]) && digits(parts[1])
}

/// `38`, `-5`: a whole number written without a point or exponent.
private func isWholeNumber(_ cell: String) -> Bool {
    let text = cell.trimmingCharacters()
    let unsigned = text.hasPrefix("-") || text.hasPrefix("\u{2212}") ? text.dropFirst() : Substring(text)
    return !unsigned.isEmpty && unsigned.allSatisfy { $0.isASCII && $0.isNumber }
}

/// `1.250` → `1.25`, `136.000` → `136`: the number a CSV reader takes the cell for, as written without trailing zeros.
private func trimmedDecimal(_ cell: String) -> String {
    var text = Substring(cell)
    while text.hasSuffix("0") { text = text.dropLast() }
    if text.hasSuffix(".") { text = text.dropLast() }
    return String(text)
}
