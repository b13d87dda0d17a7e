import Foundation

/// One realistic sample per chart kind, for the gallery page and the golden tests.
///
/// Numbers are illustrative (shaped like the figures in CONTENT.md), not ledger values.
public enum Gallery {
    /// Samples in `ChartKind.allCases` order; `name` is a valid figure id.
    public static let samples: [(name: String, spec: ChartSpec)] = [
        ("gallery-line", line), ("gallery-area", area), ("gallery-stacked-area", stackedArea),
        ("gallery-bar", bar), ("gallery-hbar", horizontalBar), ("gallery-grouped-bar", groupedBar),
        ("gallery-stacked-bar", stackedBar), ("gallery-waterfall", waterfall), ("gallery-flow", flow),
        ("gallery-histogram", histogram), ("gallery-heatmap", heatmap), ("gallery-small-multiples", smallMultiples),
        ("gallery-diagram", diagram), ("gallery-steps", steps),
    ]

    static let diagram: ChartSpec = {
        var spec = ChartSpec(kind: .diagram, title: "Three deals, one loop",
                             description: "OpenAI buys computing from Oracle, Oracle buys chips from Nvidia, and Nvidia invests in OpenAI.")
        spec.diagram = Diagram(
            nodes: [
                DiagramNode(id: "openai", label: "OpenAI", note: "buys computing", color: 1),
                DiagramNode(id: "oracle", label: "Oracle", note: "builds data centres", color: 2),
                DiagramNode(id: "nvidia", label: "Nvidia", note: "sells the chips", color: 3),
                DiagramNode(id: "investors", label: "Outside investors"),
            ],
            arrows: [
                DiagramArrow(from: "openai", to: "oracle", label: "compute contract"),
                DiagramArrow(from: "oracle", to: "nvidia", label: "chip purchases"),
                DiagramArrow(from: "nvidia", to: "openai", label: "staged investment"),
                DiagramArrow(from: "investors", to: "openai", label: "new money"),
            ])
        return spec
    }()

    static let steps: ChartSpec = {
        var spec = ChartSpec(kind: .steps, title: "From a lease to a bond")
        spec.diagram = Diagram(nodes: [
            DiagramNode(label: "Build with a partner", note: "the partner owns most of the campus"),
            DiagramNode(label: "Lease it back", note: "a short firm term, then options to renew"),
            DiagramNode(label: "Turn the lease into a bond", note: "the rent pays the bondholders"),
            DiagramNode(label: "Pool and slice", note: "many leases, cut into safer and riskier slices"),
        ])
        return spec
    }()

    static let years = stride(from: 0.0, through: 6.0, by: 0.25).map { $0 }

    static let line = ChartSpec(
        kind: .line, title: "When the chips are worth less than the loan",
        description: "With a two-year half-life, the chips' market value falls below the loan balance between years 1 and 2, while book value stays above it.",
        x: AxisOptions(label: "Years after purchase", format: .years),
        y: AxisOptions(label: "Value (purchase cost = 100)", format: .number),
        series: [
            ChartSeries(name: "Loan balance", x: years, y: years.map { 80 * (1 - $0 / 6) }),
            ChartSeries(name: "Book value", x: years, y: years.map { 100 * (1 - $0 / 6) }),
            ChartSeries(name: "Market value", x: years, y: years.map { 100 * pow(0.5, $0 / 2) }),
        ],
        annotations: [
            .event(x: 1.5, label: "Value falls below loan"),
            .here(x: 2, y: 50, label: "LTV 1.07 at year 2"),
        ])

    static let bondYears = stride(from: 2025.0, through: 2049.0, by: 1).map { $0 }

    static let area = ChartSpec(
        kind: .area, title: "The bond is repaid over 24 years; the lease covers four",
        x: AxisOptions(label: "Year", format: .year),
        y: AxisOptions(label: "Debt outstanding", format: .usdBillions),
        series: [ChartSeries(name: "Debt outstanding", x: bondYears, y: bondYears.map { 27.3 * (1 - pow(($0 - 2025) / 24, 1.35)) })],
        annotations: [
            .band(from: 2025, to: 2029, label: "Initial lease (4 yrs)"),
            .referenceLine(axis: .y, value: 13.65, label: "Guarantee cap (assumed 50%)"),
        ])

    static let fundingYears = [2025.0, 2026, 2027, 2028]

    static let stackedArea = ChartSpec(
        kind: .stackedArea, title: "Who pays for the build-out",
        x: AxisOptions(label: "Year", format: .year),
        y: AxisOptions(label: "Spending per year", format: .usdTrillions),
        series: [
            ChartSeries(name: "Internal cash", x: fundingYears, y: [0.3, 0.34, 0.37, 0.39]),
            ChartSeries(name: "Private credit", x: fundingYears, y: [0.12, 0.18, 0.23, 0.27]),
            ChartSeries(name: "PE and sovereign", x: fundingYears, y: [0.06, 0.08, 0.1, 0.11]),
            ChartSeries(name: "Bonds and ABS", x: fundingYears, y: [0.05, 0.08, 0.1, 0.12]),
        ])

    static let bar = ChartSpec(
        kind: .bar, title: "Spending more than doubles in two years",
        x: AxisOptions(label: "Calendar year"), y: AxisOptions(label: "Hyperscaler capex", format: .usdBillions),
        series: [ChartSeries(name: "Capex", categories: ["2023", "2024", "2025 (forecast)"], values: [150, 230, 350])],
        annotations: [.referenceLine(axis: .y, value: 300, label: "Forecast one year earlier")])

    static let horizontalBar = ChartSpec(
        kind: .horizontalBar, title: "Book lives got longer",
        x: AxisOptions(label: "Company"), y: AxisOptions(label: "Useful life of servers", format: .years),
        series: [ChartSeries(name: "Useful life", categories: ["Microsoft", "Alphabet", "Meta", "Amazon", "CoreWeave"],
                             values: [6, 6, 5.5, 5, 6])],
        annotations: [.referenceLine(axis: .y, value: 4, label: "Typical life before 2020")])

    static let groupedBar = ChartSpec(
        kind: .groupedBar, title: "Losses exceed revenue",
        x: AxisOptions(label: "Period"), y: AxisOptions(label: "US dollars", format: .usdBillions),
        series: [
            ChartSeries(name: "Revenue", categories: ["2024 (projected)", "H1 2025"], values: [3.7, 4.3]),
            ChartSeries(name: "Loss", categories: ["2024 (projected)", "H1 2025"], values: [5, 7.8]),
        ])

    static let stackedBar = ChartSpec(
        kind: .stackedBar, title: "Who lends when defaults come",
        x: AxisOptions(label: "Structure"), y: AxisOptions(label: "Share of the pool", format: .fraction),
        series: [
            ChartSeries(name: "Class A", categories: ["Switch 2025-2", "Typical CMBS"], values: [0.519, 0.6]),
            ChartSeries(name: "Class A2-II", categories: ["Switch 2025-2", "Typical CMBS"], values: [0.113, 0.1]),
            ChartSeries(name: "Class B", categories: ["Switch 2025-2", "Typical CMBS"], values: [0.205, 0.15]),
            ChartSeries(name: "Equity", categories: ["Switch 2025-2", "Typical CMBS"], values: [0.163, 0.15]),
        ])

    static let waterfall: ChartSpec = {
        var spec = ChartSpec(
            kind: .waterfall, title: "Where one period's interest goes",
            x: AxisOptions(label: "Step"), y: AxisOptions(label: "Cash (pool = 100)"),
            series: [ChartSeries(name: "Cash", categories: ["Interest collected", "Fees", "Class A interest",
                                                            "Class B interest", "Left for equity"],
                                 values: [8, -0.5, -3.5, -1.05, .nan])])
        spec.totals = ["Interest collected", "Left for equity"]
        return spec
    }()

    static let flow = ChartSpec(
        kind: .flow, title: "The same dollars appear on several balance sheets",
        y: AxisOptions(format: .usdBillions),
        links: [
            FlowLink(source: "Investors", target: "OpenAI", value: 40),
            FlowLink(source: "OpenAI", target: "Oracle", value: 300),
            FlowLink(source: "Oracle", target: "Nvidia", value: 40),
            FlowLink(source: "Nvidia", target: "OpenAI", value: 100),
            FlowLink(source: "Oracle", target: "Data centres", value: 260),
        ])

    static let lossBins = stride(from: 0.0025, through: 0.0975, by: 0.005).map { $0 }

    static let histogram = ChartSpec(
        kind: .histogram, title: "Same average loss, fatter tail",
        x: AxisOptions(label: "Pool loss", format: .fraction), y: AxisOptions(label: "Probability", format: .fraction),
        series: [ChartSeries(name: "ρ = 0.1", x: lossBins, y: lossBins.map { 0.36 * pow($0 / 0.012, 1.3) * exp(-2.3 * $0 / 0.012) })],
        annotations: [
            .referenceLine(axis: .x, value: 0.012, label: "Mean 1.2%"),
            .referenceLine(axis: .x, value: 0.077, label: "99.9th percentile 7.7%"),
        ])

    static let heatmap = ChartSpec(
        kind: .heatmap, title: "Correlation moves risk from equity to seniors",
        x: AxisOptions(label: "Default correlation ρ"), y: AxisOptions(label: "Expected loss", format: .fraction),
        series: [
            ChartSeries(name: "Equity 0–5%", x: [0, 0.1, 0.3, 0.6], y: [0.24, 0.21, 0.16, 0.1]),
            ChartSeries(name: "Mezzanine 5–15%", x: [0, 0.1, 0.3, 0.6], y: [0, 0.004, 0.018, 0.03]),
            ChartSeries(name: "Senior 15–30%", x: [0, 0.1, 0.3, 0.6], y: [0, 0, 0.002, 0.011]),
            ChartSeries(name: "Super senior 30–100%", x: [0, 0.1, 0.3, 0.6], y: [0, 0, 0, 0.002]),
        ])

    static let months = stride(from: -24.0, through: 120, by: 6).map { $0 }

    static func crash(depth: Double, trough: Double, recovery: Double) -> [Double] {
        months.map { m in
            if m <= 0 { return 100 * (0.55 + 0.45 * (m + 24) / 24) }
            if m <= trough { return 100 - depth * 100 * (m / trough) }
            return 100 * (1 - depth) + (m - trough) * recovery
        }
    }

    static let smallMultiples = ChartSpec(
        kind: .smallMultiples, title: "Four bubbles, indexed to their peaks",
        x: AxisOptions(label: "Months from peak", format: .months), y: AxisOptions(label: "Index (peak = 100)"),
        series: [
            ChartSeries(name: "Dow Jones 1929", x: months, y: crash(depth: 0.89, trough: 33, recovery: 0.35)),
            ChartSeries(name: "Nikkei 1989", x: months, y: crash(depth: 0.6, trough: 30, recovery: 0.05)),
            ChartSeries(name: "Nasdaq 2000", x: months, y: crash(depth: 0.78, trough: 31, recovery: 0.2)),
            ChartSeries(name: "US house prices 2006", x: months, y: crash(depth: 0.27, trough: 70, recovery: 0.25)),
        ],
        annotations: [.referenceLine(axis: .y, value: 100, label: "Peak")])
}
