/// A model behind a uniform interface, so the site and the CLI can run it by name.
public struct ModelEntry: Sendable {
    public let name: String
    public let summary: String
    public let parameters: [ParameterSpec]
    public let scenarios: [Scenario]
    public let outputs: [OutputSpec]
    private let runner: @Sendable (String, [Scenario.Override]) throws(ModelError) -> ModelOutput

    public init<M: SimulationModel>(_ model: M.Type) {
        name = M.name
        summary = M.summary
        parameters = M.parameters
        scenarios = M.scenarios
        outputs = M.outputs
        runner = { (scenario: String, overrides: [Scenario.Override]) throws(ModelError) -> ModelOutput in
            try M.run(scenario: scenario, overrides: overrides)
        }
    }

    /// Runs a scenario (default `base`) with explicit overrides applied on top.
    public func run(scenario: String = "base", overrides: [Scenario.Override] = []) throws(ModelError) -> ModelOutput {
        try runner(scenario, overrides)
    }
}

/// Maps the model names used in ```chart blocks to models.
public struct ModelRegistry: Sendable {
    public let entries: [ModelEntry]

    public init(_ entries: [ModelEntry]) {
        self.entries = entries.sorted { $0.name < $1.name }
    }

    /// Every model of MODELS.md that this build implements.
    public static let standard = ModelRegistry(allModels)

    public var names: [String] { entries.map(\.name) }

    /// The model with this name, or `unknownModel` with a "did you mean" hint.
    public func model(named name: String) throws(ModelError) -> ModelEntry {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw .unknownModel(name: name, known: names)
        }
        return entry
    }
}
