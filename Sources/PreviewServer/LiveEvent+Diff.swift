import Site

/// The event a new good build should push, from what changed in the output; nil when nothing visible changed.
///
/// Pages that showed an error overlay (or had no good build to show) always reload, so the overlay goes away.
public func liveEvent(from previous: OutputTree?, to next: OutputTree, hadErrors: Bool, generation: Int) -> LiveEvent? {
    guard let previous, !hadErrors else { return .reload(generation: generation) }
    let changed = changedPaths(from: previous, to: next)
    if changed.isEmpty { return nil }
    if changed.allSatisfy({ $0.hasSuffix(".css") }) { return .stylesheets(changed, generation: generation) }
    return .reload(generation: generation)
}

/// Output paths added, removed or with different bytes, sorted.
public func changedPaths(from previous: OutputTree, to next: OutputTree) -> [String] {
    var changed: [String] = []
    for (path, bytes) in next.files where previous.files[path] != bytes { changed.append(path) }
    for path in previous.files.keys where next.files[path] == nil { changed.append(path) }
    return changed.sorted()
}
