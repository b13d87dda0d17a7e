/// Typed reads of a `ParameterValue`, throwing `wrongType` with the model's and parameter's names.
extension ParameterValue {
    public func number(model: String, name: String) throws(ModelError) -> Double {
        if case let .number(value) = self { return value }
        throw .wrongType(model: model, name: name, expected: "a number")
    }

    public func integer(model: String, name: String) throws(ModelError) -> Int {
        let value = try number(model: model, name: name)
        guard value.isFinite, value.rounded() == value, abs(value) < 1e15 else {
            throw .parameterOutOfRange(model: model, name: name, value: formatNumber(value, significantDigits: 15),
                                       allowed: "a whole number")
        }
        return Int(value)
    }

    public func seed(model: String, name: String) throws(ModelError) -> UInt64 {
        let value = try number(model: model, name: name)
        guard value.isFinite, value >= 0, value.rounded() == value, value < 18_446_744_073_709_551_616 else {
            throw .parameterOutOfRange(model: model, name: name, value: formatNumber(value, significantDigits: 15),
                                       allowed: "[0, 2^64 - 1] (integer)")
        }
        return UInt64(value)
    }

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
        case let .list(items):
            var out: [Double] = []
            for item in items {
                guard case let .number(value) = item else {
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
            default: throw .wrongType(model: model, name: name, expected: "a list of words")
            }
        }
        return out
    }
}
