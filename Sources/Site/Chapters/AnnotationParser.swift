import Charts
import Simulation
import Yams

/// Parses a chart block's `annotations:` list.
struct AnnotationParser {
    /// The values of `type:`.
    static let types = ["line", "band", "event", "here"]
    let reader: YAMLReader

    func parse(_ node: Node) throws(BuildFailure) -> [AnnotationRequest] {
        guard case let .sequence(items) = node else {
            throw BuildFailure([reader.error(at: node, "'annotations' must be a list")])
        }
        var out: [AnnotationRequest] = []
        var collector = DiagnosticCollector()
        for item in items {
            collector.collect { () throws(BuildFailure) in out.append(try annotation(item)) }
        }
        try collector.throwIfAny()
        return out
    }

    private func annotation(_ node: Node) throws(BuildFailure) -> AnnotationRequest {
        let entries = try reader.mapping(node, allowed: ["type", "axis", "value", "from", "to", "x", "y", "label"],
                                         required: ["type"], context: "annotation")
        do throws(Diagnostic) {
            let typeName = try reader.string(entries["type"]!, key: "type")
            guard let kind = AnnotationRequest.Kind(rawValue: typeName) else {
                throw reader.error(at: entries["type"], "unknown annotation type '\(typeName)'",
                                   hint: suggestionHint(for: typeName, among: AnnotationRequest.Kind.allCases.map(\.rawValue),
                                                        noun: "types"))
            }
            let label = try entries["label"].map { node throws(Diagnostic) in try reader.string(node, key: "label") } ?? ""
            let place = reader.error(at: node, "")
            var request = AnnotationRequest(kind: kind, axis: .y, values: [:], label: label, line: place.line,
                                            column: place.column)
            let needed: [String] = switch kind {
            case .line: ["value"]
            case .band: ["from", "to"]
            case .event: ["x"]
            case .here: ["x", "y"]
            }
            for key in ["value", "from", "to", "x", "y"] where entries[key] != nil && !needed.contains(key) {
                throw reader.error(at: entries[key], "a '\(typeName)' annotation has no '\(key)'",
                                   hint: "it takes " + needed.map { "'\($0)'" }.joined(separator: " and "))
            }
            for key in needed {
                guard let valueNode = entries[key] else {
                    throw reader.error(at: entries["type"], "a '\(typeName)' annotation needs '\(key)'")
                }
                request.values[key] = try value(valueNode, key: key)
                let position = reader.error(at: valueNode, "")
                request.valueLines[key] = (position.line, position.column)
            }
            if kind == .line {
                let axisName = try entries["axis"].map { node throws(Diagnostic) in try reader.string(node, key: "axis") } ?? "y"
                guard let axis = AnnotationAxis(rawValue: axisName) else {
                    throw reader.error(at: entries["axis"], "annotation axis must be 'x' or 'y'")
                }
                request.axis = axis
            } else if let axis = entries["axis"] {
                throw reader.error(at: axis, "only a 'line' annotation takes 'axis'")
            }
            return request
        } catch {
            throw BuildFailure([error])
        }
    }

    /// A number, a month written as in data files ("2000-08" is August 2000), or a name looked up when the figure is
    /// drawn: a category of the chart or a value the model reports.
    private func value(_ node: Node, key: String) throws(Diagnostic) -> AnnotationRequest.Value {
        // `07.2024`, a month as German and other European spreadsheets write it, is the number 7.2024 to YAML.
        if case let .scalar(scalar) = node, scalar.style == .plain, let month = dottedMonth(scalar.string) {
            throw reader.error(at: node, "'\(key)' is \(scalar.string), which reads as the number \(scalar.string.drop { $0 == "0" }), "
                                   + "not a month", hint: "write months year first: \(key): \(month)")
        }
        if let number = node.float ?? node.int.map(Double.init) {
            guard number.isFinite else { throw reader.error(at: node, "'\(key)' must be a finite number") }
            return .number(number)
        }
        guard let text = node.string, !text.isEmpty else {
            throw reader.error(at: node, "'\(key)' must be a number, a month like 2000-08, a category or a model value")
        }
        if let month = parseKey(text) { return .number(month) }
        return .name(text)
    }
}
