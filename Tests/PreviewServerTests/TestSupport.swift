import Foundation
import PreviewServer
import Site

/// The repository root, found from this file's path.
let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The real templates and assets of the repository, read once.
let repositoryTemplates: SourceTree = {
    do {
        let all = try SourceTree.read(from: repositoryRoot)
        return SourceTree(templates: all.templates, assets: all.assets)
    } catch {
        fatalError("cannot read the repository: \(error)")
    }
}()

let miniConfig = "title: Test site\ndescription: A test.\nlanguage: en\n"

/// A small site with the real templates: quick to build, with chapters linking to each other.
func miniSource(intro: String = "Hello from the intro.") -> SourceTree {
    SourceTree(config: SourceFile(path: "content/site.yml", text: miniConfig),
               chapters: [
                   SourceFile(path: "content/01-intro.md", text: "---\ntitle: Intro\n---\n\(intro)\n\nNext: [more](../more/).\n"),
                   SourceFile(path: "content/02-more.md", text: "---\ntitle: More\n---\nMore text.\n"),
               ],
               templates: repositoryTemplates.templates, assets: repositoryTemplates.assets)
}

/// Writes `source` as a site folder under a fresh temporary folder.
func writeSite(_ source: SourceTree) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appending(path: "explainer-serve-\(UUID().uuidString)")
    var files = source.chapters + source.data + source.templates + source.assets
    files += [source.config, source.sources, source.glossary].compactMap { $0 }
    for file in files {
        let url = root.appending(path: file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.bytes).write(to: url)
    }
    return root
}

func text(_ output: OutputTree, _ path: String) -> String? {
    output[path].map { String(decoding: $0, as: UTF8.self) }
}
