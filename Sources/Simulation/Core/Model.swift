/// Documentation of one parameter, for `explainer models` and error messages.
public struct ParameterSpec: Sendable, Equatable {
    public var name: String
    public var unit: String
    /// The default as printed (a number, a list, a word).
    public var defaultValue: String
    /// The allowed values as printed (`[0, 0.999]`, `each in [1, 30]`, `1–30 values`).
    public var allowed: String
    public var summary: String

    public init(_ name: String, unit: String, default defaultValue: String, allowed: String, _ summary: String) {
        self.name = name
        self.unit = unit
        self.defaultValue = defaultValue
        self.allowed = allowed
        self.summary = summary
    }
}

/// A named set of parameter overrides on the defaults; `base` is always the defaults.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var summary: String
    public var overrides: [Override]

    public struct Override: Sendable, Equatable {
        public var name: String
        public var value: ParameterValue
        /// How a figure's settings line shows `value`, when its numbers are not all sources' numbers: a path the
        /// model extends from two published values is shown as those two and "…" (`"375, 500, …"`), not with
        /// the model's own extension as if it had been published too.
        public var shown: ParameterValue?
        public init(_ name: String, _ value: ParameterValue, shown: ParameterValue? = nil) {
            self.name = name
            self.value = value
            self.shown = shown
        }
    }

    public init(_ name: String, _ summary: String, _ overrides: [Override] = []) {
        self.name = name
        self.summary = summary
        self.overrides = overrides
    }
}

/// A model's parameter set: defaults from MODELS.md, settable by name, validated before any computation.
public protocol ModelParameters: Sendable {
    /// The defaults of MODELS.md.
    init()
    /// Sets one parameter by its public name; throws `unknownParameter` or `wrongType`.
    mutating func set(_ name: String, to value: ParameterValue) throws(ModelError)
    /// Rejects every out-of-range value with an error naming the parameter, its value and the allowed range.
    func validate() throws(ModelError)
}

/// One model of MODELS.md: a pure function from validated parameters to named series.
public protocol SimulationModel: Sendable {
    associatedtype Parameters: ModelParameters
    /// The name used in ```chart blocks and on the command line.
    static var name: String { get }
    /// One line: what the model shows.
    static var summary: String { get }
    static var parameters: [ParameterSpec] { get }
    /// Named scenarios; the first is `base` (no overrides).
    static var scenarios: [Scenario] { get }
    /// The series it prints, documented.
    static var outputs: [OutputSpec] { get }
    /// Runs the model; `parameters` have already been validated.
    static func run(_ parameters: Parameters) throws(ModelError) -> ModelOutput
}

extension SimulationModel {
    /// Applies a scenario, then explicit overrides, validates, and runs.
    public static func run(scenario scenarioName: String = "base",
                           overrides: [Scenario.Override] = []) throws(ModelError) -> ModelOutput {
        guard let scenario = scenarios.first(where: { $0.name == scenarioName }) else {
            throw .unknownScenario(model: name, name: scenarioName, known: scenarios.map(\.name))
        }
        var parameters = Parameters()
        for override in scenario.overrides + overrides {
            try parameters.set(override.name, to: override.value)
        }
        try parameters.validate()
        var output = try run(parameters)
        output.scenario = scenario.name
        return output
    }
}
