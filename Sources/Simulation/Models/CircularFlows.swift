/// M5 `circularFlows`: announced AI commitments as annual money flows, and how much of it goes round in circles.
public enum CircularFlows: SimulationModel {
    public static let name = "circularFlows"
    public static let summary = "Circular money flows among AI firms: Sankey links, Finn cycling index and earmarked round trips"

    /// The external source node of the Sankey diagram.
    public static let outsideSource = "Outside money"
    /// The external sink node of the Sankey diagram (costs, other suppliers, profit).
    public static let outsideSink = "Spent outside"
    /// The arrow joining source and target in link labels.
    public static let arrow = " → "
    /// More simple cycles than this are rejected: the earmarked measure enumerates them all.
    public static let maxCycles = 100_000

    /// Flows with more simple cycles than `maxCycles`, said as what the writer wrote.
    static let tooManyCycles = ModelError.parameterOutOfRange(
        model: name, name: "flows", value: "a matrix with more than 100,000 simple cycles",
        allowed: "matrices with at most 100,000 simple cycles (loops that pass through each node once at most)",
        hint: "the earmarked measure lists every loop one by one, and a dense matrix has millions (12 nodes all paying "
            + "one another: about 10^8): set the flows that close no loop you mean to show to 0")

    /// Which cycling measure the `share` series and the `index` scalar report.
    public enum View: String, Sendable {
        /// Each node spends a pro-rata mixture of its inflows (Finn 1976).
        case proRata
        /// Each investment is spent entirely on the next step of its loop (upper bound).
        case earmarked
    }

    public struct Parameters: ModelParameters {
        public var nodes = ["OpenAI", "Oracle", "Nvidia"]
        public var flows: [[Double]] = [[0, 60, 0], [0, 0, 20], [20, 0, 0]]
        public var externalInflow = [53.0, 57, 130]
        public var view = View.proRata

        public init() {}

        public mutating func set(_ name: String, to value: ParameterValue) throws(ModelError) {
            let model = CircularFlows.name
            switch name {
            case "nodes": nodes = try value.texts(model: model, name: name)
            case "flows": flows = try value.matrix(model: model, name: name)
            case "externalInflow": externalInflow = try value.numbers(model: model, name: name)
            case "view":
                let word = try value.text(model: model, name: name)
                guard let chosen = View(rawValue: word) else {
                    throw .parameterOutOfRange(model: model, name: name, value: word, allowed: "proRata or earmarked")
                }
                view = chosen
            default: throw .unknownParameter(model: model, name: name, known: CircularFlows.parameters.map(\.name))
            }
        }

        public func validate() throws(ModelError) {
            let model = CircularFlows.name
            let n = nodes.count
            guard (1...12).contains(n) else {
                throw .parameterOutOfRange(model: model, name: "nodes", value: "\(n) values", allowed: "1 to 12 values")
            }
            var seen: Set<String> = []
            for node in nodes {
                let key = CircularFlows.key(node)
                guard !node.trimmingSpaces().isEmpty,
                      key != CircularFlows.key(outsideSource), key != CircularFlows.key(outsideSink) else {
                    throw .parameterOutOfRange(model: model, name: "nodes", value: "'\(node)'",
                                               allowed: "non-empty names other than '\(outsideSource)' and '\(outsideSink)'")
                }
                guard seen.insert(key).inserted else {
                    throw .parameterOutOfRange(model: model, name: "nodes", value: "'\(node)' twice", allowed: "distinct names")
                }
            }
            // Rows, then each row's length: a ragged matrix names the row that is short or long (audit 8).
            try checkMatrixShape(flows, model: model, name: "flows", rows: n, rowsAre: " of \(n) values (one row and one column per node)",
                                 columns: n) { i in " (what \(nodes[i]) pays each node: " + nodes.joined(separator: ", ") + ")" }
            for (i, row) in flows.enumerated() {
                for (j, flow) in row.enumerated() {
                    try ParameterRange.closed(0, 10_000).check(flow, model: model, name: "flows[\(i)][\(j)]")
                }
            }
            guard externalInflow.count == n else {
                throw .parameterOutOfRange(model: model, name: "externalInflow", value: "\(externalInflow.count) values",
                                           allowed: "\(n) values (one per node)")
            }
            try ParameterRange.closed(0, 100_000).check(externalInflow, model: model, name: "externalInflow")
            try checkBalances()
        }

        /// Each node's outflow fits in its throughflow, every loop leaks, and the cycles can be enumerated.
        func checkBalances() throws(ModelError) {
            let model = CircularFlows.name
            let throughflow = CircularFlows.throughflows(flows: flows, externalInflow: externalInflow)
            for i in nodes.indices {
                var out = 0.0
                for j in nodes.indices { out += flows[i][j] }
                guard out <= throughflow[i] else {
                    throw .parameterOutOfRange(
                        model: model, name: "flows[\(i)]", value: formatNumber(out, significantDigits: 15),
                        allowed: "[0, \(formatNumber(throughflow[i], significantDigits: 15))] "
                            + "(\(nodes[i])'s outflow ≤ its throughflow)")
                }
            }
            if let trapped = CircularFlows.closedLoop(flows: flows, throughflow: throughflow) {
                throw .parameterOutOfRange(
                    model: model, name: "flows", value: "a closed loop through " + trapped.map { nodes[$0] }.joined(separator: ", "),
                    allowed: "flows from which money can leave (some node on every loop spends less than its throughflow)")
            }
            guard CircularFlows.simpleCycles(flows: flows, limit: CircularFlows.maxCycles) != nil else {
                throw CircularFlows.tooManyCycles
            }
        }
    }

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("nodes", unit: "labels", default: "[OpenAI, Oracle, Nvidia]", allowed: "1–12 distinct names",
                      "the firms in the loop"),
        ParameterSpec("flows", unit: "$B/yr", default: "[[0, 60, 0], [0, 0, 20], [20, 0, 0]]",
                      allowed: "n×n, each in [0, 10000]; each row's sum ≤ the node's throughflow; at most 100,000 simple cycles",
                      "flows[i][j]: annualised payments from node i to node j"),
        ParameterSpec("externalInflow", unit: "$B/yr", default: "[53, 57, 130]", allowed: "n values, each in [0, 100000]",
                      "outside customers' revenue plus outside funding of each node (an assumption)"),
        ParameterSpec("view", unit: "word", default: "proRata", allowed: "proRata or earmarked",
                      "which cycling measure the share series and index scalar report"),
    ]

    public static let scenarios: [Scenario] = [
        Scenario("base", "announced commitments annualised: OpenAI→Oracle 60, Oracle→Nvidia 20, Nvidia→OpenAI 20 $B/yr"),
        Scenario("earmarked", "the same flows, with each investment assumed spent entirely on the next step of the loop",
                 [.init("view", .text(View.earmarked.rawValue))]),
        Scenario("with-amd", "adds AMD: OpenAI→AMD 60 $B/yr (6 GW × $50B/GW over 5 years), OpenAI's outside inflow "
                 + "raised to 113, AMD's other revenue 30 (assumptions)",
                 [.init("nodes", .list(["OpenAI", "Oracle", "Nvidia", "AMD"].map { .text($0) })),
                  .init("flows", .list([[0, 60, 0, 60], [0, 0, 20, 0], [20, 0, 0, 0], [0, 0, 0, 0]]
                      .map { row in .list(row.map { .number($0) }) })),
                  .init("externalInflow", .list([113, 57, 130, 30].map { .number($0) }))]),
    ]

    /// The name used in series and scalar names: lower case, spaces replaced by hyphens.
    public static func key(_ label: String) -> String {
        String(label.trimmingSpaces().lowercased().map { $0 == " " ? "-" : $0 })
    }

    public static func run(_ p: Parameters) throws(ModelError) -> ModelOutput {
        let analysis = FlowAnalysis(flows: p.flows, externalInflow: p.externalInflow)
        guard let cycles = simpleCycles(flows: p.flows, limit: maxCycles) else {
            throw tooManyCycles
        }
        let earmark = Earmarking(cycles: cycles, flows: p.flows, throughflow: analysis.throughflow)
        let keys = p.nodes.map(key)
        let indices = p.nodes.indices

        var series = sankeySeries(p, analysis)
        series.append(Series(name: "share.cycled", unit: "fraction", labels: p.nodes, values: analysis.cycled))
        series.append(Series(name: "share.earmarked", unit: "fraction", labels: p.nodes, values: earmark.nodeShare))
        let chosen = p.view == .proRata ? analysis.cycled : earmark.nodeShare
        series.append(Series(name: "share", unit: "fraction", labels: p.nodes, values: chosen))
        let cycleLabels = cycles.map { cycle in (cycle + [cycle[0]]).map { p.nodes[$0] }.joined(separator: arrow) }
        series.append(Series(name: "cycles.flow", unit: "$B/yr", labels: cycleLabels, values: earmark.cycleFlow))
        series.append(Series(name: "cycles.gain", unit: "fraction", labels: cycleLabels,
                             values: cycles.map { analysis.loopGain($0) }))

        var scalars: [String: Double] = [
            "fci": analysis.fci,
            "fci.earmarked": earmark.systemIndex,
            "index": p.view == .proRata ? analysis.fci : earmark.systemIndex,
            "cycledThroughflow": analysis.cycledThroughflow,
            "cycles": Double(cycles.count),
        ]
        for j in indices {
            scalars["throughflow.\(keys[j])"] = analysis.throughflow[j]
            scalars["cycled.\(keys[j])"] = analysis.cycled[j]
            scalars["earmarked.\(keys[j])"] = earmark.nodeShare[j]
            scalars["earmarkedFlow.\(keys[j])"] = earmark.nodeFlow[j]
        }
        for i in indices {
            for j in indices where p.flows[i][j] > 0 {
                let edge = "\(keys[i])-to-\(keys[j])"
                let back = analysis.ownMoneyBack(from: i, to: j)
                scalars["ownMoneyBack.\(edge)"] = back
                scalars["ownMoneyBackShare.\(edge)"] = back / p.flows[i][j]
                scalars["earmarkedEdge.\(edge)"] = earmark.edgeShare[i][j]
            }
        }

        let assumptions = "Accounting illustration of announced commitments, annualised under stated assumptions, "
            + "not actual cash movements. Internal flows ($B/yr): "
            + linkList(p, indices) + ". Outside inflows: "
            + indices.map { "\(p.nodes[$0]) \(formatNumber(p.externalInflow[$0]))" }.joined(separator: ", ")
            + " (assumptions). Pro-rata cycling (Finn 1976): \(formatNumber(analysis.fci * 100, significantDigits: 3))% of "
            + "throughflow comes back; earmarked upper bound: \(formatNumber(earmark.systemIndex * 100, significantDigits: 3))%."
            + (earmark.capped ? " Loops that share a link each count it in full, so the earmarked shares are capped at "
                + "100 %; where they reach it the bound says only that every dollar could have come back." : "")
        return ModelOutput(model: name, scenario: "base", series: series, scalars: scalars, assumptions: assumptions)
    }

    /// `sankey.nodes` (throughflow per node, outside source and sink included) and `sankey.links`.
    static func sankeySeries(_ p: Parameters, _ analysis: FlowAnalysis) -> [Series] {
        var labels: [String] = [], values: [Double] = []
        for j in p.nodes.indices where p.externalInflow[j] > 0 {
            labels.append(outsideSource + arrow + p.nodes[j]); values.append(p.externalInflow[j])
        }
        for i in p.nodes.indices {
            for j in p.nodes.indices where p.flows[i][j] > 0 {
                labels.append(p.nodes[i] + arrow + p.nodes[j]); values.append(p.flows[i][j])
            }
        }
        for i in p.nodes.indices where analysis.sink[i] > 0 {
            labels.append(p.nodes[i] + arrow + outsideSink); values.append(analysis.sink[i])
        }
        var totalIn = 0.0, totalOut = 0.0
        for value in p.externalInflow { totalIn += value }
        for value in analysis.sink { totalOut += value }
        return [
            Series(name: "sankey.nodes", unit: "$B/yr", labels: [outsideSource] + p.nodes + [outsideSink],
                   values: [totalIn] + analysis.throughflow + [totalOut]),
            Series(name: "sankey.links", unit: "$B/yr", labels: labels, values: values),
        ]
    }

    static func linkList(_ p: Parameters, _ indices: Range<Int>) -> String {
        var parts: [String] = []
        for i in indices {
            for j in indices where p.flows[i][j] > 0 {
                parts.append(p.nodes[i] + arrow + p.nodes[j] + " " + formatNumber(p.flows[i][j]))
            }
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
