import Foundation
import Simulation
import Testing
@testable import Site

/// Random valid parameter sets for every model through what a writer and a reader see: `explainer simulate`'s CSV
/// and scalars, the generated parameter line and a chart on a page. No set may trap; every printed value is finite,
/// or the run ends in an error (exit 1 on the command line, a diagnostic in the build).
///
/// `make test` draws a few capped sets per model (paths ≤ 2,000, n ≤ 200); `make property-check` sets
/// EXPLAINER_PROPERTY_FULL=1 (full ranges) and EXPLAINER_PROPERTY_SETS (sets per model).
@Suite struct ModelPropertyTests {
    static let environment = ProcessInfo.processInfo.environment
    static let full = environment["EXPLAINER_PROPERTY_FULL"] == "1"
    static let sets = Int(environment["EXPLAINER_PROPERTY_SETS"] ?? "") ?? (full ? 100 : 6)
    static let seed = UInt64(environment["EXPLAINER_PROPERTY_SEED"] ?? "") ?? 20_261_203

    /// The words a non-finite number prints as, in the CLI's formatter and on a page.
    static let nonFinite = ["NaN", "nan", "inf", "Infinity", "∞"]

    /// What `explainer simulate --scalars` prints: `# name = value` lines, then the CSV tables.
    static func simulatePrintout(_ output: ModelOutput) -> String {
        output.scalars.keys.sorted().map { "# \($0) = \(formatNumber(output.scalars[$0]!, significantDigits: 10))\n" }
            .joined() + output.csvTables().joined(separator: "\n")
    }

    /// The printed fields that are not finite numbers (labels in the first column of category tables are skipped).
    static func nonFiniteFields(_ printout: String) -> [String] {
        var bad: [String] = []
        for line in printout.split(separator: "\n") {
            if line.hasPrefix("# ") {
                let value = String(line.split(separator: "=").last ?? "").trimmingCharacters(in: .whitespaces)
                if Double(value)?.isFinite != true { bad.append(String(line)) }
                continue
            }
            for field in line.split(separator: ",", omittingEmptySubsequences: false).dropFirst() {
                if let number = Double(field), !number.isFinite { bad.append(String(line)) }
                if nonFinite.contains(String(field)) || field.hasSuffix("inf") { bad.append(String(line)) }
            }
        }
        return bad
    }

    /// Numbers printed as NaN or ±inf in a text (whole words only: "inflows" and "infinite" are words, not numbers).
    static func printedNonFinite(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" || $0 == "$" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".:%")) }
            .filter { ["NaN", "inf", "-inf", "nan"].contains($0) }
    }

    /// A chapter with one chart block of `model`: the first series with an x grid (a line), else the first category
    /// series (bars), under the drawn scenario and parameters.
    static func chapter(model: String, scenario: String, overrides: [Scenario.Override], output: ModelOutput) -> String? {
        guard let chosen = output.series.first(where: { $0.labels == nil && $0.x.count > 1 })
                ?? output.series.first(where: { $0.labels != nil }) else { return nil }
        let params = overrides.map { "  \($0.name): \(yaml($0.value))" }.joined(separator: "\n")
        return "---\ntitle: Property\n---\nIntro.\n\n```chart\nid: property\ntitle: T\ncaption: C.\nmodel: \(model)\n"
            + "kind: \(chosen.labels == nil ? "line" : "bar")\nseries: [\(chosen.name)]\nscenarios: [\(scenario)]\n"
            + (params.isEmpty ? "" : "params:\n" + params + "\n") + "```\n"
    }

    @Test(arguments: ModelRegistry.standard.names)
    func randomValidParametersNeverTrapAndPrintOnlyFiniteNumbers(model: String) throws {
        let entry = try ModelRegistry.standard.model(named: model)
        var draws = ParameterDraws(seed: Self.seed &+ UInt64(model.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude),
                                   capped: !Self.full)
        var ran = 0, drawn = 0
        for index in 0..<Self.sets {
            let scenario = draws.scenario(entry)
            let overrides = draws.overrides(for: model)
            drawn += 1
            let output: ModelOutput
            do {
                output = try entry.run(scenario: scenario, overrides: overrides)
            } catch {
                // An error is an allowed outcome (exit 1); it must print only finite numbers too.
                #expect(Self.printedNonFinite(error.description).isEmpty, "\(model) #\(index): \(error)")
                continue
            }
            ran += 1
            let printout = Self.simulatePrintout(output)
            let bad = Self.nonFiniteFields(printout)
            #expect(bad.isEmpty, "\(model) #\(index) \(scenario) \(overrides.map { "\($0.name)=\(yaml($0.value))" }): \(bad.prefix(3))")
            #expect(Self.printedNonFinite(output.assumptions).isEmpty, "\(model) #\(index): \(output.assumptions)")
            guard index < 3 || Self.full, let page = Self.chapter(model: model, scenario: scenario, overrides: overrides,
                                                                   output: output) else { continue }
            let site: OutputTree
            do throws(BuildFailure) {
                site = try build(miniSite(chapter: page))
            } catch {
                // A chart that cannot be drawn is a build error with a message, never a trap.
                #expect(!error.diagnostics.isEmpty)
                continue
            }
            let html = try #require(text(site, "intro/index.html"))
            for word in ["NaN", "Infinity", "∞", ">inf<", ">-inf<"] {
                #expect(!html.contains(word), "\(model) #\(index): the page shows \(word)")
            }
        }
        // The draws must mostly be valid, or the property says little.
        #expect(ran * 3 >= drawn, "\(model): only \(ran) of \(drawn) sets ran")
    }
}
