/// A small CSV series file from `content/data/`: `# ` comment lines (the source note), a header, rows.
public struct DataTable: Sendable, Equatable {
    public var file: String
    /// The `# ` lines, without the marker.
    public var notes: [String]
    public var columns: [String]
    /// The first column's cells as written.
    public var keys: [String]
    /// Numeric x values when every key is a number, a year or a `YYYY-MM` month; nil for category labels.
    public var x: [Double]?
    /// The cells of each column after the first, as written.
    public var cells: [[String]]
    /// Line in the file of each row.
    var rowLines: [Int]

    /// Parses CSV text; errors point at the offending line.
    static func parse(_ text: String, file: String) throws(Diagnostic) -> DataTable {
        var notes: [String] = []
        var header: [String]?
        var keys: [String] = []
        var rows: [[String]] = []
        var rowLines: [Int] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if rawLine.hasPrefix("#") {
                notes.append(String(rawLine.dropFirst().drop(while: { $0 == " " })))
                continue
            }
            if rawLine.allSatisfy({ $0 == " " }) { continue }
            let cells = splitCSVLine(rawLine).map { $0.trimmingCharacters() }
            guard let columns = header else {
                header = cells
                continue
            }
            guard cells.count == columns.count else {
                throw Diagnostic(file: file, line: index + 1, column: 1,
                                 message: "row has \(cells.count) cells but the header has \(columns.count)",
                                 hint: cells.count > columns.count
                                    ? "a value holding a comma goes in double quotes (\"1,350\" or \"Smith, J.\"), or the header needs a name for the extra column"
                                    : "give every row a value for each column of the header (an empty one between two commas: 2021,,5)")
            }
            keys.append(cells[0])
            rows.append(Array(cells.dropFirst()))
            rowLines.append(index + 1)
        }
        guard let columns = header, columns.count >= 2 else {
            let line = header?.first ?? ""
            let separator = [";", "\t", "|"].first { line.contains($0) }
            throw Diagnostic(file: file, line: 1, column: 1, message: "data file needs a header row with at least two columns",
                             hint: separator.map { "the columns are separated by '\($0 == "\t" ? "tab" : $0)': write commas between them, "
                                 + "as CSV does (a spreadsheet's 'Save as CSV, comma-separated' does it)" }
                                 ?? "the first line that is not a '#' note names the columns, separated by commas: year,visitors")
        }
        guard !rows.isEmpty else {
            throw Diagnostic(file: file, line: 1, column: 1, message: "data file has no rows")
        }
        let numericKeys = keys.map(parseKey)
        let x = numericKeys.allSatisfy({ $0 != nil }) ? numericKeys.map { $0! } : nil
        let cells = (0..<(columns.count - 1)).map { column in rows.map { $0[column] } }
        return DataTable(file: file, notes: notes, columns: columns, keys: keys, x: x, cells: cells, rowLines: rowLines)
    }

    /// The numbers of column `index` (0 = the first column after the key); empty cells are NaN.
    func values(column index: Int) throws(Diagnostic) -> [Double] {
        var out: [Double] = []
        for (row, cell) in cells[index].enumerated() {
            if cell.isEmpty {
                out.append(.nan)
            } else if let value = Double(cell), value.isFinite {
                out.append(value)
            } else {
                throw Diagnostic(file: file, line: rowLines[row], column: 1,
                                 message: "'\(cell)' in column '\(columns[index + 1])' is not a number",
                                 hint: "leave the cell empty for a missing value")
            }
        }
        return out
    }
}

/// `2024` → 2024, `2000-03` → 2000 + 2/12, `12.5` → 12.5; nil for labels.
func parseKey(_ key: String) -> Double? {
    let text = key.trimmingCharacters()
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
       (1...12).contains(month) {
        return Double(year) + Double(month - 1) / 12
    }
    if let value = Double(text), value.isFinite { return value }
    return nil
}

/// Splits one CSV line, honouring double quotes.
func splitCSVLine(_ line: Substring) -> [String] {
    var cells: [String] = []
    var current = ""
    var quoted = false
    var iterator = line.makeIterator()
    var pending: Character? = nil
    while let character = pending ?? iterator.next() {
        pending = nil
        if quoted {
            if character == "\"" {
                if let next = iterator.next() {
                    if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                } else {
                    quoted = false
                }
            } else {
                current.append(character)
            }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            cells.append(current)
            current = ""
        } else {
            current.append(character)
        }
    }
    cells.append(current)
    return cells
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
