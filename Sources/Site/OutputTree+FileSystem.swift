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
}
