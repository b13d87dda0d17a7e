/// Which explainer this is: its version, the commit it was built from and the repository that commit came from.
///
/// The executable fills it in from values generated at build time; `explainer new` writes the commit and repository
/// into the new site's deploy workflow, so the site is published with the explainer it was made with.
public struct ExplainerRelease: Sendable, Equatable {
    public var version: String
    /// The full commit hash, or nil when the build was not made from a git checkout.
    public var commit: String?
    /// Whether the checkout had changes that were not committed.
    public var modified: Bool
    /// The repository the commit can be fetched from (`git remote get-url origin`), when it is a public address.
    public var source: String?

    public init(version: String, commit: String?, modified: Bool = false, source: String? = nil) {
        self.version = version
        self.commit = commit
        self.modified = modified
        self.source = source
    }

    /// `explainer 0.4.0 (commit 1a2b3c4d5e6f…)` as `--version` prints it.
    public var description: String {
        guard let commit else { return "explainer \(version) (not built from a git checkout)" }
        return "explainer \(version) (commit \(commit)\(modified ? ", with uncommitted changes" : ""))"
    }

    /// Whether `address` is one a CI runner elsewhere can clone: https, ssh or git, not a path on this machine.
    public static func isPublicSource(_ address: String) -> Bool {
        ["https://", "http://", "ssh://", "git://", "git@"].contains { address.hasPrefix($0) }
    }
}
