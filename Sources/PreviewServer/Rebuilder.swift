import Foundation
import Site

/// Rebuilds the site after changes and hands the result to the server state; remembers the last good sources
/// so stylesheet edits can skip the build.
struct Rebuilder: Sendable {
    typealias Builder = PreviewServer.Builder

    let root: URL
    let options: BuildOptions
    let builder: Builder
    let state: PreviewState
    private(set) var lastGoodSource: SourceTree?

    init(root: URL, options: BuildOptions, builder: @escaping Builder, state: PreviewState) {
        self.root = root
        self.options = options
        self.builder = builder
        self.state = state
    }

    /// Rebuilds as little as `changed` allows (everything when it is empty) and publishes the outcome.
    mutating func rebuild(changed: [String]) async -> PreviewEvent {
        let start = ContinuousClock.now
        if case let .stylesheets(paths) = changeKind(for: changed), let patched = await patched(paths) {
            lastGoodSource = patched.0
            let pushed = await state.publish(patched.1)
            return .built(changed: changed, pages: pageCount(patched.1), duration: .now - start, pushed: pushed)
        }
        let root = root, options = options, builder = builder
        let result = await onBuildThread { () -> Result<(SourceTree, OutputTree), BuildFailure> in
            do throws(BuildFailure) {
                let source = try SourceTree.read(from: root)
                return .success((source, try builder(source, options)))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case let .success((source, output)):
            lastGoodSource = source
            let pushed = await state.publish(output)
            return .built(changed: changed, pages: pageCount(output), duration: .now - start, pushed: pushed)
        case let .failure(failure):
            await state.fail(failure)
            return .failed(changed: changed, failure: failure, duration: .now - start)
        }
    }

    /// The current site with the edited stylesheets copied in, when that is exactly what a build would produce.
    private func patched(_ paths: [String]) async -> (SourceTree, OutputTree)? {
        guard let source = lastGoodSource, let output = await state.tree, await state.overlay == nil else { return nil }
        var edits: [String: [UInt8]] = [:]
        for path in paths {
            guard let data = FileManager.default.contents(atPath: root.appending(path: path).path) else { return nil }
            edits[path] = Array(data)
        }
        return patchStylesheets(edits, source: source, output: output)
    }

    private func pageCount(_ output: OutputTree) -> Int {
        output.files.keys.count { $0.hasSuffix(".html") }
    }
}

/// Runs a CPU-bound build on its own thread, so it never occupies one of the few threads that serve requests.
func onBuildThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: work()) }
        thread.stackSize = 16 << 20
        thread.start()
    }
}
