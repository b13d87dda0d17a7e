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
        #expect(run.status == 1)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 2, "\(run.standardError)")
        #expect(lines.first?.hasSuffix("is not an explainer site (it has no content/ or templates/)") == true)
        #expect(lines.last?.contains("explainer new FOLDER") == true)
    }

    @Test func aWrongRootIsOneLineToo() throws {
        let run = try explainer(["check", "--root", "/no/such/folder"], in: repositoryRoot)
        #expect(run.status == 1)
        #expect(run.standardError == "error: '/no/such/folder' is not a folder\n  hint: give --root the folder that holds "
                + "content/ and templates/, or start a new explainer with `explainer new FOLDER`\n")
    }

    @Test func templatesListsDiffsAndUpdatesTheFilesThatDiffer() throws {
        let parent = FileManager.default.temporaryDirectory.appending(path: "explainer-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(try explainer(["new", "site"], in: parent).status == 0)
        let site = parent.appending(path: "site")
        #expect(try explainer(["templates"], in: site).standardOutput.hasPrefix("All "))
        let footer = site.appending(path: "templates/footer.mustache")
        let original = try String(contentsOf: footer, encoding: .utf8)
        try (original + "<p>Mine</p>\n").write(to: footer, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: site.appending(path: "templates/page.mustache"))
        let status = try explainer(["templates"], in: site).standardOutput
        #expect(status.contains("templates/footer.mustache  differs"), "\(status)")
        #expect(status.contains("templates/page.mustache    missing (this explainer has it)"), "\(status)")
        let diff = try explainer(["templates", "diff", "footer.mustache"], in: site).standardOutput
        #expect(diff.hasPrefix("--- templates/footer.mustache (yours)\n+++ templates/footer.mustache (this explainer's)\n@@ "))
        #expect(diff.hasSuffix("-<p>Mine</p>\n"), "\(diff)")
        let update = try explainer(["templates", "update", "footer.mustache", "templates/page.mustache"], in: site)
        #expect(update.standardOutput == "templates/footer.mustache: replaced\ntemplates/page.mustache: added\n")
        #expect(try String(contentsOf: footer, encoding: .utf8) == original)
        let unknown = try explainer(["templates", "diff", "fotter.mustache"], in: site)
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("did you mean 'templates/footer.mustache'?"), "\(unknown.standardError)")
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
        #expect(typo.status == 1)
        #expect(typo.standardError.hasPrefix("error: unknown chart kind 'sankey'"))
    }
}
