import Charts
import Simulation

/// The settings line under a model chart, in plain words for any topic, never a scenario's internal summary (which
/// may use symbols like α_max or code names).
///
/// A figure of one chart prints the parameters its block sets (none: no line, the caption describes the defaults).
/// A figure of several scenarios prints, for every variant, the same parameters: those the block sets and those whose
/// values differ between its variants, each with this variant's value, so the lines compare like the charts do.
struct ParameterLine {
    let entry: ModelEntry
    /// Names the block gives to items of list parameters (`labels:`), e.g. an asset "DC debt senior".
    var labels: [String: String] = [:]
    /// The page's language: numbers and parameter words (`ParameterWords`).
    var language = ChartLanguage.english

    /// Every variant's line, in the order of `scenarios`.
    func lines(for scenarios: [FigureRequest.ScenarioRequest], blockParams: [Scenario.Override]) -> [String] {
        let effective = scenarios.map { self.effective($0, blockParams: blockParams) }
        let shown: [String]
        if scenarios.count == 1 {
            let set = Set(blockParams.map(\.name) + scenarios[0].overrides.map(\.name)
                + (definition(scenarios[0])?.overrides.map(\.name) ?? []))
            shown = entry.parameters.map(\.name).filter(set.contains)
        } else {
            let set = Set(blockParams.map(\.name))
            shown = entry.parameters.map(\.name).filter { name in
                let values = effective.map { $0[name] }
                return set.contains(name) || values.contains { $0 != values[0] }
            }
        }
        return effective.map { values in
            let overrides = shown.compactMap { name in values[name].map { Scenario.Override(name, $0) } }
            var words = ParameterWords(model: entry.name, parameters: entry.parameters, overrides: overrides, labels: labels)
            words.language = language
            return overrides.map(words.describe).joined(separator: words.word("paramSeparator", "; "))
        }
    }

    private func definition(_ scenario: FigureRequest.ScenarioRequest) -> Scenario? {
        entry.scenarios.first { $0.name == scenario.name }
    }

    /// Every parameter's value in this variant: the model's default, then the named scenario's, the block's
    /// `params:` and the scenario's own overrides.
    private func effective(_ scenario: FigureRequest.ScenarioRequest, blockParams: [Scenario.Override]) -> [String: ParameterValue] {
        var values: [String: ParameterValue] = [:]
        for parameter in entry.parameters { values[parameter.name] = ParameterValue.parse(parameter.defaultValue) }
        for override in (definition(scenario)?.overrides ?? []) + blockParams + scenario.overrides {
            values[override.name] = override.value
        }
        return values
    }
}
