import Testing
@testable import Simulation

/// `explainer models` lists each model's output series; the list must be exactly what the models print.
@Suite struct OutputCatalogueTests {
    static func documented(_ series: Series, in entry: ModelEntry) -> Bool {
        entry.outputs.contains { spec in
            spec.matches(series.name) && spec.unit == series.unit
                && (series.labels != nil ? spec.x == "categories" : spec.x == series.xUnit)
        }
    }

    @Test(arguments: ModelRegistry.standard.names)
    func everySeriesOfEveryScenarioIsDocumentedWithItsUnitAndAxis(model: String) throws {
        let entry = try ModelRegistry.standard.model(named: model)
        var seen: Set<String> = []
        for scenario in entry.scenarios {
            let overrides: [Scenario.Override] = model == "tranching" ? [.init("paths", .number(2000))] : []
            for series in try entry.run(scenario: scenario.name, overrides: overrides).series {
                #expect(Self.documented(series, in: entry), "\(model)/\(scenario.name): \(series.name) [\(series.unit)] is not listed")
                for spec in entry.outputs where spec.matches(series.name) { seen.insert(spec.name) }
            }
        }
        for spec in entry.outputs {
            #expect(seen.contains(spec.name), "\(model): \(spec.name) is listed but no scenario prints it")
            #expect(!spec.summary.isEmpty && !spec.unit.isEmpty)
        }
    }

    @Test func patternsMatchOnlyWhatTheyDescribe() {
        let spec = OutputSpec("lhp.trancheEL.<tranche>", unit: "", x: "rho", "")
        #expect(spec.matches("lhp.trancheEL.0-5") && spec.matches("lhp.trancheEL.0.5-100"))
        #expect(!spec.matches("lhp.trancheEL") && !spec.matches("lhp.trancheEL.") && !spec.matches("lhp.trancheHit.0-5"))
        let middle = OutputSpec("value.sl.T<life>.x", unit: "", x: "", "")
        #expect(middle.matches("value.sl.T6.x") && !middle.matches("value.sl.T.x") && !middle.matches("value.sl.T6"))
        #expect(OutputSpec("debt", unit: "", x: "", "").matches("debt"))
        #expect(!OutputSpec("debt", unit: "", x: "", "").matches("debts"))
    }
}
