/// A schematic without quantities: boxes joined by arrows (`diagram`), or numbered steps in order (`steps`).
///
/// Nothing in it is a number to scale: boxes hold short labels and optional notes, arrows optional short labels.
/// An arrow may point back to an earlier box, so a loop (money that comes back) is drawn as a loop.
public struct Diagram: Sendable, Equatable {
    public var nodes: [DiagramNode]
    /// Arrows between nodes, by node id (`diagram` only; `steps` are joined in order).
    public var arrows: [DiagramArrow]

    public init(nodes: [DiagramNode] = [], arrows: [DiagramArrow] = []) {
        self.nodes = nodes
        self.arrows = arrows
    }

    /// Most boxes a `diagram` may hold, and most steps of `steps`: beyond these a schematic stops being readable.
    public static let maxNodes = 16
    public static let maxSteps = 10
    /// Longest texts, in characters: labels are names, notes a short phrase.
    public static let maxLabel = 48
    public static let maxNote = 120
    public static let maxArrowLabel = 48

    /// Everything wrong with the diagram for `kind`, in the order written (empty when it can be drawn).
    public func problems(kind: ChartKind) -> [DiagramProblem] {
        var problems: [DiagramProblem] = []
        if nodes.isEmpty { return [.noNodes] }
        let limit = kind == .steps ? Self.maxSteps : Self.maxNodes
        if nodes.count > limit { problems.append(.tooManyNodes(count: nodes.count, limit: limit)) }
        var seen: Set<String> = []
        for (index, node) in nodes.enumerated() {
            if node.label.trimmed.isEmpty { problems.append(.emptyLabel(node: index)) }
            if node.label.count > Self.maxLabel {
                problems.append(.tooLong(node: index, what: "label", length: node.label.count, limit: Self.maxLabel))
            }
            if node.note.count > Self.maxNote {
                problems.append(.tooLong(node: index, what: "note", length: node.note.count, limit: Self.maxNote))
            }
            if let color = node.color, !(1...Theme.seriesColors).contains(color) { problems.append(.badColor(node: index)) }
            if kind == .diagram, !seen.insert(node.id).inserted { problems.append(.duplicateID(node: index, id: node.id)) }
        }
        if kind == .steps {
            if !arrows.isEmpty { problems.append(.arrowsInSteps) }
            return problems
        }
        var pairs: Set<[String]> = []
        for (index, arrow) in arrows.enumerated() {
            for (end, id) in [("from", arrow.from), ("to", arrow.to)] where !seen.contains(id) {
                problems.append(.unknownNode(arrow: index, end: end, id: id))
            }
            if arrow.from == arrow.to { problems.append(.selfArrow(arrow: index)) }
            if !pairs.insert([arrow.from, arrow.to]).inserted { problems.append(.repeatedArrow(arrow: index)) }
            if arrow.label.count > Self.maxArrowLabel {
                problems.append(.arrowLabelTooLong(arrow: index, length: arrow.label.count, limit: Self.maxArrowLabel))
            }
        }
        return problems
    }
}

/// One box of a diagram, or one step.
public struct DiagramNode: Sendable, Equatable {
    /// The name arrows use (`diagram`); the label when none is given.
    public var id: String
    public var label: String
    /// A smaller line under the label: a detail, a chapter reference.
    public var note: String
    /// Palette colour 1…8 of the box's outline; nil is colour 1.
    public var color: Int?

    public init(id: String? = nil, label: String, note: String = "", color: Int? = nil) {
        self.id = id ?? label
        self.label = label
        self.note = note
        self.color = color
    }
}

/// An arrow from one node to another, by id, with an optional short label ("rent", "$27.3 B of bonds").
public struct DiagramArrow: Sendable, Equatable {
    public var from: String
    public var to: String
    public var label: String
    /// Drawn dashed: a promise or a plan, not money (or goods) that has moved; solid arrows are what has.
    public var dashed: Bool

    public init(from: String, to: String, label: String = "", dashed: Bool = false) {
        self.from = from
        self.to = to
        self.label = label
        self.dashed = dashed
    }
}

/// Why a diagram cannot be drawn; indices are 0-based in the order written, so the block parser can point at them.
public enum DiagramProblem: Sendable, Equatable, CustomStringConvertible {
    case noNodes
    case tooManyNodes(count: Int, limit: Int)
    case emptyLabel(node: Int)
    case tooLong(node: Int, what: String, length: Int, limit: Int)
    case badColor(node: Int)
    case duplicateID(node: Int, id: String)
    case unknownNode(arrow: Int, end: String, id: String)
    case selfArrow(arrow: Int)
    case repeatedArrow(arrow: Int)
    case arrowLabelTooLong(arrow: Int, length: Int, limit: Int)
    case arrowsInSteps

    public var description: String {
        switch self {
        case .noNodes: "a diagram needs at least one node"
        case let .tooManyNodes(count, limit): "\(count) nodes are too many to read; at most \(limit) fit"
        case let .emptyLabel(node): "node \(node + 1) has an empty label"
        case let .tooLong(node, what, length, limit): "the \(what) of node \(node + 1) is \(length) characters long; at most \(limit) fit"
        case let .badColor(node): "node \(node + 1) has a colour outside 1…\(Theme.seriesColors)"
        case let .duplicateID(node, id): "node \(node + 1) repeats the id '\(id)'; ids name one node each"
        case let .unknownNode(arrow, end, id): "arrow \(arrow + 1) goes \(end) '\(id)', which is no node of this diagram"
        case let .selfArrow(arrow): "arrow \(arrow + 1) points from a node to itself"
        case let .repeatedArrow(arrow): "arrow \(arrow + 1) repeats an earlier arrow between the same two nodes"
        case let .arrowLabelTooLong(arrow, length, limit): "the label of arrow \(arrow + 1) is \(length) characters long; at most \(limit) fit"
        case .arrowsInSteps: "steps are joined in order; arrows belong to a 'diagram'"
        }
    }
}

extension DiagramProblem {
    /// What to do about it, for the writer; nil when the problem says it (an unknown node's hint names the ids, which
    /// the block parser knows).
    public var hint: String? {
        switch self {
        case .noNodes: "list its boxes under 'nodes:', one per line ('- {id: bank, label: The bank}')"
        case .tooManyNodes: "split it into two figures, or join boxes that say one thing"
        case .emptyLabel: "give it a label ('label: The bank'), the words shown in its box"
        case let .tooLong(_, what, _, _) where what == "label":
            "keep the label to a name and move the detail into the node's 'note:' (up to \(Diagram.maxNote) characters, in "
                + "smaller type under it)"
        case .tooLong: "shorten the note; the chapter's text can say the rest"
        case .badColor: "'color:' picks one of the palette's \(Theme.seriesColors) colours by its number; leave it out for colour 1"
        case .duplicateID: "give each node its own id; arrows name the nodes they join by it"
        case .unknownNode: nil
        case .selfArrow: "remove it, or point it at another node"
        case .repeatedArrow: "remove one of them, or say both in one arrow's label"
        case .arrowLabelTooLong: "keep an arrow's label to a few words ('rent', '$27 B of bonds'); the caption can say the rest"
        case .arrowsInSteps: "write 'kind: diagram' to draw boxes joined by arrows, or remove 'arrows:'"
        }
    }
}

extension String {
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
