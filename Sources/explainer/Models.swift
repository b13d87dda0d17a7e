import ArgumentParser
import Simulation

extension Explainer {
    struct Models: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every model with its parameters, scenarios and output series.")

        @Argument(help: "Show only this model.")
        var model: String?

        func run() async throws {
            let registry = ModelRegistry.standard
            let entries: [ModelEntry]
            if let model {
                do { entries = [try registry.model(named: model)] } catch { fail(error) }
            } else {
                entries = registry.entries
            }
            for (index, entry) in entries.enumerated() {
                if index > 0 { print("") }
                print("\(entry.name) — \(entry.summary)")
                print("  parameters:")
                let width = entry.parameters.map(\.name.count).max() ?? 0
                for spec in entry.parameters {
                    let name = spec.name.padding(to: width)
                    let unit = spec.unit.isEmpty ? "" : " [\(spec.unit)]"
                    print("    \(name)  default \(spec.defaultValue), allowed \(spec.allowed)\(unit) — \(spec.summary)")
                }
                print("  scenarios:")
                for scenario in entry.scenarios { print("    \(scenario.name) — \(scenario.summary)") }
                print("  output series (name [unit] over x — meaning):")
                for output in entry.outputs {
                    print("    \(output.name) [\(output.unit)] over \(output.x) — \(output.summary)")
                }
            }
        }
    }
}

/// Prints a model error (and its hint) and exits 2: every one comes from the command line's model, scenario,
/// parameter or value.
func fail(_ error: ModelError) -> Never {
    var standardError = StandardError()
    print("error: \(error)", to: &standardError)
    if let hint = error.hint { print("  hint: \(hint)", to: &standardError) }
    Explainer.exit(withError: ExitCode.usageError)
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
