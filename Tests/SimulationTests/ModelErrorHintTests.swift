import Testing
@testable import Simulation

/// Every out-of-range error says what the parameter is and in what unit (audit 8: range errors had no hint).
@Suite struct ModelErrorHintTests {
    @Test func aRangeErrorsHintGivesTheParametersMeaningUnitAndRange() {
        let error = #expect(throws: ModelError.self) { try Tranching.run(overrides: [.init("p", .number(0))]) }
        #expect(error?.description == "tranching: parameter 'p' = 0 is outside the allowed range [0.000001, 0.5]")
        #expect(error?.hint == "'p': default probability of each lease over the horizon; a probability, written as a decimal: "
            + "0.02 for 2 %. Allowed: [0.000001, 0.5] (`explainer models tranching` lists every parameter)")
        let decay = #expect(throws: ModelError.self) { try LeaseSPV.run(overrides: [.init("assetDecay", .number(4))]) }
        #expect(decay?.hint == "'assetDecay': yearly decay of the campus value (an assumption); a rate a year, written as a "
            + "decimal: 0.02 for 2 %. Allowed: [0, 0.5] (`explainer models leaseSPV` lists every parameter)")
        let entry = #expect(throws: ModelError.self) {
            try FireSale.run(overrides: [.init("theta", .list([.number(1), .number(2), .number(0), .number(1)]))])
        }
        #expect(entry?.hint?.hasPrefix("'theta': how fast each holder sells back to its target leverage; a fraction") == true)
    }

    /// Trial 13 (nit): a pure number's unit, "1", was named: "…the most profitable belief; in 1. Allowed: …".
    @Test func aPureNumbersHintNamesNoUnit() {
        let hint = ModelError.parameterOutOfRange(model: "bubbles", name: "beta", value: "2000", allowed: "[0, 1000]").hint
        #expect(hint == "'beta': intensity of choice: how fast traders switch to the most profitable belief. Allowed: [0, 1000] "
            + "(`explainer models bubbles` lists every parameter)")
    }

    @Test func everyParameterOfEveryModelHasARangeHint() {
        for entry in ModelRegistry.standard.entries {
            for parameter in entry.parameters {
                let hint = ModelError.parameterOutOfRange(model: entry.name, name: parameter.name, value: "x", allowed: "y").hint
                #expect(hint?.hasPrefix("'\(parameter.name)': ") == true, "\(entry.name).\(parameter.name)")
            }
        }
    }
}
