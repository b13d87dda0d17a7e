/// One named series of a model's output, drawable without knowing the model.
///
/// Numeric series use `x`/`y`; category series (bars, flows) set `labels` with one label per `y` value
/// and leave `x` as the indices 0, 1, 2, ….
public struct Series: Sendable, Equatable {
    public var name: String
    public var unit: String
    public var xUnit: String
    public var x: [Double]
    public var y: [Double]
    public var labels: [String]?

    public init(name: String, unit: String, xUnit: String, x: [Double], y: [Double], labels: [String]? = nil) {
        precondition(x.count == y.count, "series \(name): x and y differ in length")
        self.name = name
        self.unit = unit
        self.xUnit = xUnit
        self.x = x
        self.y = y
        self.labels = labels
    }

    /// A category series: one value per label, x = 0, 1, 2, ….
    public init(name: String, unit: String, labels: [String], values: [Double]) {
        precondition(labels.count == values.count, "series \(name): labels and values differ in length")
        self.init(name: name, unit: unit, xUnit: "category", x: labels.indices.map(Double.init), y: values, labels: labels)
    }
}
