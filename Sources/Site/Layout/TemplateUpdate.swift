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
    /// The explainer's text this file was last written from (`new` or `update` keep it in `.explainer/`), if known.
    public var base: String?

    /// Who changed a file that differs, when its base is known.
    public enum Change: Sendable {
        /// The writer: this explainer's is still the text the file was written from (`update` has nothing to take).
        case yours
        /// This explainer: the file is still the text it was written from (`update` replaces it, losing nothing).
        case explainer
        /// Both (`update` merges them).
        case both
    }

    /// The lines (from 1) of conflict markers an update left in the site's file and the writer has not resolved.
    public var unresolvedConflicts: [Int] { site.map { conflictMarkerLines(in: Array($0.utf8)) } ?? [] }

    /// Who changed a file that differs from this explainer's; nil when the base is not known (a site made before
    /// explainer kept it) or the file does not differ.
    public var change: Change? {
        guard state == .changed, let base, let site, let starter else { return nil }
        if site == base { return .explainer }
        return starter == base ? .yours : .both
    }

    /// A unified diff from the site's file to this explainer's (what `update` would change); empty when the same.
    public var diff: String {
        unifiedDiff(from: site ?? "", to: starter ?? "", oldName: site == nil ? "/dev/null" : path + " (yours)",
                    newName: starter == nil ? "/dev/null" : path + " (this explainer's)")
    }
}

/// Compares a site's templates (path → text, paths starting with `templates/`) with this explainer's, by path;
/// `bases` are the texts each file was last written from (same paths).
public func compareTemplates(_ site: [String: String], bases: [String: String] = [:]) -> [TemplateDifference] {
    let starter = Dictionary(uniqueKeysWithValues: starterTemplates.map { ($0.path, $0.text) })
    return Set(site.keys).union(starter.keys).sorted().map { path in
        let state: TemplateDifference.State = switch (site[path], starter[path]) {
        case let (mine?, theirs?): mine == theirs ? .same : .changed
        case (nil, _): .missing
        case (_, nil): .own
        }
        return TemplateDifference(path: path, state: state, site: site[path], starter: starter[path], base: bases[path])
    }
}

/// Where `new` and `update` keep, for each template file, this explainer's text as they wrote it (the base a later
/// `update` merges from): `.explainer/templates/…` in the site.
public func templateBasePath(_ path: String) -> String { ".explainer/" + path }

/// Where `update` keeps the writer's text of a file it rewrote that held changes of the writer's own.
public func templatePreviousPath(_ path: String) -> String { ".explainer/previous/" + path }

/// What `explainer templates update` does to one file.
public struct TemplateUpdate: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The site had no such file: this explainer's is added.
        case added
        /// Already this explainer's text.
        case same
        /// The file was still the text explainer last wrote: replaced by this explainer's, nothing lost.
        case replaced
        /// Only the writer changed it since explainer last wrote it: nothing new to take, the file is kept.
        case kept
        /// Both changed it, in different lines: merged.
        case merged
        /// Both changed the same lines: merged with conflict markers at these lines (from 1).
        case conflicts([Int])
        /// Nothing is known of what explainer last wrote (a site made before explainer kept it), so the writer's
        /// changes cannot be told from explainer's: left as it is (`--replace` takes this explainer's).
        case unknownStart
        /// The file still has conflict markers from an earlier update, at these lines: left as it is.
        case unresolved([Int])
        /// Replaced by this explainer's because the writer asked for it (`--replace`), their changes kept aside.
        case discarded
    }

    public var path: String
    public var outcome: Outcome
    /// The file's new text; nil when it is left as it is.
    public var text: String?
    /// Whether the writer's text is to be kept aside (`templatePreviousPath`) before the file is rewritten: it held
    /// changes of the writer's own.
    public var keepsPrevious: Bool

    /// Whether this explainer's text becomes the file's base (`templateBasePath`): not for a file left as it is
    /// because where it started is unknown or a conflict is unresolved, which the writer has yet to bring up to it.
    public var recordsBase: Bool {
        switch outcome {
        case .unknownStart, .unresolved: false
        default: true
        }
    }

    /// The update of `difference` to this explainer's text, `starter`; `replacing` takes this explainer's text whatever
    /// the writer changed.
    public init(_ difference: TemplateDifference, starter: String, replacing: Bool = false) {
        path = difference.path
        guard let site = difference.site else {
            (outcome, text, keepsPrevious) = (.added, starter, false)
            return
        }
        let unresolved = difference.unresolvedConflicts
        if site == starter {
            (outcome, text, keepsPrevious) = (.same, nil, false)
        } else if !unresolved.isEmpty && !replacing {
            (outcome, text, keepsPrevious) = (.unresolved(unresolved), nil, false)
        } else if replacing {
            (outcome, text, keepsPrevious) = (.discarded, starter, site != difference.base)
        } else if let base = difference.base {
            if site == base {
                (outcome, text, keepsPrevious) = (.replaced, starter, false)
            } else if starter == base {
                (outcome, text, keepsPrevious) = (.kept, nil, false)
            } else {
                let merge = ThreeWayMerge(base: base, yours: site, theirs: starter,
                                          names: ("yours", "explainer's before", "explainer's now"))
                (outcome, text, keepsPrevious) = (merge.conflicts.isEmpty ? .merged : .conflicts(merge.conflicts), merge.text, true)
            }
        } else {
            (outcome, text, keepsPrevious) = (.unknownStart, nil, false)
        }
    }
}

/// The template file a writer names on the command line, among `paths` (`templates/…`): a path, with or without its
/// `templates/` prefix (`assets/site.css`), or a bare file name when exactly one file has it (`site.css`).
public func templatePath(named name: String, among paths: [String]) throws(Diagnostic) -> String {
    let path = name.hasPrefix("templates/") ? name : "templates/" + name
    if paths.contains(path) { return path }
    let bare = !name.contains("/")
    let named = bare ? paths.filter { fileName($0) == name } : []
    if named.count == 1 { return named[0] }
    guard named.isEmpty else {
        throw Diagnostic(file: name, line: 1, column: 1,
                         message: "'\(name)' is the name of \(named.count) template files: " + named.joined(separator: ", "),
                         hint: "write the path of the one you mean, e.g. \(named[0])")
    }
    // A mistyped bare name is compared with the files' names, not with their paths.
    if bare, let best = closestMatch(to: name, among: paths.map(fileName)),
       let match = paths.first(where: { fileName($0) == best }) {
        throw Diagnostic(file: path, line: 1, column: 1, message: "neither the site nor this explainer has \(path)",
                         hint: "did you mean '\(match)'? Known template files: " + paths.joined(separator: ", "))
    }
    throw Diagnostic(file: path, line: 1, column: 1, message: "neither the site nor this explainer has \(path)",
                     hint: suggestionHint(for: path, among: paths, noun: "template files"))
}
