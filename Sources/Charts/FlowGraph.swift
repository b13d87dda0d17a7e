/// The node/column structure of a flow chart: nodes in order of first appearance, cycles broken.
struct FlowGraph: Equatable {
    var nodes: [String]
    /// Per link: source and target node indices.
    var ends: [(source: Int, target: Int)]
    /// Links that close a cycle (found by depth-first search in node order); drawn as arcs below the diagram.
    var backLinks: [Int]
    /// Column of each node: the longest path from a source over the remaining (acyclic) links.
    var columns: [Int]

    static func == (lhs: FlowGraph, rhs: FlowGraph) -> Bool {
        lhs.nodes == rhs.nodes && lhs.backLinks == rhs.backLinks && lhs.columns == rhs.columns
            && lhs.ends.map(\.source) == rhs.ends.map(\.source) && lhs.ends.map(\.target) == rhs.ends.map(\.target)
    }

    init(links: [FlowLink]) {
        var nodes: [String] = [], index: [String: Int] = [:]
        func node(_ name: String) -> Int {
            if let existing = index[name] { return existing }
            index[name] = nodes.count
            nodes.append(name)
            return nodes.count - 1
        }
        ends = links.map { (node($0.source), node($0.target)) }
        self.nodes = nodes
        var outgoing = Array(repeating: [Int](), count: nodes.count)
        for (linkIndex, end) in ends.enumerated() { outgoing[end.source].append(linkIndex) }

        // Iterative depth-first search: an edge to a node still on the stack closes a cycle.
        var state = Array(repeating: 0, count: nodes.count)   // 0 new, 1 on stack, 2 done
        var back: [Int] = []
        for root in nodes.indices where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let link = outgoing[top.node][top.next], target = ends[link].target
                    if state[target] == 1 { back.append(link) }
                    else if state[target] == 0 { state[target] = 1; stack.append((target, 0)) }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        backLinks = back.sorted()

        // Longest path over the acyclic links, in topological order (Kahn, lowest index first).
        let isBack = Set(back)
        var indegree = Array(repeating: 0, count: nodes.count)
        for (linkIndex, end) in ends.enumerated() where !isBack.contains(linkIndex) { indegree[end.target] += 1 }
        var columns = Array(repeating: 0, count: nodes.count)
        var ready = nodes.indices.filter { indegree[$0] == 0 }
        while !ready.isEmpty {
            let current = ready.removeFirst()
            for link in outgoing[current] where !isBack.contains(link) {
                let target = ends[link].target
                columns[target] = max(columns[target], columns[current] + 1)
                indegree[target] -= 1
                if indegree[target] == 0 { ready.append(target) }
            }
        }
        self.columns = columns
    }
}
