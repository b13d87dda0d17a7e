import Testing
@testable import Simulation

private func close(_ actual: Double?, _ expected: Double, relative: Double = 1e-5) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= relative * max(abs(expected), 1e-300)
}

private func errorText(_ body: () throws(ModelError) -> ModelOutput) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.description
    }
}

private func matrix(_ rows: [[Double]]) -> ParameterValue {
    .list(rows.map { row in .list(row.map { .number($0) }) })
}

private func numbers(_ values: [Double]) -> ParameterValue {
    .list(values.map { .number($0) })
}

private func words(_ values: [String]) -> ParameterValue {
    .list(values.map { .text($0) })
}

/// A valid random network: sparse flows, outside inflow large enough that every node's outflow fits.
private func randomNetwork(_ generator: inout RandomGenerator, nodes n: Int) -> [Scenario.Override] {
    var flows = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
        for j in 0..<n where i != j && generator.u01() < 0.4 { flows[i][j] = (generator.u01() * 100).rounded() }
    }
    let inflow = (0..<n).map { i in
        let out = flows[i].reduce(0, +)
        let received = flows.map { $0[i] }.reduce(0, +)
        return max(0, out - received) + (generator.u01() * 50).rounded() + 1
    }
    return [.init("nodes", words((0..<n).map { "Firm \($0)" })), .init("flows", matrix(flows)),
            .init("externalInflow", numbers(inflow))]
}

private func randomNetworks() -> [[Scenario.Override]] {
    var generator = RandomGenerator(seed: 5)
    return (0..<40).map { index in randomNetwork(&generator, nodes: 2 + index % 6) }
}

@Suite struct CircularFlowsTests {
    @Test func throughflowsMatchReferenceValues() throws {
        let output = try CircularFlows.run()
        #expect(output.scalars["throughflow.openai"] == 73)
        #expect(output.scalars["throughflow.oracle"] == 117)
        #expect(output.scalars["throughflow.nvidia"] == 150)
    }

    @Test func cycledShareOfEveryNodeEqualsTheLoopGain() throws {
        let output = try CircularFlows.run()
        for node in ["openai", "oracle", "nvidia"] {
            #expect(close(output.scalars["cycled.\(node)"], 0.0187332), "cycled.\(node)")
        }
        let gains = try #require(output.series(named: "cycles.gain"))
        #expect(gains.labels == ["OpenAI → Oracle → Nvidia → OpenAI"])
        #expect(close(gains.y.first, 0.0187332))
        let analysis = FlowAnalysis(flows: CircularFlows.Parameters().flows,
                                    externalInflow: CircularFlows.Parameters().externalInflow)
        for j in 0..<3 { #expect(close(analysis.fundamental[j][j], 1.0190908, relative: 1e-7)) }
    }

    @Test func cyclingIndexAndCycledThroughflowMatchReferenceValues() throws {
        let output = try CircularFlows.run()
        #expect(close(output.scalars["fci"], 0.0187332))
        #expect(close(output.scalars["cycledThroughflow"], 6.3693))
        #expect(close(output.scalars["index"], 0.0187332))
    }

    @Test func nvidiaGetsPartOfItsInvestmentBackAsRevenue() throws {
        let output = try CircularFlows.run()
        #expect(close(output.scalars["ownMoneyBack.nvidia-to-openai"], 2.80998))
        let share = try #require(output.scalars["ownMoneyBackShare.nvidia-to-openai"])
        #expect(abs(share - 0.1405) < 5e-5)
    }

    @Test func earmarkedRoundTripMatchesReferenceValues() throws {
        let output = try CircularFlows.run()
        #expect(output.series(named: "cycles.flow")?.y == [20])
        #expect(abs(output.scalars["earmarked.nvidia"]! - 0.1333) < 5e-5)
        #expect(abs(output.scalars["earmarked.oracle"]! - 0.1709) < 5e-5)
        #expect(abs(output.scalars["earmarked.openai"]! - 0.2740) < 5e-5)
        #expect(output.scalars["earmarkedEdge.oracle-to-nvidia"] == 1)
    }

    @Test func sankeyLinksIncludeOutsideSourceAndSink() throws {
        let links = try #require(try CircularFlows.run().series(named: "sankey.links"))
        #expect(links.unit == "$B/yr")
        #expect(links.labels == [
            "Outside money → OpenAI", "Outside money → Oracle", "Outside money → Nvidia",
            "OpenAI → Oracle", "Oracle → Nvidia", "Nvidia → OpenAI",
            "OpenAI → Spent outside", "Oracle → Spent outside", "Nvidia → Spent outside",
        ])
        // Sinks close each balance: 73 − 60, 117 − 20, 150 − 20.
        #expect(links.y == [53, 57, 130, 60, 20, 20, 13, 97, 130])
        let nodes = try #require(try CircularFlows.run().series(named: "sankey.nodes"))
        #expect(nodes.labels == ["Outside money", "OpenAI", "Oracle", "Nvidia", "Spent outside"])
    }

    @Test func shareSeriesAreLabelledByNode() throws {
        let output = try CircularFlows.run()
        for name in ["share.cycled", "share.earmarked", "share"] {
            #expect(output.series(named: name)?.labels == ["OpenAI", "Oracle", "Nvidia"], "\(name)")
        }
    }

    @Test func everyNodeBalancesIncludingTheSink() throws {
        var cases: [[Scenario.Override]] = randomNetworks()
        cases.append([])
        for overrides in cases {
            for scenario in CircularFlows.scenarios {
                let output = try CircularFlows.run(scenario: scenario.name, overrides: overrides)
                let links = try #require(output.series(named: "sankey.links"))
                let nodes = try #require(output.series(named: "sankey.nodes")?.labels)
                for node in nodes.dropFirst().dropLast() {
                    var inflow = 0.0, outflow = 0.0
                    for (label, value) in zip(links.labels ?? [], links.y) {
                        let ends = label.components(separatedBy: " → ")
                        if ends[1] == node { inflow += value }
                        if ends[0] == node { outflow += value }
                    }
                    #expect(abs(inflow - outflow) <= 1e-9 * max(1, inflow), "\(node): \(inflow) vs \(outflow)")
                }
                if !overrides.isEmpty { break }
            }
        }
    }

    @Test func withoutACycleNothingIsCycled() throws {
        let output = try CircularFlows.run(scenario: "with-amd", overrides: [
            .init("flows", matrix([[0, 60, 0, 60], [0, 0, 20, 0], [0, 0, 0, 0], [0, 0, 0, 0]])),
            .init("externalInflow", numbers([133, 57, 130, 30])),
        ])
        #expect(output.scalars["fci"] == 0)
        #expect(output.series(named: "share.cycled")?.y == [0, 0, 0, 0])
        #expect(output.series(named: "share.earmarked")?.y == [0, 0, 0, 0])
        #expect(output.scalars["cycles"] == 0)
    }

    @Test(arguments: [0.5, 3.0, 10.0]) func scalingAllFlowsLeavesSharesUnchanged(_ lambda: Double) throws {
        let base = try CircularFlows.run(scenario: "with-amd")
        let amd = CircularFlows.scenarios.first { $0.name == "with-amd" }!
        let flows = try amd.overrides[1].value.matrix(model: "t", name: "flows")
        let inflow = try amd.overrides[2].value.numbers(model: "t", name: "externalInflow")
        let scaled = try CircularFlows.run(scenario: "with-amd", overrides: [
            .init("flows", matrix(flows.map { $0.map { $0 * lambda } })),
            .init("externalInflow", numbers(inflow.map { $0 * lambda })),
        ])
        for (name, value) in base.scalars where !name.hasPrefix("throughflow.") && !name.hasPrefix("ownMoneyBack.")
            && !name.hasPrefix("earmarkedFlow.") && name != "cycledThroughflow" {
            let other = try #require(scaled.scalars[name])
            #expect(abs(other - value) <= 1e-12 * max(1, abs(value)), "\(name)")
        }
        #expect(close(scaled.scalars["ownMoneyBack.nvidia-to-openai"], base.scalars["ownMoneyBack.nvidia-to-openai"]! * lambda,
                      relative: 1e-12))
    }

    @Test func proRataShareNeverExceedsEarmarkedShare() throws {
        var runs = try CircularFlows.scenarios.map { try CircularFlows.run(scenario: $0.name) }
        for overrides in randomNetworks() { runs.append(try CircularFlows.run(overrides: overrides)) }
        for output in runs {
            let proRata = try #require(output.series(named: "share.cycled")?.y)
            let earmarked = try #require(output.series(named: "share.earmarked")?.y)
            for (c, e) in zip(proRata, earmarked) { #expect(c <= e + 1e-12, "\(c) > \(e)") }
            #expect(output.scalars["fci"]! <= output.scalars["fci.earmarked"]! + 1e-12)
        }
    }

    @Test(arguments: [(0, 1), (1, 2), (2, 0)]) func raisingAFlowOnTheLoopRaisesTheCyclingIndex(_ edge: (Int, Int)) throws {
        var flows = CircularFlows.Parameters().flows
        let before = try #require(try CircularFlows.run().scalars["fci"])
        flows[edge.0][edge.1] += 5
        let after = try #require(try CircularFlows.run(overrides: [.init("flows", matrix(flows))]).scalars["fci"])
        #expect(after > before)
    }

    @Test func addingAMDDilutesOpenAIsCycledShare() throws {
        let output = try CircularFlows.run(scenario: "with-amd")
        // OpenAI's throughflow becomes 113 + 20 = 133 and AMD's 30 + 60 = 90.
        #expect(output.scalars["throughflow.openai"] == 133)
        #expect(output.scalars["throughflow.amd"] == 90)
        #expect(output.scalars["cycled.amd"] == 0)
        #expect(close(output.scalars["earmarked.openai"], 20.0 / 133))
        #expect(output.series(named: "sankey.links")?.labels?.contains("OpenAI → AMD") == true)
    }

    @Test func earmarkedViewReportsTheEarmarkedMeasure() throws {
        let base = try CircularFlows.run()
        let earmarked = try CircularFlows.run(scenario: "earmarked")
        #expect(base.series(named: "share")?.y == base.series(named: "share.cycled")?.y)
        #expect(earmarked.series(named: "share")?.y == earmarked.series(named: "share.earmarked")?.y)
        #expect(earmarked.scalars["index"] == earmarked.scalars["fci.earmarked"])
        #expect(earmarked.scenario == "earmarked")
    }

    @Test func invalidParametersGiveExactMessages() {
        let names = (1...13).map { "Firm \($0)" }
        let complete = (0..<12).map { i in (0..<12).map { j in i == j ? 0.0 : 1 } }
        let cases: [([Scenario.Override], String)] = [
            ([.init("nodes", words(names))], "circularFlows: parameter 'nodes' = 13 values is outside the allowed range 1 to 12 values"),
            ([.init("nodes", words(["OpenAI", "Oracle", "oracle"]))],
             "circularFlows: parameter 'nodes' = 'oracle' twice is outside the allowed range distinct names"),
            ([.init("nodes", words(["OpenAI", "Oracle", "Spent outside"]))],
             "circularFlows: parameter 'nodes' = 'Spent outside' is outside the allowed range non-empty names other than "
                + "'Outside money' and 'Spent outside'"),
            ([.init("nodes", words(["OpenAI", "Oracle", "Nvidia", "AMD"]))],
             "circularFlows: parameter 'flows' = 3 rows is outside the allowed range 4 rows of 4 values (one row and one column per node)"),
            ([.init("flows", matrix([[0, 10_001, 0], [0, 0, 20], [20, 0, 0]]))],
             "circularFlows: parameter 'flows[0][1]' = 10001 is outside the allowed range [0, 10000]"),
            ([.init("flows", matrix([[0, 60, 0], [0, 0, -1], [20, 0, 0]]))],
             "circularFlows: parameter 'flows[1][2]' = -1 is outside the allowed range [0, 10000]"),
            ([.init("flows", matrix([[0, 60, 0], [0, 0, .nan], [20, 0, 0]]))],
             "circularFlows: parameter 'flows[1][2]' = NaN is outside the allowed range [0, 10000]"),
            ([.init("externalInflow", numbers([53, 57]))],
             "circularFlows: parameter 'externalInflow' = 2 values is outside the allowed range 3 values (one per node)"),
            ([.init("externalInflow", numbers([53, -1, 130]))],
             "circularFlows: parameter 'externalInflow[1]' = -1 is outside the allowed range [0, 100000]"),
            ([.init("flows", matrix([[0, 80, 0], [0, 0, 20], [20, 0, 0]]))],
             "circularFlows: parameter 'flows[0]' = 80 is outside the allowed range [0, 73] (OpenAI's outflow ≤ its throughflow)"),
            ([.init("nodes", words(["A", "B"])), .init("flows", matrix([[0, 10], [10, 0]])),
              .init("externalInflow", numbers([0, 0]))],
             "circularFlows: parameter 'flows' = a closed loop through A, B is outside the allowed range flows from which "
                + "money can leave (some node on every loop spends less than its throughflow)"),
            ([.init("nodes", words(Array(names.prefix(12)))), .init("flows", matrix(complete)),
              .init("externalInflow", numbers(Array(repeating: 100, count: 12)))],
             "circularFlows: parameter 'flows' = a matrix with more than 100,000 simple cycles is outside the allowed range "
                + "matrices with at most 100,000 simple cycles (loops that pass through each node once at most)"),
            ([.init("view", .text("chord"))],
             "circularFlows: parameter 'view' = chord is outside the allowed range proRata or earmarked"),
        ]
        for (overrides, message) in cases {
            #expect(errorText { () throws(ModelError) in try CircularFlows.run(overrides: overrides) } == message)
        }
    }

    @Test func misspeltParameterSuggestsTheRightName() {
        let error = #expect(throws: ModelError.self) { try CircularFlows.run(overrides: [.init("flow", matrix([[0]]))]) }
        #expect(error?.description == "circularFlows: unknown parameter 'flow'")
        #expect(error?.hint?.hasPrefix("did you mean 'flows'?") == true)
    }

    // MARK: Audit 8

    @Test func aRaggedFlowMatrixNamesTheShortRow() {
        let error = #expect(throws: ModelError.self) {
            try CircularFlows.run(overrides: [.init("nodes", .list([.text("A"), .text("B")])), .init("flows", matrix([[0, 1], [1]])),
                                              .init("externalInflow", numbers([10, 10]))])
        }
        #expect(error?.description == "circularFlows: parameter 'flows[1]' = 1 value is outside the allowed range 2 values "
            + "(what B pays each node: A, B)")
    }

    @Test func tooManyCyclesIsSaidAsWhatTheWriterWrote() {
        let nodes = (1...12).map { ParameterValue.text("N\($0)") }
        let flows = (0..<12).map { i in (0..<12).map { j in i == j ? 0.0 : 1.0 } }
        let error = #expect(throws: ModelError.self) {
            try CircularFlows.run(overrides: [.init("nodes", .list(nodes)), .init("flows", matrix(flows)),
                                              .init("externalInflow", numbers(Array(repeating: 100, count: 12)))])
        }
        #expect(error?.description == "circularFlows: parameter 'flows' = a matrix with more than 100,000 simple cycles is "
            + "outside the allowed range matrices with at most 100,000 simple cycles (loops that pass through each node once at most)")
        #expect(error?.hint?.contains("set the flows that close no loop you mean to show to 0") == true)
    }
}
