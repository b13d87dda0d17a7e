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
                and the build refuses it until you have. A site made before explainer kept that text cannot tell \
                your changes from explainer's: update leaves its changed files alone (see them with diff, then copy \
                by hand or --replace). Whenever your changes leave a file, your version is kept in .explainer/previous/.
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
                defer { noteOtherWorkflowExplainer(root: site.root) }
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
                    let conflicts = difference.unresolvedConflicts
                    let word = !conflicts.isEmpty
                        ? "has a merge conflict you have not resolved, at line\(conflicts.count == 1 ? "" : "s") "
                            + conflicts.map(String.init).joined(separator: ", ")
                        : difference.change.map { changes[$0]! }
                            ?? (difference.state == .changed && difference.base == nil
                                ? "differs (this site does not record where your copy started; see `explainer templates diff`)"
                                : words[difference.state]!)
                    print("\(difference.path.padding(to: width))  \(word)")
                }
                let same = differences.count - changed.count
                print("\(same) other file\(same == 1 ? "" : "s") the same. See the differences with `explainer templates diff`; "
                      + "bring a file up to this explainer's with `explainer templates update FILE`.")
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
                var conflicted = false, failed = false
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
                    case .unknownStart:
                        failed = true
                        print("\(update.path): not updated. This site was made by an explainer that did not record where your "
                              + "copy started, so your changes cannot be told from explainer's. See both with `explainer templates "
                              + "diff \(update.path)` and copy what you want by hand, or take this explainer's with "
                              + "`explainer templates update --replace \(update.path)` (yours is then kept in "
                              + "\(templatePreviousPath(update.path))); from then on updates merge.")
                    case .unresolved(let lines):
                        failed = true
                        print("\(update.path): not updated: it still has a merge conflict from the last update, at line"
                              + "\(lines.count == 1 ? "" : "s") \(lines.map(String.init).joined(separator: ", ")); resolve it first")
                    case .conflicts(let lines):
                        conflicted = true
                        failed = true
                        let at = lines.map(String.init).joined(separator: ", ")
                        print("\(update.path): merged, but you and this explainer changed the same lines: "
                              + "\(lines.count) conflict\(lines.count == 1 ? "" : "s") at line\(lines.count == 1 ? "" : "s") \(at)\(previous)")
                    }
                }
                if conflicted {
                    var standardError = StandardError()
                    print("Edit each conflict: keep the lines you want from between <<<<<<< and >>>>>>>, and delete the markers. "
                          + "The build refuses the file until then.", to: &standardError)
                }
                if failed { throw ExitCode.failure }
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

/// Says so when the site's GitHub Pages workflow builds with another explainer than this one: after updating the
/// templates, the published site would be built by the explainer they came before.
private func noteOtherWorkflowExplainer(root: String) {
    guard let workflow = workflowExplainerRef(root: root), let commit = ExplainerRelease.current.commit,
          !commit.hasPrefix(workflow) else { return }
    print("Note: .github/workflows/pages.yml publishes with explainer \(workflow.prefix(12)), not this one "
          + "(\(commit.prefix(12))): set its EXPLAINER_REF to \(commit) when you update the templates.")
}

/// The explainer commit a site's GitHub Pages workflow builds with (`EXPLAINER_REF: "…"`), if it names one.
private func workflowExplainerRef(root: String) -> String? {
    guard let text = try? String(contentsOf: URL(filePath: root).appending(path: ".github/workflows/pages.yml"), encoding: .utf8)
    else { return nil }
    for line in text.split(separator: "\n") {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("EXPLAINER_REF:") else { continue }
        let value = trimmed.dropFirst("EXPLAINER_REF:".count).split(separator: "#").first ?? ""
        let ref = value.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        // A tag or branch cannot be compared with this binary's commit.
        return ref.count >= 7 && ref.allSatisfy(\.isHexDigit) ? ref.lowercased() : nil
    }
    return nil
}
