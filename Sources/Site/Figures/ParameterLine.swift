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

    /// Every variant's line, in the order of `scenarios`, without the parameters in `leavingOut` (see `unseen`).
    func lines(for scenarios: [FigureRequest.ScenarioRequest], blockParams: [Scenario.Override],
               leavingOut: Set<String> = []) -> [String] {
        let effective = scenarios.map { self.effective($0, blockParams: blockParams) }
        let shown: [String]
        if scenarios.count == 1 {
            let set = Set(blockParams.map(\.name) + scenarios[0].overrides.map(\.name)
                + (definition(scenarios[0])?.overrides.map(\.name) ?? []))
            shown = entry.parameters.map(\.name).filter(set.contains)
        } else {
            let set = Set(blockParams.map(\.name))
            // A value the block's scenarios set, even one they all set alike (`{base: {sigma: 0.02}, calm: {sigma: 0.02}}`),
            // is the block's setting as `params:` would be (recheck 14 S4).
            let scenarioSet = Set(scenarios.flatMap(\.overrides).map(\.name))
            shown = entry.parameters.map(\.name).filter { name in
                set.contains(name) || (!leavingOut.contains(name) && (differs(name, effective) || scenarioSet.contains(name)))
            }
        }
        return zip(scenarios, effective).map { scenario, values in
            // A named scenario's value with a form of its own to show (`Scenario.Override.shown`) is shown so where
            // this variant draws it.
            let own = definition(scenario)?.overrides ?? []
            let overrides = shown.compactMap { name in
                values[name].map { value in
                    Scenario.Override(name, own.first { $0.name == name && $0.value == value }?.shown ?? value)
                }
            }
            var words = ParameterWords(model: entry.name, parameters: entry.parameters, overrides: overrides, labels: labels)
            words.language = language
            return overrides.map(words.describe).joined(separator: words.word("paramSeparator", "; "))
        }
    }

    /// The parameters a figure of several variants would print only because their values differ between the
    /// variants, but which change nothing the chart draws: the accounting lives of a scenario on a chart of market
    /// value. `drawsTheSame(name, value)` answers whether the first variant, with only this parameter set to another
    /// variant's value, draws exactly what it draws now; a parameter is left out when it does for every such value.
    func unseen(in scenarios: [FigureRequest.ScenarioRequest], blockParams: [Scenario.Override],
                drawsTheSame: (String, ParameterValue) -> Bool) -> Set<String> {
        guard scenarios.count > 1 else { return [] }
        let effective = scenarios.map { self.effective($0, blockParams: blockParams) }
        let set = Set(blockParams.map(\.name))
        let differing = entry.parameters.map(\.name).filter { !set.contains($0) && differs($0, effective) }
        // A parameter that alone tells two variants apart changes what they draw: no need to run the model again.
        let alone = Set(effective.dropFirst().compactMap { values -> String? in
            let names = differing.filter { values[$0] != effective[0][$0] }
            return names.count == 1 ? names[0] : nil
        })
        return Set(differing.filter { name in
            guard !alone.contains(name) else { return false }
            var tried: [ParameterValue] = []
            for values in effective.dropFirst() {
                guard let value = values[name], value != effective[0][name], !tried.contains(value) else { continue }
                tried.append(value)
                if !drawsTheSame(name, value) { return false }
            }
            return true
        })
    }

    private func differs(_ name: String, _ effective: [[String: ParameterValue]]) -> Bool {
        let values = effective.map { $0[name] }
        return values.contains { $0 != values[0] }
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
