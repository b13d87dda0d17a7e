import Foundation
import Testing
@testable import Site
import Simulation

/// `explainer templates update` keeps a writer's changes: three-way merges from the text explainer last wrote.
@Suite struct ThreeWayMerges {
    let base = "a\nb\nc\nd\ne\n"

    @Test func changesToDifferentLinesAreBothKept() {
        let merge = ThreeWayMerge(base: base, yours: "a\nB\nc\nd\ne\n", theirs: "a\nb\nc\nD\ne\nf\n")
        #expect(merge.text == "a\nB\nc\nD\ne\nf\n")
        #expect(merge.conflicts.isEmpty)
    }

    @Test func aSideThatChangedNothingTakesTheOthersText() {
        let changed = "x\nb\nd\ne\ne2\n"
        #expect(ThreeWayMerge(base: base, yours: base, theirs: changed).text == changed)
        #expect(ThreeWayMerge(base: base, yours: changed, theirs: base).text == changed)
    }

    @Test func theSameChangeOnBothSidesIsTakenOnce() {
        let merge = ThreeWayMerge(base: base, yours: "a\nb\nnew\nc\nd\ne\n", theirs: "a\nb\nnew\nc\nd\ne\n")
        #expect(merge.text == "a\nb\nnew\nc\nd\ne\n")
        #expect(merge.conflicts.isEmpty)
    }

    @Test func differentChangesToTheSameLinesAreAConflictWithBothVersionsAndTheBase() {
        let merge = ThreeWayMerge(base: base, yours: "a\nb\nmine\nd\ne\n", theirs: "a\nb\ntheirs\nd\ne\n",
                                  names: ("yours", "before", "now"))
        #expect(merge.text == "a\nb\n<<<<<<< yours\nmine\n||||||| before\nc\n=======\ntheirs\n>>>>>>> now\nd\ne\n")
        #expect(merge.conflicts == [3])
        #expect(conflictMarkerLines(in: Array(merge.text.utf8)) == [3])
    }

    @Test func aLineOneSideDeletedAndTheOtherChangedIsAConflict() {
        let merge = ThreeWayMerge(base: base, yours: "a\nb\nd\ne\n", theirs: "a\nb\nC\nd\ne\n")
        #expect(merge.conflicts == [3])
        #expect(merge.text.contains("<<<<<<< yours\n||||||| base\nc\n=======\nC\n>>>>>>> theirs\n"))
    }

    @Test func insertionsAtTheSamePlaceThatDifferAreAConflict() {
        let merge = ThreeWayMerge(base: "a\nb\n", yours: "a\nx\nb\n", theirs: "a\ny\nb\n")
        #expect(merge.text == "a\n<<<<<<< yours\nx\n||||||| base\n=======\ny\n>>>>>>> theirs\nb\n")
    }

    /// Random edits of distinct lines never conflict, and the merge holds both sides' edits.
    @Test func randomEditsOfDifferentLinesMergeCleanly() {
        var generator = SeededEdits(inner: SplitMix64(seed: 23))
        for _ in 0..<200 {
            let count = Int.random(in: 4...30, using: &generator)
            let lines = (0..<count).map { "line \($0)" }
            let split = Int.random(in: 1..<count, using: &generator)
            // Yours edits lines before `split` (keeping one unchanged line between), theirs lines after it.
            var yours = lines, theirs = lines
            for index in 0..<(split - 1) where Bool.random(using: &generator) { yours[index] += " (yours)" }
            for index in (split + 1)..<count where Bool.random(using: &generator) { theirs[index] += " (theirs)" }
            let expected = Array(yours[..<split]) + Array(theirs[split...])
            let merge = ThreeWayMerge(base: lines.joined(separator: "\n") + "\n", yours: yours.joined(separator: "\n") + "\n",
                                      theirs: theirs.joined(separator: "\n") + "\n")
            #expect(merge.conflicts.isEmpty)
            #expect(merge.text == expected.joined(separator: "\n") + "\n")
        }
    }
}

@Suite struct TemplateDiffs {
    @Test func aChangedLineIsShownRemovedThenAddedAsDiffAndGitShowIt() {
        let diff = unifiedDiff(from: "a\nb\nc\n", to: "a\nB\nc\n", oldName: "old", newName: "new")
        #expect(diff == "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
    }
}

@Suite struct TemplateUpdates {
    func difference(site: String?, base: String?, starter: String = "new\n") -> TemplateDifference {
        TemplateDifference(path: "templates/footer.mustache", state: site == nil ? .missing : site == starter ? .same : .changed,
                           site: site, starter: starter, base: base)
    }

    @Test func aFileTheWriterLeftAloneIsReplacedAndNothingIsKeptAside() {
        let update = TemplateUpdate(difference(site: "old\n", base: "old\n"), starter: "new\n")
        #expect(update.outcome == .replaced)
        #expect(update.text == "new\n")
        #expect(!update.keepsPrevious)
        #expect(difference(site: "old\n", base: "old\n").change == .explainer)
    }

    @Test func aFileOnlyTheWriterChangedIsKeptUnlessTheyAskForExplainersVersion() {
        let mine = difference(site: "mine\n", base: "new\n")
        #expect(mine.change == .yours)
        #expect(TemplateUpdate(mine, starter: "new\n").outcome == .kept)
        #expect(TemplateUpdate(mine, starter: "new\n").text == nil)
        let replaced = TemplateUpdate(mine, starter: "new\n", replacing: true)
        #expect(replaced.outcome == .discarded)
        #expect(replaced.text == "new\n")
        #expect(replaced.keepsPrevious)
    }

    @Test func aFileBothChangedIsMergedAndTheWritersTextKeptAside() {
        let both = difference(site: "header mine\nbody\nfooter\n", base: "header\nbody\nfooter\n", starter: "header\nbody\nfooter new\n")
        #expect(both.change == .both)
        let update = TemplateUpdate(both, starter: "header\nbody\nfooter new\n")
        #expect(update.outcome == .merged)
        #expect(update.text == "header mine\nbody\nfooter new\n")
        #expect(update.keepsPrevious)
        let clash = TemplateUpdate(difference(site: "mine\n", base: "old\n"), starter: "new\n")
        #expect(clash.outcome == .conflicts([1]))
    }

    /// A site made before explainer kept the bases: nothing says which lines are the writer's, so nothing is lost.
    @Test func withoutABaseAChangedFileIsLeftAloneUnlessTheWriterAsksForExplainers() {
        let update = TemplateUpdate(difference(site: "mine\n", base: nil), starter: "new\n")
        #expect(update.outcome == .unknownStart)
        #expect(update.text == nil)
        #expect(!update.recordsBase)
        #expect(difference(site: "mine\n", base: nil).change == nil)
        let replaced = TemplateUpdate(difference(site: "mine\n", base: nil), starter: "new\n", replacing: true)
        #expect(replaced.outcome == .discarded)
        #expect(replaced.keepsPrevious)
    }

    @Test func aFileWithAnUnresolvedConflictIsNotUpdatedAgain() {
        let site = "a\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> explainer's now\n"
        let stuck = difference(site: site, base: "old\n")
        #expect(stuck.unresolvedConflicts == [2])
        #expect(TemplateUpdate(stuck, starter: "new\n").outcome == .unresolved([2]))
        #expect(TemplateUpdate(stuck, starter: "new\n").text == nil)
        #expect(!TemplateUpdate(stuck, starter: "new\n").recordsBase)
    }

    @Test func aNewSiteKeepsExplainersTemplatesAsTheirBase() {
        let files = starterSite(title: "T", release: ExplainerRelease(version: "1", commit: nil))
        let templates = files.filter { $0.path.hasPrefix("templates/") }
        #expect(!templates.isEmpty)
        for template in templates {
            #expect(files.first { $0.path == templateBasePath(template.path) }?.bytes == template.bytes, "\(template.path)")
        }
    }

    @Test func updatingInAFolderMergesKeepsTheWritersTextAndRecordsTheNewBase() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = "templates/footer.mustache"
        let starter = starterTemplates.first { $0.path == path }!.text
        var lines = starter.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // An older explainer's footer differed in its last line; the writer changed the first.
        var older = lines
        older[older.count - 2] += "<!-- older -->"
        var mine = older
        mine[0] += "<!-- mine -->"
        try FileManager.default.createDirectory(at: root.appending(path: ".explainer/templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appending(path: "templates"), withIntermediateDirectories: true)
        try older.joined(separator: "\n").write(to: root.appending(path: templateBasePath(path)), atomically: true, encoding: .utf8)
        try mine.joined(separator: "\n").write(to: root.appending(path: path), atomically: true, encoding: .utf8)
        let updates = try updateTemplates([path], root: root)
        #expect(updates.map(\.outcome) == [.merged])
        lines[0] += "<!-- mine -->"
        #expect(try String(contentsOf: root.appending(path: path), encoding: .utf8) == lines.joined(separator: "\n"))
        #expect(try String(contentsOf: root.appending(path: templatePreviousPath(path)), encoding: .utf8) == mine.joined(separator: "\n"))
        #expect(try String(contentsOf: root.appending(path: templateBasePath(path)), encoding: .utf8) == starter)
        #expect(readTemplateBases(root: root) == [path: starter])
    }

    @Test func anUpdateOnASiteWithoutBasesGivesTheFilesStillExplainersTheirs() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let footer = starterTemplates.first { $0.path == "templates/footer.mustache" }!
        let nav = starterTemplates.first { $0.path == "templates/nav.mustache" }!
        try FileManager.default.createDirectory(at: root.appending(path: "templates"), withIntermediateDirectories: true)
        try footer.text.write(to: root.appending(path: footer.path), atomically: true, encoding: .utf8)
        try (nav.text + "<!-- mine -->\n").write(to: root.appending(path: nav.path), atomically: true, encoding: .utf8)
        let updates = try updateTemplates(["templates/page.mustache"], root: root)
        #expect(updates.map(\.outcome) == [.added])
        // The footer was still explainer's: it has its base now; the writer's nav has none (its start is unknown).
        #expect(readTemplateBases(root: root) == ["templates/footer.mustache": footer.text,
                                                  "templates/page.mustache": starterTemplates.first { $0.path == "templates/page.mustache" }!.text])
    }

    @Test func aTemplateWithConflictMarkersIsAnErrorAtTheConflict() throws {
        var source = miniSite(chapter: "---\ntitle: One\n---\nText.\n")
        let index = source.templates.firstIndex { $0.path == "templates/footer.mustache" }!
        source.templates[index].bytes = Array("<footer>\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> explainer's now\n</footer>\n".utf8)
        let problems = diagnostics(of: source)
        #expect(problems.map { "\($0.file):\($0.line)" } == ["templates/footer.mustache:2"])
        #expect(problems.first?.message.contains("unresolved merge conflict") == true)
    }
}

/// Seeded draws for the random edits above.
private struct SeededEdits: RandomNumberGenerator {
    var inner: SplitMix64
    mutating func next() -> UInt64 { inner.next() }
}
