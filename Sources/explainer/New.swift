import ArgumentParser
import Foundation
import Site

extension Explainer {
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new explainer in FOLDER that builds as it is.",
            discussion: """
                Writes content/ (site.yml, an example chapter with a chart, sources.yml, glossary.yml, data/, images/) \
                and templates/ (with assets/). FOLDER must be new or empty.
                """)

        @Argument(help: "The folder to create (must not exist yet, or be empty).")
        var folder: String

        @Option(help: "The site's title.")
        var title = "My explainer"

        func run() async throws {
            let destination = URL(filePath: folder)
            do {
                try writeStarterSite(to: destination, title: title)
            } catch {
                var standardError = StandardError()
                // Not a content problem, so no file:line:column; just what is wrong and what to do.
                for diagnostic in error.diagnostics {
                    print("error: \(diagnostic.message)" + (diagnostic.hint.map { "\n  hint: \($0)" } ?? ""), to: &standardError)
                }
                throw ExitCode.failure
            }
            print("Created a new explainer in \(folder)/.")
            print("Next: cd \(folder) && explainer build   (then open public/index.html)")
        }
    }
}
