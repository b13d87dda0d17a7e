/// A result the writer should know about, placed at the parameter it concerns (a build prints it as a warning there).
public struct ModelWarning: Sendable, Equatable {
    /// The parameter the warning is about (the chart block's entry for it, else the block).
    public var parameter: String
    public var message: String
    public var hint: String

    public init(parameter: String, message: String, hint: String) {
        self.parameter = parameter
        self.message = message
        self.hint = hint
    }
}

/// What a model run returns: named series, named scalars and a caption-ready description.
public struct ModelOutput: Sendable, Equatable {
    public var model: String
    public var scenario: String
    public var series: [Series]
    public var scalars: [String: Double]
    /// Plain-English assumptions, for figure captions.
    public var assumptions: String
    /// What the writer should know about this run although it succeeded (a cascade cut short by its safety cap).
    public var warnings: [ModelWarning] = []
    /// Why a series has no value at all in this run, by series name (a Monte Carlo no path of which reached any
    /// tranche): a chart of it is refused with this message rather than drawn empty.
    public var missingSeries: [String: ModelWarning] = [:]

    public init(model: String, scenario: String, series: [Series], scalars: [String: Double] = [:], assumptions: String,
                warnings: [ModelWarning] = []) {
        self.model = model
        self.scenario = scenario
        self.series = series
        self.scalars = scalars
        self.assumptions = assumptions
        self.warnings = warnings
    }

    /// The series with this exact name, if the model produced it.
    public func series(named name: String) -> Series? {
        series.first { $0.name == name }
    }

    /// The output as CSV: one row per x value, one column per numeric series (series sharing x).
    ///
    /// Series are grouped by their x grid; each group of equal grids becomes columns of one table.
    /// Numbers use at most 6 significant digits so output is stable across platforms; a missing value is an empty field.
    public func csv(seriesNamed names: [String]? = nil) -> String {
        let chosen = names.map { wanted in wanted.compactMap { series(named: $0) } } ?? series
        guard let first = chosen.first else { return "" }
        let sameGrid = chosen.filter { $0.x == first.x && $0.labels == first.labels }
        var out = (first.labels == nil ? csvField(first.xUnit.isEmpty ? "x" : first.xUnit) : "label")
        for s in sameGrid { out += "," + csvField(s.unit.isEmpty ? s.name : "\(s.name) (\(s.unit))") }
        out += "\n"
        for i in first.x.indices {
            out += first.labels.map { csvField($0[i]) } ?? formatNumber(first.x[i])
            // A missing value (NaN: a Monte Carlo tranche no path reached) is an empty field, as in a data file.
            for s in sameGrid { out += "," + (s.y[i].isNaN ? "" : formatNumber(s.y[i])) }
            out += "\n"
        }
        return out
    }
}

extension ModelOutput {
    /// Every series as CSV tables: series on the same x grid share one table, in order of first appearance.
    public func csvTables(seriesNamed names: [String]? = nil) -> [String] {
        let chosen = names.map { wanted in wanted.compactMap { series(named: $0) } } ?? series
        var groups: [[Series]] = []
        for item in chosen {
            if let index = groups.firstIndex(where: { $0[0].x == item.x && $0[0].labels == item.labels }) {
                groups[index].append(item)
            } else {
                groups.append([item])
            }
        }
        return groups.map { csv(seriesNamed: $0.map(\.name)) }
    }
}

func csvField(_ text: String) -> String {
    if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
    return text
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
