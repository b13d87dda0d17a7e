import Site

/// This release's version number; the commit comes from `BuildInfo.swift`, generated before each build.
let explainerVersion = "0.2.0"

extension ExplainerRelease {
    /// The explainer running now.
    static let current = ExplainerRelease(version: explainerVersion, commit: buildCommit, modified: buildModified,
                                          source: buildSource)
}
