import Foundation
import Testing

/// `make install-check`, which `make install` runs first and alone (before apt-get and the release build).
@Suite struct InstallCheck {
    private func makeInstallCheck(_ variables: [String]) throws -> Run {
        try run(URL(filePath: "/usr/bin/env"),
                ["make", "-s", "--no-print-directory", "-C", repositoryRoot.path, "install-check"] + variables)
    }

    /// A folder with a stand-in `swift` that prints `version` as `swift --version` does.
    private func fakeSwift(printing version: String) throws -> (folder: URL, swift: URL) {
        let folder = FileManager.default.temporaryDirectory.appending(path: "explainer-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "prefix"), withIntermediateDirectories: true)
        let swift = folder.appending(path: "swift")
        try "#!/bin/sh\necho '\(version)'\n".write(to: swift, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swift.path)
        return (folder, swift)
    }

    @Test func noSwiftStopsAtOnceWithWhereToGetIt() throws {
        let (folder, _) = try fakeSwift(printing: "")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try makeInstallCheck(["SWIFT=\(folder.path)/no-such-swift", "PREFIX=\(folder.path)/prefix"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("error: \(folder.path)/no-such-swift not found: explainer is built with Swift 6.1 or newer"))
        #expect(run.standardError.contains("hint: install Swift from https://swift.org/install"))
    }

    @Test func anOlderSwiftIsNamedWithTheVersionNeeded() throws {
        let (folder, swift) = try fakeSwift(printing: "Swift version 5.10.1 (swift-5.10.1-RELEASE)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try makeInstallCheck(["SWIFT=\(swift.path)", "PREFIX=\(folder.path)/prefix"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("is Swift 5.10.1: explainer needs Swift 6.1 or newer"))
    }

    @Test(arguments: ["Swift version 6.1 (swift-6.1-RELEASE)", "Swift version 6.3.1 (swift-6.3.1-RELEASE)",
                      "Apple Swift version 6.2 (swiftlang-6.2.0.19.9 clang-1700.3.19.1)", "Swift version 10.0-dev"])
    func aNewEnoughSwiftAndAWritableFolderPass(_ version: String) throws {
        let (folder, swift) = try fakeSwift(printing: version)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try makeInstallCheck(["SWIFT=\(swift.path)", "PREFIX=\(folder.path)/prefix"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.isEmpty)
    }
}
