import ArgumentParser
import Foundation
import Simulation
import Site

extension Explainer {
    struct Templates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the site's templates with the ones this explainer writes, and update them.",
            discussion: """
                A site keeps its own copy of templates/ (written by `explainer new`), so a newer explainer never \
                changes how an existing site looks by itself. Bring them up to date in three steps:
                  explainer templates                    which files differ from this explainer's, or are missing
                  explainer templates diff [FILE...]     the differences, as a unified diff (yours → this explainer's)
                  explainer templates update FILE...     replace those files with this explainer's (commit first)
                FILE is a path such as templates/assets/site.css (the templates/ prefix may be left out), or a file \
                name that only one template file has (site.css).
                """,
            subcommands: [Status.self, Diff.self, Update.self],
            defaultSubcommand: Status.self)

        struct Status: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the templates that differ from this explainer's.")

            @OptionGroup var site: RootOption

            func run() async throws {
                let differences = try compare(root: site.root)
                let changed = differences.filter { $0.state != .same }
                if changed.isEmpty {
                    print("All \(differences.count) template files are the same as \(ExplainerRelease.current.version)'s.")
                    return
                }
                let words: [TemplateDifference.State: String] = [
                    .changed: "differs", .missing: "missing (this explainer has it)", .own: "yours only (kept)",
                ]
                let width = changed.map(\.path.count).max() ?? 0
                for difference in changed {
                    print("\(difference.path.padding(to: width))  \(words[difference.state]!)")
                }
                let same = differences.count - changed.count
                print("\(same) other file\(same == 1 ? "" : "s") the same. See the differences with `explainer templates diff`; "
                      + "take this explainer's version with `explainer templates update FILE`.")
            }
        }

        struct Diff: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show how the site's templates differ from this explainer's (a unified diff).")

            @OptionGroup var site: RootOption

            @Argument(help: "Only these files (default: every file that differs).")
            var files: [String] = []

            func run() async throws {
                let differences = try compare(root: site.root)
                let wanted = try select(files, from: differences)
                let text = wanted.filter { $0.state != .same && $0.state != .own }.map(\.diff).joined()
                print(text.isEmpty ? "No differences." : text, terminator: text.isEmpty ? "\n" : "")
            }
        }

        struct Update: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Replace the named template files with this explainer's (your changes to them are lost).")

            @OptionGroup var site: RootOption

            @Argument(help: "The files to replace or add, e.g. templates/footer.mustache or site.css.")
            var files: [String]

            func validate() throws {
                if files.isEmpty { throw ValidationError("name the files to update; `explainer templates` lists them") }
            }

            func run() async throws {
                let differences = try compare(root: site.root)
                let wanted = try select(files, from: differences)
                do {
                    try updateTemplates(wanted.filter { $0.state != .same }.map(\.path), root: URL(filePath: site.root))
                } catch {
                    reportPlain(error)
                    throw ExitCode.failure
                }
                for difference in wanted {
                    print(difference.state == .same ? "\(difference.path): already the same"
                          : "\(difference.path): \(difference.state == .missing ? "added" : "replaced")")
                }
            }
        }
    }
}

/// Just `--root`, for commands that read a site but do not build it.
struct RootOption: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding content/ and templates/).")
    var root = "."
}

private func compare(root: String) throws -> [TemplateDifference] {
    do {
        return compareTemplates(try readSiteTemplates(root: URL(filePath: root)))
    } catch {
        // The only failure: no templates/ folder where the command was run (or --root points).
        reportPlain(error)
        throw ExitCode.usageError
    }
}

/// The differences for the named files (all of them when none is named); a name that names no file, or several, is a
/// usage error.
private func select(_ names: [String], from differences: [TemplateDifference]) throws -> [TemplateDifference] {
    guard !names.isEmpty else { return differences }
    let byPath = Dictionary(uniqueKeysWithValues: differences.map { ($0.path, $0) })
    var selected: [TemplateDifference] = []
    for name in names {
        do throws(Diagnostic) {
            selected.append(byPath[try templatePath(named: name, among: differences.map(\.path))]!)
        } catch {
            reportPlain(BuildFailure([error]))
            throw ExitCode.usageError
        }
    }
    return selected
}

/// Prints problems that have no place in a file worth naming: `error: message` and the hint.
func reportPlain(_ failure: BuildFailure) {
    var standardError = StandardError()
    for diagnostic in failure.diagnostics {
        print("error: \(diagnostic.message)" + (diagnostic.hint.map { "\n  hint: \($0)" } ?? ""), to: &standardError)
    }
}
