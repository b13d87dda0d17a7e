import Site

/// What the server tells its caller (the command line prints these).
public enum PreviewEvent: Sendable {
    /// The server accepts connections at this URL.
    case listening(url: String)
    /// A build succeeded. `changed` is empty for the first build; `pushed` is what open pages were told; `drafts` is
    /// how many drafts it left out (served only with `--drafts`).
    case built(changed: [String], pages: Int, duration: Duration, pushed: LiveEvent?, warnings: BuildWarnings, drafts: Int)
    /// A build failed; the last good site is still served, with the overlay.
    case failed(changed: [String], failure: BuildFailure, duration: Duration)
}

/// The warnings of a good build, for the terminal, which prints a set of warnings once: while rebuilds give the same
/// set, it says only how many remain.
public struct BuildWarnings: Equatable, Sendable {
    public var diagnostics: [Diagnostic]
    /// The last good build reported the same warnings, and no build failed since (none before the first build counts
    /// as reported).
    public var repeated: Bool

    public init(_ diagnostics: [Diagnostic], repeated: Bool) {
        self.diagnostics = diagnostics
        self.repeated = repeated
    }
}
