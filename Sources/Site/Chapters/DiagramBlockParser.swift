import Charts
import Simulation
import Yams

/// Parses the `nodes:` and `arrows:` of a `diagram` block, or the `steps:` of a `steps` block, into a `Diagram`,
/// and reports everything wrong with it at the line and column of the node or arrow concerned.
struct DiagramBlockParser {
    /// The keys that only schematic kinds take.
    static let keys = ["nodes", "arrows", "steps"]
    static let nodeKeys = ["id", "label", "note", "color"]
    static let arrowKeys = ["from", "to", "label", "dashed"]
    let reader: YAMLReader

    /// `entries` are the block's keys; `kind` the block's chart kind, `fence` the block's position.
    func parse(_ entries: [String: Node], kind: ChartKind, fence: (Int, Int)) throws(BuildFailure) -> Diagram {
        var problems: [Diagnostic] = []
        let allowed: [String] = switch kind {
        case .diagram: ["nodes", "arrows"]
        case .steps: ["steps"]
        default: []
        }
        for key in Self.keys where entries[key] != nil && !allowed.contains(key) {
            let hint = key == "steps" ? "numbered steps are 'kind: steps'" : "boxes and arrows are 'kind: diagram'"
            problems.append(reader.error(at: entries[key], "'\(key)' belongs to a \(key == "steps" ? "steps" : "diagram") chart, "
                                            + "not a \(kind.rawValue) chart", hint: hint))
        }
        guard !allowed.isEmpty else {
            if !problems.isEmpty { throw BuildFailure(problems) }
            return Diagram()
        }
        let listKey = kind == .steps ? "steps" : "nodes"
        guard let list = entries[listKey] else {
            problems.append(Diagnostic(file: reader.file, line: fence.0, column: fence.1,
                                       message: "a \(kind.rawValue) chart needs '\(listKey):'",
                                       hint: kind == .steps ? "list the steps in order, e.g. steps: [Rain falls, Rivers rise]"
                                           : "list the boxes, e.g. nodes: [{id: rain, label: Rain}], then arrows: [{from: rain, to: sea}]"))
            throw BuildFailure(problems)
        }
        var diagram = Diagram()
        var nodePlaces: [Node] = [], arrowPlaces: [(item: Node, from: Node?, to: Node?, label: Node?)] = []
        var collector = DiagnosticCollector()
        let nodeItems = collector.collect { () throws(BuildFailure) in try items(list, key: listKey) } ?? []
        for item in nodeItems {
            nodePlaces.append(item)
            if let parsed = collector.collect({ () throws(BuildFailure) in try node(item, key: listKey) }) {
                diagram.nodes.append(parsed)
            }
        }
        if let arrows = entries["arrows"], kind == .diagram {
            let arrowItems = collector.collect { () throws(BuildFailure) in try items(arrows, key: "arrows") } ?? []
            for item in arrowItems {
                let parsed = collector.collect { () throws(BuildFailure) -> (DiagramArrow, [String: Node]) in
                    let fields = try reader.mapping(item, allowed: Self.arrowKeys, required: ["from", "to"], context: "arrow")
                    do throws(Diagnostic) {
                        let label = try fields["label"].map { node throws(Diagnostic) in try text(node, key: "label") } ?? ""
                        let dashed = try fields["dashed"].map { node throws(Diagnostic) in try reader.bool(node, key: "dashed") } ?? false
                        return (DiagramArrow(from: try reader.string(fields["from"]!, key: "from"),
                                             to: try reader.string(fields["to"]!, key: "to"), label: label, dashed: dashed), fields)
                    } catch { throw BuildFailure([error]) }
                }
                if let (arrow, fields) = parsed {
                    diagram.arrows.append(arrow)
                    arrowPlaces.append((item, fields["from"], fields["to"], fields["label"]))
                }
            }
        }
        problems += collector.diagnostics
        if !problems.isEmpty { throw BuildFailure(problems) }
        for problem in diagram.problems(kind: kind) {
            let place: Node?
            let noun = kind == .steps ? "step" : "node"
            var message = problem.description
            var hint = problem.hint
            switch problem {
            case .noNodes: place = list
            case .tooManyNodes:
                place = list
                if kind == .steps {
                    message = message.replacingOccurrences(of: " nodes are", with: " steps are")
                    hint = "split them into two figures, or join steps that say one thing"
                }
            case let .emptyLabel(node), let .tooLong(node, _, _, _), let .badColor(node), let .duplicateID(node, _):
                place = nodePlaces[node]
                message = message.components(separatedBy: "node \(node + 1)").joined(separator: "\(noun) \(node + 1)")
            case let .unknownNode(arrow, end, _):
                place = end == "from" ? arrowPlaces[arrow].from : arrowPlaces[arrow].to
            case let .selfArrow(arrow), let .repeatedArrow(arrow):
                place = arrowPlaces[arrow].item
            case let .arrowLabelTooLong(arrow, _, _):
                place = arrowPlaces[arrow].label ?? arrowPlaces[arrow].item
            case .arrowsInSteps:
                place = entries["arrows"]
            }
            if case let .unknownNode(_, _, id) = problem {
                hint = suggestionHint(for: id, among: diagram.nodes.map(\.id), noun: "node ids")
            }
            problems.append(reader.error(at: place, message, hint: hint))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return diagram
    }

    private func items(_ node: Node, key: String) throws(BuildFailure) -> [Node] {
        guard case let .sequence(sequence) = node else {
            throw BuildFailure([reader.error(at: node, "'\(key)' must be a list, one item per line starting with '- '")])
        }
        return Array(sequence)
    }

    /// A node or step: its label alone, or a mapping of id, label, note and color.
    private func node(_ item: Node, key: String) throws(BuildFailure) -> DiagramNode {
        if case .scalar = item {
            do throws(Diagnostic) { return DiagramNode(label: try text(item, key: key)) } catch { throw BuildFailure([error]) }
        }
        let fields = try reader.mapping(item, allowed: Self.nodeKeys, required: ["label"],
                                        context: key == "steps" ? "step" : "node")
        do throws(Diagnostic) {
            let label = try text(fields["label"]!, key: "label")
            let id = try fields["id"].map { node throws(Diagnostic) in try reader.string(node, key: "id") }
            let note = try fields["note"].map { node throws(Diagnostic) in try text(node, key: "note") } ?? ""
            var color: Int? = nil
            if let value = fields["color"] {
                guard let number = value.int else { throw reader.error(at: value, "'color' must be a whole number from 1 to 8") }
                color = number
            }
            return DiagramNode(id: id, label: label, note: note, color: color)
        } catch { throw BuildFailure([error]) }
    }

    /// Text that may be empty in YAML ("") — an empty label is reported by the diagram's own checks, with its place —
    /// with the typography of a figure's other words (curly quotes, a number joined to its unit: "$27 B"). It is drawn
    /// as plain text: Markdown in it (a link, a citation, `*emphasis*`, `` `code` ``) would show as written.
    private func text(_ node: Node, key: String) throws(Diagnostic) -> String {
        guard case let .scalar(scalar) = node else { throw reader.error(at: node, "'\(key)' must be text") }
        if let span = markdownSpan(inCaption: scalar.string, citations: false) {
            let citation = span.hasPrefix("[@")
            throw reader.error(at: node, "a diagram's '\(key)' is plain text, not Markdown: the chart would show '\(span)' as written",
                               hint: citation ? "citations go in the chart's caption: move \(span) to the end of 'caption:'"
                                   : span.contains("](") ? "remove the link, and link the page from the chapter's text"
                                   : "write it without the marks; emphasis belongs in the chapter's text")
        }
        return typographic(scalar.string)
    }
}
