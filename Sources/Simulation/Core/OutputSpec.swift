/// Documentation of one output series, for `explainer models`: its name (a pattern where `<…>` stands for a part
/// that depends on the parameters, such as a tranche or a holder), unit, x axis and meaning.
public struct OutputSpec: Sendable, Equatable {
    public var name: String
    public var unit: String
    /// The x axis ("year", "round", …), or "categories" for a bar of labelled values.
    public var x: String
    public var summary: String

    public init(_ name: String, unit: String, x: String, _ summary: String) {
        self.name = name
        self.unit = unit
        self.x = x
        self.summary = summary
    }

    /// Whether a series name fits the pattern: literal parts in order, each `<…>` standing for one or more characters.
    public func matches(_ seriesName: String) -> Bool {
        var literals: [Substring] = []
        var rest = Substring(name)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            literals.append(rest[..<open])
            rest = rest[rest.index(after: close)...]
        }
        literals.append(rest)
        guard literals.count > 1 else { return seriesName == name }
        var remaining = Substring(seriesName)
        guard remaining.hasPrefix(literals[0]) else { return false }
        remaining = remaining.dropFirst(literals[0].count)
        for (index, literal) in literals.enumerated().dropFirst() {
            let isLast = index == literals.count - 1
            if isLast {
                return remaining.count > literal.count && remaining.hasSuffix(literal)
            }
            // A placeholder takes at least one character, then the next literal must follow.
            guard !remaining.isEmpty, let found = remaining.dropFirst().range(of: literal) else { return false }
            remaining = remaining[found.upperBound...]
        }
        return true
    }
}
