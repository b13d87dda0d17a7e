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
                  explainer templates update FILE...     bring those files up to this explainer's, keeping your changes
                  explainer templates update --replace FILE...   take this explainer's version, dropping your changes
                Your changes are kept: a file you changed that this explainer changed too is merged, line by line, \
                from the text explainer last wrote into the site (kept in .explainer/); where both changed the same \
                lines, the file gets both versions between conflict markers (<<<<<<< … >>>>>>>) for you to choose, \
                and the build refuses it until you have. A site made before explainer kept that text has its files \
                replaced. Whenever your changes leave a file, your version is kept in .explainer/previous/.
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
                let changes: [TemplateDifference.Change: String] = [
                    .yours: "changed by you (this explainer has nothing new for it)",
                    .explainer: "changed by this explainer (update takes it)",
                    .both: "changed by you and by this explainer (update merges them)",
                ]
                let width = changed.map(\.path.count).max() ?? 0
                for difference in changed {
                    print("\(difference.path.padding(to: width))  \(difference.change.map { changes[$0]! } ?? words[difference.state]!)")
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
                abstract: "Bring the named template files up to this explainer's, merging in your changes to them.")

            @OptionGroup var site: RootOption

            @Flag(help: "Take this explainer's version of each file, dropping your changes to it (kept in .explainer/previous/).")
            var replace = false

            @Argument(help: "The files to update or add, e.g. templates/footer.mustache or site.css.")
            var files: [String]

            func validate() throws {
                if files.isEmpty { throw ValidationError("name the files to update; `explainer templates` lists them") }
            }

            func run() async throws {
                let differences = try compare(root: site.root)
                let wanted = try select(files, from: differences)
                let updates: [TemplateUpdate]
                do {
                    updates = try updateTemplates(wanted.filter { $0.state != .own }.map(\.path), root: URL(filePath: site.root),
                                                 replacing: replace)
                } catch {
                    reportPlain(error)
                    throw ExitCode.failure
                }
                for difference in wanted where difference.state == .own {
                    print("\(difference.path): yours only (this explainer has no such file), left as it is")
                }
                var conflicted = false
                for update in updates {
                    let previous = update.keepsPrevious ? "; yours as it was is in \(templatePreviousPath(update.path))" : ""
                    switch update.outcome {
                    case .added: print("\(update.path): added")
                    case .same: print("\(update.path): already the same")
                    case .replaced: print("\(update.path): updated (you had not changed it)")
                    case .kept:
                        print("\(update.path): kept as you changed it (this explainer has nothing new for it; "
                              + "`--replace` takes its version instead)")
                    case .merged: print("\(update.path): merged this explainer's changes with yours\(previous)")
                    case .discarded: print("\(update.path): replaced by this explainer's, as asked\(previous)")
                    case .overwritten:
                        print("\(update.path): replaced by this explainer's (this site does not say which text yours "
                              + "started from, so the two could not be merged)\(previous)")
                    case .conflicts(let lines):
                        conflicted = true
                        let at = lines.map(String.init).joined(separator: ", ")
                        print("\(update.path): merged, but you and this explainer changed the same lines: "
                              + "\(lines.count) conflict\(lines.count == 1 ? "" : "s") at line\(lines.count == 1 ? "" : "s") \(at)\(previous)")
                    }
                }
                if conflicted {
                    var standardError = StandardError()
                    print("Edit each conflict: keep the lines you want from between <<<<<<< and >>>>>>>, and delete the markers. "
                          + "The build refuses the file until then.", to: &standardError)
                    throw ExitCode.failure
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
        return compareTemplates(try readSiteTemplates(root: URL(filePath: root)), bases: readTemplateBases(root: URL(filePath: root)))
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
