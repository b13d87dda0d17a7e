import ArgumentParser
import Foundation
import Site

extension Explainer {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into public/ (replaced only if the whole build succeeds).")

        @OptionGroup var site: SiteOptions

        @Option(name: .shortAndLong, help: "Output folder, relative to the root unless absolute.")
        var output = "public"

        @Flag(help: "Replace the output folder even if it holds files explainer did not write (they are deleted).")
        var force = false

        @Flag(help: "Print how long each stage of the build took (wall-clock and CPU time) to standard error.")
        var timings = false

        func run() async throws {
            let start = ContinuousClock.now
            let root = URL(filePath: site.root)
            let stages = timings ? StageTimings() : nil
            let destination = followingOutputLink(output.hasPrefix("/") ? URL(filePath: output) : root.appending(path: output))
            try requireSiteFolder(root)
            do {
                try checkOutputFolder(destination, name: output, siteRoot: root, force: force)
            } catch {
                reportPlain(error)
                throw ExitCode.usageError
            }
            // Pages are written into the staging folder as they are laid out; it replaces the destination only if the
            // whole build succeeds. If it cannot be claimed now, the write at the end says why.
            // A mount point cannot be swapped: the whole site is written into it at the end (`OutputTree.write`).
            let staged = isMountPoint(destination) ? nil : try? StagedWrite.claim(destination)
            let result: OutputTree
            do {
                result = try buildSite(root: root, drafts: site.drafts, timings: stages, staged: staged)
            } catch {
                staged?.abandon()
                throw error
            }
            do {
                try result.write(to: destination, staged: staged)
            } catch {
                report(error)
                throw ExitCode.failure
            }
            stages?.end("written")
            if let stages {
                var standardError = StandardError()
                print(stages.report, to: &standardError)
            }
            let elapsed = ContinuousClock.now - start
            let paths = result.allPaths
            let pages = paths.filter { $0.hasSuffix(".html") }.count
            let figures = paths.filter { ($0.hasPrefix("data/") || $0.contains("/data/")) && $0.hasSuffix(".csv") }.count
            let folder = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
            print("Built \(pages) pages and \(figures) figure data files into \(folder)/ in \(milliseconds(elapsed)) ms"
                  + draftsNote(result.draftsLeftOut.count, left: "left out", command: "build") + ".")
            if !result.draftsIncluded.isEmpty {
                // As under content/: a translation's draft by its language's folder (fr/10-x.md).
                let names = result.draftsIncluded.map { $0.hasPrefix("content/") ? String($0.dropFirst("content/".count)) : $0 }
                print("Drafts are in it (\(names.joined(separator: ", "))), kept out of search engines (noindex): "
                      + "build without --drafts before you publish.")
            }
            print("Open \(destination.standardizedFileURL.appending(path: "index.html").path) in a browser.")
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the whole build and report every problem, without writing anything.",
            discussion: """
                Every problem the files show on their own is reported in one run (front matter, Markdown, citations, \
                chart blocks, data files, sources, glossary). Links, anchors and what a translation shares with its \
                original are checked once those pass: the pages they are read from are laid out only then.
                """)

        @OptionGroup var site: SiteOptions

        func run() async throws {
            let result = try buildSite(root: URL(filePath: site.root), drafts: site.drafts, writing: false)
            let pages = result.files.keys.filter { $0.hasSuffix(".html") }.count
            let warnings = result.warnings.count
            let drafts = draftsNote(result.draftsLeftOut.count, left: "not checked", command: "check")
            // The warnings went to standard error: "above" only where both are seen together (a terminal).
            let whereShown = isatty(STDOUT_FILENO) != 0 ? "above" : "on standard error"
            print(warnings == 0 ? "No problems found in \(pages) pages\(drafts)."
                  : "No errors in \(pages) pages; \(warnings) warning\(warnings == 1 ? "" : "s") \(whereShown)\(drafts).")
        }
    }
}

/// " (1 draft not checked: `explainer check --drafts` checks it)" after a summary, so that a site's drafts are not
/// taken for checked; empty when the build left no draft out.
func draftsNote(_ count: Int, left: String, command: String) -> String {
    guard count > 0 else { return "" }
    let verb = ["check": "checks", "serve": "serves"][command] ?? "builds"
    return " (\(count) draft\(count == 1 ? "" : "s") \(left): `explainer \(command) --drafts` \(verb) \(count == 1 ? "it" : "them"))"
}

/// Reads and builds; prints diagnostics and exits 1 on failure (`writing`: the build was to write the site, which it
/// then does not).
func buildSite(root: URL, drafts: Bool, timings: StageTimings? = nil, staged: StagedWrite? = nil,
               writing: Bool = true) throws -> OutputTree {
    try requireSiteFolder(root)
    do {
        let source = try SourceTree.read(from: root)
        timings?.end("sources read")
        let output = try build(consume source, options: BuildOptions(includeDrafts: drafts, timings: timings, staged: staged))
        timings?.end("build's end")
        var standardError = StandardError()
        for warning in output.warnings { print(warning, to: &standardError) }
        return output
    } catch {
        report(error, writing: writing)
        throw ExitCode.failure
    }
}

/// Stops with one line (and a hint) when `root` is not an explainer site: a usage error (the wrong folder).
func requireSiteFolder(_ root: URL) throws {
    do {
        try checkSiteFolder(root)
    } catch {
        reportPlain(error)
        throw ExitCode.usageError
    }
}

func report(_ failure: BuildFailure, writing: Bool = true) {
    var standardError = StandardError()
    // The warnings found before the build stopped come with the errors, in file order, as a compiler gives them: one
    // may explain an error. Counted apart.
    let every = failure.everyDiagnostic
    for diagnostic in every { print(diagnostic, to: &standardError) }
    let count = every.filter { $0.severity == .error }.count
    let warnings = every.count - count
    print("\(count) error\(count == 1 ? "" : "s")" + (warnings == 0 ? "" : " and \(warnings) warning\(warnings == 1 ? "" : "s")")
          + "\(writing ? "; nothing was written" : "").", to: &standardError)
}

func milliseconds(_ duration: Duration) -> Int {
    Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
