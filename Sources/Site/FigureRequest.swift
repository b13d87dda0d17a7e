import Charts
import Simulation

/// A figure asked for by a ```chart block, parsed and checked but not yet computed.
public struct FigureRequest: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case model(String)
        /// A CSV file name in `content/data/`.
        case data(String)
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
    public var annotations: [Annotation]
    /// Where the block is, for diagnostics.
    public var file: String
    public var line: Int
    public var column: Int
    /// Positions of parameter names inside the block, for errors a model reports later.
    var parameterLines: [String: (line: Int, column: Int)] = [:]

    public static func == (a: FigureRequest, b: FigureRequest) -> Bool {
        a.id == b.id && a.title == b.title && a.caption == b.caption && a.source == b.source && a.kind == b.kind
            && a.series == b.series && a.labels == b.labels && a.x == b.x && a.y == b.y && a.params == b.params
            && a.scenarios == b.scenarios && a.annotations == b.annotations && a.file == b.file && a.line == b.line
            && a.column == b.column
    }

    /// Where a parameter was written, falling back to the block itself.
    func position(ofParameter name: String) -> (line: Int, column: Int) {
        parameterLines[name] ?? (line, column)
    }
}
