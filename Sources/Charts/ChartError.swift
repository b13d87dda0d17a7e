/// Why a chart could not be drawn, in the terms of the author who wrote the ```chart block.
public enum ChartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The figure id is not lowercase letters, digits and hyphens.
    case invalidID(String)
    /// The chart has no series (or, for flow charts, no links).
    case noData(kind: ChartKind)
    /// A series has no finite values at all.
    case emptySeries(name: String)
    /// A series has a different number of x and y values (or categories and values).
    case mismatchedLengths(series: String, expected: Int, actual: Int)
    /// A log-scale axis meets a value that is zero or negative.
    case nonPositiveOnLogScale(axis: AnnotationAxis, value: Double)
    /// An axis has `min` ≥ `max`, or a non-finite bound.
    case invalidAxisRange(axis: AnnotationAxis, min: Double, max: Double)
    /// A flow link has a value that is not a positive finite number.
    case invalidLink(source: String, target: String, value: Double)
    /// The data or options do not fit this kind of chart; `hint` says what to do, where known.
    case unsupported(kind: ChartKind, reason: String, hint: String? = nil)
    /// Annotation number `index` (0-based, in the order written) cannot be drawn on this chart; `hint` says what to do.
    case annotation(index: Int, kind: ChartKind, reason: String, hint: String? = nil)
    /// Several of the above, found in one pass over a chart's annotations (each listed on its own).
    case several([ChartError])

    /// `key` names `name`, which is no category of the chart (`value-labels: {SVB: …}` where the data says "Silicon
    /// Valley Bank"); the hint names the categories, or the one meant when only capitals differ.
    static func unknownCategory(key: String, name: String, kind: ChartKind, categories: [String]) -> ChartError {
        let sameButCase = categories.first { $0.lowercased() == name.lowercased() }
        return .unsupported(kind: kind, reason: "'\(key)' names '\(name)', which is not a category of the chart",
                            hint: sameButCase.map { "did you mean '\($0)'? Categories are matched exactly, capitals included" }
                                ?? "name a category as the data writes it: " + categories.joined(separator: ", "))
    }

    /// The errors one by one (`several` taken apart).
    public var each: [ChartError] {
        if case .several(let errors) = self { return errors.flatMap(\.each) }
        return [self]
    }

    /// `errors` as one error: nil for none, the error itself for one, `several` for more.
    public static func combined(_ errors: [ChartError]) -> ChartError? {
        let flat = errors.flatMap(\.each)
        return flat.count > 1 ? .several(flat) : flat.first
    }

    /// What to do about it, where the error knows.
    public var hint: String? {
        switch self {
        case .annotation(_, _, _, let hint), .unsupported(_, _, let hint): hint
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .invalidID(let id):
            return "chart id '\(id)' must use only lowercase letters, digits and hyphens"
        case .noData(let kind):
            return switch kind {
            case .flow: "flow chart has no links to draw (add 'links' from a source to a target)"
            case .diagram: "diagram has no nodes to draw (add 'nodes', and 'arrows' between them)"
            case .steps: "steps chart has no steps to draw (add 'steps')"
            default: "\(kind.rawValue) chart has no series to draw"
            }
        case .emptySeries(let name):
            return "series '\(name)' has no finite values to draw"
        case .mismatchedLengths(let series, let expected, let actual):
            return "series '\(series)' has \(actual) values but \(expected) x values or categories; they must match"
        case .nonPositiveOnLogScale(let axis, let value):
            return "the \(axis.rawValue) axis uses a log scale but meets the value \(ValueFormat.number.string(for: value)); "
                + "log scales need values above zero (use 'scale: linear' or drop the value)"
        case .invalidAxisRange(let axis, let min, let max):
            return "the \(axis.rawValue) axis range \(ValueFormat.number.string(for: min))…\(ValueFormat.number.string(for: max)) "
                + "is empty; 'min' must be below 'max'"
        case .invalidLink(let source, let target, let value):
            return "flow link '\(source)' → '\(target)' has value \(ValueFormat.number.string(for: value)); link values must be positive"
        case .unsupported(let kind, let reason, _):
            return "\(kind.rawValue) chart: \(reason)"
        case .annotation(_, let kind, let reason, _):
            return "\(kind.rawValue) chart: this annotation \(reason)"
        case .several(let errors):
            return errors.map(\.description).joined(separator: "\n")
        }
    }
}
