import Markdown
import Charts
import Simulation

/// Turns a chart block and one variant's series into a `ChartSpec`: number formats (declared, or defaulted from the
/// data's units), axis labels, category labels, series names and annotations.
///
/// In a chart block `x` is always the horizontal axis and `y` the vertical one; in an `hbar` chart the horizontal
/// axis holds the values, so the block's `x` becomes the chart's value axis there.
struct FigureSpec {
    let request: FigureRequest
    let isModel: Bool
    /// The variant's name as readers see it, for `{scenario}` in annotation labels.
    var scenarioLabel = ""
    /// The page's language: numbers, generated axis names and the chart's own words.
    var language = ChartLanguage.english

    func spec(for input: VariantInput) throws(BuildFailure) -> ChartSpec {
        var spec = try untranslatedSpec(for: input)
        spec.language = language
        return spec
    }

    private func untranslatedSpec(for input: VariantInput) throws(BuildFailure) -> ChartSpec {
        if request.kind == .flow { return flowSpec(input) }
        // `origin:` counts x from a start ("years after the lease starts"); categories have no x to shift.
        var input = input
        if let origin = request.xOrigin {
            input.series = input.series.map { series in
                var shifted = series
                if series.labels == nil { shifted.x = series.x.map { $0 - origin } }
                return shifted
            }
        }
        if request.kind == .diagram || request.kind == .steps {
            var spec = ChartSpec(kind: request.kind, title: typographic(request.title),
                                 description: typographic(removingCitations(request.caption)))
            spec.diagram = request.diagram
            return spec
        }
        let horizontal = request.kind == .horizontalBar
        let positionKey = horizontal ? "y" : "x", valueKey = horizontal ? "x" : "y"
        let positionRequest = horizontal ? request.y : request.x
        let valueRequest = horizontal ? request.x : request.y
        let first = input.series.first
        var x = positionRequest ?? AxisOptions()
        var y = valueRequest ?? AxisOptions()
        if !request.explicitFormats.contains(positionKey) { x.format = positionFormat(input) }
        if !request.explicitFormats.contains(valueKey) { y.format = valueFormat(input) }
        // Calendar-year ticks (2025, 2030) say what they are: no "Year" title under them.
        if x.label.isEmpty, isModel, let first, first.labels == nil, x.format != .year {
            // Calendar years counted from an `origin:` are a number of years: "Years", never "Year (years)".
            x.label = axisLabel(x.format == .years && first.xUnit == "year" ? "years" : first.xUnit, language)
        }
        if y.label.isEmpty, isModel, let first { y.label = axisLabel(first.unit, language) }
        x.label = typographic(x.label)
        y.label = typographic(y.label)
        try checkUnits(input, x: x, y: y, positionKey: positionKey, valueKey: valueKey)

        let categorical: Set<ChartKind> = [.bar, .horizontalBar, .groupedBar, .stackedBar, .waterfall]
        let chartSeries = input.series.map { item in
            // Bar-like charts of a numeric series label their bars with its x values, printed as the x axis prints them.
            let numericCategories = item.labels == nil && categorical.contains(request.kind)
            // `labels:` renames categories as it renames series ("hedge funds" → "Hedge funds").
            let categories = item.labels.map { $0.map { typographic(request.labels[$0] ?? $0) } }
                ?? (numericCategories ? x.format.tickLabels(item.x, step: nil, numbers: language.numbers) : nil)
            // A log axis cannot show zero: such points become gaps (the data table and CSV keep them).
            let values = y.scale == .log ? item.y.map { $0 > 0 ? $0 : .nan } : item.y
            return ChartSeries(name: displayName(item.name), x: categories == nil || numericCategories ? item.x : [],
                               y: values, categories: categories)
        }
        var spec = ChartSpec(kind: request.kind, title: typographic(request.title), description: typographic(removingCitations(request.caption)),
                             x: x, y: y, series: chartSeries)
        spec.annotations = try annotations(input, spec: spec, horizontal: horizontal)
        // `claims:`, `totals:`, `groups:` and `value-labels:` may name a category as written in the data or as renamed by `labels:`.
        spec.claims = request.claims.map { typographic(request.labels[$0] ?? $0) }
        // `points:` names series as written in the data (or the model) or as `labels:` renames them.
        spec.points = request.points.map { name in
            request.labels[name] == nil && request.labels.values.contains(name) ? typographic(name) : displayName(name)
        }
        spec.totals = request.totals.map { typographic(request.labels[$0] ?? $0) }
        if spec.kind == .waterfall { spec.series = spec.series.map { remaindersShown($0, totals: spec.totals) } }
        spec.groups = request.groups.map { group in
            CategoryGroup(name: typographic(group.name), categories: group.categories.map { typographic(request.labels[$0] ?? $0) })
        }
        spec.valueLabels = Dictionary(request.valueLabels.map { (typographic(request.labels[$0.key] ?? $0.key), typographic($0.value)) },
                                      uniquingKeysWith: { first, _ in first })
        spec.labelDigits = request.digits ?? (isModel ? 2 : 3)
        return spec
    }

    /// A series' name as readers see it: the block's label, else the data file's column, else the model's name in words.
    func displayName(_ name: String) -> String {
        if let label = request.labels[name] { return typographic(label) }
        return typographic(isModel ? humanName(name) : name)
    }

    private func flowSpec(_ input: VariantInput) -> ChartSpec {
        var links = input.links
        if links.isEmpty, let series = input.series.first(where: { $0.labels != nil }) {
            // Category labels written "Source → Target" become links.
            links = zip(series.labels ?? [], series.y).compactMap { label, value in
                let parts = label.components(separatedBy: " → ")
                guard parts.count == 2 else { return nil }
                return FlowLink(source: parts[0], target: parts[1], value: value)
            }
        }
        var y = request.y ?? AxisOptions()
        if !request.explicitFormats.contains("y") { y.format = valueFormat(input) }
        return ChartSpec(kind: .flow, title: typographic(request.title), description: typographic(removingCitations(request.caption)), y: y,
                         links: links)
    }

    // MARK: Formats

    /// The x format when the block gives none: calendar years for a column named year or date, for months written
    /// 2000-08, for a model's years, and for whole numbers between 1000 and 2999; else the model's unit or a number.
    func positionFormat(_ input: VariantInput) -> ValueFormat {
        guard let first = input.series.first, first.labels == nil else { return .number }
        if isModel {
            switch first.xUnit {
            case "year": return request.xOrigin == nil ? .year : .years
            case "years": return .years
            case let unit where isFractionUnit(unit): return .fraction
            default: break
            }
        } else if ["year", "date", "month"].contains(input.xHeader.trimmingCharacters().lowercased()) || input.xIsDates {
            return .year
        }
        let xs = input.series.flatMap(\.x).filter(\.isFinite)
        if !xs.isEmpty, xs.allSatisfy({ $0 == $0.rounded() && $0 >= 1000 && $0 <= 2999 }) { return .year }
        return .number
    }

    /// The value format when the block gives none: from the model's unit, else a plain number.
    func valueFormat(_ input: VariantInput) -> ValueFormat {
        guard isModel, let unit = input.series.first?.unit else { return .number }
        switch unit {
        case "$B", "$B/yr": return .usdBillions
        case "years": return .years
        case "year": return .year
        case "×": return .multiple
        case let unit where isFractionUnit(unit): return .fraction
        default: return .number
        }
    }

    /// A format the block gives that contradicts a drawn model series' unit is an error at the `format:`: a `percent`
    /// on fractions prints 0.3 as 0.3 %, on an index 100 as 100 %; `usd-bn` on dollars multiplies them by a billion.
    private func checkUnits(_ input: VariantInput, x: AxisOptions, y: AxisOptions, positionKey: String,
                            valueKey: String) throws(BuildFailure) {
        guard isModel else { return }
        var problems: [Diagnostic] = []
        // Series of different units on one value axis: one of them would be read in the other's unit (an LTV of
        // 1.1× drawn as "$1 B"), in the chart, its table and its CSV.
        // Only for series the block names: without `series:` a model shows its own default set.
        let units = input.series.map { ($0.name, unitKind($0.unit)) }
        if request.series != nil, let first = units.first, let other = units.first(where: { $0.1 != first.1 }) {
            let place = request.position(ofSeries: other.0)
            let unitOf = { (name: String) in input.series.first { $0.name == name }?.unit ?? "" }
            problems.append(Diagnostic(file: request.file, line: place.line, column: place.column,
                message: "the series '\(first.0)' (\(unitOf(first.0))) and '\(other.0)' (\(unitOf(other.0))) have different units, "
                    + "but a chart has one \(valueKey) axis: '\(other.0)' would be drawn and published in the unit of '\(first.0)'",
                hint: "draw them in two charts, one block for each unit (small multiples share one scale too)"))
        }
        // Only a format the block writes: a default comes from the first series' unit.
        if request.explicitFormats.contains(valueKey),
           let series = input.series.first(where: { !formatFits(y.format, unit: $0.unit) }) {
            problems.append(unitMismatch(key: valueKey, format: y.format, series: series.name, unit: series.unit, values: series.y))
        }
        if request.explicitFormats.contains(positionKey),
           let series = input.series.first(where: { $0.labels == nil && !formatFits(x.format, unit: $0.xUnit) }) {
            problems.append(unitMismatch(key: positionKey, format: x.format, series: series.name, unit: series.xUnit,
                                         values: series.x, ofPositions: true))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
    }

    /// Whether a format prints a model unit's values as what they are: the unit's own format, a plain number, a whole
    /// count of anything but fractions, money in billions and multiples, and years for calendar years counted from an
    /// `origin:`.
    private func formatFits(_ format: ValueFormat, unit: String) -> Bool {
        let own = unitFormat(unit)
        if format == .number || format == own { return true }
        switch own {
        case .year?: return format == .years && request.xOrigin != nil
        case .fraction?, .multiple?, .money(_, .billions)?: return false
        default: return format == .count
        }
    }

    private func unitMismatch(key: String, format: ValueFormat, series: String, unit: String, values: [Double],
                              ofPositions: Bool = false) -> Diagnostic {
        let place = request.parameterLines["format:" + key] ?? request.position(ofParameter: "key:" + key)
        let own = unitFormat(unit)
        let shown = ofPositions ? "x values have" : "'\(series)' has"
        var message = "the \(key) axis says 'format: \(format.rawValue)', but the model's \(shown) the unit '\(unit)'"
        // One of the series' own values, as it should print and as this format would print it.
        if let value = values.first(where: { $0.isFinite && $0 != 0 }) {
            message += ": \(printed(own ?? .number, value)) would print as '\(printed(format, value))'"
            if own == .fraction, format == .percent { message += ", 100 times too small" }
        }
        let hint = switch own {
        case .fraction? where format == .percent:
            "use 'format: fraction' for values stored as fractions (0.3 for 30 %), or leave 'format' out; 'percent' is "
                + "for values already in percent (30 for 30 %)"
        case let own?:
            "the model's unit here is '\(unit)': use 'format: \(own.rawValue)', or leave 'format' out"
        case nil:
            "the model's unit here is '\(unit)', which no format names: leave 'format' out, or use 'format: number'"
        }
        return Diagnostic(file: request.file, line: place.line, column: place.column, message: message, hint: hint)
    }

    // MARK: Annotations

    /// The block's annotations with names looked up (a category, or a value the model reports) and `{x}`, `{y}`,
    /// `{value}` in labels filled in.
    private func annotations(_ input: VariantInput, spec: ChartSpec, horizontal: Bool) throws(BuildFailure) -> [Annotation] {
        let categories = spec.series.first?.categories
        let xValues = spec.series.first.map(\.x) ?? []
        var out: [Annotation] = []
        var problems: [Diagnostic] = []
        for item in request.annotations {
            // In an hbar the block's x axis is the chart's value axis.
            let axis: AnnotationAxis = horizontal ? (item.axis == .x ? .y : .x) : item.axis
            func resolve(_ key: String, onX: Bool) throws(Diagnostic) -> Double {
                switch item.values[key] {
                case .number(let value)?: return value
                case .name(let name)?:
                    if onX, let categories,
                       let index = categories.firstIndex(of: name) ?? categories.firstIndex(of: request.labels[name] ?? name) {
                        return xValues.count == categories.count ? xValues[index] : Double(index)
                    }
                    if let value = input.scalars[name] { return value }
                    let place = item.valueLines[key] ?? (item.line, item.column)
                    let known = (onX ? categories ?? [] : []) + input.scalars.keys.sorted()
                    throw Diagnostic(file: request.file, line: place.line, column: place.column,
                                     message: "annotation '\(key)' names '\(name)', which is neither a number nor "
                                         + (isModel ? "a category or a value the model reports" : "a category of the chart"),
                                     hint: known.isEmpty ? "write a number, or a month like 2000-08"
                                         : suggestionHint(for: name, among: known, noun: onX && categories != nil ? "categories and values" : "values"))
                case nil:
                    return .nan
                }
            }
            do throws(Diagnostic) {
                switch item.kind {
                case .line:
                    let value = try resolve("value", onX: axis == .x)
                    let format = axis == .x ? spec.x.format : spec.y.format
                    out.append(.referenceLine(axis: axis, value: value, label: fill(item.label, ["value": printed(format, value)])))
                case .band:
                    let from = try resolve("from", onX: true), to = try resolve("to", onX: true)
                    out.append(.band(from: from, to: to, label: item.label))
                case .event:
                    let x = try resolve("x", onX: true)
                    out.append(.event(x: x, label: fill(item.label, ["x": printed(spec.x.format, x)])))
                case .here:
                    let x = try resolve("x", onX: true), y = try resolve("y", onX: false)
                    out.append(.here(x: x, y: y, label: fill(item.label, ["x": printed(spec.x.format, x),
                                                                          "y": printed(spec.y.format, y)])))
                }
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return out
    }

    /// A position in a label, with the figure's significant digits (two for stylised model outputs).
    private func printed(_ format: ValueFormat, _ value: Double) -> String {
        format.labels(for: [value], significant: isModel ? 2 : 3, numbers: language.numbers)[0]
    }

    private func fill(_ label: String, _ values: [String: String]) -> String {
        var text = label
        if !scenarioLabel.isEmpty { text = text.components(separatedBy: "{scenario}").joined(separator: scenarioLabel) }
        for (key, value) in values { text = text.components(separatedBy: "{\(key)}").joined(separator: value) }
        return typographic(text)
    }
}

/// Units of model series that hold fractions of 1 (shown as percentages).
func isFractionUnit(_ unit: String) -> Bool {
    ["fraction", "probability", "share"].contains(unit) || unit.hasPrefix("fraction of")
}

/// The format of a model unit, which prints its values as what they are; nil for a unit no format names (an index,
/// a density, periods).
func unitFormat(_ unit: String) -> ValueFormat? {
    switch unit {
    // The x axes of loss curves run over fractions too.
    case let unit where isFractionUnit(unit) || unit == "pool loss" || unit == "AI drawdown": .fraction
    case "$B", "$B/yr": .usdBillions
    case "$", "$/period": .usd
    case "years": .years
    case "year": .year
    case "months": .months
    case let unit where unit == "×" || unit.hasPrefix("× "): .multiple
    default: nil
    }
}

/// The kind of a model series' unit that one axis can show: fractions and probabilities alike, billions of
/// dollars as a stock or a yearly flow alike; any other unit only with itself.
func unitKind(_ unit: String) -> String {
    if isFractionUnit(unit) { return "fraction" }
    if unit == "$B" || unit == "$B/yr" { return "$B" }
    return unit
}

/// An axis title from a model series' unit, when the block gives none, in the page's words (`axis*` keys).
func axisLabel(_ unit: String, _ language: ChartLanguage = .english) -> String {
    func word(_ key: String, _ english: String) -> String { language.words[key] ?? english }
    return switch unit {
    case "$B", "$B/yr": word("axisDollarsBn", "$ billions")
    case let unit where isFractionUnit(unit): word("axisShare", "Share")
    case "years": word("axisYears", "Years")
    case "year": word("axisYear", "Year")
    case "×": word("axisMultiple", "Multiple")
    // The x units of the built-in models, as a table's first column heads them when the block gives no title.
    case "category": word("axisCategory", "Category")
    case "months": word("axisMonths", "Months")
    case "period": word("axisPeriod", "Period")
    case "round": word("axisRound", "Round")
    case "rho": word("axisRho", "Rho")
    case "defaults": word("axisDefaults", "Defaults")
    case "pool loss": word("axisPoolLoss", "Pool loss")
    case "AI drawdown": word("axisAIDrawdown", "AI drawdown")
    default: unit.prefix(1).uppercased() + unit.dropFirst()
    }
}

/// A model's series name in words, for blocks that give it no label: "requiredRevenue" → "Required revenue".
/// Abbreviations the models write in lower case in their series names (`glt.S`, `lhp.trancheEL`, `rvgIfLeaveNow`).
private let modelAcronyms = ["glt": "GLT", "lhp": "LHP", "mc": "MC", "rvg": "RVG", "ltv": "LTV", "dscr": "DSCR",
                             "oc": "OC", "av": "AV", "iv": "IV", "ai": "AI", "spv": "SPV"]

func humanName(_ name: String) -> String {
    var words: [String] = []
    var current = ""
    let characters = Array(name)
    for (index, character) in characters.enumerated() {
        // A decimal point stays: "value.sl.T6.64" → "Value sl T6.64", not "Value sl t6 64".
        let decimalPoint = character == "." && index > 0 && characters[index - 1].isNumber
            && index + 1 < characters.count && characters[index + 1].isNumber
        if decimalPoint {
            current.append(character)
        } else if character == "." || character == "_" || character == " " {
            if !current.isEmpty { words.append(current) }
            current = ""
        } else if character.isUppercase, let last = current.last, last.isLowercase {
            words.append(current)
            current = String(character)
        } else {
            current.append(character)
        }
    }
    if !current.isEmpty { words.append(current) }
    // Acronyms (EL, and the S of glt.S or the A of classA) and words with numbers in them (T6.64) are kept as written;
    // the models' lower-case abbreviations are written as acronyms ("Glt s" and "Lhp tranche EL" were audit 10 N7).
    let text = words.map { word in
        if let acronym = modelAcronyms[word] { return acronym }
        return word.allSatisfy(\.isUppercase) || (word.count > 1 && word.contains(where: \.isNumber)) ? word : word.lowercased()
    }.joined(separator: " ")
    return text.prefix(1).uppercased() + text.dropFirst()
}

/// A waterfall's total row that pays out all that is left (a model's "left for equity", −2.15 after steps adding up to
/// 2.15) is shown as what is left, 2.15: the bar, its label, the data table and the CSV. Other rows are unchanged.
func remaindersShown(_ series: ChartSeries, totals: [String]) -> ChartSeries {
    guard let categories = series.categories, !totals.isEmpty else { return series }
    var shown = series
    var level = 0.0
    for (index, value) in series.y.enumerated() where value.isFinite {
        guard index < categories.count, totals.contains(categories[index]) else {
            level += value
            continue
        }
        if level != 0, abs(value + level) <= 0.005 * abs(level) { shown.y[index] = level }
        level = shown.y[index]
    }
    return shown
}
