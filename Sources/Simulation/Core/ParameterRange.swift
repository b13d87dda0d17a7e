/// An allowed range, closed unless an end is open, printed as in MODELS.md: `[0, 0.999]`, `(0, 1]`.
public struct ParameterRange: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double
    public var lowerOpen = false
    public var upperOpen = false
    /// Integer parameters accept whole numbers only.
    public var integer = false

    public init(lower: Double, upper: Double, lowerOpen: Bool = false, upperOpen: Bool = false, integer: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen
        self.integer = integer
    }

    public static func closed(_ lower: Double, _ upper: Double) -> ParameterRange {
        ParameterRange(lower: lower, upper: upper)
    }

    public static func integers(_ lower: Int, _ upper: Int) -> ParameterRange {
        ParameterRange(lower: Double(lower), upper: Double(upper), integer: true)
    }

    public var description: String {
        (lowerOpen ? "(" : "[") + formatNumber(lower, significantDigits: 15) + ", "
            + formatNumber(upper, significantDigits: 15) + (upperOpen ? ")" : "]")
            + (integer ? " (integer)" : "")
    }

    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if integer && value.rounded() != value { return false }
        let aboveLower = lowerOpen ? value > lower : value >= lower
        let belowUpper = upperOpen ? value < upper : value <= upper
        return aboveLower && belowUpper
    }

    /// Throws `parameterOutOfRange` unless the value lies in the range (NaN and infinities never do).
    public func check(_ value: Double, model: String, name: String) throws(ModelError) {
        guard contains(value) else {
            throw .parameterOutOfRange(model: model, name: name, value: formatNumber(value, significantDigits: 15),
                                       allowed: description)
        }
    }

    /// Checks every entry of a list, naming the parameter with its index (`bookLives[2]`).
    public func check(_ values: [Double], model: String, name: String) throws(ModelError) {
        for (index, value) in values.enumerated() {
            try check(value, model: model, name: values.count == 1 ? name : "\(name)[\(index)]")
        }
    }
}
