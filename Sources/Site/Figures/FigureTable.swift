import Foundation
import Charts
import Markdown
import Simulation

/// The numbers behind a drawn chart, as its data table and its CSV download: one column per series drawn (the
/// comparison series of an overlaid figure too), headed with the legend's words and the unit.
///
/// The table prints values as the chart does (its number format, two or three significant digits, "%" where the
/// chart shows "%"); the CSV keeps more digits, in the units of the headers (percentages as percent).
struct FigureTable {
    /// Column headings without units, and each column's unit ("" when the heading says it all).
    var headings: [String]
    var units: [String]
    /// Table cells, as the chart prints them.
    var cells: [[String]]
    /// CSV fields.
    var fields: [[String]]
    /// The page's language: headings the table adds, units, the note on rows left out.
    var words: Translations = .english
    /// Whether the cells print amounts with their own unit words (Chinese 273億美元, 1.3兆美元), so that the table's
    /// heading does not also name the CSV's unit (十億美元), which a reader would multiply by.
    var cellsNameAmountUnit = false
    /// Columns whose cells print their unit ("24 %", "$1.3 B", "1.2×", "6 years"): the HTML table's heading does not
    /// say it again ("Equity (0–5 %), %" read twice); the CSV's bare numbers keep it in the heading.
    var cellsPrintUnit: [Bool] = []
    /// The table's class: `nw` when every `<td>` is a printed value, `nw nx` when the row headings are values too (x
    /// values, dates): the stylesheet keeps them on one line (a CJK line may break inside 273億美元 or 1年2個月), at
    /// no cost per cell. Diagram, steps and flow tables hold words and have none.
    var valuesClass = ""
    /// What every value column holds, when the columns are named only by their scenarios ("Calm | Base | Stressed"
    /// under "Chance of a larger loss"): a heading over them in the HTML table, and before each of their headings in
    /// the CSV, which has one row of headings ("Chance of a larger loss: Calm (%)").
    var valueHeading: String? = nil

    /// `firstColumn` heads the first column (the block's `first-column:`); nil takes the x axis title or `xHeader`.
    /// `valueDigits` (the block's `digits:`) sets the significant digits of a table with a row per x value (a line
    /// chart's); nil keeps three.
    /// `scenarioColumns`: the columns are one quantity under several scenarios (an overlaid figure's one table), and
    /// share their decimals.
    init(spec: ChartSpec, xHeader: String, isModel: Bool, words: Translations = .english, firstColumn: String? = nil,
         valueDigits: Int? = nil, scenarioColumns: Bool = false) {
        self.words = words
        // Cells print numbers as the page's charts do: 273億美元, 42%, 1年2個月 on a Chinese page.
        let numbers = ChartLanguage.numbers(for: words.code, words: words.strings)
        let digits = isModel ? 4 : 6
        if spec.kind == .diagram || spec.kind == .steps {
            (headings, cells) = Self.schematic(spec, words: words)
            units = headings.map { _ in "" }
            fields = cells
            return
        }
        if spec.kind == .flow {
            let unit = Self.unit(spec.y.format, words: words)
            headings = [words["tableFrom"], words["tableTo"], words["tableValue"]]
            units = ["", "", unit]
            cellsNameAmountUnit = numbers.isChinese && spec.y.format.isLargeAmount
            cells = zip(spec.links, spec.y.format.labels(for: spec.links.map(\.value), significant: 3, numbers: numbers)).map { link, text in
                [link.source, link.target, text]
            }
            fields = spec.links.map { [$0.source, $0.target, Self.field($0.value, spec.y.format, digits: digits)] }
            return
        }
        let series = spec.series + spec.background
        // Calendar x values head their column "Year", or "Month" when they are months (Jan 1990, Feb 1990 …).
        let calendar = spec.x.format.holdsMonths(series.flatMap(\.x)) ? words["tableMonth"] : words["tableYear"]
        let xTitle = firstColumn ?? (spec.x.label.isEmpty ? (spec.x.format == .year ? calendar : xHeader) : spec.x.label)
        headings = [xTitle] + series.map(\.name)
        let valueUnit = Self.unit(spec.y.format, words: words)
        cellsNameAmountUnit = numbers.isChinese && spec.y.format.isLargeAmount
        units = [series.first?.categories == nil ? Self.unit(spec.x.format, words: words) : ""] + series.map { _ in valueUnit }
        cellsPrintUnit = [series.first?.categories == nil && Self.printsUnit(spec.x.format)]
            + series.map { _ in Self.printsUnit(spec.y.format) }
        valuesClass = series.first?.categories == nil ? "nw nx" : "nw"
        if let categories = series.first?.categories {
            // A value label ("just under 3 %") is what the chart prints, so the table prints it too.
            // Category tables print what the bars print: the chart's digits and one number of decimals.
            // A stacked bar chart's layers as its bars print them, adding up to the totals above the stacks.
            let printed = spec.kind == .stackedBar && spec.series.count > 1 && spec.background.isEmpty
                ? spec.stackTexts(numbers: numbers).layers
                : spec.y.format.labels(forSeries: series.map(\.y), significant: spec.labelDigits, numbers: numbers)
            let columns = printed.map { column in
                column.enumerated().map { row, text in
                    categories.indices.contains(row) ? spec.valueLabels[categories[row]] ?? text : text
                }
            }
            cells = categories.indices.map { row in
                [categories[row]] + columns.map { $0.indices.contains(row) ? $0[row] : "" }
            }
            fields = categories.indices.map { row in
                [categories[row]] + series.map { $0.y.indices.contains(row) ? Self.field($0.y[row], spec.y.format, digits: digits) : "" }
            }
            return
        }
        // Rows: every x value of any series, in order; a series without a value at an x leaves its cell empty. An x
        // that a series repeats (a range drawn from its low to its high end) gets one row per value.
        let lookups = series.map { item in
            Dictionary(zip(item.x, item.y).filter { $0.0.isFinite && $0.1.isFinite }.map { ($0.0, [$0.1]) }, uniquingKeysWith: +)
        }
        let xs = Array(Set(series.flatMap(\.x).filter(\.isFinite))).sorted().flatMap { x in
            Array(repeating: x, count: max(1, lookups.map { $0[x]?.count ?? 0 }.max() ?? 1))
        }
        var rowValues: [[Double?]] = []
        var repeatIndex = 0
        for (row, x) in xs.enumerated() {
            repeatIndex = row > 0 && xs[row - 1] == x ? repeatIndex + 1 : 0
            rowValues.append(lookups.map { lookup in lookup[x].flatMap { $0.indices.contains(repeatIndex) ? $0[repeatIndex] : nil } })
        }
        let xTexts = spec.x.format.keyLabels(for: xs, numbers: numbers)
        // Each value column its own decimals: one column of large numbers does not cost another its precision (a rule
        // shared by all columns printed Fig 7.3's loan of 62.5 as 63 beside chips worth 100). Columns share one rule
        // where they are one quantity or parts of one whole: amounts of money, cents for all or none ("$8.00–$12.00"
        // beside "$1.70"); one quantity under several scenarios ("4.0 % | 4.0 % | 4.0 %", not "4.00 % | 4.0 %"); the
        // layers of a stacked area, whose rows add up to their whole (below: shares of 100 % with one decimal each).
        let columns: [[String]]
        let sharesDecimals: Bool = switch spec.y.format {
        case .money(_, .units): true
        default: scenarioColumns || !spec.background.isEmpty || spec.kind == .stackedArea
        }
        let shares: Bool = switch spec.y.format { case .percent, .fraction: spec.kind == .stackedArea; default: false }
        if shares {
            // Shares of one whole, one decimal each: a row adds up to 100 % within a tenth of a point (with two
            // significant digits, "60 % | 5.9 % | 35 %" made 100.9 %).
            columns = lookups.indices.map { column in
                spec.y.format.labels(for: rowValues.map { $0[column] ?? .nan }, decimals: 1, numbers: numbers)
            }
        } else if sharesDecimals {
            let texts = spec.y.format.columnLabels(for: lookups.indices.flatMap { column in rowValues.map { $0[column] ?? .nan } },
                                                   significant: valueDigits ?? 3, numbers: numbers)
            columns = lookups.indices.map { column in Array(texts[(column * rowValues.count)..<((column + 1) * rowValues.count)]) }
        } else {
            columns = lookups.indices.map { column in
                spec.y.format.columnLabels(for: rowValues.map { $0[column] ?? .nan }, significant: valueDigits ?? 3, numbers: numbers)
            }
        }
        var rows: [[String]] = []
        for row in xs.indices {
            let cellsOfRow = [xTexts[row]] + columns.indices.map { column in rowValues[row][column] == nil ? "" : columns[column][row] }
            // A range (a column with its low and its high end at one x, no other column there) is one row,
            // "$8.00–$12.00", as the chart draws it as one line, not two rows of one date.
            let filled = { (values: [Double?]) in values.indices.filter { values[$0] != nil } }
            if row > 0, xs[row - 1] == xs[row], (row < 2 || xs[row - 2] != xs[row]), (row + 1 == xs.count || xs[row + 1] != xs[row]),
               filled(rowValues[row]).count == 1, filled(rowValues[row - 1]) == filled(rowValues[row]), let column = filled(rowValues[row]).first {
                rows[rows.count - 1][column + 1] += "\u{2013}" + columns[column][row]
                continue
            }
            rows.append(cellsOfRow)
        }
        cells = rows
        // Months written 1990-02: a January among them is 1990-01, not 1990.
        let monthly = spec.x.format.holdsMonths(xs)
        fields = xs.indices.map { row in
            let x = Self.field(xs[row], spec.x.format, digits: isModel ? 4 : 8)
            return [monthly && !x.contains("-") ? x + "-01" : x] + rowValues[row].map { value in
                value.map { Self.field($0, spec.y.format, digits: digits) } ?? ""
            }
        }
    }

    /// A heading with its unit: "Loan balance ($ billions)", 「貸款餘額（十億美元）」 (in the CSV; the HTML table of a
    /// Chinese page says 「貸款餘額」 above cells that read 273億美元, `inTable`).
    /// A heading that already names its unit ("Share (%)", "Years after purchase", 「占比（%）」) does not get it
    /// twice, and one that ends with an aside of its own gets the unit after a comma, not a second pair of
    /// parentheses: "Senior (30–100 %), %".
    func heading(_ index: Int, inTable: Bool = false) -> String {
        let name = headings[index]
        let printed = cellsPrintUnit.indices.contains(index) && cellsPrintUnit[index]
        let unit = inTable && (printed || (cellsNameAmountUnit && index > 0)) ? "" : units[index]
        guard !unit.isEmpty, !Self.headingNames(unit, heading: name) else { return name }
        if name.hasSuffix(")") || name.hasSuffix("）") { return words.format("unitAfterAside", ["text": name, "unit": unit]) }
        return words.format("parenthetical", ["text": name, "aside": unit])
    }

    /// Whether a heading names its unit already: at its end ("Share (%)", 「占比（%）」), as one of its words
    /// ("Years after purchase", 「購入後年數」), or, for "%", in words ("Percent", "Share, per cent", 「百分比」).
    /// A symbol ($, %) inside a heading's own aside ("Equity (0–5 %)") does not count.
    static func headingNames(_ unit: String, heading name: String) -> Bool {
        if name.hasSuffix("(\(unit))") || name.hasSuffix("（\(unit)）") { return true }
        // 「購入後年數」 counts its unit as "Years after purchase" does: a Chinese unit's last character with 數
        // ("number of") after it, 年數 for 年, 月數 for 個月.
        if let last = unit.unicodeScalars.last, (0x4E00...0x9FFF).contains(last.value),
           name.contains(String(last) + "數") || name.contains(String(last) + "数") { return true }
        if unit == "%" {
            return name.contains("百分比") || name.range(of: "\\b(percent|per cent|percentage)\\b",
                                                      options: [.regularExpression, .caseInsensitive]) != nil
        }
        // A currency's symbol ($, €, £) would match any heading's aside that has one: only words count.
        guard unit.unicodeScalars.first?.properties.generalCategory != .currencySymbol else { return false }
        return name.range(of: "\\b" + NSRegularExpression.escapedPattern(for: unit) + "\\b",
                          options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// The unit a column heading names for a format ("" when the printed values carry none worth repeating).
    ///
    /// Dollars keep their own texts (`unitUSD…`, which a site may have reworded); another currency fills its symbol
    /// (€, CHF) or, on a Chinese page, its name (歐元) into `unitMoney…`: "€ billions", 「十億歐元」.
    static func unit(_ format: ValueFormat, words: Translations = .english) -> String {
        switch format {
        case .fraction, .percent: "%"
        case .money(.usd, .units): words["unitUSD"]
        case .money(.usd, .billions): words["unitUSDBillions"]
        case .money(.usd, .trillions): words["unitUSDTrillions"]
        case .money(let currency, let magnitude):
            words.format(magnitude == .units ? "unitMoney" : magnitude == .billions ? "unitMoneyBillions" : "unitMoneyTrillions",
                         ["currency": currency.unitName(ChartLanguage.numbers(for: words.code, words: words.strings))])
        case .years: words["unitYears"]
        case .months: words["unitMonths"]
        case .multiple: "×"
        case .number, .count, .year: ""
        }
    }

    /// Whether a CSV field is a number in scientific notation: 1.22e-07, -3e+21.
    static func isScientific(_ field: String) -> Bool {
        let parts = field.split(separator: "e", omittingEmptySubsequences: false)
        guard parts.count == 2, Double(parts[0]) != nil, let exponent = parts[1].first, exponent == "-" || exponent == "+",
              parts[1].dropFirst().allSatisfy(\.isNumber), parts[1].count > 1 else { return false }
        return true
    }

    /// Whether a table cell of this format prints its unit: all but months, which print as signed numbers (+24).
    static func printsUnit(_ format: ValueFormat) -> Bool {
        switch format {
        case .fraction, .percent, .money, .years, .multiple: true
        case .months, .number, .count, .year: false
        }
    }

    /// A CSV field in the heading's unit: fractions as percent, calendar months as 2000-08, missing values empty.
    static func field(_ value: Double, _ format: ValueFormat, digits: Int) -> String {
        guard value.isFinite else { return "" }
        switch format {
        case .fraction: return formatNumber(value * 100, significantDigits: digits)
        case .year:
            let year = value.rounded(.down)
            let month = Int(((value - year) * 12 + 1e-6).rounded(.down))
            guard abs(value - value.rounded()) > 1e-6 else { return formatNumber(value.rounded(), significantDigits: 15) }
            return formatNumber(year, significantDigits: 15) + "-" + (month < 9 ? "0" : "") + String(month + 1)
        default: return formatNumber(value, significantDigits: digits)
        }
    }

    /// The CSV: `# ` provenance lines, the headings with units, then every row. Fields written in scientific notation
    /// (1.22e-07) are explained in one more line, in the page's words (`csvScientific`), when there are any.
    func csv(header: [String]) -> String {
        var lines = header
        if let note = words.strings["csvScientific"],
           fields.contains(where: { $0.contains(where: Self.isScientific) }) {
            lines.append(note)
        }
        var out = lines.map { "# " + $0.replacingNewlines() + "\n" }.joined()
        out += headings.indices.map { index in
            let over = valueHeading.flatMap { index > 0 ? words.format("labelled", ["label": $0]) + words["space"] : nil } ?? ""
            return csvQuoted(over + heading(index))
        }.joined(separator: ",") + "\n"
        for row in fields { out += row.map(csvQuoted).joined(separator: ",") + "\n" }
        return out
    }

    /// The HTML table; more than `limit` rows show evenly spaced ones ("every 2nd of 99 rows") and the last.
    func html(limit: Int) -> String {
        var shown = Array(cells.indices)
        var note = ""
        if cells.count > limit {
            let step = Int((Double(cells.count) / Double(limit)).rounded(.up))
            shown = Array(stride(from: 0, to: cells.count, by: step))
            if shown.last != cells.count - 1 { shown.append(cells.count - 1) }
            note = "<p class=\"table-note\">"
                + escapeHTML(words.format("everyNthRow", ["n": String(step), "nth": ordinal(step), "count": String(cells.count)])) + "</p>\n"
        }
        var html = "<div class=\"table-scroll\"><table" + (valuesClass.isEmpty ? "" : " class=\"\(valuesClass)\"") + ">\n<thead><tr>"
        if let valueHeading, headings.count > 1 {
            var over = self
            over.headings = [headings[0], valueHeading]
            html += "<th scope=\"col\" rowspan=\"2\">\(escapeHTML(heading(0, inTable: true)))</th>"
                + "<th scope=\"colgroup\" colspan=\"\(headings.count - 1)\">\(escapeHTML(over.heading(1, inTable: true)))</th></tr>\n<tr>"
            for index in headings.indices.dropFirst() { html += "<th scope=\"col\">\(escapeHTML(headings[index]))</th>" }
        } else {
            for index in headings.indices { html += "<th scope=\"col\">\(escapeHTML(heading(index, inTable: true)))</th>" }
        }
        html += "</tr></thead>\n<tbody>\n"
        for index in shown {
            html += "<tr>"
            for (column, cell) in cells[index].enumerated() {
                // An empty cell (no value at this row, an arrow without a label) reads "–", not blank, as a missing
                // value does; the CSV keeps it empty.
                html += column == 0 ? "<th scope=\"row\">\(escapeHTML(cell))</th>"
                    : "<td>\(cell.isEmpty ? "\u{2013}" : escapeHTML(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n" + note
    }
}

/// Rows a figure's data table shows at most (longer tables show every 2nd, 3rd … row; the CSV has them all).
let tableRowLimit = 50

/// 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st, 22nd.
func ordinal(_ number: Int) -> String {
    let suffix: String
    switch (number % 10, number % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(number)\(suffix)"
}

extension String {
    /// One line: line breaks become spaces (a caption inside a CSV comment).
    func replacingNewlines() -> String { String(map { $0 == "\n" || $0 == "\r" ? " " : $0 }) }
}

extension FigureTable {
    /// A diagram's table: each arrow as From, To and what it carries (boxes without arrows listed alone); steps in
    /// order with their notes. The words of the figure, for readers who cannot see it.
    static func schematic(_ spec: ChartSpec, words: Translations = .english) -> (headings: [String], cells: [[String]]) {
        let nodes = spec.diagram.nodes
        func named(_ node: DiagramNode) -> String {
            node.note.isEmpty ? node.label : words.format("parenthetical", ["text": node.label, "aside": node.note])
        }
        if spec.kind == .steps {
            return ([words["tableStep"], words["tableWhatHappens"], words["tableDetail"]], nodes.enumerated().map { ["\($0 + 1)", $1.label, $1.note] })
        }
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows = spec.diagram.arrows.map { arrow in
            [byID[arrow.from].map(named) ?? arrow.from, byID[arrow.to].map(named) ?? arrow.to, arrow.label]
        }
        let joined = Set(spec.diagram.arrows.flatMap { [$0.from, $0.to] })
        rows += nodes.filter { !joined.contains($0.id) }.map { [named($0), "", ""] }
        return ([words["tableFrom"], words["tableTo"], words["tableAlongArrow"]], rows)
    }
}
