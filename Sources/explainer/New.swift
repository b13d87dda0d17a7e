import ArgumentParser
import Foundation
import Site

extension Explainer {
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new explainer in FOLDER that builds as it is.",
            discussion: """
                Writes content/ (site.yml, a home-page introduction, an About page, two chapters that show every \
                building block, sources.yml, glossary.yml, data/, images/), templates/ (with assets/), a .gitignore \
                and a GitHub Pages workflow (.github/workflows/pages.yml) that builds with this explainer's commit. \
                FOLDER must be new or empty (a lone .git is fine), and outside any explainer site. A chapter is no \
                site: it is a Markdown file in content/, e.g. content/50-overpaying.md, made with your editor.
                """)

        @Argument(help: "The folder to create (must not exist yet, or be empty).")
        var folder: String

        @Option(help: "The site's title.")
        var title = "My explainer"

        func validate() throws {
            // site.yml's title must have text: a blank one would make a site that does not build (QA 17 N2).
            guard title.contains(where: { !$0.isWhitespace }) else {
                throw ValidationError("--title is empty: give the site's title, e.g. --title \"How the grid copes\"")
            }
        }

        func run() async throws {
            let destination = URL(filePath: folder)
            // Not content problems, so no file:line:column; just what is wrong and what to do. A folder that cannot
            // take a site is a usage error; a write that fails is not.
            do {
                try checkNewSiteFolder(destination)
            } catch {
                reportPlain(error)
                throw ExitCode.usageError
            }
            do {
                try writeStarterSite(to: destination, title: title, release: .current)
            } catch {
                reportPlain(error)
                throw ExitCode.failure
            }
            print("Created a new explainer in \(folder)/.")
            print("Next: cd \(shellQuoted(folder)) && explainer serve   (a preview that reloads as you write; `explainer build` writes public/)")
            let release = ExplainerRelease.current
            if release.commit == nil || !(release.source.map(ExplainerRelease.isPublicSource) ?? false) {
                print("Before publishing with GitHub Pages: set EXPLAINER_SOURCE and EXPLAINER_REF in "
                      + ".github/workflows/pages.yml (this explainer was not built from a public git repository), "
                      + "or commit a binary as bin/explainer.")
            } else if release.modified {
                print("Note: this explainer was built with uncommitted changes; the workflow builds commit "
                      + "\(release.commit!.prefix(12)) without them.")
            }
        }
    }
}

/// `path` as a shell word to copy: as it is when it needs no quoting, else in single quotes (a `'` inside as `'\''`).
func shellQuoted(_ path: String) -> String {
    let plain = path.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-+,:@%=".unicodeScalars.contains($0)) }
    return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
