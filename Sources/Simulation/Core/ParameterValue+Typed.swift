/// Typed reads of a `ParameterValue`, throwing `wrongType` with the model's and parameter's names.
extension ParameterValue {
    public func number(model: String, name: String) throws(ModelError) -> Double {
        if let value = numericValue { return value }
        throw .wrongType(model: model, name: name, expected: "a number")
    }

    /// The value as a Double when it is a number (an exact integer converts to the nearest Double).
    public var numericValue: Double? {
        switch self {
        case let .number(value): value
        case let .integer(value): Double(value)
        default: nil
        }
    }

    public func integer(model: String, name: String) throws(ModelError) -> Int {
        let value = try number(model: model, name: name)
        guard value.isFinite, value.rounded() == value, abs(value) < 1e15 else {
            throw .parameterOutOfRange(model: model, name: name, value: formatNumber(value, significantDigits: 15),
                                       allowed: "a whole number")
        }
        return Int(value)
    }

    /// A 64-bit seed: a whole number 0…2^64 − 1, read exactly (never through a Double, so 2^53 + 1 stays itself).
    public func seed(model: String, name: String) throws(ModelError) -> UInt64 {
        if case let .integer(value) = self { return value }
        let value = try number(model: model, name: name)
        // Only a Double that is exactly a whole number below 2^53 can be a seed written as such (e.g. in a scenario);
        // anything larger was rounded on its way in and is refused rather than silently changed.
        guard value.isFinite, value >= 0, value.rounded() == value, value <= 9_007_199_254_740_992 else {
            throw .parameterOutOfRange(model: model, name: name, value: formatNumber(value, significantDigits: 17),
                                       allowed: Self.seedRange)
        }
        return UInt64(value)
    }

    /// How the allowed seeds are described in errors.
    public static let seedRange = "[0, 18446744073709551615] (a whole number, 0…2^64 − 1: seeds are 64-bit)"

    public func bool(model: String, name: String) throws(ModelError) -> Bool {
        if case let .bool(value) = self { return value }
        throw .wrongType(model: model, name: name, expected: "true or false")
    }

    public func text(model: String, name: String) throws(ModelError) -> String {
        if case let .text(value) = self { return value }
        throw .wrongType(model: model, name: name, expected: "a word")
    }

    /// A list of numbers; a single number counts as a list of one.
    public func numbers(model: String, name: String) throws(ModelError) -> [Double] {
        switch self {
        case let .number(value): return [value]
        case let .integer(value): return [Double(value)]
        case let .list(items):
            var out: [Double] = []
            for item in items {
                guard let value = item.numericValue else {
                    throw .wrongType(model: model, name: name, expected: "a list of numbers")
                }
                out.append(value)
            }
            return out
        default: throw .wrongType(model: model, name: name, expected: "a list of numbers")
        }
    }

    /// A list of lists of numbers (a matrix such as portfolio weights).
    public func matrix(model: String, name: String) throws(ModelError) -> [[Double]] {
        guard case let .list(rows) = self else {
            throw .wrongType(model: model, name: name, expected: "a list of lists of numbers")
        }
        var out: [[Double]] = []
        for row in rows { out.append(try row.numbers(model: model, name: name)) }
        return out
    }

    /// A list of words.
    public func texts(model: String, name: String) throws(ModelError) -> [String] {
        guard case let .list(items) = self else {
            throw .wrongType(model: model, name: name, expected: "a list of words")
        }
        var out: [String] = []
        for item in items {
            switch item {
            case let .text(value): out.append(value)
            case let .number(value): out.append(formatNumber(value, significantDigits: 15))
            case let .integer(value): out.append(String(value))
            default: throw .wrongType(model: model, name: name, expected: "a list of words")
            }
        }
        return out
    }
}
