/// Why a model could not run. Descriptions follow MODELS.md §0 exactly.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value outside its allowed range, NaN or infinite; or a failed cross-parameter condition. `hint` says what to
    /// do when the parameter's meaning and unit (the default hint) are not enough.
    case parameterOutOfRange(model: String, name: String, value: String, allowed: String, hint: String? = nil)
    /// A parameter name the model does not have.
    case unknownParameter(model: String, name: String, known: [String])
    /// A value of the wrong shape (a list where a number was expected, …).
    case wrongType(model: String, name: String, expected: String)
    /// A scenario name the model does not define.
    case unknownScenario(model: String, name: String, known: [String])
    /// A model name the registry does not know.
    case unknownModel(name: String, known: [String])
    /// The model's dynamics left every sensible range (e.g. a bubble path beyond 1e6).
    case diverged(model: String, parameter: String, detail: String)

    public var description: String {
        switch self {
        case let .parameterOutOfRange(model, name, value, allowed, _):
            "\(model): parameter '\(name)' = \(value) is outside the allowed range \(allowed)"
        case let .unknownParameter(model, name, _):
            "\(model): unknown parameter '\(name)'"
        case let .wrongType(model, name, expected):
            "\(model): parameter '\(name)' must be \(expected)"
        case let .unknownScenario(model, name, _):
            "\(model): unknown scenario '\(name)'"
        case let .unknownModel(name, _):
            "unknown chart model '\(name)'"
        case let .diverged(model, parameter, detail):
            "\(model): the path diverged (\(detail)); lower '\(parameter)'"
        }
    }

    /// What to do about it: a "did you mean" suggestion and the known names.
    public var hint: String? {
        switch self {
        case let .unknownParameter(_, name, known) where !name.isEmpty && name.allSatisfy(\.isNumber):
            // `{debt0: 27,3}`: a comma separates the entries of {…}, so the decimal comma made '3' a name.
            "decimals use a point: write 27.3, not 27,3 (in {…} a comma separates parameters, so what follows it was "
                + "read as a parameter's name). Known parameters: " + known.joined(separator: ", ")
        case let .unknownParameter(_, name, known):
            suggestionHint(for: name, among: known, noun: "parameters")
        case let .unknownScenario(_, name, known):
            suggestionHint(for: name, among: known, noun: "scenarios")
        case let .unknownModel(name, known):
            suggestionHint(for: name, among: known, noun: "models")
        case let .wrongType(model, _, expected) where expected.hasPrefix("a number"):
            "write a plain number, without '%', units or thousands separators: 0.02 for 2 % where the parameter is a "
                + "fraction, 1500 for 1,500 (`explainer models \(model)` gives each parameter's unit and range)"
        case let .parameterOutOfRange(_, _, _, _, hint?):
            hint
        case let .parameterOutOfRange(model, name, _, _, nil):
            rangeHint(model: model, parameter: name)
        case .wrongType, .diverged:
            nil
        }
    }
}

/// What a parameter is, in its unit, for an out-of-range value: "'p': default probability of each lease over the
/// horizon; a probability, written as a decimal: 0.02 for 2 %. Allowed: [0.000001, 0.5] (`explainer models tranching`
/// lists every parameter)".
func rangeHint(model: String, parameter: String) -> String? {
    let base = String(parameter.prefix { $0 != "[" })
    guard let spec = ModelRegistry.standard.entries.first(where: { $0.name == model })?.parameters
        .first(where: { $0.name == base }) else { return nil }
    var summary = spec.summary
    // "θ: how fast …", "waterfall: opening pool …": the symbol or group before a short prefix's colon is left out.
    if let colon = summary.firstIndex(of: ":"), summary.distance(from: summary.startIndex, to: colon) <= 10 {
        let prefix = summary[..<colon]
        summary = String(summary[summary.index(after: colon)...].drop { $0 == " " }) + (prefix == "assumption" ? " (an assumption)" : "")
    }
    let decimal = ["fraction", "probability", "return", "fraction of pool", "share", "price fall"]
    // "1": a pure number, which has no unit to name ("…; in 1." read as a sentence cut short).
    let unit = spec.unit.isEmpty || spec.unit == "1" ? ""
        : decimal.contains(spec.unit) ? "; a \(spec.unit), written as a decimal: 0.02 for 2 %"
        : spec.unit == "correlation" ? "; a correlation, written as a decimal (0.3, not 30 %)"
        : ["names", "paths", "rounds", "periods", "labels", "word", "year index", "year"].contains(spec.unit) ? ""
        : spec.unit == "$" ? "; in dollars (the model's own unit)"
        : spec.unit == "/yr" || spec.unit == "per year" ? "; a rate a year, written as a decimal: 0.02 for 2 %"
        : spec.unit.hasPrefix("×") ? "; a multiple (\(spec.unit))"
        : "; in \(spec.unit)"
    return "'\(base)': \(summary)\(unit). Allowed: \(spec.allowed) (`explainer models \(model)` lists every parameter)"
}

/// "did you mean 'x'? Known <noun>: a, b, c" (the suggestion only when one is close enough).
public func suggestionHint(for name: String, among known: [String], noun: String) -> String {
    let list = "Known \(noun): " + known.joined(separator: ", ")
    guard let best = closestMatch(to: name, among: known) else { return list }
    return "did you mean '\(best)'? " + list
}

/// The known name with the smallest edit distance, if it is within a third of the name's length (at least 2), or one
/// edit for a name of four letters or fewer.
public func closestMatch(to name: String, among known: [String]) -> String? {
    let lowered = name.lowercased()
    var best: (String, Int)?
    for candidate in known {
        let distance = editDistance(lowered, candidate.lowercased())
        if best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    // Close for its length: one edit, or two letters swapped (`hbra`), in a short name (`site` is not `date`); a
    // third of a longer one's letters.
    guard let (match, distance) = best,
          name.count <= 4 ? distance <= 1 || isOneSwap(lowered, match.lowercased()) : distance <= max(2, name.count / 3) else { return nil }
    return match
}

/// Whether `b` is `a` with two neighbouring characters swapped.
private func isOneSwap(_ a: String, _ b: String) -> Bool {
    let a = Array(a), b = Array(b)
    guard a.count == b.count, let first = a.indices.first(where: { a[$0] != b[$0] }), first + 1 < a.count else { return false }
    return a[first] == b[first + 1] && a[first + 1] == b[first] && a[(first + 2)...] == b[(first + 2)...]
}

/// Levenshtein distance over characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
