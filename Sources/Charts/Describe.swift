/// The text of the SVG `<desc>`: the author's description, or a generated summary of what is drawn, in the chart's
/// language (`spec.language`).
enum Describe {
    static func text(_ spec: ChartSpec) -> String {
        let given = spec.description.trimmingTrailingSpaces()
        if !given.isEmpty { return given }
        let words = spec.language, numbers = words.numbers
        let kindName = words.text(kindKey(spec.kind))
        if spec.kind == .diagram || spec.kind == .steps {
            return DiagramDescription.text(spec.diagram, kind: spec.kind, name: kindName, words: words)
        }
        if spec.kind == .flow {
            let steps = spec.links.map {
                words.text("chartFlowStep", ["source": $0.source, "target": $0.target,
                                             "value": spec.y.format.string(for: $0.value, numbers: numbers)])
            }
            return words.text("chartFlows", ["kind": kindName, "n": String(spec.links.count),
                                             "flows": steps.joined(separator: words.text("chartSemicolon"))])
        }
        var text = words.text("chartOf", ["kind": kindName, "series": list(spec.series.map(\.name), words: words)])
        let xs = spec.series.flatMap(\.x).filter(\.isFinite)
        if let lo = xs.min(), let hi = xs.max(), spec.kind != .bar || spec.series.first?.categories == nil {
            let label = spec.x.label.isEmpty ? words.text("chartX") : spec.x.label
            text += words.text("chartXRange", ["label": label, "lo": spec.x.format.string(for: lo, numbers: numbers),
                                               "hi": spec.x.format.string(for: hi, numbers: numbers)])
        }
        let ys = spec.series.flatMap(\.y).filter(\.isFinite)
        if let lo = ys.min(), let hi = ys.max() {
            let label = spec.y.label.isEmpty ? words.text("chartValues") : spec.y.label
            text += words.text("chartYRange", ["label": label, "lo": spec.y.format.string(for: lo, numbers: numbers),
                                               "hi": spec.y.format.string(for: hi, numbers: numbers)])
        }
        return text
    }

    /// The translations key of a chart kind's name ("Line chart").
    static func kindKey(_ kind: ChartKind) -> String {
        switch kind {
        case .line: "chartLine"
        case .area: "chartArea"
        case .stackedArea: "chartStackedArea"
        case .bar: "chartBar"
        case .horizontalBar: "chartHorizontalBar"
        case .groupedBar: "chartGroupedBar"
        case .stackedBar: "chartStackedBar"
        case .waterfall: "chartWaterfall"
        case .flow: "chartFlow"
        case .histogram: "chartHistogram"
        case .heatmap: "chartHeatmap"
        case .smallMultiples: "chartSmallMultiples"
        case .diagram: "chartDiagram"
        case .steps: "chartSteps"
        }
    }

    /// "a, b and c" in the chart's language ("a、b與c").
    static func list(_ names: [String], words: ChartLanguage = .english) -> String {
        switch names.count {
        case 0: return words.text("chartNoSeries")
        case 1: return names[0]
        default:
            return names.dropLast().joined(separator: words.text("chartListComma")) + words.text("chartListAnd")
                + names[names.count - 1]
        }
    }
}

extension ChartKind {
    /// The kind in words, as the gallery's headings name it: "Horizontal bar chart".
    public var name: String { ChartLanguage.english.text(Describe.kindKey(self)) }
}

/// Input checks shared by the chart kinds.
enum Validate {
    /// Series exist, each has matching x/y lengths and at least one finite value.
    static func xySeries(_ spec: ChartSpec) throws(ChartError) {
        guard !spec.series.isEmpty else { throw .noData(kind: spec.kind) }
        for series in spec.series {
            if series.x.count != series.y.count {
                throw .mismatchedLengths(series: series.name, expected: series.x.count, actual: series.y.count)
            }
            guard zip(series.x, series.y).contains(where: { $0.isFinite && $1.isFinite }) else {
                throw .emptySeries(name: series.name)
            }
        }
        try noLinks(spec)
    }

    /// Category charts: every series has one value per shared category; returns the category labels.
    static func categories(_ spec: ChartSpec) throws(ChartError) -> [String] {
        guard let first = spec.series.first else { throw .noData(kind: spec.kind) }
        let labels: [String]
        if let categories = first.categories {
            labels = categories
        } else if !first.x.isEmpty {
            labels = first.x.map { spec.x.format.string(for: $0) }
        } else {
            throw .unsupported(kind: spec.kind, reason: "series '\(first.name)' needs 'categories' (or x values) to label its bars")
        }
        for series in spec.series {
            if series.y.count != labels.count {
                throw .mismatchedLengths(series: series.name, expected: labels.count, actual: series.y.count)
            }
            if let own = series.categories, own != labels {
                throw .unsupported(kind: spec.kind, reason: "series '\(series.name)' has different categories from '\(first.name)'; all series must share them")
            }
            guard series.y.contains(where: \.isFinite) else { throw .emptySeries(name: series.name) }
        }
        guard !labels.isEmpty else { throw .emptySeries(name: first.name) }
        try noLinks(spec)
        return labels
    }

    /// Claims name categories of a category chart.
    static func claims(_ spec: ChartSpec, categories: [String]) throws(ChartError) {
        for claim in spec.claims where !categories.contains(claim) {
            throw .unknownCategory(key: "claims", name: claim, kind: spec.kind, categories: categories)
        }
    }

    /// Groups list every category once, in the chart's order, and none is empty.
    static func groups(_ spec: ChartSpec, categories: [String]) throws(ChartError) {
        guard !spec.groups.isEmpty else { return }
        for group in spec.groups where group.categories.isEmpty {
            throw .unsupported(kind: spec.kind, reason: "'groups' lists no category under '\(group.name)'")
        }
        let listed = spec.groups.flatMap(\.categories)
        for name in listed where !categories.contains(name) {
            throw .unknownCategory(key: "groups", name: name, kind: spec.kind, categories: categories)
        }
        guard listed == categories else {
            throw .unsupported(kind: spec.kind, reason: "'groups' must list every category once, in the data's order "
                + "(categories: \(categories.joined(separator: ", ")))")
        }
    }

    /// Value labels name categories of a bar or hbar chart of one series (one label per bar, so none is ambiguous).
    static func valueLabels(_ spec: ChartSpec, categories: [String]) throws(ChartError) {
        guard !spec.valueLabels.isEmpty else { return }
        guard [.bar, .horizontalBar].contains(spec.kind), spec.series.count == 1 else {
            throw .unsupported(kind: spec.kind, reason: "'value-labels' replace the value printed on a bar of a bar or hbar "
                + "chart of one series; this chart draws \(spec.series.count) series")
        }
        for name in spec.valueLabels.keys.sorted() where !categories.contains(name) {
            throw .unknownCategory(key: "value-labels", name: name, kind: spec.kind, categories: categories)
        }
    }

    /// The printed values of one series: the formatted numbers, with a category's value label in its place.
    static func valueTexts(_ spec: ChartSpec, _ texts: [String], categories: [String]) -> [String] {
        zip(texts, categories).map { text, category in spec.valueLabels[category] ?? text }
    }

    /// Bars need a pixel each: more bars than the plot has pixels is an error, never an empty plot.
    static func fits(_ spec: ChartSpec, bars: Int, room: Double) throws(ChartError) {
        guard Double(bars) > room else { return }
        throw .unsupported(kind: spec.kind, reason: "\(bars) bars do not fit in a chart \(Int(spec.width)) px wide (at most "
            + "\(Int(room))); draw a line chart, a histogram or fewer categories")
    }

    /// Only flow charts take links.
    static func noLinks(_ spec: ChartSpec) throws(ChartError) {
        if !spec.links.isEmpty { throw .unsupported(kind: spec.kind, reason: "'links' are only used by flow charts") }
    }

    /// Kinds that cannot show annotations reject them instead of dropping them silently.
    static func noAnnotations(_ spec: ChartSpec) throws(ChartError) {
        if !spec.annotations.isEmpty {
            throw .annotation(index: 0, kind: spec.kind, reason: "cannot be drawn: \(spec.kind.rawValue) charts take no annotations",
                              hint: "remove 'annotations:', and put the point in the caption")
        }
    }

    /// Figure ids are lowercase letters, digits and hyphens (they prefix every id inside the SVG).
    static func id(_ id: String) throws(ChartError) {
        let valid = !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if !valid { throw .invalidID(id) }
    }
}
