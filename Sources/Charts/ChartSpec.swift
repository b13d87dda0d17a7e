/// The kind of chart to draw; raw values are the names authors write in ```chart blocks.
public enum ChartKind: String, Sendable, CaseIterable {
    case line, area, stackedArea = "stacked-area", bar, horizontalBar = "hbar", groupedBar = "grouped-bar",
        stackedBar = "stacked-bar", waterfall, flow, histogram, heatmap, smallMultiples = "small-multiples"
}

/// How values on an axis are printed (see `ValueFormat.string(for:)`).
public enum ValueFormat: String, Sendable, CaseIterable {
    case number, percent, usdBillions = "usd-bn", usdTrillions = "usd-tn", years, year, month, multiple
}

/// How an axis maps values to positions.
public enum ScaleType: String, Sendable, CaseIterable { case linear, log }

/// Label, format, scale and optional fixed bounds of one axis.
public struct AxisOptions: Sendable, Equatable {
    public var label: String
    public var format: ValueFormat
    public var scale: ScaleType
    public var min: Double?
    public var max: Double?

    /// Creates axis options; bounds left `nil` are chosen from the data with "nice" ticks.
    public init(label: String = "", format: ValueFormat = .number, scale: ScaleType = .linear,
                min: Double? = nil, max: Double? = nil) {
        self.label = label
        self.format = format
        self.scale = scale
        self.min = min
        self.max = max
    }
}

/// One named series: x/y pairs, or values per category (then `x` may be empty).
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var categories: [String]?

    /// Creates a series from all its parts.
    public init(name: String, x: [Double], y: [Double], categories: [String]? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.categories = categories
    }

    /// Creates a category series (bar, grouped-bar, stacked-bar, waterfall): one value per category.
    public init(name: String, categories: [String], values: [Double]) {
        self.init(name: name, x: [], y: values, categories: categories)
    }
}

/// Which data axis an annotation refers to.
public enum AnnotationAxis: String, Sendable { case x, y }

/// Context drawn on top of x/y charts.
public enum Annotation: Sendable, Equatable {
    /// A dashed line at `value` on `axis` (e.g. a peak, or a percentile on a histogram).
    case referenceLine(axis: AnnotationAxis, value: Double, label: String)
    /// A shaded band between two x values (e.g. a recession).
    case band(from: Double, to: Double, label: String)
    /// A labelled vertical marker at one x value (e.g. a product launch).
    case event(x: Double, label: String)
    /// A "you are here" point marker.
    case here(x: Double, y: Double, label: String)
}

/// One link of a flow (Sankey) chart; nodes are named by the links.
public struct FlowLink: Sendable, Equatable {
    public var source: String
    public var target: String
    public var value: Double

    /// Creates a link carrying `value` from `source` to `target`.
    public init(source: String, target: String, value: Double) {
        self.source = source
        self.target = target
        self.value = value
    }
}

/// Everything needed to draw one chart.
public struct ChartSpec: Sendable, Equatable {
    public var kind: ChartKind
    public var title: String
    public var description: String
    public var x: AxisOptions
    public var y: AxisOptions
    public var series: [ChartSeries]
    public var annotations: [Annotation]
    /// The links of a flow chart (ignored by other kinds, which must leave it empty).
    public var links: [FlowLink]
    /// Canvas width in SVG units (pixels at 1:1): 720 for pages, about 400 for a phone-sized layout.
    /// Text keeps its size, so a narrower canvas stays readable when scaled down to a small screen.
    public var width: Double = 720

    /// The same chart laid out on a canvas `width` units wide.
    public func withWidth(_ width: Double) -> ChartSpec {
        var copy = self
        copy.width = width
        return copy
    }

    /// Creates a chart spec; `description` becomes the SVG `<desc>` (a summary is generated when empty).
    public init(kind: ChartKind = .line, title: String, description: String = "",
                x: AxisOptions = AxisOptions(), y: AxisOptions = AxisOptions(),
                series: [ChartSeries] = [], annotations: [Annotation] = [], links: [FlowLink] = []) {
        self.kind = kind
        self.title = title
        self.description = description
        self.x = x
        self.y = y
        self.series = series
        self.annotations = annotations
        self.links = links
    }
}
