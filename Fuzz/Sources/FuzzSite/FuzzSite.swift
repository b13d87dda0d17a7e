import Foundation
import Site

/// The repository's templates, read once: every input is built as the only chapter of a small site.
nonisolated(unsafe) private let templates: SourceTree = {
    let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    do { return try SourceTree.read(from: root) } catch { fatalError("cannot read templates: \(error)") }
}()

/// The small site each input is the only chapter of: one source, one glossary term, one CSV, the repository's
/// templates and translations.
private func site(chapter bytes: [UInt8]) -> SourceTree {
    SourceTree(
        config: SourceFile(path: "content/site.yml", text: "title: Fuzz\ndescription: Fuzzing.\nlanguage: en\n"),
        chapters: [SourceFile(path: "content/01-fuzz.md", bytes: bytes)],
        sources: SourceFile(path: "content/sources.yml", text: "a:\n  title: A\n"),
        glossary: SourceFile(path: "content/glossary.yml", text: "- term: Tranche\n  definition: A slice of a pool.\n"),
        data: [SourceFile(path: "content/data/d.csv", text: "x,y\n1,2\n2,3\n")],
        templates: templates.templates, assets: templates.assets, translations: templates.translations)
}

/// The site must build with a plain chapter, or every input fails before its chapter is read and the fuzzer explores
/// nothing but that failure (as it once did: the glossary was written as a mapping, 1,389 edges of 147,179 reached).
/// Checked once, before the first input; a broken harness stops the run at once with the build's errors.
private let harnessBuilds: Void = {
    let chapter = "---\ntitle: Fuzz\n---\nA Tranche [@a, p. 4].\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n"
    do throws(BuildFailure) {
        _ = try build(site(chapter: Array(chapter.utf8)))
    } catch {
        fatalError("the fuzz harness's own site does not build, so no input would reach the chapter:\n"
                   + error.diagnostics.map { $0.description }.joined(separator: "\n"))
    }
}()

/// libFuzzer entry point: the input is a chapter file. Any outcome is fine except a crash, a hang or a leak;
/// a failure must carry positions inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = harnessBuilds
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        _ = try build(site(chapter: bytes))
    } catch {
        for diagnostic in error.diagnostics {
            precondition(diagnostic.line >= 1 && diagnostic.column >= 1, "diagnostic without a position: \(diagnostic)")
        }
    }
    return 0
}

/// libFuzzer's driver; SwiftPM names an executable's entry point `<Target>_main`, so we hand it to the driver ourselves.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("FuzzSite_main")
public func fuzzSiteMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
