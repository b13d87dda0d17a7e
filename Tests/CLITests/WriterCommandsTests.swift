import Foundation
import Testing

/// The commands a writer meets first: --version, running in the wrong folder, and bringing templates up to date.
@Suite(.serialized) struct WriterCommands {
    @Test func versionNamesTheVersionAndTheCommitItWasBuiltFrom() throws {
        let run = try explainer(["--version"], in: repositoryRoot)
        #expect(run.status == 0)
        let head = try explainer(["--version"], in: repositoryRoot).standardOutput
        #expect(head.range(of: #"^explainer \d+\.\d+\.\d+ \(commit [0-9a-f]{40}(, with uncommitted changes)?\)\n$"#,
                           options: .regularExpression) != nil, "\(head)")
    }

    @Test(arguments: [["build"], ["check"], ["serve", "--port", "0"]])
    func outsideASiteFolderOneLineSaysSoAndHowToStartOne(_ arguments: [String]) throws {
        let empty = FileManager.default.temporaryDirectory.appending(path: "explainer-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let run = try explainer(arguments, in: empty)
        #expect(run.status == 2)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 2, "\(run.standardError)")
        #expect(lines.first?.hasSuffix("is not an explainer site (it has no content/ or templates/)") == true)
        #expect(lines.last?.contains("explainer new FOLDER") == true)
    }

    @Test func aWrongRootIsOneLineToo() throws {
        let run = try explainer(["check", "--root", "/no/such/folder"], in: repositoryRoot)
        #expect(run.status == 2)
        #expect(run.standardError == "error: '/no/such/folder' is not a folder\n  hint: give --root the folder that holds "
                + "content/ and templates/, or start a new explainer with `explainer new FOLDER`\n")
    }

    @Test func templatesListsDiffsAndUpdatesTheFilesThatDiffer() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(try explainer(["templates"], in: site).standardOutput.hasPrefix("All "))
        let footer = site.appending(path: "templates/footer.mustache")
        let original = try String(contentsOf: footer, encoding: .utf8)
        try (original + "<p>Mine</p>\n").write(to: footer, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: site.appending(path: "templates/page.mustache"))
        let status = try explainer(["templates"], in: site).standardOutput
        #expect(status.contains("templates/footer.mustache  changed by you (this explainer has nothing new for it)"), "\(status)")
        #expect(status.contains("templates/page.mustache    missing (this explainer has it)"), "\(status)")
        let diff = try explainer(["templates", "diff", "footer.mustache"], in: site).standardOutput
        #expect(diff.hasPrefix("--- templates/footer.mustache (yours)\n+++ templates/footer.mustache (this explainer's)\n@@ "))
        #expect(diff.hasSuffix("-<p>Mine</p>\n"), "\(diff)")
        // Explainer has nothing new for the footer, so an update keeps the writer's; --replace takes explainer's.
        let update = try explainer(["templates", "update", "footer.mustache", "templates/page.mustache"], in: site)
        #expect(update.standardOutput == "templates/footer.mustache: kept as you changed it (this explainer has nothing new for it; "
                + "`--replace` takes its version instead)\ntemplates/page.mustache: added\n")
        #expect(try String(contentsOf: footer, encoding: .utf8) == original + "<p>Mine</p>\n")
        let replace = try explainer(["templates", "update", "--replace", "footer.mustache"], in: site)
        #expect(replace.standardOutput == "templates/footer.mustache: replaced by this explainer's, as asked; yours as it was is in "
                + ".explainer/previous/templates/footer.mustache\n", "\(replace.standardOutput)")
        #expect(try String(contentsOf: footer, encoding: .utf8) == original)
        #expect(try String(contentsOf: site.appending(path: ".explainer/previous/templates/footer.mustache"), encoding: .utf8)
                == original + "<p>Mine</p>\n")
        let unknown = try explainer(["templates", "diff", "fotter.mustache"], in: site)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("did you mean 'templates/footer.mustache'?"), "\(unknown.standardError)")
    }

    /// A writer's change and a newer explainer's change to the same lines: the file gets both between markers, the
    /// update exits 1, and `check` points at the conflict until it is resolved.
    @Test func anUpdateThatConflictsMarksTheLinesAndTheBuildRefusesThemUntilResolved() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let nav = site.appending(path: "templates/nav.mustache"), base = site.appending(path: ".explainer/templates/nav.mustache")
        let original = try String(contentsOf: nav, encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // As if an older explainer had written the third line differently, and the writer changed that line too.
        lines[2] += "<!-- older -->"
        try lines.joined(separator: "\n").write(to: base, atomically: true, encoding: .utf8)
        lines[2] += "<!-- mine -->"
        try lines.joined(separator: "\n").write(to: nav, atomically: true, encoding: .utf8)
        #expect(try explainer(["templates"], in: site).standardOutput
                .contains("templates/nav.mustache  changed by you and by this explainer (update merges them)"))
        let update = try explainer(["templates", "update", "nav.mustache"], in: site)
        #expect(update.status == 1)
        #expect(update.standardOutput.hasPrefix("templates/nav.mustache: merged, but you and this explainer changed the same lines: "
                                                + "1 conflict at line 3; "), "\(update.standardOutput)")
        let merged = try String(contentsOf: nav, encoding: .utf8)
        #expect(merged.contains("<<<<<<< yours\n" + lines[2] + "\n||||||| explainer's before\n"))
        let check = try explainer(["check"], in: site)
        #expect(check.status == 1)
        #expect(check.standardError.hasPrefix("templates/nav.mustache:3:1: error: an unresolved merge conflict"), "\(check.standardError)")
        #expect(check.standardError.hasSuffix("\n1 error.\n"), "\(check.standardError)")
        // Until it is resolved, `templates` says so and another update leaves the file alone.
        #expect(try explainer(["templates"], in: site).standardOutput
                .contains("templates/nav.mustache  has a merge conflict you have not resolved, at line 3"))
        let again = try explainer(["templates", "update", "nav.mustache"], in: site)
        #expect(again.status == 1)
        #expect(try String(contentsOf: nav, encoding: .utf8) == merged)
        // The writer keeps explainer's line: the site builds, and the templates are explainer's again.
        try original.write(to: nav, atomically: true, encoding: .utf8)
        #expect(try explainer(["check"], in: site).status == 0)
        #expect(try explainer(["templates"], in: site).standardOutput.hasPrefix("All "))
    }

    /// A site made by an explainer that kept no record of its templates: an update changes nothing the writer
    /// changed, says how to go on, and exits 1; `--replace` takes explainer's and keeps the writer's aside.
    @Test func anUpdateOnASiteWithoutARecordOfItsTemplatesLosesNothing() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: site.appending(path: ".explainer"))
        let footer = site.appending(path: "templates/footer.mustache")
        let original = try String(contentsOf: footer, encoding: .utf8)
        try (original + "<p>Mine</p>\n").write(to: footer, atomically: true, encoding: .utf8)
        #expect(try explainer(["templates"], in: site).standardOutput.contains(
            "templates/footer.mustache  differs (this site does not record where your copy started; see `explainer templates diff`)"))
        let update = try explainer(["templates", "update", "footer.mustache"], in: site)
        #expect(update.status == 1)
        #expect(update.standardOutput.hasPrefix("templates/footer.mustache: not updated. "), "\(update.standardOutput)")
        #expect(try String(contentsOf: footer, encoding: .utf8) == original + "<p>Mine</p>\n")
        // Left alone, the file still has no record: one would claim the writer's copy started from this explainer's.
        let base = site.appending(path: ".explainer/templates/footer.mustache")
        #expect(!FileManager.default.fileExists(atPath: base.path))
        let replace = try explainer(["templates", "update", "--replace", "footer.mustache"], in: site)
        #expect(replace.status == 0)
        #expect(try String(contentsOf: footer, encoding: .utf8) == original)
        #expect(try String(contentsOf: site.appending(path: ".explainer/previous/templates/footer.mustache"), encoding: .utf8)
                == original + "<p>Mine</p>\n")
        #expect(try String(contentsOf: base, encoding: .utf8) == original)
    }

    @Test func templatesSaysWhenThePublishingWorkflowNamesAnotherExplainer() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let workflow = site.appending(path: ".github/workflows/pages.yml")
        let text = try String(contentsOf: workflow, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("EXPLAINER_REF: ") }) else {
            Issue.record("no EXPLAINER_REF line"); return
        }
        #expect(!(try explainer(["templates"], in: site).standardOutput.contains("publishes with explainer")))
        let older = String(line.prefix { $0 != ":" }) + ": \"0123456789abcdef0123456789abcdef01234567\""
        try text.replacingOccurrences(of: String(line), with: older).write(to: workflow, atomically: true, encoding: .utf8)
        #expect(try explainer(["templates"], in: site).standardOutput.contains(
            "Note: .github/workflows/pages.yml publishes with explainer 0123456789ab, not this one"))
    }
}

@Suite struct ChartsCommand {
    @Test func listsEveryKindAndPrintsOneKindsReference() throws {
        let all = try explainer(["charts"], in: repositoryRoot)
        #expect(all.status == 0)
        for kind in ["line", "area", "stacked-area", "bar", "hbar", "grouped-bar", "stacked-bar", "waterfall", "flow",
                     "histogram", "heatmap", "small-multiples"] {
            #expect(all.standardOutput.contains("\n  \(kind) "), "\(kind) missing")
        }
        let flow = try explainer(["charts", "flow"], in: repositoryRoot)
        #expect(flow.standardOutput.contains("first column   source: where a flow starts (text)"))
        #expect(flow.standardOutput.contains("```chart\nid: sample-flow\n"))
        let typo = try explainer(["charts", "sankey"], in: repositoryRoot)
        #expect(typo.status == 2)
        #expect(typo.standardError.hasPrefix("error: unknown chart kind 'sankey'"))
    }
}

/// Exit status 2 is a usage error: the command line asks for something explainer does not have or cannot do there
/// (README, "Command line"); 1 is the content's problems or the work failing.
@Suite(.serialized) struct ExitStatus {
    @Test(arguments: [["models", "mortgage"], ["simulate", "mortgage"], ["charts", "pie"], ["templates", "diff", "nothing.css"],
                      ["simulate", "tranching", "--series", "nothing"]])
    func aNameThatNamesNothingIsAUsageError(_ arguments: [String]) throws {
        let run = try explainer(arguments, in: repositoryRoot)
        #expect(run.status == 2, "\(arguments): \(run.standardError)")
        #expect(run.standardError.hasPrefix("error: "), "\(arguments): \(run.standardError)")
    }

    @Test func aPieChartSuggestsTheKindsThatShowShares() throws {
        let run = try explainer(["charts", "pie"], in: repositoryRoot)
        #expect(run.standardError == "error: unknown chart kind 'pie'\n  hint: explainer draws shares of a whole as bars, which "
                + "are easier to compare: hbar (one bar per share) or stacked-bar (each bar a whole split into its shares). "
                + "Known kinds: line, area, stacked-area, bar, hbar, grouped-bar, stacked-bar, waterfall, flow, histogram, "
                + "heatmap, small-multiples, diagram, steps\n")
    }

    @Test func newOfAChapterFileInsideASiteIsAUsageErrorThatSaysWhatAChapterIs() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let before = try snapshot(site)
        for target in ["content/50-overpaying.md", "content/overpaying"] {
            let run = try explainer(["new", target], in: site)
            #expect(run.status == 2, "\(target): \(run.standardError)")
            #expect(run.standardError.contains("hint: a chapter is a Markdown file in the site's content/ folder, e.g. "
                                               + "content/50-overpaying.md"), "\(run.standardError)")
        }
        #expect(try snapshot(site) == before)
    }

    @Test func aNonEmptyFolderForNewIsAUsageError() throws {
        let parent = FileManager.default.temporaryDirectory.appending(path: "explainer-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent.appending(path: "full"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try Data("mine".utf8).write(to: parent.appending(path: "full/notes.txt"))
        let run = try explainer(["new", "full"], in: parent)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("error: 'full' is not empty (it holds notes.txt)"))
    }

    @Test func templatesTakeAFileNameThatOnlyOneTemplateHas() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let css = site.appending(path: "templates/assets/site.css")
        let original = try String(contentsOf: css, encoding: .utf8)
        try (original + "/* mine */\n").write(to: css, atomically: true, encoding: .utf8)
        let diff = try explainer(["templates", "diff", "site.css"], in: site)
        #expect(diff.status == 0, "\(diff.standardError)")
        #expect(diff.standardOutput.hasPrefix("--- templates/assets/site.css (yours)\n"))
        let update = try explainer(["templates", "update", "--replace", "site.css"], in: site)
        #expect(update.status == 0, "\(update.standardError)")
        #expect(update.standardOutput.hasPrefix("templates/assets/site.css: replaced by this explainer's, as asked"))
        #expect(try String(contentsOf: css, encoding: .utf8) == original)
    }

    @Test func templatesOutsideASiteIsAUsageError() throws {
        let empty = FileManager.default.temporaryDirectory.appending(path: "explainer-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(try explainer(["templates"], in: empty).status == 2)
    }
}

/// A site `explainer new` made, in a temporary folder of its own (the site's parent, for the caller to remove).
func newSite() throws -> URL {
    let parent = FileManager.default.temporaryDirectory.appending(path: "explainer-new-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    let made = try explainer(["new", "site"], in: parent)
    #expect(made.status == 0, "\(made.standardError)")
    return parent.appending(path: "site")
}
