extension CircularFlows {
    /// Every simple cycle of the positive-flow graph, each listed once from its smallest node index, in DFS order
    /// (neighbours by index); nil when there are more than `limit`.
    static func simpleCycles(flows: [[Double]], limit: Int) -> [[Int]]? {
        let n = flows.count
        var cycles: [[Int]] = []
        var path: [Int] = []
        var onPath = [Bool](repeating: false, count: n)
        var overflow = false

        func extend(_ start: Int, _ node: Int) {
            for next in start..<n where flows[node][next] > 0 && !overflow {
                if next == start {
                    cycles.append(path)
                    if cycles.count > limit { overflow = true }
                } else if !onPath[next] {
                    path.append(next); onPath[next] = true
                    extend(start, next)
                    path.removeLast(); onPath[next] = false
                }
            }
        }

        for start in 0..<n where !overflow {
            path = [start]; onPath[start] = true
            extend(start, start)
            onPath[start] = false
        }
        return overflow ? nil : cycles
    }
}

/// The earmarked (upper-bound) measure: each investment is spent entirely on the next step of its loop, so a cycle
/// round-trips its smallest edge. Shares add the flows of every cycle through a node or edge, capped at 100 %.
struct Earmarking: Sendable {
    /// Round-trip flow of each cycle: its minimum edge ($B/yr).
    let cycleFlow: [Double]
    /// Σ of cycle flows through each node, capped at its throughflow.
    let nodeFlow: [Double]
    /// nodeFlow_j / T_j.
    let nodeShare: [Double]
    /// Σ of cycle flows through each edge / F[i][j], capped at 1 (0 where there is no flow).
    let edgeShare: [[Double]]
    /// Σ_j nodeFlow_j / Σ_j T_j, the earmarked analogue of the FCI.
    let systemIndex: Double
    /// Whether loops sharing a link added up to more than its flow somewhere, so a share was capped at 100 %.
    let capped: Bool

    init(cycles: [[Int]], flows: [[Double]], throughflow: [Double]) {
        let n = flows.count
        var cycleFlow: [Double] = []
        var nodeFlow = [Double](repeating: 0, count: n)
        var edgeFlow = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for cycle in cycles {
            var smallest = Double.infinity
            for (position, node) in cycle.enumerated() {
                smallest = min(smallest, flows[node][cycle[(position + 1) % cycle.count]])
            }
            cycleFlow.append(smallest)
            for (position, node) in cycle.enumerated() {
                nodeFlow[node] += smallest
                edgeFlow[node][cycle[(position + 1) % cycle.count]] += smallest
            }
        }
        var shares = [Double](repeating: 0, count: n)
        var flowSum = 0.0, total = 0.0
        var capped = false
        for i in 0..<n {
            for j in 0..<n where flows[i][j] > 0 && edgeFlow[i][j] > flows[i][j] * (1 + 1e-12) { capped = true }
        }
        for j in 0..<n {
            if nodeFlow[j] > throughflow[j] * (1 + 1e-12) { capped = true }
            nodeFlow[j] = min(nodeFlow[j], throughflow[j])
            shares[j] = throughflow[j] > 0 ? nodeFlow[j] / throughflow[j] : 0
            flowSum += nodeFlow[j]
            total += throughflow[j]
        }
        self.cycleFlow = cycleFlow
        self.nodeFlow = nodeFlow
        nodeShare = shares
        edgeShare = (0..<n).map { i in
            (0..<n).map { j in flows[i][j] > 0 ? min(1, edgeFlow[i][j] / flows[i][j]) : 0 }
        }
        systemIndex = total > 0 ? flowSum / total : 0
        self.capped = capped
    }
}
