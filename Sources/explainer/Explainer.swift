import ArgumentParser
import Foundation
import Simulation
import Site

@main
struct Explainer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explainer",
        abstract: "Build, check and explore an explainer site.",
        discussion: "Run in the folder that holds content/ and templates/, or pass --root. "
            + "Start a new explainer with `explainer new FOLDER`.",
        version: ExplainerRelease.current.description,
        subcommands: [Build.self, Serve.self, Check.self, New.self, Templates.self, Charts.self, Models.self, Simulate.self],
        defaultSubcommand: Build.self)

    /// Runs the command; usage errors exit with 2 (like most Unix tools), content errors with 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                var standardError = StandardError()
                // A mistyped command (`explainer chekc`) was read as an argument of `build`: its usage would mislead.
                if let word = CommandLine.arguments.dropFirst().first, let hint = commandHint(word) {
                    print("error: unknown command '\(word)'\n" + hint, to: &standardError)
                } else {
                    print(fullMessage(for: error), to: &standardError)
                }
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension ExitCode {
    /// 2: the command line asks for something explainer does not have or cannot do there (README, "Command line").
    static let usageError = ExitCode(2)
}

/// "Did you mean 'build'?" for a first word that is no command but close to one (`explainer buidl`): without a
/// command, explainer builds, and would take the word for an argument of `build`.
func commandHint(_ word: String?) -> String? {
    guard let word, !word.hasPrefix("-") else { return nil }
    let names = Explainer.configuration.subcommands.map { $0._commandName }
    guard !names.contains(word), let match = closestMatch(to: word, among: names) else { return nil }
    return "hint: did you mean 'explainer \(match)'? The commands: " + names.joined(separator: ", ")
}

/// Flags shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding content/ and templates/).")
    var root = "."

    @Flag(name: .long, help: "Include chapters marked draft: true.")
    var drafts = false
}
