import ArgumentParser
import Foundation
import Simulation

extension Explainer {
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a model and print its output series as CSV.",
            discussion: """
                Series on the same x grid share one table; tables are separated by a blank line.
                Examples:
                  explainer simulate tranching --set rho=0.6
                  explainer simulate gpuCollateral --scenario burry --series debt,value.exp
                  explainer simulate fireSale --set "shock=[-0.5, -0.08, -0.3, 0]"
                """)

        @Argument(help: "Model name (see `explainer models`).")
        var model: String

        @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter.", valueName: "name=value"))
        var settings: [String] = []

        @Option(help: "Start from this named scenario.")
        var scenario = "base"

        // Read as text and unconditionally (so `--seed -1` reaches the check below instead of counting as an
        // option), then parsed exactly as a UInt64: seeds are 64-bit and never pass through a Double.
        @Option(parsing: .unconditional,
                help: "Random seed (a whole number 0…2^64 − 1), for models that have a 'seed' parameter.")
        var seed: String?

        @Option(help: "Comma-separated series names to print (default: all).")
        var series: String?

        @Flag(help: "Also print the model's scalars as '# name = value' lines.")
        var scalars = false

        func validate() throws {
            for setting in settings where !setting.contains("=") {
                throw ValidationError("--set needs name=value, got '\(setting)'")
            }
            // One value per parameter: a second one would silently win over the first (`--seed 5 --set seed=6`).
            var named: Set<Substring> = seed == nil ? [] : ["seed"]
            for setting in settings {
                let name = setting.split(separator: "=", maxSplits: 1).first ?? ""
                guard !named.contains(name) else {
                    throw ValidationError(name == "seed" && seed != nil
                        ? "the seed is given twice (--seed \(seed!) and --set \(setting)): give it once"
                        : "--set gives '\(name)' twice: give each parameter once")
                }
                named.insert(name)
            }
            // `rho=0,5`: a decimal comma (trial 15 N7), not a thousands separator.
            for setting in settings {
                let parts = setting.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, let match = parts[1].wholeMatch(of: /(-?\d+),(\d{1,2}|\d{4,})/) else { continue }
                throw ValidationError("--set \(setting): decimals use a point: \(parts[0])=\(match.1).\(match.2)")
            }
        }

        func run() async throws {
            let entry: ModelEntry
            do { entry = try ModelRegistry.standard.model(named: model) } catch { fail(error) }
            var overrides = settings.map { setting -> Scenario.Override in
                let parts = setting.split(separator: "=", maxSplits: 1)
                return Scenario.Override(String(parts[0]), ParameterValue.parse(parts.count > 1 ? String(parts[1]) : ""))
            }
            if let seed {
                guard entry.parameters.contains(where: { $0.name == "seed" }) else {
                    fail(.unknownParameter(model: entry.name, name: "seed", known: entry.parameters.map(\.name)))
                }
                let digits = seed.filter { $0 != "_" }
                guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = UInt64(digits) else {
                    fail(.parameterOutOfRange(model: entry.name, name: "seed", value: seed, allowed: ParameterValue.seedRange))
                }
                overrides.append(Scenario.Override("seed", .integer(value)))
            }
            let output: ModelOutput
            do { output = try entry.run(scenario: scenario, overrides: overrides) } catch { fail(error) }
            // What the build would warn of (fire-sale rounds cut short, …), on standard error so the CSV stays clean.
            var standardError = StandardError()
            for warning in output.warnings {
                print("warning: \(warning.message)\n  hint: \(warning.hint)", to: &standardError)
            }
            if scalars {
                for key in output.scalars.keys.sorted() { print("# \(key) = \(formatNumber(output.scalars[key]!, significantDigits: 10))") }
            }
            let wanted = series.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            if let wanted {
                // `--series ""` (an empty variable in a script) would print nothing and succeed.
                guard !wanted.isEmpty else {
                    print("error: --series names no series", to: &standardError)
                    print("  hint: give one or more of \(output.series.map(\.name).joined(separator: ", ")), separated by commas, "
                          + "or leave --series out to print them all", to: &standardError)
                    throw ExitCode.usageError
                }
                for name in wanted where output.series(named: name) == nil {
                    print("error: \(model) has no series '\(name)'", to: &standardError)
                    print("  hint: " + suggestionHint(for: name, among: output.series.map(\.name), noun: "series"), to: &standardError)
                    throw ExitCode.usageError
                }
            }
            print(output.csvTables(seriesNamed: wanted).joined(separator: "\n"), terminator: "")
        }
    }
}
