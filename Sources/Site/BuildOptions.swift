import Simulation

/// What a build may vary besides its input files.
public struct BuildOptions: Sendable {
    /// Include chapters whose front matter says `draft: true`.
    public var includeDrafts = false
    public var registry = ModelRegistry.standard
    /// A script injected before `</body>` of every page (the preview server's live reload); nil when publishing.
    public var injectedScript: String?

    public init(includeDrafts: Bool = false, registry: ModelRegistry = .standard, injectedScript: String? = nil) {
        self.includeDrafts = includeDrafts
        self.registry = registry
        self.injectedScript = injectedScript
    }
}
