import Simulation

/// What a build may vary besides its input files.
public struct BuildOptions: Sendable {
    /// Include chapters whose front matter says `draft: true`.
    public var includeDrafts = false
    public var registry = ModelRegistry.standard
    /// A script injected before `</body>` of every page (the preview server's live reload); nil when publishing.
    public var injectedScript: String?
    /// Figures kept from earlier builds of the same site (the preview server passes one); nil computes every figure.
    public var figureCache: FigureCache?
    /// Chapters and site files parsed by earlier builds of the same site; nil parses everything. A cache must not be shared
    /// between builds with different registries.
    public var parseCache: ParseCache?
    /// Pages laid out by earlier builds of the same site; nil renders every page.
    public var pageCache: PageCache?
    /// Templates parsed by the last build of the same site; nil parses them.
    public var templateCache: TemplateCache?
    /// Search documents and term counts of earlier builds of the same site; nil indexes everything.
    public var searchCache: SearchCache?
    /// Where the build records how long each stage took (`explainer build --timings`); nil records nothing.
    public var timings: StageTimings?
    /// The staging folder `explainer build` writes pages into as they are laid out (a one-language site's); nil keeps
    /// every file in the output tree until it is written.
    public var staged: StagedWrite?
    /// Called once, on the build's thread, with every file but the search index's as soon as they have passed every
    /// check, while the index is still being made (the preview server shows them at once); the build then returns
    /// the whole output as usual. Not called when the site has no search or has a problem.
    public var pagesReady: (@Sendable (OutputTree) -> Void)?

    public init(includeDrafts: Bool = false, registry: ModelRegistry = .standard, injectedScript: String? = nil,
                figureCache: FigureCache? = nil, parseCache: ParseCache? = nil, pageCache: PageCache? = nil,
                templateCache: TemplateCache? = nil, searchCache: SearchCache? = nil, timings: StageTimings? = nil,
                staged: StagedWrite? = nil) {
        self.includeDrafts = includeDrafts
        self.registry = registry
        self.injectedScript = injectedScript
        self.figureCache = figureCache
        self.parseCache = parseCache
        self.pageCache = pageCache
        self.templateCache = templateCache
        self.searchCache = searchCache
        self.timings = timings
        self.staged = staged
    }
}
