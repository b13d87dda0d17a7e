/// The kind of chart to draw; raw values are the names authors write in ```chart blocks.
public enum ChartKind: String, Sendable, CaseIterable {
    case line, area, stackedArea = "stacked-area", bar, horizontalBar = "hbar", groupedBar = "grouped-bar",
        stackedBar = "stacked-bar", waterfall, flow, histogram, heatmap, smallMultiples = "small-multiples", diagram, steps
}

/// What the stored numbers of an axis are, and so how they are printed (see `ValueFormat.string(for:)`).
///
/// The name says what the value *is*: `fraction` holds 0.3 for 30 %, `percent` holds 30 for 30 %; a percentage is
/// never scaled twice. `year` is a calendar year (never grouped or signed), `years` and `months` are durations.
/// Money is named by its currency's ISO 4217 code, in billions with `-bn` and in trillions with `-tn`: `usd`, `gbp-bn`.
public enum ValueFormat: Sendable, Hashable {
    /// A plain number, thousands grouped: 12,345 and 0.0123.
    case number
    /// A whole count, thousands grouped: 1,234 (ticks never fall between whole numbers).
    case count
    /// A share stored as a fraction of 1, shown as a percentage: 0.3 → 30 %.
    case fraction
    /// A value already in percent (percentage points): 30 → 30 %.
    case percent
    /// A calendar year: 2024 → 2024; 2022.9 → Nov 2022.
    case year
    /// A duration in years: 2.5 → 2.5 years (ticks print the bare number; the axis title names the unit).
    case years
    /// Months counted from an event, signed: −12, 0, +24.
    case months
    /// An amount of money: `usd` 2.5 → $2.50, `eur-bn` 120 → €120 B, `jpy` 2.5 → ¥3.
    case money(Currency, Magnitude)
    /// A multiple: 1.2 → 1.2×.
    case multiple

    /// The unit a stored amount of money counts in: 1, a billion or a trillion of the currency.
    public enum Magnitude: String, Sendable, CaseIterable {
        case units = "", billions = "-bn", trillions = "-tn"
    }

    /// Dollars: 2 → $2, 2.5 → $2.50.
    public static let usd = ValueFormat.money(.usd, .units)
    /// Dollars in billions: 120 → $120 B, 1,300 → $1.3 T.
    public static let usdBillions = ValueFormat.money(.usd, .billions)
    /// Dollars in trillions: 1.5 → $1.5 T.
    public static let usdTrillions = ValueFormat.money(.usd, .trillions)

    /// Amounts in billions or trillions (shown in 億 and 兆 on a Chinese page).
    public var isLargeAmount: Bool {
        if case .money(_, let magnitude) = self { magnitude != .units } else { false }
    }
}

extension ValueFormat: RawRepresentable, CaseIterable {
    /// The name authors write: `fraction`, `usd-bn`, `gbp`.
    public init?(rawValue: String) {
        let plain: [String: ValueFormat] = ["number": .number, "count": .count, "fraction": .fraction, "percent": .percent,
                                            "year": .year, "years": .years, "months": .months, "multiple": .multiple]
        if let format = plain[rawValue] { self = format; return }
        for magnitude in Magnitude.allCases.reversed() where rawValue.hasSuffix(magnitude.rawValue) {
            guard let currency = Currency(rawValue: String(rawValue.dropLast(magnitude.rawValue.count))) else { return nil }
            self = .money(currency, magnitude)
            return
        }
        return nil
    }

    public var rawValue: String {
        switch self {
        case .number: "number"
        case .count: "count"
        case .fraction: "fraction"
        case .percent: "percent"
        case .year: "year"
        case .years: "years"
        case .months: "months"
        case .money(let currency, let magnitude): currency.rawValue + magnitude.rawValue
        case .multiple: "multiple"
        }
    }

    /// Every format: the plain ones, then each currency in units, billions and trillions, dollars first.
    public static var allCases: [ValueFormat] {
        [.number, .count, .fraction, .percent, .year, .years, .months]
            + Currency.allCases.flatMap { currency in Magnitude.allCases.map { ValueFormat.money(currency, $0) } }
            + [.multiple]
    }

    /// The formats in words, for help and hints: every plain name, then money as a rule over the currency codes
    /// rather than all their variants.
    public static var summary: String {
        "number, count, fraction, percent, year, years, months, multiple, and money by ISO 4217 currency code: "
            + Currency.allCases.map(\.rawValue).joined(separator: ", ")
            + ", in billions with -bn and in trillions with -tn (usd, usd-bn, usd-tn, gbp-bn)"
    }
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
    /// Values the axis must reach besides the data's (the other scenarios of a figure, so that all share one axis).
    public var include: [Double]
    /// Line charts: values above `max` run off the top of the plot, where each line that leaves it is marked with its
    /// highest value (one scenario's runaway path no longer squashes the others on a shared axis).
    public var clip = false

    /// Creates axis options; bounds left `nil` are chosen from the data with "nice" ticks.
    public init(label: String = "", format: ValueFormat = .number, scale: ScaleType = .linear,
                min: Double? = nil, max: Double? = nil, include: [Double] = []) {
        self.label = label
        self.format = format
        self.scale = scale
        self.min = min
        self.max = max
        self.include = include
    }
}

/// One named series: x/y pairs, or values per category (then `x` may be empty).
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var categories: [String]?
    /// Palette colour 1…8 to draw with; nil takes the series' place in the chart.
    public var color: Int?

    /// Creates a series from all its parts.
    public init(name: String, x: [Double], y: [Double], categories: [String]? = nil, color: Int? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.categories = categories
        self.color = color
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
    /// A faint point with a muted label: another scenario's `here` point, shown behind an overlaid figure's chosen one.
    case mark(x: Double, y: Double, label: String)
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

/// Bars gathered under a heading (hbar charts): the reader sees which belong together.
public struct CategoryGroup: Sendable, Equatable {
    public var name: String
    /// The group's categories, in the chart's order.
    public var categories: [String]

    public init(name: String, categories: [String]) {
        self.name = name
        self.categories = categories
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
    /// Line charts: series drawn faint behind `series` for comparison (the other scenarios of an overlaid figure).
    public var background: [ChartSeries] = []
    /// Line charts: the other variants' lines of a figure with several, never drawn. Labels inside the plot keep off
    /// them as off the drawn lines, so a label sits in the same place (or beside the plot) in every variant and the
    /// plot keeps its width when a reader switches (Fig 3.4's "Fair value" moved out of the plot in one variant only).
    public var placementSeries: [ChartSeries] = []
    /// Category charts: categories that are disputed claims, drawn hatched and tagged "claim".
    public var claims: [String] = []
    /// Line charts: series drawn as points, not joined by a line (reported values from different sources, which a
    /// line would present as one continuous series). Names as the series are named.
    public var points: [String] = []
    /// Bar and hbar charts of one series: the text printed for a category's value instead of the formatted number
    /// ("just under 3 %" where the source gives no more precise figure). Keys are category labels.
    public var valueLabels: [String: String] = [:]
    /// Hbar charts: the bars in groups, each under its heading with a gap before the next; together the groups list
    /// every category once, in order.
    public var groups: [CategoryGroup] = []
    /// Waterfall charts: categories drawn as totals (a full bar from zero to the running level), not as steps.
    public var totals: [String] = []
    /// Diagram and steps charts: the boxes and arrows (other kinds must leave it empty).
    public var diagram = Diagram()
    /// Significant digits of value labels: 3 for data, 2 for stylised model outputs.
    public var labelDigits = 3
    /// Canvas width in SVG units (pixels at 1:1): 720 for pages, about 400 for a phone-sized layout.
    /// Text keeps its size, so a narrower canvas stays readable when scaled down to a small screen.
    public var width: Double = 720
    /// The language of the page: how numbers print and the words the chart writes itself.
    public var language = ChartLanguage.english
    /// The id of an element of the page that describes the chart (a figure's caption, shown under it): the SVG points
    /// at it (`aria-describedby`) instead of carrying `description` in a `<desc>` of its own.
    public var describedBy: String? = nil

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
