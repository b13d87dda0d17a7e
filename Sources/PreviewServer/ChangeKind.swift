/// How much of the site a set of changed source files asks to rebuild.
public enum ChangeKind: Equatable, Sendable {
    /// Nothing the build reads changed (editor swap files, backups, hidden files).
    case none
    /// Only stylesheets under `templates/assets/` changed: copy them over, no build needed.
    case stylesheets([String])
    /// Anything else: a full build.
    case full
}

/// Picks the smallest rebuild for changed source paths (relative to the site root).
public func changeKind(for paths: [String]) -> ChangeKind {
    let relevant = paths.filter(isWatchedSourcePath)
    if relevant.isEmpty { return .none }
    if relevant.allSatisfy({ $0.hasPrefix("templates/assets/") && $0.hasSuffix(".css") }) {
        return .stylesheets(relevant.sorted())
    }
    return .full
}

/// Whether a path can matter to a build: editors' temporary, swap and backup files do not, nor hidden files
/// (the build skips those too).
public func isWatchedSourcePath(_ path: String) -> Bool {
    guard path.hasPrefix("content/") || path.hasPrefix("templates/") else { return false }
    let components = path.split(separator: "/")
    if components.contains(where: { $0.hasPrefix(".") }) { return false }
    guard let name = components.last else { return false }
    if name.hasSuffix("~") || name.hasPrefix("#") || name == "4913" { return false }
    let ignoredSuffixes = [".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".crswap", "___jb_tmp___", "___jb_old___"]
    return !ignoredSuffixes.contains { name.hasSuffix($0) }
}
