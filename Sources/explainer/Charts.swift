import ArgumentParser
import Charts
import Simulation
import Site

extension Explainer {
    struct Charts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the chart kinds, or print one kind's data shape, keys and a chart block to copy.",
            discussion: "The same samples are drawn on the gallery page (`gallery: true` in site.yml).")

        @Argument(help: "A chart kind, e.g. line or hbar.")
        var kind: String?

        func run() async throws {
            guard let kind else {
                print(ChartReference.overview(), terminator: "")
                return
            }
            guard let reference = ChartReference.kind(named: kind) else {
                var standardError = StandardError()
                print("error: unknown chart kind '\(kind)'", to: &standardError)
                print("  hint: " + ChartReference.unknownKindHint(kind), to: &standardError)
                throw ExitCode.usageError
            }
            print(ChartReference.text(for: reference), terminator: "")
        }
    }
}
