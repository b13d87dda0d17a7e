import Testing
@testable import Site

/// A chapter whose only content is one chart block with the given YAML lines; line k of the block is line 6 + k.
private func chapter(withChart lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

/// `diagram` and `steps` blocks: drawn from the block itself, for pages and phones, with their mistakes reported at
/// the line of the node or arrow concerned.
@Suite struct DiagramBlockTests {
    let head = ["id: loop", "title: Three deals, one loop", "caption: Schematic.", "kind: diagram"]
    let nodes = ["nodes:", "  - {id: openai, label: OpenAI, note: buys computing}", "  - {id: oracle, label: Oracle}",
                 "  - Nvidia"]

    @Test func aDiagramBuildsAWideAndAPhoneLayoutAndATableOfItsArrows() throws {
        let lines = head + nodes + ["arrows:", "  - {from: openai, to: oracle, label: $300 B contract}",
                                    "  - {from: oracle, to: Nvidia}", "  - {from: Nvidia, to: openai, label: investment}"]
        let output = try build(miniSite(chapter: chapter(withChart: lines)))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<div class=\"chart-wide\">") && page.contains("<div class=\"chart-narrow\">"))
        #expect(!page.contains("chart-scroll"))
        // Its words get a figure's typography: the amount keeps to its unit.
        #expect(page.contains(">$300\u{202F}B contract</text>") && page.contains(">buys computing</text>"))
        #expect(page.contains("<th scope=\"col\">From</th>") || page.contains(">From<"))
        let csv = try #require(text(output, "data/loop.csv"))
        #expect(csv.contains("OpenAI (buys computing),Oracle,$300\u{202F}B contract"))
    }

    /// Fig 8.1: a promise (a contract to pay over years, a letter of intent) is drawn dashed, money paid solid; the
    /// arrow's head stays solid, and `dashed` takes only true or false.
    @Test func aDashedArrowIsDrawnDashedAndTheOthersSolid() throws {
        let lines = head + nodes + ["arrows:", "  - {from: openai, to: oracle, label: pays for computing, dashed: true}",
                                    "  - {from: oracle, to: Nvidia, label: buys chips}",
                                    "  - {from: Nvidia, to: openai, label: letter of intent, dashed: true}"]
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: lines))), "intro/index.html"))
        // Each arrow's classes, in the wide and the phone layout ("ch-arrows" is the group around them).
        let arrows = page.components(separatedBy: "class=\"ch-arrow").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            .filter { $0 != "s" }
        #expect(arrows.sorted() == ["", "", " ch-d2", " ch-d2", " ch-k2 ch-d2", " ch-k2 ch-d2"], "\(arrows)")
        #expect(!page.contains("ch-head ch-d2") && !page.contains("ch-head ch-f2 ch-d2"))
        let wrong = diagnostics(of: miniSite(chapter: chapter(withChart: head + nodes + ["arrows:",
                                                                                         "  - {from: openai, to: oracle, dashed: yes}"])))
        #expect(wrong.map(\.message) == ["'dashed' must be true or false"])
    }

    @Test func anArrowToAnUnknownNodeIsReportedAtItsLineWithASuggestion() {
        let lines = head + nodes + ["arrows:", "  - {from: openai, to: oracel}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 6 + 10)
        #expect(problems.first?.message.contains("'oracel', which is no node") == true)
        #expect(problems.first?.hint?.contains("oracle") == true)
    }

    @Test func markdownInADiagramsWordsIsReportedAtEachPlaceAsPlainText() {
        let lines = head + ["nodes:", "  - {id: a, label: \"*Meta*\"}", "  - {id: b, label: B, note: \"see [the deal](05-x.md)\"}",
                            "  - \"Step `c`\"", "arrows:", "  - {from: a, to: b, label: \"rent [@ft-2025]\"}",
                            "  - {from: b, to: a, label: 2 * 3 * 4}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.map(\.line) == [6 + 6, 6 + 7, 6 + 8, 6 + 10])
        #expect(problems.first?.message == "a diagram's 'label' is plain text, not Markdown: the chart would show '*Meta*' as written")
        #expect(problems[1].hint?.contains("remove the link") == true)
        #expect(problems[3].hint?.contains("move [@ft-2025] to the end of 'caption:'") == true)
    }

    @Test func anEmptyLabelIsReportedAtItsNode() {
        let lines = head + ["nodes:", "  - {id: a, label: A}", "  - {id: b, label: \"\"}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.map(\.line) == [6 + 7])
        #expect(problems.first?.message.contains("node 2 has an empty label") == true)
    }

    @Test func tooManyStepsAndArrowsInStepsAreErrors() {
        let steps = ["id: s", "title: S", "caption: C.", "kind: steps", "steps:"] + (1...11).map { "  - Step \($0)" }
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: steps)))
        #expect(problems.map(\.line) == [6 + 6])
        #expect(problems.first?.message.contains("11 steps are too many") == true)
        let withArrows = ["id: s", "title: S", "caption: C.", "kind: steps", "steps: [A, B]", "arrows: [{from: A, to: B}]"]
        let misplaced = diagnostics(of: miniSite(chapter: chapter(withChart: withArrows)))
        #expect(misplaced.map(\.line) == [6 + 6])
        #expect(misplaced.first?.message.contains("'arrows' belongs to a diagram") == true)
    }

    @Test func aDiagramTakesNoDataFileAndOtherKindsTakeNoNodes() {
        let withData = diagnostics(of: miniSite(chapter: chapter(withChart: head + ["data: a.csv"] + nodes)))
        #expect(withData.map(\.line) == [6 + 5])
        #expect(withData.first?.message.contains("takes no 'data'") == true)
        let line = ["id: l", "title: L", "caption: C.", "model: gpuCollateral", "nodes: [A]"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: line)))
        #expect(problems.map(\.line) == [6 + 5])
        #expect(problems.first?.message.contains("not a line chart") == true)
    }

    @Test func aDiagramTooWideForAPhoneIsReportedAtItsNodes() {
        let fan = head + ["nodes:", "  - Hub"] + (1...5).map { "  - Leaf \($0)" } + ["arrows:"]
            + (1...5).map { "  - {from: Hub, to: Leaf \($0)}" }
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: fan)))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 6 + 6)  // the first node of the list
        #expect(problems.first?.message.contains("do not fit a 380 px wide layout") == true)
    }
}
