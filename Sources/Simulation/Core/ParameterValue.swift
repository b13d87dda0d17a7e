/// A parameter value as written in a chart block or on the command line, before a model types it.
public indirect enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    /// A whole number written without sign, point or exponent (`18446744073709551615`), kept exact: seeds are
    /// 64-bit and a Double would round them above 2^53. Everywhere a number is read it counts as that number.
    case integer(UInt64)
    case bool(Bool)
    case text(String)
    case list([ParameterValue])

    public var description: String {
        switch self {
        case let .number(value): formatNumber(value, significantDigits: 15)
        case let .integer(value): String(value)
        case let .bool(value): value ? "true" : "false"
        case let .text(value): value
        case let .list(values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Parses command-line text: `0.3`, `true`, `never`, `[1, 2, 3]`, `[[0.8, 0.2], [0.5, 0.5]]` or `1,2,3`.
    public static func parse(_ text: String) -> ParameterValue {
        var parser = ValueParser(characters: Array(text))
        let value = parser.parseTop()
        return value
    }
}

private struct ValueParser {
    let characters: [Character]
    var index = 0

    mutating func parseTop() -> ParameterValue {
        skipSpaces()
        if index < characters.count, characters[index] == "[" { return parseItem() }
        let whole = String(characters).trimmingSpaces()
        if whole.contains(",") {
            return .list(whole.split(separator: ",", omittingEmptySubsequences: false).map { scalar(String($0)) })
        }
        return scalar(whole)
    }

    mutating func parseItem() -> ParameterValue {
        skipSpaces()
        guard index < characters.count, characters[index] == "[" else {
            var token = ""
            while index < characters.count, characters[index] != ",", characters[index] != "]" {
                token.append(characters[index]); index += 1
            }
            return scalar(token)
        }
        index += 1
        var items: [ParameterValue] = []
        skipSpaces()
        if index < characters.count, characters[index] == "]" { index += 1; return .list(items) }
        while index < characters.count {
            items.append(parseItem())
            skipSpaces()
            if index < characters.count, characters[index] == "," { index += 1; continue }
            if index < characters.count, characters[index] == "]" { index += 1 }
            break
        }
        return .list(items)
    }

    mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " { index += 1 }
    }

    func scalar(_ raw: String) -> ParameterValue {
        let token = raw.trimmingSpaces()
        switch token.lowercased() {
        case "true", "yes": return .bool(true)
        case "false", "no": return .bool(false)
        case "nan", ".nan": return .number(.nan)
        case "inf", ".inf", "+inf", "+.inf": return .number(.infinity)
        case "-inf", "-.inf": return .number(-.infinity)
        default: break
        }
        let plain = token.filter { $0 != "_" }
        if !plain.isEmpty, plain.allSatisfy({ $0.isASCII && $0.isNumber }), let whole = UInt64(plain) { return .integer(whole) }
        if let number = Double(plain) { return .number(number) }
        return .text(token)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
