import Charts
import Markdown
import Simulation

/// A figure asked for by a ```chart block, parsed and checked but not yet computed.
public struct FigureRequest: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case model(String)
        /// A CSV file name in `content/data/`.
        case data(String)
        /// Drawn from the block itself: the nodes and arrows of a `diagram`, the steps of `steps`.
        case inline
    }

    public struct ScenarioRequest: Sendable, Equatable {
        public var name: String
        /// Overrides on top of the model's named scenario (if one has this name) or on the defaults.
        public var overrides: [Scenario.Override]
    }

    public var id: String
    public var title: String
    public var caption: String
    public var source: Source
    public var kind: ChartKind
    /// Series to draw, in order; nil draws every series on the first series' grid.
    public var series: [String]?
    public var labels: [String: String]
    public var x: AxisOptions?
    public var y: AxisOptions?
    public var params: [Scenario.Override]
    public var scenarios: [ScenarioRequest]
    public var annotations: [AnnotationRequest]
    /// `x: {origin: N}`: x values are drawn, tabled and downloaded as counted from N (2025 → "years after 2025").
    public var xOrigin: Double? = nil
    /// The axes ("x", "y") whose block gave a `format:`; the others get a default from the data's units.
    public var explicitFormats: Set<String> = []
    /// The scenario shown first (`default:`); nil picks `base` when there is one, else the first.
    public var defaultScenario: String? = nil
    /// `overlay: true`: every variant draws all scenarios, the chosen one highlighted and the others faint behind it.
    public var overlay = false
    /// `shared-axes: false` lets each variant fit its own axes (the default is one pair of axes for all of them).
    public var sharedAxes = true
    /// `captions:` one sentence per scenario, shown under the chart with that scenario.
    public var captions: [String: String] = [:]
    /// `totals:` waterfall rows drawn as totals (full bars from zero), not as steps.
    public var totals: [String] = []
    /// `claims:` categories that are disputed claims, drawn hatched and tagged "claim", not as measured values.
    public var claims: [String] = []
    /// `points:` series of a line chart drawn as points, not joined (reported values from different sources).
    public var points: [String] = []
    /// `value-labels:` text printed for a category's value instead of the number ("just under 3 %"), on the bar and
    /// in the data table; keys are categories as written in the data or as renamed by `labels:`.
    public var valueLabels: [String: String] = [:]
    /// `groups:` hbar bars gathered under headings, each a list of categories as written in the data or as renamed by
    /// `labels:`; together they list every category once, in the data's order.
    public var groups: [CategoryGroup] = []
    /// `first-column:` the heading of the data table's and CSV's first column (the categories, or the x values);
    /// nil takes the x axis title, the data file's first column, or the model's unit.
    public var firstColumn: String? = nil
    /// `digits:` significant digits of the printed values (2 or 3); nil: 3 for data, 2 for stylised model outputs.
    public var digits: Int? = nil
    /// `nodes:` and `arrows:` of a diagram, `steps:` of a steps chart.
    public var diagram = Diagram()
    /// Where the block is, for diagnostics.
    public var file: String
    public var line: Int
    public var column: Int
    /// Positions of parameter names (and of some keys, as "key:NAME") inside the block, for errors found later.
    var parameterLines: [String: (line: Int, column: Int)] = [:]

    public static func == (a: FigureRequest, b: FigureRequest) -> Bool {
        a.id == b.id && a.title == b.title && a.caption == b.caption && a.source == b.source && a.kind == b.kind
            && a.series == b.series && a.labels == b.labels && a.x == b.x && a.y == b.y && a.params == b.params
            && a.scenarios == b.scenarios && a.annotations == b.annotations && a.defaultScenario == b.defaultScenario
            && a.explicitFormats == b.explicitFormats && a.xOrigin == b.xOrigin
            && a.overlay == b.overlay && a.sharedAxes == b.sharedAxes && a.captions == b.captions
            && a.totals == b.totals && a.claims == b.claims && a.points == b.points && a.groups == b.groups
            && a.valueLabels == b.valueLabels && a.firstColumn == b.firstColumn && a.digits == b.digits && a.diagram == b.diagram && a.file == b.file && a.line == b.line
            && a.column == b.column
    }

    /// The caption as a reader sees it without its note marks: citations (`[@key, p. 4]`) taken out, quotes made
    /// typographic. What the SVG description says, and what search indexes and quotes.
    var plainCaption: String { typographic(removingCitations(caption)) }

    /// Where a parameter was written, falling back to the block itself.
    func position(ofParameter name: String) -> (line: Int, column: Int) {
        parameterLines[name] ?? (line, column)
    }

    /// Where a series is named in `series:`, else the `series:` line (else the block's opening line).
    func position(ofSeries name: String) -> (line: Int, column: Int) {
        parameterLines["series:" + name] ?? position(ofParameter: "key:series")
    }
}

/// One annotation as written: its numbers, or names still to be looked up (a category, or a model's output value).
public struct AnnotationRequest: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case line, band, event, here }

    /// A position as written: a number (or a month like 2000-08), or a name.
    public enum Value: Sendable, Equatable {
        case number(Double)
        /// A category label of the chart, or the name of a value the model reports (e.g. `lhp.quantile999`).
        case name(String)
    }

    public var kind: Kind
    public var axis: AnnotationAxis
    /// The positions by key: `value` (line), `from`/`to` (band), `x` (event), `x`/`y` (here).
    public var values: [String: Value]
    /// The label; `{x}`, `{y}` and `{value}` are replaced by the position, printed as the axis prints it.
    public var label: String
    public var line: Int
    public var column: Int
    /// Where each position was written.
    var valueLines: [String: (line: Int, column: Int)] = [:]

    public static func == (a: AnnotationRequest, b: AnnotationRequest) -> Bool {
        a.kind == b.kind && a.axis == b.axis && a.values == b.values && a.label == b.label && a.line == b.line
            && a.column == b.column
    }
}
