import Foundation
import Testing

/// Runs the `explainer` executable built next to the test bundle.
struct Run {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

let binary: URL = {
    // The test bundle lives in the build folder, next to the products it was built with.
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = folder.appending(path: "explainer")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appending(path: ".build/debug/explainer")
}()

let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func explainer(_ arguments: [String], in folder: URL) throws -> Run {
    try run(binary, arguments, in: folder)
}

/// Runs `executable` with `arguments` (in `folder`, if given) to its end, with what it printed on each stream.
func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil) throws -> Run {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
               standardError: String(decoding: errData, as: UTF8.self))
}

/// A copy of the repository's content/ and templates/ in a fresh folder.
private func siteCopy() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: "explainer-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["content", "templates"] {
        try FileManager.default.copyItem(at: repositoryRoot.appending(path: name), to: folder.appending(path: name))
    }
    return folder
}

func snapshot(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
        var isDirectory: ObjCBool = false
        let url = folder.appending(path: name)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[name] = try Data(contentsOf: url)
        }
    }
    return result
}

@Suite(.serialized) struct CommandLine {
    @Test func buildWritesPublicAndAFailedBuildLeavesItByteForByteIntact() throws {
        let site = try siteCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try explainer(["build"], in: site)
        #expect(first.status == 0, "\(first.standardError)")
        let before = try snapshot(site.appending(path: "public"))
        #expect(before["index.html"] != nil)
        #expect(before["assets/site.css"] != nil)

        let chapter = site.appending(path: "content/01-map.md")
        var text = try String(contentsOf: chapter, encoding: .utf8)
        text = text.replacingOccurrences(of: "title:", with: "titel:", options: [], range: text.range(of: "title:"))
        try text.write(to: chapter, atomically: true, encoding: .utf8)
        let failed = try explainer(["build"], in: site)
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("content/01-map.md:2:1: error:"))
        #expect(try snapshot(site.appending(path: "public")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func killingBuildsAtAnyMomentLeavesEitherTheOldOrTheNewSite() throws {
        let site = try siteCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try explainer(["build"], in: site).status == 0)
        let old = try snapshot(site.appending(path: "public"))
        // Change one chapter so the new site differs from the old one everywhere the chapter list appears.
        let chapter = site.appending(path: "content/01-map.md")
        let text = try String(contentsOf: chapter, encoding: .utf8)
        try text.replacingOccurrences(of: "title:", with: "title: New —", options: [], range: text.range(of: "title:"))
            .write(to: chapter, atomically: true, encoding: .utf8)
        let start = ContinuousClock.now
        #expect(try explainer(["build"], in: site).status == 0)
        let duration = ContinuousClock.now - start
        let new = try snapshot(site.appending(path: "public"))
        #expect(new != old)
        // Put the old site back, then kill rebuilds at moments spread over the build, most near the end (the write).
        try FileManager.default.removeItem(at: site.appending(path: "public"))
        try writeSnapshot(old, to: site.appending(path: "public"))
        for fraction in [0.9, 0.97, 1.0, 1.03] {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build"]
            process.currentDirectoryURL = site
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double(duration.components.seconds) * fraction
                         + Double(duration.components.attoseconds) / 1e18 * fraction)
            process.terminate()
            process.waitUntilExit()
            let now = try snapshot(site.appending(path: "public"))
            #expect(now == old || now == new, "public/ is a mix after a kill at \(fraction) of the build")
            if now == new {
                try FileManager.default.removeItem(at: site.appending(path: "public"))
                try writeSnapshot(old, to: site.appending(path: "public"))
            }
        }
        // The next build cleans whatever a killed build left behind; only the spare (the replaced site) stays.
        #expect(try explainer(["build"], in: site).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.allSatisfy { $0 == ".public.spare" }, "\(leftovers)")
    }

    @Test func twoBuildsWriteByteIdenticalFolders() throws {
        let site = try siteCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try explainer(["build"], in: site).status == 0)
        let first = try snapshot(site.appending(path: "public"))
        #expect(try explainer(["build"], in: site).status == 0)
        #expect(try snapshot(site.appending(path: "public")) == first)
    }

    @Test func usageErrorsExitWithTwo() throws {
        let run = try explainer(["build", "--no-such-flag"], in: repositoryRoot)
        #expect(run.status == 2)
        #expect(run.standardError.contains("--no-such-flag"))
    }

    @Test func simulateRejectsAnUnknownParameterWithAHintAsAUsageError() throws {
        let run = try explainer(["simulate", "gpuCollateral", "--set", "debtTerms=20"], in: repositoryRoot)
        #expect(run.status == 2)
        #expect(run.standardError.contains("debtTerm"))
    }

    /// Trial 15 (N7): `rho=0,5` got the thousands-separator hint.
    @Test func simulateTellsADecimalCommaItsPoint() throws {
        let run = try explainer(["simulate", "tranching", "--set", "rho=0,5"], in: repositoryRoot)
        #expect(run.status == 2)
        #expect(run.standardError.contains("decimals use a point: rho=0.5"), "\(run.standardError)")
    }

    /// QA 16: `--series ""` printed nothing and succeeded; a second value for one parameter silently won.
    @Test func simulateRefusesAnEmptySeriesListAndAParameterGivenTwice() throws {
        let empty = try explainer(["simulate", "tranching", "--series", ""], in: repositoryRoot)
        #expect(empty.status == 2)
        #expect(empty.standardError.contains("--series names no series"), "\(empty.standardError)")
        let twice = try explainer(["simulate", "bubbles", "--seed", "5", "--set", "seed=6"], in: repositoryRoot)
        #expect(twice.status == 2)
        #expect(twice.standardError.contains("the seed is given twice"), "\(twice.standardError)")
        let setTwice = try explainer(["simulate", "tranching", "--set", "rho=0.1", "--set", "rho=0.2"], in: repositoryRoot)
        #expect(setTwice.status == 2)
        #expect(setTwice.standardError.contains("--set gives 'rho' twice"), "\(setTwice.standardError)")
    }

    @Test func checkWritesNothing() throws {
        let site = try siteCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        let run = try explainer(["check"], in: site)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "public").path))
    }

    @Test func simulatePrintsTheModelAsCSV() throws {
        let run = try explainer(["simulate", "gpuCollateral", "--scenario", "base"], in: repositoryRoot)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.split(separator: "\n").count > 5)
    }

    /// The README's `simulate` and `models` examples must keep working as written.
    @Test func readmeExamplesRun() throws {
        let readme = try String(contentsOf: repositoryRoot.appending(path: "README.md"), encoding: .utf8)
        let examples = readme.split(separator: "\n").filter { $0.hasPrefix("explainer simulate ") && !$0.contains("MODEL") || $0 == "explainer models" }
        #expect(examples.count >= 3)
        for example in examples {
            let arguments = example.split(separator: " ").dropFirst().map(String.init)
            let run = try explainer(arguments, in: repositoryRoot)
            #expect(run.status == 0, "\(example): \(run.standardError)")
            #expect(!run.standardOutput.isEmpty, "\(example)")
        }
    }
}

func writeSnapshot(_ files: [String: Data], to folder: URL) throws {
    for (path, data) in files {
        let url = folder.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}

@Suite(.serialized) struct NewCommand {
    @Test func newThenBuildSucceedsOnTheResult() throws {
        let parent = FileManager.default.temporaryDirectory.appending(path: "explainer-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let created = try explainer(["new", "my-site", "--title", "Rates, explained"], in: parent)
        #expect(created.status == 0, "\(created.standardError)")
        let site = parent.appending(path: "my-site")
        let check = try explainer(["check"], in: site)
        #expect(check.status == 0, "\(check.standardError)")
        let built = try explainer(["build"], in: site)
        #expect(built.status == 0, "\(built.standardError)")
        let index = try String(contentsOf: site.appending(path: "public/index.html"), encoding: .utf8)
        #expect(index.contains("<title>Rates, explained</title>"))
        #expect(FileManager.default.fileExists(atPath: site.appending(path: "public/why-bad-years-bunch/index.html").path))
    }

    @Test func newRefusesANonEmptyFolderAsAUsageError() throws {
        let run = try explainer(["new", "content"], in: repositoryRoot)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("error: 'content' is not empty"))
    }

    @Test func checkReportsABrokenLinkAtItsPlaceAndExitsOne() throws {
        let site = try starterCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        let chapter = site.appending(path: "content/10-why-bad-years-bunch.md")
        let text = try String(contentsOf: chapter, encoding: .utf8) + "\nSee [nothing](../sources/#no-such-source).\n"
        try text.write(to: chapter, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let run = try explainer(["check"], in: site)
        #expect(run.status == 1)
        #expect(run.standardError.contains(
            "content/10-why-bad-years-bunch.md:\(lines):15: error: link '../sources/#no-such-source' points to a missing anchor"),
                "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "public").path))
    }

    @Test func checkPrintsTheWarningsBesideTheErrorsAndCountsBoth() throws {
        let site = try starterCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        let chapter = site.appending(path: "content/10-why-bad-years-bunch.md")
        let text = try String(contentsOf: chapter, encoding: .utf8) + "\nSee [nothing](#no-such-heading).\n"
        try text.write(to: chapter, atomically: true, encoding: .utf8)
        try "More.\n".write(to: site.appending(path: "content/60-more.md.txt"), atomically: true, encoding: .utf8)
        let run = try explainer(["check"], in: site)
        #expect(run.status == 1)
        #expect(run.standardError.contains("content/10-why-bad-years-bunch.md:"), "\(run.standardError)")
        #expect(run.standardError.contains("content/60-more.md.txt:1:1: warning:"), "\(run.standardError)")
        let warnings = run.standardError.split(separator: "\n").filter { $0.contains(": warning: ") }.count
        #expect(warnings >= 1)
        #expect(run.standardError.hasSuffix("1 error and \(warnings) warning\(warnings == 1 ? "" : "s").\n"), "\(run.standardError)")
    }

    @Test func buildHonoursAnAbsoluteOutputFolder() throws {
        let site = try starterCopy()
        let output = FileManager.default.temporaryDirectory.appending(path: "explainer-out-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: site)
            try? FileManager.default.removeItem(at: output)
        }
        let run = try explainer(["build", "--output", output.path], in: site)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: String(output.path.dropFirst())).path))
    }
}

/// Trial 13 (M1): `--output` aimed at the site's own folders, or at a folder of someone's files.
@Suite(.serialized) struct OutputFolderCommand {
    /// `build --output content` moved the writer's chapters into a hidden `.content.spare/` and exited 0.
    @Test func anOutputFolderThatIsTheSiteOrItsSourcesIsRefusedAndNothingMoves() throws {
        let site = try starterCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        let content = try snapshot(site.appending(path: "content"))
        let templates = try snapshot(site.appending(path: "templates"))
        for arguments in [["build", "--output", "content"], ["build", "-o", "."], ["build", "-o", "templates", "--force"],
                          ["build", "-o", "content/public"], ["build", "-o", ".."]] {
            let run = try explainer(arguments, in: site)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.standardError.hasPrefix("error: --output '\(arguments[2])' "), "\(run.standardError)")
            #expect(run.standardError.contains("\n  hint: build into a folder of its own: the default public/"))
        }
        #expect(try snapshot(site.appending(path: "content")) == content)
        #expect(try snapshot(site.appending(path: "templates")) == templates)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".spare") || $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
        #expect(!beside.contains(".\(site.lastPathComponent).spare"))
    }

    /// Trial 13 (M1): a deploy folder holding the writer's own `impressum.html` was replaced, and the next build deleted it.
    @Test func aFolderWithSomeoneElsesFilesIsReplacedOnlyWithForce() throws {
        let site = try starterCopy()
        let www = FileManager.default.temporaryDirectory.appending(path: "explainer-www-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: site)
            try? FileManager.default.removeItem(at: www)
        }
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try Data("<p>Impressum</p>".utf8).write(to: www.appending(path: "impressum.html"))
        let refused = try explainer(["build", "--output", www.path], in: site)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("was not written by explainer, and it holds files ('impressum.html')"))
        #expect(refused.standardError.contains("or pass --force"))
        #expect(try snapshot(www) == ["impressum.html": Data("<p>Impressum</p>".utf8)])
        let forced = try explainer(["build", "--output", www.path, "--force"], in: site)
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(FileManager.default.fileExists(atPath: www.appending(path: ".explainer-output").path))
        // Now it is a build's folder: the next build replaces it without --force.
        #expect(try explainer(["build", "--output", www.path], in: site).status == 0)
    }

    /// A site built before builds were marked keeps building into its public/ without --force.
    @Test func aPublicFolderBuiltByAnOlderExplainerIsStillReplaced() throws {
        let site = try starterCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try explainer(["build"], in: site).status == 0)
        let marker = site.appending(path: "public/.explainer-output")
        #expect(FileManager.default.fileExists(atPath: marker.path))
        try FileManager.default.removeItem(at: marker)
        let rebuilt = try explainer(["build"], in: site)
        #expect(rebuilt.status == 0, "\(rebuilt.standardError)")
        #expect(FileManager.default.fileExists(atPath: marker.path))
    }
}

/// A fresh site made by `explainer new` in a temporary folder.
/// QA 17: an output folder that is a symbolic link, and a blank title for a new site.
@Suite(.serialized) struct OutputLinkCommand {
    /// M1: the link itself was swapped with the spare, so the folder it leads to got every second build.
    @Test func aPublicThatIsASymbolicLinkIsFollowedOnEveryBuild() throws {
        let site = try starterCopy()
        let served = FileManager.default.temporaryDirectory.appending(path: "explainer-served-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: site)
            try? FileManager.default.removeItem(at: served)
            try? FileManager.default.removeItem(at: served.deletingLastPathComponent().appending(path: ".\(served.lastPathComponent).spare"))
        }
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.appending(path: "public"), withDestinationURL: served)
        let chapter = try #require(try FileManager.default.contentsOfDirectory(atPath: site.appending(path: "content").path)
            .filter { $0.hasSuffix(".md") && $0 != "index.md" }.sorted().first)
        for round in 1...3 {
            let file = site.appending(path: "content/\(chapter)")
            try (String(contentsOf: file, encoding: .utf8) + "\nRound \(round) of building.\n").write(to: file, atomically: true, encoding: .utf8)
            let run = try explainer(["build"], in: site)
            #expect(run.status == 0, "\(run.standardError)")
            let link = try FileManager.default.destinationOfSymbolicLink(atPath: site.appending(path: "public").path)
            #expect(URL(filePath: link).standardizedFileURL.path == served.standardizedFileURL.path, "round \(round)")
            let pages = try FileManager.default.subpathsOfDirectory(atPath: served.path).filter { $0.hasSuffix("index.html") }
            let text = try pages.map { try String(contentsOf: served.appending(path: $0), encoding: .utf8) }.joined()
            #expect(text.contains("Round \(round) of building."), "round \(round)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: ".public.spare").path))
    }

    @Test func aBlankTitleForANewSiteIsAUsageError() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "explainer-blank-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try explainer(["new", folder.path, "--title", "  "], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 2)
        #expect(run.standardError.contains("--title is empty"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}

private func starterCopy() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: "explainer-starter-\(UUID().uuidString)")
    let run = try explainer(["new", folder.path], in: FileManager.default.temporaryDirectory)
    guard run.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: run.standardError]) }
    return folder
}
