import Foundation

extension OutputTree {
    /// Writes the tree to `destination` atomically: into a temporary folder beside it, then swapped in.
    ///
    /// If anything fails, the previous `destination` is left exactly as it was.
    public func write(to destination: URL) throws(BuildFailure) {
        let files = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        var isDirectory: ObjCBool = false
        let exists = files.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "'\(name)' exists and is not a folder",
                                           hint: "move the file away or choose another output folder with --output")])
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appending(path: ".\(name).tmp-\(pid)")
        let previous = parent.appending(path: ".\(name).old-\(pid)")
        removeStaleStaging(in: parent, name: name)
        do {
            try? files.removeItem(at: staging)
            try files.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in sortedPaths {
                let url = staging.appending(path: path)
                try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard files.createFile(atPath: url.path, contents: Data(self.files[path]!)) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
                }
            }
        } catch {
            try? files.removeItem(at: staging)
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "cannot write the site: \(error.localizedDescription)",
                                           hint: "check that \(parent.path) is writable")])
        }
        if exists, exchangePaths(staging.path, destination.path) {
            // One atomic step: `destination` now holds the new site and `staging` the old one.
            try? files.removeItem(at: staging)
            return
        }
        do {
            if exists {
                try files.moveItem(at: destination, to: previous)
            }
            do {
                try files.moveItem(at: staging, to: destination)
            } catch {
                if exists { try? files.moveItem(at: previous, to: destination) }
                throw error
            }
            if exists { try? files.removeItem(at: previous) }
        } catch {
            try? files.removeItem(at: staging)
            throw BuildFailure([Diagnostic(file: name, line: 1, column: 1, message: "cannot replace '\(name)': \(error.localizedDescription)")])
        }
    }

    /// Removes staging folders left by builds that were killed mid-write (their process is gone).
    private func removeStaleStaging(in parent: URL, name: String) {
        let files = FileManager.default
        for entry in (try? files.contentsOfDirectory(atPath: parent.path)) ?? [] {
            for prefix in [".\(name).tmp-", ".\(name).old-"] where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), !processIsRunning(pid) else { continue }
                try? files.removeItem(at: parent.appending(path: entry))
            }
        }
    }
}
