/// The pro-rata (Finn 1976) analysis of a flow network: throughflows, the fundamental matrix and cycled shares.
struct FlowAnalysis: Sendable {
    /// T_i = s_i + Σ_k F[k][i].
    let throughflow: [Double]
    /// What each node spends outside the network: T_i − Σ_j F[i][j] (≥ 0 after validation).
    let sink: [Double]
    /// G[i][j] = F[i][j] / T_i (a zero row for a node with no throughflow).
    let gain: [[Double]]
    /// N = (I − G)⁻¹.
    let fundamental: [[Double]]
    /// c_j = (N_jj − 1) / N_jj: the chance that a dollar passing through j comes back to j.
    let cycled: [Double]
    /// Σ_j c_j T_j / Σ_j T_j.
    let fci: Double
    /// Σ_j c_j T_j.
    let cycledThroughflow: Double

    /// Expects validated flows: every outflow within its throughflow, and no closed loop (so I − G is invertible).
    init(flows: [[Double]], externalInflow: [Double]) {
        let n = flows.count
        throughflow = CircularFlows.throughflows(flows: flows, externalInflow: externalInflow)
        var sink = [Double](repeating: 0, count: n)
        var gain = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var identityMinusGain = gain
        for i in 0..<n {
            var out = 0.0
            for j in 0..<n { out += flows[i][j] }
            sink[i] = max(0, throughflow[i] - out)
            for j in 0..<n {
                gain[i][j] = throughflow[i] > 0 ? flows[i][j] / throughflow[i] : 0
                identityMinusGain[i][j] = (i == j ? 1 : 0) - gain[i][j]
            }
        }
        self.sink = sink
        self.gain = gain
        fundamental = Numerics.inverse(identityMinusGain) ?? identityMinusGain.indices.map { i in
            (0..<n).map { j in i == j ? 1 : 0 }
        }
        var cycled = [Double](repeating: 0, count: n)
        var cycledSum = 0.0, total = 0.0
        for j in 0..<n {
            let diagonal = fundamental[j][j]
            cycled[j] = diagonal > 0 ? max(0, (diagonal - 1) / diagonal) : 0
            cycledSum += cycled[j] * throughflow[j]
            total += throughflow[j]
        }
        self.cycled = cycled
        cycledThroughflow = cycledSum
        fci = total > 0 ? cycledSum / total : 0
    }

    /// The part of i's payment to j that comes back to i as revenue: F[i][j] times the chance that a dollar
    /// at j ever reaches i (N_ji / N_ii), or the whole payment for a self-loop.
    func ownMoneyBack(from i: Int, to j: Int) -> Double {
        let payment = gain[i][j] * throughflow[i]
        if i == j { return payment }
        return payment * fundamental[j][i] / fundamental[i][i]
    }

    /// Π G along a cycle given as node indices in order.
    func loopGain(_ cycle: [Int]) -> Double {
        var product = 1.0
        for (position, node) in cycle.enumerated() {
            product *= gain[node][cycle[(position + 1) % cycle.count]]
        }
        return product
    }
}

extension CircularFlows {
    /// T_i = s_i + Σ_k F[k][i], summed in index order.
    static func throughflows(flows: [[Double]], externalInflow: [Double]) -> [Double] {
        flows.indices.map { i in
            var total = externalInflow[i]
            for k in flows.indices { total += flows[k][i] }
            return total
        }
    }

    /// Nodes with throughflow from which no money can ever leave the network (I − G would be singular), or nil.
    static func closedLoop(flows: [[Double]], throughflow: [Double]) -> [Int]? {
        let n = flows.count
        // A node leaks if it spends something outside; money can leave from a node that reaches a leaking one.
        var canLeave = (0..<n).map { i in
            var out = 0.0
            for j in 0..<n { out += flows[i][j] }
            return throughflow[i] == 0 || out < throughflow[i]
        }
        var changed = true
        while changed {
            changed = false
            for i in 0..<n where !canLeave[i] {
                if (0..<n).contains(where: { flows[i][$0] > 0 && canLeave[$0] }) {
                    canLeave[i] = true
                    changed = true
                }
            }
        }
        let trapped = (0..<n).filter { !canLeave[$0] }
        return trapped.isEmpty ? nil : trapped
    }
}
