import Foundation
import Testing
@testable import Site

/// Every input in Fuzz/corpus (the seed chapters and what libFuzzer found interesting) builds or fails with
/// positioned diagnostics; none may crash or hang.
@Suite struct FuzzCorpusRegression {
    static let corpus = repositoryRoot.appending(path: "Fuzz/corpus")

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()

    @Test func corpusIsPresent() {
        #expect(Self.files.count >= 40)
    }

    @Test func everyCorpusInputBuildsOrFailsCleanly() throws {
        for name in Self.files {
            let bytes = Array(try Data(contentsOf: Self.corpus.appending(path: name)))
            var site = miniSite(chapter: "")
            site.chapters = [SourceFile(path: "content/01-fuzz.md", bytes: bytes)]
            site.data = [SourceFile(path: "content/data/d.csv", text: "x,y\n1,2\n2,3\n")]
            for diagnostic in diagnostics(of: site) {
                #expect(diagnostic.line >= 1 && diagnostic.column >= 1, "\(name): \(diagnostic)")
                #expect(!diagnostic.message.isEmpty, "\(name)")
            }
        }
    }
}
