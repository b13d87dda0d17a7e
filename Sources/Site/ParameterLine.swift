import Charts
import Simulation

/// The settings line under a model chart, in plain words for any topic: a scenario's own description when the
/// scenario is used unchanged, otherwise the parameters actually set (by the scenario and the block), each in words.
struct ParameterLine {
    let entry: ModelEntry

    func text(scenario: FigureRequest.ScenarioRequest, named: Bool, blockParams: [Scenario.Override],
              variantCount: Int) -> String {
        let definition = named ? entry.scenarios.first { $0.name == scenario.name } : nil
        if let definition, scenario.overrides.isEmpty, blockParams.isEmpty {
            // One chart of the model's defaults needs no settings line: its caption describes it.
            if variantCount == 1 && definition.overrides.isEmpty { return "" }
            return definition.summary
        }
        var effective: [Scenario.Override] = []
        for override in (definition?.overrides ?? []) + blockParams + scenario.overrides {
            effective.removeAll { $0.name == override.name }
            effective.append(override)
        }
        let order = entry.parameters.map(\.name)
        effective.sort { (order.firstIndex(of: $0.name) ?? .max) < (order.firstIndex(of: $1.name) ?? .max) }
        let words = ParameterWords(model: entry.name, parameters: entry.parameters, overrides: effective)
        return effective.map(words.describe).joined(separator: "; ")
    }
}
