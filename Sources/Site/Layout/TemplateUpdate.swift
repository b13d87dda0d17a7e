import Simulation

/// How one file of a site's `templates/` compares with the template this explainer writes into a new site.
public struct TemplateDifference: Sendable, Equatable {
    public enum State: String, Sendable {
        /// The same bytes as this explainer's.
        case same
        /// Both have it, with different text: the writer changed it, or this explainer did.
        case changed
        /// This explainer has it and the site does not (a template added since the site was made, or one removed).
        case missing
        /// Only the site has it (the writer's own).
        case own
    }

    /// `templates/...`, relative to the site.
    public var path: String
    public var state: State
    /// The site's text, if it has the file.
    public var site: String?
    /// This explainer's text, if it has the file.
    public var starter: String?

    /// A unified diff from the site's file to this explainer's (what `update` would change); empty when the same.
    public var diff: String {
        unifiedDiff(from: site ?? "", to: starter ?? "", oldName: site == nil ? "/dev/null" : path + " (yours)",
                    newName: starter == nil ? "/dev/null" : path + " (this explainer's)")
    }
}

/// Compares a site's templates (path → text, paths starting with `templates/`) with this explainer's, by path.
public func compareTemplates(_ site: [String: String]) -> [TemplateDifference] {
    let starter = Dictionary(uniqueKeysWithValues: starterTemplates.map { ($0.path, $0.text) })
    return Set(site.keys).union(starter.keys).sorted().map { path in
        let state: TemplateDifference.State = switch (site[path], starter[path]) {
        case let (mine?, theirs?): mine == theirs ? .same : .changed
        case (nil, _): .missing
        case (_, nil): .own
        }
        return TemplateDifference(path: path, state: state, site: site[path], starter: starter[path])
    }
}

/// The template file a writer names on the command line, among `paths` (`templates/…`): a path, with or without its
/// `templates/` prefix (`assets/site.css`), or a bare file name when exactly one file has it (`site.css`).
public func templatePath(named name: String, among paths: [String]) throws(Diagnostic) -> String {
    let path = name.hasPrefix("templates/") ? name : "templates/" + name
    if paths.contains(path) { return path }
    let bare = !name.contains("/")
    let named = bare ? paths.filter { fileName(of: $0) == name } : []
    if named.count == 1 { return named[0] }
    guard named.isEmpty else {
        throw Diagnostic(file: name, line: 1, column: 1,
                         message: "'\(name)' is the name of \(named.count) template files: " + named.joined(separator: ", "),
                         hint: "write the path of the one you mean, e.g. \(named[0])")
    }
    // A mistyped bare name is compared with the files' names, not with their paths.
    if bare, let best = closestMatch(to: name, among: paths.map(fileName(of:))),
       let match = paths.first(where: { fileName(of: $0) == best }) {
        throw Diagnostic(file: path, line: 1, column: 1, message: "neither the site nor this explainer has \(path)",
                         hint: "did you mean '\(match)'? Known template files: " + paths.joined(separator: ", "))
    }
    throw Diagnostic(file: path, line: 1, column: 1, message: "neither the site nor this explainer has \(path)",
                     hint: suggestionHint(for: path, among: paths, noun: "template files"))
}

private func fileName(of path: String) -> String { String(path.split(separator: "/").last ?? "") }
