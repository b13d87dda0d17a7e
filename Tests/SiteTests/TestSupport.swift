import Foundation
@testable import Site

/// The repository root, found from this file's path.
let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The real templates and assets of the repository, read once.
let repositorySource: SourceTree = {
    do { return try SourceTree.read(from: repositoryRoot) } catch { fatalError("cannot read the repository: \(error)") }
}()

/// This site with its chart gallery turned on (`gallery: true`): the site does not publish it, a writer's site may.
let repositorySourceWithGallery: SourceTree = {
    var source = repositorySource
    source.config?.bytes += Array("\ngallery: true\n".utf8)
    return source
}()

/// The site `explainer new` writes, as a source tree.
func starterSource(title: String) -> SourceTree {
    let files = starterSite(title: title, release: Scaffold.release)
    return SourceTree(
        config: files.first { $0.path == "content/site.yml" },
        chapters: files.filter { $0.path.hasPrefix("content/") && $0.path.hasSuffix(".md") },
        sources: files.first { $0.path == "content/sources.yml" }, glossary: files.first { $0.path == "content/glossary.yml" },
        data: files.filter { $0.path.hasPrefix("content/data/") },
        templates: files.filter { $0.path.hasPrefix("templates/") && $0.path.hasSuffix(".mustache") },
        assets: files.filter { $0.path.hasPrefix("templates/assets/") },
        images: files.filter { $0.path.hasPrefix("content/images/") })
}

/// A small site: the real templates, one chapter with the given text, no sources or glossary unless given.
func miniSite(chapter: String, name: String = "01-intro.md", config: String? = nil, extraChapters: [SourceFile] = [],
              data: [SourceFile] = [], sources: String? = nil, images: [SourceFile] = []) -> SourceTree {
    SourceTree(config: SourceFile(path: "content/site.yml", text: config ?? "title: Test site\ndescription: A test.\nlanguage: en\n"),
               chapters: [SourceFile(path: "content/" + name, text: chapter)] + extraChapters,
               sources: sources.map { SourceFile(path: "content/sources.yml", text: $0) },
               glossary: nil, data: data, templates: repositorySource.templates, assets: repositorySource.assets,
               images: images)
}

/// The diagnostics a failing build reports, or [] if it succeeded.
func diagnostics(of source: SourceTree) -> [Diagnostic] {
    do {
        _ = try build(source)
        return []
    } catch {
        return error.diagnostics
    }
}

/// The text of one output file.
func text(_ output: OutputTree, _ path: String) -> String? {
    output[path].map { String(decoding: $0, as: UTF8.self) }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "explainer-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file under `folder`, relative path → bytes.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
    for name in names {
        var isDirectory: ObjCBool = false
        let url = folder.appending(path: name)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[name] = try Data(contentsOf: url)
        }
    }
    return result
}

/// Every folder under `folder`, as relative paths.
func allFolders(_ folder: URL) throws -> Set<String> {
    let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
    return Set(names.filter { name in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.appending(path: name).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    })
}

/// The repository's site built once for the tests that only read it (a debug build takes several seconds).
let repositoryOutput: OutputTree = {
    do { return try build(repositorySource) } catch { fatalError("the repository's site does not build: \(error)") }
}()
