import Foundation
import Charts

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
    /// Column in the file (1-based, in UTF-8 bytes) of each row's cells, the first column's included.
    var cellColumns: [[Int]] = []
    /// Line in the file of the header row, and the column where each of its names starts.
    var headerLine = 1
    var headerColumns: [Int] = []

    /// Parses CSV text; errors point at the offending line. Every row with more or fewer cells than the header is
    /// reported (at most `limit` of them, then how many more), so one run lists them all.
    static func parse(_ text: String, file: String, limit: Int = 20) throws(BuildFailure) -> DataTable {
        // `Double("27\u{0}6")` is 27: a NUL in a cell would cut its number short without a word.
        let controls = checkControlCharacters(text, file: file, kind: "data file", allowed: dataFileControlBytes)
        if !controls.isEmpty { throw BuildFailure(Array(controls.prefix(limit))) }
        let parsed: (table: DataTable, ragged: [Diagnostic])
        do throws(Diagnostic) { parsed = try parseRows(text, file: file) } catch { throw BuildFailure([error]) }
        let ragged = parsed.ragged
        guard !ragged.isEmpty else { return parsed.table }
        var problems = Array(ragged.prefix(limit))
        if ragged.count > limit {
            let more = ragged.count - limit
            problems.append(Diagnostic(file: file, line: ragged[limit].line, column: 1,
                                       message: "and \(more) more row\(more == 1 ? "" : "s") with more or fewer cells than the header, from this one on",
                                       hint: "give every row one value for each column of the header (an empty one between two commas: 2021,,5)"))
        }
        throw BuildFailure(problems)
    }

    /// The table, and a problem for each row with more or fewer cells than the header (those rows left out).
    private static func parseRows(_ text: String, file: String) throws(Diagnostic) -> (DataTable, ragged: [Diagnostic]) {
        var ragged: [Diagnostic] = []
        var notes: [String] = []
        var header: [String]?
        var headerLine = 1
        var headerColumns: [Int] = []
        var keys: [String] = []
        var rows: [[String]] = []
        var rowLines: [Int] = []
        var cellColumns: [[Int]] = []
        // The separator an Excel `sep=;` line names, when there is one.
        var sepLineSeparator: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if rawLine.hasPrefix("#") {
                notes.append(String(rawLine.dropFirst().drop(while: { $0 == " " })))
                continue
            }
            if rawLine.allSatisfy({ $0 == " " }) { continue }
            // `sep=,`: Excel's note of the separator, written above the header when asked for; it is no header.
            if header == nil, rawLine.lowercased().hasPrefix("sep="), rawLine.trimmingCharacters().count == 5 {
                sepLineSeparator = String(rawLine.trimmingCharacters().dropFirst(4))
                continue
            }
            let split = splitCSVCells(rawLine)
            let cells = split.map(\.text)
            guard let columns = header else {
                try checkHeader(split, file: file, line: index + 1)
                header = cells
                headerLine = index + 1
                headerColumns = split.map(\.column)
                continue
            }
            guard cells.count == columns.count else {
                ragged.append(cellCountProblem(split, expected: columns.count, file: file, line: index + 1))
                continue
            }
            keys.append(cells[0])
            rows.append(Array(cells.dropFirst()))
            rowLines.append(index + 1)
            cellColumns.append(split.map(\.column))
        }
        guard let columns = header, columns.count >= 2 else {
            let line = header?.first ?? ""
            let separator = [";", "\t", "|"].first { line.contains($0) }
            // A spreadsheet set to Spanish, French or German writes `2021-01;2,1`: commas there are decimal commas,
            // which become column separators once the semicolons are commas.
            let decimalComma = separator.flatMap { separator in
                text.split(separator: "\n").lazy.filter { !$0.hasPrefix("#") }
                    .flatMap { $0.split(separator: Character(separator)) }
                    .first { isDecimalComma($0.trimmingCharacters(in: .whitespaces)) }
            }.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let separator else {
                throw Diagnostic(file: file, line: header == nil ? 1 : headerLine, column: 1,
                                 message: "data file needs a header row with at least two columns",
                                 hint: "the first line that is not a '#' note names the columns, separated by commas: year,visitors")
            }
            // The cause is the message's first words (trial 17 S10): a writer reads the headline, not the hint.
            let names = [";": "semicolons (';')", "\t": "tabs", "|": "vertical bars ('|')"]
            let sepLine = sepLineSeparator.map { ", and delete the 'sep=\($0)' line above the header" } ?? ""
            let message = "data file seems separated by \(names[separator]!), not commas"
                + (decimalComma.map { ", with decimal commas (\($0))" } ?? "") + ": its header reads as one column"
            let hint = decimalComma.map { decimalComma in
                "write commas between the columns and points in numbers (\(decimalComma) → "
                    + "\(decimalComma.replacingOccurrences(of: ",", with: ".")))\(sepLine): a spreadsheet set to a language that "
                    + "writes decimal commas (French, Spanish, German) exports them so"
            } ?? "write commas between the columns, as CSV does (a spreadsheet's 'Save as CSV, comma-separated' "
                + "does it\(separator == "\t" ? ", not 'Text (tab-delimited)' or 'Unicode text'" : ""))\(sepLine)"
            throw Diagnostic(file: file, line: headerLine, column: 1, message: message, hint: hint)
        }
        guard !rows.isEmpty || !ragged.isEmpty else {
            throw Diagnostic(file: file, line: 1, column: 1, message: "data file has no rows")
        }
        let numericKeys = keys.map(parseKey)
        // `01.2018` reads as the number 1.2018: a column of such months is no x axis (`xProblem` says so).
        let dottedMonths = keys.count(where: { dottedMonth($0) != nil })
        let monthsAsNumbers = (dottedMonths >= 2 && dottedMonths * 2 >= keys.count) || shortDottedMonths(keys) != nil
            || yearDottedMonths(keys) != nil
        let x = numericKeys.allSatisfy({ $0 != nil }) && !monthsAsNumbers ? numericKeys.map { $0! } : nil
        let cells = (0..<(columns.count - 1)).map { column in rows.map { $0[column] } }
        var table = DataTable(file: file, notes: notes, columns: columns, keys: keys, x: x, cells: cells, rowLines: rowLines)
        table.cellColumns = cellColumns
        table.headerLine = headerLine
        table.headerColumns = headerColumns
        return (table, ragged)
    }

    /// Every column after the first names a series: an empty name is most often a trailing comma (an Excel export).
    /// Two columns of one name would draw two series the legend and the data table cannot tell apart, and a chart's
    /// `series:` could pick only the first.
    private static func checkHeader(_ cells: [(text: String, column: Int)], file: String, line: Int) throws(Diagnostic) {
        // A first line of numbers only (`2018,100.0,100.0`) is a row of data: the names are missing.
        let dataLike = { (text: String) in
            Double(text) != nil || text.range(of: #"^\d{4}-\d{2}(-\d{2})?$"#, options: .regularExpression) != nil
        }
        if cells.count >= 2, cells.allSatisfy({ dataLike($0.text) }) {
            throw Diagnostic(file: file, line: line, column: cells[0].column,
                             message: "the first line holds values, not column names: is the header line missing?",
                             hint: "begin the file with a line naming its columns, separated by commas: e.g. year,visitors")
        }
        var seen: [String: Int] = [:]
        for (index, cell) in cells.enumerated() where !cell.text.isEmpty {
            guard let first = seen[cell.text] else { seen[cell.text] = index; continue }
            throw Diagnostic(file: file, line: line, column: cell.column,
                             message: "columns \(first + 1) and \(index + 1) of the header are both named '\(cell.text)'",
                             hint: "give each column its own name: each column after the first is a series, named by its "
                                + "header in the legend and the data table")
        }
        guard cells.count >= 2, let empty = cells.indices.dropFirst().first(where: { cells[$0].text.isEmpty }) else { return }
        if empty == cells.count - 1 {
            throw Diagnostic(file: file, line: line, column: cells[empty].column,
                             message: "the last column of the header has no name (a trailing comma?)",
                             hint: "remove the comma at the end of every line (spreadsheets add one for an empty column), "
                                + "or name the column")
        }
        throw Diagnostic(file: file, line: line, column: cells[empty].column,
                         message: "column \(empty + 1) of the header has no name",
                         hint: "name every column after the first: each names a series, e.g. year,visitors,members")
    }

    /// A row with more or fewer cells than the header, explained by what the cells look like.
    private static func cellCountProblem(_ cells: [(text: String, column: Int)], expected: Int, file: String,
                                         line: Int) -> Diagnostic {
        let message = "row has \(cells.count) cell\(cells.count == 1 ? "" : "s") but the header has \(expected)"
        guard cells.count > expected else {
            // `2022-01，12.5，55.0`: an input method's full-width comma separates nothing (trial 15 S8).
            if let wide = cells.first(where: { $0.text.contains("\u{FF0C}") }) {
                return Diagnostic(file: file, line: line, column: wide.column, message: message + ": it holds a full-width '\u{FF0C}'",
                                  hint: "separate the cells with ASCII commas ','; the '\u{FF0C}' of an input method is text to CSV")
            }
            return Diagnostic(file: file, line: line, column: 1, message: message,
                              hint: "give every row a value for each column of the header (an empty one between two commas: 2021,,5)")
        }
        // `2020,1,200`: a number written with a thousands separator becomes two cells, the second of three digits.
        func isLead(_ text: String) -> Bool {
            let digits = text.hasPrefix("-") || text.hasPrefix("\u{2212}") ? String(text.dropFirst()) : text
            return (1...3).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
        }
        func isGroup(_ text: String) -> Bool {
            let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            return whole[0].count == 3 && whole[0].allSatisfy { $0.isASCII && $0.isNumber }
                && (whole.count == 1 || whole[1].allSatisfy { $0.isASCII && $0.isNumber })
        }
        var thousands: Diagnostic?
        var thousandsFit = false
        if let start = cells.indices.dropLast().first(where: { isLead(cells[$0].text) && isGroup(cells[$0 + 1].text) }) {
            var end = start + 1
            while end + 1 < cells.count, !cells[end].text.contains("."), isGroup(cells[end + 1].text) { end += 1 }
            let written = cells[start...end].map(\.text)
            thousands = Diagnostic(file: file, line: line, column: cells[start].column,
                                   message: message + ": '\(written.joined(separator: ","))' looks like one number with a thousands separator",
                                   hint: "write numbers without thousands separators: \(written.joined())")
            thousandsFit = cells.count - (end - start) == expected
        }
        if let thousands, thousandsFit { return thousands }
        // `2021-05,2,4` (or `2018-02,18,4,51,0`, `2018-02,100,6,100,2`): more cells than the header, from numbers
        // written with a decimal comma, each of which became two cells; preferred to a thousands separator when it
        // makes the row as long as the header and joining the thousands does not (trial 14 S8).
        var pairs: [Int] = []
        var index = 1
        while index + 1 < cells.count {
            if isDecimalComma(cells[index].text + "," + cells[index + 1].text) {
                pairs.append(index)
                index += 2
            } else {
                index += 1
            }
        }
        if let start = pairs.first, cells.count - pairs.count == expected {
            let written = cells[start].text + "," + cells[start + 1].text
            let points = pairs.map { "\(cells[$0].text).\(cells[$0 + 1].text)" }
            let list = points.count == 1 ? points[0] : points.dropLast().joined(separator: ", ") + " and " + points.last!
            return Diagnostic(file: file, line: line, column: cells[start].column,
                              message: message + ": '\(written)' looks like one number with a decimal comma"
                                + (pairs.count > 1 ? " (and \(pairs.count - 1) more)" : ""),
                              hint: "decimals use a point: write \(list)")
        }
        if let thousands { return thousands }
        if cells[expected...].allSatisfy(\.text.isEmpty) {
            return Diagnostic(file: file, line: line, column: cells[expected].column, message: message,
                              hint: "the row ends with a comma the header does not have: remove it")
        }
        return Diagnostic(file: file, line: line, column: 1, message: message,
                          hint: "a value holding a comma goes in double quotes (\"Smith, J.\"), or the header needs a name for the extra column")
    }

    /// The numbers of column `index` (0 = the first column after the key); empty cells are NaN.
    func values(column index: Int) throws(Diagnostic) -> [Double] {
        var out: [Double] = []
        for (row, cell) in cells[index].enumerated() {
            if cell.isEmpty {
                out.append(.nan)
            } else if let value = parseNumber(cell) {
                out.append(value)
            } else {
                throw Diagnostic(file: file, line: rowLines[row], column: column(row: row, index + 1),
                                 message: "'\(cell)' in column '\(columns[index + 1])' is not a number",
                                 hint: numberHint(cell) ?? "leave the cell empty for a missing value")
            }
        }
        return out
    }

    /// Every cell of the columns `indices` (0 = the first column after the key) that is neither empty nor a number,
    /// row by row, at most `limit` of them: one run lists a file's bad cells, and a last diagnostic counts the rest.
    func numberProblems(columns indices: [Int], limit: Int = 20) -> [Diagnostic] {
        var bad: [(row: Int, column: Int)] = []
        for row in rowLines.indices {
            for index in indices where cells.indices.contains(index) && cells[index].indices.contains(row) {
                let cell = cells[index][row]
                if !cell.isEmpty, parseNumber(cell) == nil { bad.append((row, index)) }
            }
        }
        var problems = bad.prefix(limit).map { row, index in
            let cell = cells[index][row]
            return Diagnostic(file: file, line: rowLines[row], column: column(row: row, index + 1),
                              message: "'\(cell)' in column '\(columns[index + 1])' is not a number",
                              hint: numberHint(cell) ?? "leave the cell empty for a missing value")
        }
        if bad.count > limit {
            let next = bad[limit], more = bad.count - limit
            problems.append(Diagnostic(file: file, line: rowLines[next.row], column: column(row: next.row, next.column + 1),
                                       message: "and \(more) more cell\(more == 1 ? "" : "s") that \(more == 1 ? "is" : "are") not a number, from this one on",
                                       hint: "cells hold plain numbers (1200, 3.9, -5), or nothing for a missing value"))
        }
        return problems
    }

    /// Where the cell of `row` (0-based, of the rows after the header) in `column` (0 = the first) starts.
    func column(row: Int, _ column: Int) -> Int {
        cellColumns.indices.contains(row) && cellColumns[row].indices.contains(column) ? cellColumns[row][column] : 1
    }

    /// A column after the first with no numbers at all: every cell empty (nil if it has any).
    func emptyColumnProblem(_ index: Int) -> Diagnostic? {
        guard cells.indices.contains(index), cells[index].allSatisfy(\.isEmpty) else { return nil }
        return Diagnostic(file: file, line: headerLine, column: headerColumns.indices.contains(index + 1) ? headerColumns[index + 1] : 1,
                          message: "column '\(columns[index + 1])' has no numbers to draw: every cell of it is empty",
                          hint: "fill in its numbers, or leave it out of the chart with series: [the columns to draw]")
    }

    /// Why the first column cannot be an x axis (a line chart's): the first cell that is no number, year or month.
    ///
    /// Dates are explained at their line; text in every row (categories) is nil here: the chart's kind is the mistake.
    func xProblem(kind: String) -> Diagnostic? {
        guard x == nil else { return nil }
        // `01.2018`, a month as a German spreadsheet writes it (MM.YYYY), is a number too: said before the others.
        if keys.allSatisfy({ parseKey($0) != nil }), let months = shortDottedMonths(keys) {
            return Diagnostic(file: file, line: rowLines[0], column: column(row: 0, 0),
                              message: "'\(keys[0])' in column '\(columns[0])' looks like a month written MM.YY, "
                                + "which reads as the number \(keys[0].trimmingCharacters().drop { $0 == "0" })",
                              hint: "write months with the whole year, as \(months[0]) (or years); daily dates are not supported")
        }
        if keys.allSatisfy({ parseKey($0) != nil }), let months = yearDottedMonths(keys) {
            return Diagnostic(file: file, line: rowLines[0], column: column(row: 0, 0),
                              message: "'\(keys[0])' in column '\(columns[0])' looks like a month written YYYY.MM, "
                                + "which reads as the number \(keys[0].trimmingCharacters()), a fraction of a year",
                              hint: "write months with a hyphen, as \(months[0]) (or years); daily dates are not supported")
        }
        if keys.allSatisfy({ parseKey($0) != nil }), let row = keys.firstIndex(where: { dottedMonth($0) != nil }) {
            return Diagnostic(file: file, line: rowLines[row], column: column(row: row, 0),
                              message: "'\(keys[row])' in column '\(columns[0])' looks like a month written MM.YYYY, "
                                + "which reads as the number \(keys[row].trimmingCharacters().drop { $0 == "0" })",
                              hint: "write months as \(dottedMonth(keys[row])!) (or years); daily dates are not supported")
        }
        let numbers = keys.filter { parseKey($0) != nil }.count
        for (row, key) in keys.enumerated() where parseKey(key) == nil {
            let place = (line: rowLines[row], column: column(row: row, 0))
            let monthParts = key.split(separator: "-", omittingEmptySubsequences: false)
            let badMonth = monthParts.count == 2 && monthParts[0].count == 4 && monthParts[1].count == 2
                ? Int(monthParts[1]).flatMap { (1...12).contains($0) ? nil : $0 } : nil
            let message = "'\(key)' in column '\(columns[0])' is not a number, a year or a month"
                + (badMonth.map { ": there is no month \($0)" } ?? "")
            if looksLikeDate(key) {
                return Diagnostic(file: file, line: place.line, column: place.column, message: message,
                                  hint: "write months as \(slashedMonth(key) ?? "2024-01") (or years); daily dates are not supported")
            }
            if let hint = numberHint(key) {
                return Diagnostic(file: file, line: place.line, column: place.column, message: message, hint: hint)
            }
            guard numbers > 0 else { return nil }
            return Diagnostic(file: file, line: place.line, column: place.column, message: message,
                              hint: "\(withArticle(kind)) chart's first column holds numbers, years or months (2024-01); "
                                + "for categories use kind: bar or hbar")
        }
        return nil
    }
}

extension DataTable {
    /// A first column that reads as numbers but was meant as years or months: a month written `01.2023` (MM.YYYY)
    /// among months or years, which reads as the number 1.2023; years written with a thousands point, `2.015` (as a
    /// spreadsheet in German or other European formats writes 2015), which read as numbers near 2. Nil when the column
    /// holds none of them, or is no x axis at all (`xProblem` explains that).
    func xFormProblem() -> Diagnostic? {
        guard x != nil, keys.count >= 2 else { return nil }
        let trimmed = keys.map { $0.trimmingCharacters() }
        // Every key reads as a number, year or month (`x` is set), so a key of a month's shape is a month.
        func isYear(_ key: String) -> Bool {
            key.count == 4 && key.allSatisfy { $0.isASCII && $0.isNumber } && (1000...2999).contains(Int(key) ?? 0)
        }
        // `2.015`: one digit, a point, three digits, a year from 1950 to 2100 once the point is taken out (the years
        // of most data; the further from them, the likelier a real number of three decimals, such as 1.850).
        func pointedYear(_ key: String) -> Int? {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 1, parts[1].count == 3,
                  parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let year = Int(parts[0] + parts[1]), (1950...2100).contains(year) else { return nil }
            return year
        }
        let datedRows = trimmed.filter { isMonthKey($0) || isYear($0) }.count
        if datedRows > 0, let row = trimmed.firstIndex(where: { dottedMonth($0) != nil }) {
            return Diagnostic(file: file, line: rowLines[row], column: column(row: row, 0),
                              message: "'\(keys[row])' in column '\(columns[0])' looks like a month written MM.YYYY among "
                                + "\(trimmed.contains(where: isMonthKey) ? "months" : "years"), but it reads as the number "
                                + "\(trimmed[row].drop { $0 == "0" })",
                              hint: "write it as \(dottedMonth(trimmed[row])!), as the other rows write theirs")
        }
        // Among years, one is enough; alone, they must run as years do, one way or the other, no more than 25 years
        // apart (1.950, 2.000 … 2.100 in steps of 0.05 could be ratios).
        let years = trimmed.compactMap(pointedYear)
        let pointed = years.count
        let steps = zip(years, years.dropFirst()).map { $1 - $0 }
        let runAsYears = datedRows > 0 || steps.allSatisfy { (1...25).contains($0) } || steps.allSatisfy { (-25 ... -1).contains($0) }
        if pointed > 0, pointed + datedRows == trimmed.count, runAsYears,
           let row = trimmed.firstIndex(where: { pointedYear($0) != nil }) {
            let year = pointedYear(trimmed[row])!
            return Diagnostic(file: file, line: rowLines[row], column: column(row: row, 0),
                              message: "'\(keys[row])' in column '\(columns[0])' looks like the year \(year) written with a "
                                + "thousands point, as a spreadsheet in German formats writes it, but it reads as the number \(trimmed[row])",
                              hint: "write years without a separator, as \(year) (format the column as text, or as a number "
                                + "without thousands separators, before saving the CSV); if they are numbers, not years, give them "
                                + "a fourth decimal (\(trimmed[row])0)")
        }
        return nil
    }

    /// The first row whose x value repeats an earlier one or is below the row before it: a line joins its points in
    /// the file's order, so it would jump at a repeat and zigzag back at a row out of place.
    func xOrderProblem(kind: String) -> Diagnostic? {
        guard let x else { return nil }
        for row in x.indices.dropFirst() where !(x[row] > x[row - 1]) {
            // A column with two values at one x and none elsewhere is a range, drawn as a vertical line on purpose.
            if x[row] == x[row - 1], !jumps(row - 1, row) { continue }
            let place = (line: rowLines[row], column: column(row: row, 0))
            if let earlier = x[..<row].firstIndex(of: x[row]) {
                return Diagnostic(file: file, line: place.line, column: place.column,
                                  message: "'\(keys[row])' in column '\(columns[0])' is there twice (line \(rowLines[earlier]) and line \(place.line)): "
                                    + "\(withArticle(kind)) chart would draw a jump at it",
                                  hint: "give each x value one row: remove this row, or correct its '\(columns[0])'")
            }
            let below = x[..<row].filter { $0 < x[row] }.max(), above = x[..<row].filter { $0 > x[row] }.min()
            let name = { (value: Double?) in value.flatMap { v in x.firstIndex(of: v).map { "'\(keys[$0])'" } } }
            let between = [name(below), name(above)].compactMap { $0 }
            return Diagnostic(file: file, line: place.line, column: place.column,
                              message: "'\(keys[row])' in column '\(columns[0])' comes after '\(keys[row - 1])': the rows are out of order, "
                                + "and \(withArticle(kind)) chart joins them in the file's order (the line would zigzag back)",
                              hint: "sort the rows by '\(columns[0])', smallest first: move this row "
                                + (between.count == 2 ? "between \(between[0]) and \(between[1])" : "before \(between.last ?? "the others")"))
        }
        return nil
    }

    /// Whether rows `a` and `b` (one x) give some column two values while that column has values at other x too.
    private func jumps(_ a: Int, _ b: Int) -> Bool {
        guard let x else { return false }
        return cells.contains { column in
            !column[a].isEmpty && !column[b].isEmpty && column.indices.contains { x[$0] != x[a] && !column[$0].isEmpty }
        }
    }
}

/// "a line", "an area": a word with its indefinite article.
func withArticle(_ word: String) -> String {
    (word.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + word
}

/// A cell as a number: `-5`, `1.5e3`, and `−5` with the typographic minus (U+2212) that word processors put in.
func parseNumber(_ cell: String) -> Double? {
    let text = cell.hasPrefix("\u{2212}") ? "-" + cell.dropFirst() : cell
    guard let value = Double(text), value.isFinite else { return nil }
    return value
}

/// What to write instead of a cell that is almost a number: `1,200`, `1.9%`.
func numberHint(_ cell: String) -> String? {
    let text = cell.trimmingCharacters()
    // `５.２`, `５．２`: full-width digits or signs, as a Chinese or Japanese input method types them.
    if text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) {
        let halfWidth = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
        }))
        if parseNumber(halfWidth) != nil { return "write the number with ASCII digits and signs: \(halfWidth)" }
    }
    // `5。2`: an ideographic full stop for the decimal point.
    if text.contains("\u{3002}"), parseNumber(text.replacingOccurrences(of: "\u{3002}", with: ".")) != nil {
        return "decimals use a point: " + text.replacingOccurrences(of: "\u{3002}", with: ".")
    }
    // `–9`, `—9`: a dash for the minus sign.
    if let first = text.first, first == "\u{2013}" || first == "\u{2014}", parseNumber(String(text.dropFirst())) != nil {
        return "a minus is written '-': -\(text.dropFirst())"
    }
    // `1.234,5`: points between thousands and a decimal comma, as German, Spanish or Italian write numbers.
    let commaParts = text.split(separator: ",", omittingEmptySubsequences: false)
    if commaParts.count == 2, !commaParts[1].isEmpty, commaParts[1].allSatisfy({ $0.isASCII && $0.isNumber }) {
        let signless = commaParts[0].hasPrefix("-") ? commaParts[0].dropFirst() : commaParts[0][...]
        let groups = signless.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
           groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            let plain = (commaParts[0].hasPrefix("-") ? "-" : "") + groups.joined() + "." + commaParts[1]
            return "the number is written with points between thousands and a decimal comma: write \(plain)"
        }
    }
    if let hint = unitHint(text) { return hint }
    // `5.2 GW`, `12 km`: a unit after the number.
    if let space = text.firstIndex(where: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }),
       parseNumber(String(text[..<space])) != nil,
       text[space...].dropFirst().allSatisfy({ $0.isLetter || $0 == "/" || $0 == "²" || $0 == "³" }), text[space...].count > 1,
       !text[space...].dropFirst().allSatisfy({ $0.isNumber }), !["B", "T", "b", "t", "bn", "tn"].contains(String(text[space...].dropFirst())) {
        return "write the number alone, \(text[..<space]), and the unit (\(text[space...].dropFirst())) in the column's name or the axis label"
    }
    let separators: Set<Character> = [",", " ", "'", "\u{00A0}", "\u{202F}", "\u{2009}"]
    let unsigned = text.hasPrefix("-") || text.hasPrefix("\u{2212}") ? String(text.dropFirst()) : text
    let whole = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let groups = whole[0].split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
    if groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
       groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
       whole.count == 1 || whole[1].allSatisfy({ $0.isASCII && $0.isNumber }) {
        let plain = String(text.filter { !separators.contains($0) })
        return "remove the thousands separator: \(parseNumber(plain) != nil ? plain : text)"
    }
    // `3,9`: a decimal comma. Three digits after it were a thousands separator, above.
    let parts = unsigned.split(separator: ",", omittingEmptySubsequences: false)
    if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
        return "decimals use a point: " + String(text.map { $0 == "," ? "." : $0 })
    }
    // `(1.5)`: an accountant's negative.
    if text.hasPrefix("("), text.hasSuffix(")"), let inner = parseNumber(String(text.dropFirst().dropLast())), inner >= 0 {
        return "a negative number is written with a minus sign: -\(text.dropFirst().dropLast())"
    }
    return nil
}

/// The hint for a number written with a unit the chart's format prints: `62.7%`, `"62,7 %"`, `$42`, `€3.5bn`,
/// `276 €`, `1,2 Md€`, `42B`, `1.3T`; the number is given as a cell takes it (`62,7` → 62.7, `1 234` → 1234).
private func unitHint(_ text: String) -> String? {
    let unsigned = text.hasPrefix("-") || text.hasPrefix("\u{2212}") ? String(text.dropFirst()) : text
    if text.hasSuffix("%") || text.hasSuffix("\u{FF05}"), let plain = cellNumber(String(text.dropLast())) {
        return "write \(plain) and set 'format: percent' on the axis (e.g. y: {format: percent})"
    }
    var number = unsigned, format: String? = nil, magnitude = ""
    // Before the number or after it, as English and French write them: `€276`, `276 €`, `EUR 276`.
    for (sign, code) in currencySigns where number.hasPrefix(sign) || number.hasSuffix(sign) {
        number = String(number.hasPrefix(sign) ? number.dropFirst(sign.count) : number.dropLast(sign.count)).trimmingCharacters()
        format = code
        break
    }
    for (suffix, name) in [("bn", "-bn"), ("tn", "-tn"), ("B", "-bn"), ("T", "-tn"), ("b", "-bn"), ("t", "-tn"),
                           ("Mds", "-bn"), ("Md", "-bn"), ("Mrd.", "-bn"), ("Mrd", "-bn")]
    where number.hasSuffix(suffix) && cellNumber(String(number.dropLast(suffix.count))) != nil {
        number = String(number.dropLast(suffix.count)).trimmingCharacters()
        magnitude = name
        break
    }
    guard format != nil || !magnitude.isEmpty, let plain = cellNumber(number) else { return nil }
    let written = (text.hasPrefix("-") || text.hasPrefix("\u{2212}") ? "-" : "") + plain
    let unit = magnitude == "-bn" ? "in billions" : magnitude == "-tn" ? "in trillions" : ""
    let formatName = (format ?? "usd") + magnitude
    return "write the number alone, \(written)\(unit.isEmpty ? "" : " (" + unit + ")"), and let the axis's format print "
        + (format == nil ? "the unit (format: \(formatName) for dollars)" : "the currency: format: \(formatName)")
}

/// Currency signs and ISO codes a cell may carry, longest first (`CN¥` before `¥`, `US$` before `$`), with the
/// format that prints them.
private let currencySigns: [(sign: String, format: String)] = (Currency.allCases.flatMap { currency in
    [(currency.symbol, currency.rawValue), (currency.rawValue.uppercased(), currency.rawValue)]
} + [("US$", "usd")]).sorted { $0.sign.count > $1.sign.count }

/// A number written with a decimal comma or thousands separators (`62,7`, `1 234,5`, `1.234,5`, `1,200.5`) in the
/// form a cell takes (`62.7`, `1234.5`, `1200.5`); a plain number as it is; nil for anything else.
func cellNumber(_ written: String) -> String? {
    let text = written.trimmingCharacters()
    if parseNumber(text) != nil { return text }
    let negative = text.hasPrefix("-") || text.hasPrefix("\u{2212}")
    let unsigned = negative ? text.dropFirst() : text[...]
    let isDigits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
    let separators: Set<Character> = [",", ".", "'", " ", "\u{00A0}", "\u{202F}", "\u{2009}"]
    var whole = unsigned, fraction: Substring?
    let lastComma = unsigned.lastIndex(of: ","), lastPoint = unsigned.lastIndex(of: ".")
    if let comma = lastComma, lastPoint.map({ $0 < comma }) ?? true {
        let after = unsigned[unsigned.index(after: comma)...]
        // `1,200` is a thousands separator; `62,7`, `1.234,5` and `1 234,567` have a decimal comma.
        if isDigits(after), after.count != 3 || lastPoint != nil
            || unsigned[..<comma].contains(where: { $0 != "," && separators.contains($0) }) {
            whole = unsigned[..<comma]
            fraction = after
        }
    } else if let point = lastPoint {
        whole = unsigned[..<point]
        fraction = unsigned[unsigned.index(after: point)...]
    }
    let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
    guard groups.allSatisfy(isDigits), fraction.map(isDigits) ?? true,
          groups.count == 1 || ((1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }) else {
        return nil
    }
    let number = (negative ? "-" : "") + groups.joined() + (fraction.map { "." + $0 } ?? "")
    return parseNumber(number) != nil ? number : nil
}

/// `01/2024`, `2024-01-15`, `15.01.2024`: digits with date separators, as spreadsheets write dates.
func looksLikeDate(_ key: String) -> Bool {
    let text = key.trimmingCharacters()
    let separators: Set<Character> = ["/", "-", "."]
    let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
    return (parts.count == 3 || (parts.count == 2 && text.contains { $0 == "/" || $0 == "-" }))
        && parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
}

/// `01.2018` → `2018-01`: a month as German (and other European) spreadsheets write it, MM.YYYY, which is also a
/// number (1.2018); nil for anything else.
func dottedMonth(_ key: String) -> String? {
    monthYear(key, separator: ".")
}

/// `01.18`, `02.18`, … → `2018-01`, `2018-02`, …: months as a spreadsheet writes them with a two-digit year, MM.YY,
/// which are numbers too (1.18, 2.18). Taken for months only when every key has that form and either one starts
/// with a zero (`01.18`: a number is not written so) or the keys run month by month (`11.18`, `12.18`, `1.19`);
/// nil for anything else, such as the numbers 1.25, 2.50, 3.75.
func shortDottedMonths(_ keys: [String]) -> [String]? {
    let parts = keys.map { $0.trimmingCharacters().split(separator: ".", omittingEmptySubsequences: false) }
    guard keys.count >= 2, parts.allSatisfy({ $0.count == 2 && (1...2).contains($0[0].count) && $0[1].count == 2
                                              && $0.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } } }) else { return nil }
    let months = parts.map { (month: Int($0[0])!, year: Int($0[1])!) }
    guard months.allSatisfy({ (1...12).contains($0.month) }) else { return nil }
    let leadingZero = parts.contains { $0[0].count == 2 && $0[0].first == "0" }
    let monthly = zip(months, months.dropFirst()).allSatisfy { before, after in
        before.month == 12 ? after.month == 1 && after.year == (before.year + 1) % 100 : after.month == before.month + 1 && after.year == before.year
    }
    guard leadingZero || (monthly && keys.count >= 3) else { return nil }
    return months.map { monthKey(year: fullYear($0.year, digits: 2), month: $0.month) }
}

/// Months written `2022.01` … `2022.12` (YYYY.MM, as Japanese and many Spanish data sets write them), which read as
/// decimal years: every key a four-digit year, a point and two digits from 01 to 12, one of them with a leading zero
/// (decimal years with two places reach past .12 within a year). Their `2022-01` forms, or nil.
func yearDottedMonths(_ keys: [String]) -> [String]? {
    let parts = keys.map { $0.trimmingCharacters().split(separator: ".", omittingEmptySubsequences: false) }
    guard keys.count >= 2, parts.allSatisfy({ $0.count == 2 && $0[0].count == 4 && $0[1].count == 2
                                              && $0.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } } }),
          parts.contains(where: { $0[1].first == "0" }) else { return nil }
    let months = parts.map { (year: Int($0[0])!, month: Int($0[1])!) }
    guard months.allSatisfy({ (1...12).contains($0.month) && (1800...2199).contains($0.year) }) else { return nil }
    return months.map { monthKey(year: $0.year, month: $0.month) }
}

/// `01/2024`, `1/2024` → `2024-01`; nil for anything else.
func slashedMonth(_ key: String) -> String? {
    monthYear(key, separator: "/")
}

private func monthYear(_ key: String, separator: Character) -> String? {
    let parts = key.trimmingCharacters().split(separator: separator, omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 4,
          parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
          let month = Int(parts[0]), (1...12).contains(month), let year = Int(parts[1]), (1000...2999).contains(year) else { return nil }
    return monthKey(year: year, month: month)
}

/// Whether `key` has a month's shape as a chart's data writes it, `2018-01` (four digits, a hyphen, two).
func isMonthKey(_ key: String) -> Bool {
    let parts = key.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 2 && parts[0].count == 4 && parts[1].count == 2
}

/// A month as a chart's data writes it: `2018-01`.
func monthKey(year: Int, month: Int) -> String {
    "\(year)-\(month < 10 ? "0" : "")\(month)"
}

/// A year written with `digits` digits as a whole year: two digits are 1970–2069 (`18` → 2018, `95` → 1995).
func fullYear(_ year: Int, digits: Int) -> Int {
    digits == 4 ? year : year < 70 ? 2000 + year : 1900 + year
}

/// `2024` → 2024, `2000-03` → 2000 + 2/12, `12.5` → 12.5; nil for labels.
func parseKey(_ key: String) -> Double? {
    let text = key.trimmingCharacters()
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
       (1...12).contains(month) {
        return Double(year) + Double(month - 1) / 12
    }
    return parseNumber(text)
}

/// Splits one CSV line, honouring double quotes: each cell's text, trimmed, and the column (1-based, in UTF-8 bytes)
/// where it starts.
func splitCSVCells(_ line: Substring) -> [(text: String, column: Int)] {
    var cells: [(text: String, column: Int)] = []
    var current = ""
    var start = 1, offset = 1
    func finish() {
        let leading = current.prefix { $0.isWhitespace }.utf8.count
        cells.append((current.trimmingCharacters(), start + leading))
    }
    var quoted = false
    var iterator = line.makeIterator()
    var pending: Character? = nil
    while let character = pending ?? iterator.next() {
        pending = nil
        defer { offset += character.utf8.count }
        if quoted {
            if character == "\"" {
                if let next = iterator.next() {
                    if next == "\"" { current.append("\""); offset += 1 } else { quoted = false; pending = next }
                } else {
                    quoted = false
                }
            } else {
                current.append(character)
            }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            finish()
            current = ""
            start = offset + 1
        } else {
            current.append(character)
        }
    }
    finish()
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

/// `2,1`, `-0,75`: a number written with a decimal comma (digits on both sides of one comma; not `1,200`, which
/// is read as a thousands separator).
private func isDecimalComma(_ text: String) -> Bool {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    let whole = parts[0].hasPrefix("-") || parts[0].hasPrefix("\u{2212}") ? parts[0].dropFirst() : parts[0]
    let digits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
    return digits(whole) && digits(parts[1]) && parts[1].count != 3
}
