import Testing
@testable import Charts

@Suite struct FlowGraphTests {
    func links(_ pairs: [(String, String)]) -> [FlowLink] { pairs.map { FlowLink(source: $0, target: $1, value: 1) } }

    @Test func columnsFollowTheLongestPathFromSources() {
        let graph = FlowGraph(links: links([("A", "B"), ("B", "C"), ("A", "C")]))
        #expect(graph.nodes == ["A", "B", "C"])
        #expect(graph.columns == [0, 1, 2])
        #expect(graph.backLinks.isEmpty)
    }

    @Test func cycleIsBrokenAtItsClosingLink() {
        let graph = FlowGraph(links: links([("OpenAI", "Oracle"), ("Oracle", "Nvidia"), ("Nvidia", "OpenAI")]))
        #expect(graph.backLinks == [2])
        #expect(graph.columns == [0, 1, 2])
    }

    @Test func selfLoopIsABackLink() {
        let graph = FlowGraph(links: links([("A", "A"), ("A", "B")]))
        #expect(graph.backLinks == [0])
        #expect(graph.columns == [0, 1])
    }

    @Test func cyclicFlowRendersWithArcs() throws {
        let spec = ChartSpec(kind: .flow, title: "loop", links: [
            FlowLink(source: "A", target: "B", value: 3), FlowLink(source: "B", target: "C", value: 2),
            FlowLink(source: "C", target: "A", value: 1), FlowLink(source: "C", target: "C", value: 1),
        ])
        let svg = try renderSVG(spec, id: "loop")
        #expect(svg.components(separatedBy: "class=\"ch-line ch-back").count - 1 == 2)
    }
}
