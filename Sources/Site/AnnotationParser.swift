import Charts
import Simulation
import Yams

/// Parses a chart block's `annotations:` list.
struct AnnotationParser {
    /// The values of `type:`.
    static let types = ["line", "band", "event", "here"]
    let reader: YAMLReader

    func parse(_ node: Node) throws(BuildFailure) -> [Annotation] {
        guard case let .sequence(items) = node else {
            throw BuildFailure([reader.error(at: node, "'annotations' must be a list")])
        }
        var out: [Annotation] = []
        var collector = DiagnosticCollector()
        for item in items {
            collector.collect { () throws(BuildFailure) in out.append(try annotation(item)) }
        }
        try collector.throwIfAny()
        return out
    }

    private func annotation(_ node: Node) throws(BuildFailure) -> Annotation {
        let types = Self.types
        let entries = try reader.mapping(node, allowed: ["type", "axis", "value", "from", "to", "x", "y", "label"],
                                         required: ["type"], context: "annotation")
        do throws(Diagnostic) {
            let type = try reader.string(entries["type"]!, key: "type")
            let label = try entries["label"].map { node throws(Diagnostic) in try reader.string(node, key: "label") } ?? ""
            func number(_ key: String) throws(Diagnostic) -> Double {
                guard let node = entries[key] else {
                    throw reader.error(at: entries["type"], "a '\(type)' annotation needs '\(key)'")
                }
                // Months may be written as in data files: "2000-08" is August 2000.
                guard let value = node.float ?? node.int.map(Double.init) ?? node.string.flatMap(parseKey), value.isFinite else {
                    throw reader.error(at: node, "'\(key)' must be a finite number or a month like 2000-08")
                }
                return value
            }
            switch type {
            case "line":
                let axisName = try entries["axis"].map { node throws(Diagnostic) in try reader.string(node, key: "axis") } ?? "y"
                guard let axis = AnnotationAxis(rawValue: axisName) else {
                    throw reader.error(at: entries["axis"], "annotation axis must be 'x' or 'y'")
                }
                return .referenceLine(axis: axis, value: try number("value"), label: label)
            case "band":
                return .band(from: try number("from"), to: try number("to"), label: label)
            case "event":
                return .event(x: try number("x"), label: label)
            case "here":
                return .here(x: try number("x"), y: try number("y"), label: label)
            default:
                throw reader.error(at: entries["type"], "unknown annotation type '\(type)'",
                                   hint: suggestionHint(for: type, among: types, noun: "types"))
            }
        } catch {
            throw BuildFailure([error])
        }
    }
}
