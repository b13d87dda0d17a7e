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
