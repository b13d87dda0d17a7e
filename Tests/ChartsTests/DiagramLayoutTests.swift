import Testing
@testable import Charts

/// Diagrams and steps: no text touches another or leaves the canvas, whatever the graph; the same input draws the
/// same SVG; a loop is drawn as an arrow pointing back up; bad diagrams are errors, never a partial drawing.
@Suite struct DiagramLayoutTests {
    /// A small seeded generator (SplitMix64), so every run tests the same graphs.
    struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let words = ["Bond", "buyers", "rent", "Meta", "joint", "venture", "campus", "pays", "cash", "funds",
                        "private", "credit", "leases", "pooled", "and", "sliced", "Endgame", "A:", "the", "bet", "fails",
                        "data-centre", "$27.3 B", "ch. 10", "insurers", "pension", "loses", "value"]

    static func phrase(_ random: inout Seeded, words count: Int) -> String {
        (0..<count).map { _ in words[random.below(words.count)] }.joined(separator: " ")
    }

    static func randomDiagram(seed: UInt64) -> Diagram {
        var random = Seeded(state: seed)
        let n = 2 + random.below(9)
        let nodes = (0..<n).map { i in
            DiagramNode(id: "n\(i)", label: phrase(&random, words: 1 + random.below(4)),
                        note: random.below(2) == 0 ? "" : phrase(&random, words: 1 + random.below(6)))
        }
        var arrows: [DiagramArrow] = []
        var pairs: Set<[Int]> = []
        for _ in 0..<(n - 1 + random.below(n + 1)) {
            let a = random.below(n), b = random.below(n)
            guard a != b, pairs.insert([a, b]).inserted else { continue }
            arrows.append(DiagramArrow(from: "n\(a)", to: "n\(b)", label: random.below(3) == 0 ? "" : phrase(&random, words: 1 + random.below(4))))
        }
        return Diagram(nodes: nodes, arrows: arrows)
    }

    static func expectNoTextTouches(_ texts: [PlacedText], width: Double, height: Double, _ context: String) {
        for (i, a) in texts.enumerated() {
            #expect(a.rect.x >= 0 && a.rect.right <= width && a.rect.y >= 0 && a.rect.bottom <= height,
                    "\(context): '\(a.text)' leaves the canvas")
            for b in texts[(i + 1)...] where a.rect.overlaps(b.rect) {
                Issue.record("\(context): '\(a.text)' touches '\(b.text)'")
            }
        }
    }

    @Test(arguments: [720.0, 400.0]) func noTextTouchesAnotherInRandomDiagrams(_ width: Double) throws {
        var drawn = 0, crossed = 0
        for seed in UInt64(1)...300 {
            let diagram = Self.randomDiagram(seed: seed)
            let layout: DiagramLayout
            do { layout = try DiagramLayout(diagram, width: width) } catch {
                // Only a row too crowded for the width may refuse, and it says so.
                #expect("\(error)".contains("do not fit") || "\(error)".contains("wider than"), "seed \(seed): \(error)")
                continue
            }
            drawn += 1
            Self.expectNoTextTouches(layout.texts, width: width, height: layout.height, "seed \(seed) at \(width)")
            for (i, a) in layout.boxes.enumerated() {
                #expect(a.frame.x >= 0 && a.frame.right <= width, "seed \(seed): box \(i) leaves the canvas")
                for b in layout.boxes[(i + 1)...] { #expect(!a.frame.overlaps(b.frame), "seed \(seed): boxes overlap") }
                for label in layout.labels { #expect(!a.frame.overlaps(label.frame), "seed \(seed): an arrow label on a box") }
            }
            for text in layout.texts where text.role == .label || text.role == .note {
                #expect(layout.boxes.contains { box in
                    text.rect.x >= box.frame.x && text.rect.right <= box.frame.right
                        && text.rect.y >= box.frame.y && text.rect.bottom <= box.frame.bottom
                }, "seed \(seed): '\(text.text)' is not inside a box")
            }
            #expect(layout.routes.count == diagram.arrows.count)
            #expect(layout.labels.count == diagram.arrows.filter { !$0.label.isEmpty }.count)
            if !Self.crossedLabels(layout).isEmpty { crossed += 1 }
        }
        #expect(drawn >= 270, "most random diagrams must be drawn, not refused: \(drawn) of 300 at \(width)")
        // Random graphs are denser than any the site draws, and some have arrows no layering keeps clear of every
        // label. Measured on these 300 seeds (2026-12-04): an arrow runs through a label in 62 of them at 720 px and
        // in 72 of the 282 drawn at 400 px (95 and 108 when a gap's labels could only move together); never more.
        #expect(crossed <= (width > 500 ? 62 : 72), "\(crossed) of \(drawn) random diagrams at \(width) px have an arrow through a label")
    }

    @Test func theSameDiagramDrawsTheSameSVG() throws {
        var spec = ChartSpec(kind: .diagram, title: "Loop")
        spec.diagram = Self.randomDiagram(seed: 42)
        let first = try renderSVG(spec, id: "d"), second = try renderSVG(spec, id: "d")
        #expect(first == second)
        #expect(try renderSVG(spec.withWidth(400), id: "d") == renderSVG(spec.withWidth(400), id: "d"))
    }

    @Test func aLoopIsDrawnWithOneArrowPointingBackUp() throws {
        let loop = Diagram(nodes: [DiagramNode(label: "OpenAI"), DiagramNode(label: "Oracle"), DiagramNode(label: "Nvidia")],
                           arrows: [DiagramArrow(from: "OpenAI", to: "Oracle", label: "$300 B contract"),
                                    DiagramArrow(from: "Oracle", to: "Nvidia", label: "$40 B of chips"),
                                    DiagramArrow(from: "Nvidia", to: "OpenAI", label: "up to $100 B")])
        for width in [720.0, 400] {
            let layout = try DiagramLayout(loop, width: width)
            #expect(layout.routes.filter { !$0.pointsDown }.map(\.arrow) == [2])
            // Three rows, top to bottom in the order of the loop.
            let rows = layout.boxes.map(\.frame.y)
            #expect(rows[0] < rows[1] && rows[1] < rows[2])
            // The arrow back passes beside the middle box, not through it.
            let back = try #require(layout.routes.first { !$0.pointsDown })
            let middle = layout.boxes[1].frame
            for point in back.points where point.y > middle.y && point.y < middle.bottom {
                #expect(point.x < middle.x || point.x > middle.right)
            }
        }
        var spec = ChartSpec(kind: .diagram, title: "Loop")
        spec.diagram = loop
        let svg = try renderSVG(spec, id: "loop")
        #expect(svg.contains("class=\"ch-arrow ch-k2\""))
        for text in ["OpenAI", "$300 B contract", "up to $100 B"] { #expect(svg.contains(">\(text)</text>")) }
    }

    @Test func sinksEndInTheLastRowAndSourcesStartJustAboveTheirTarget() throws {
        let diagram = Diagram(nodes: ["A", "B", "C", "D", "Side", "Exit"].map { DiagramNode(label: $0) },
                              arrows: [DiagramArrow(from: "A", to: "B"), DiagramArrow(from: "B", to: "C"),
                                       DiagramArrow(from: "C", to: "D"), DiagramArrow(from: "Side", to: "C"),
                                       DiagramArrow(from: "A", to: "Exit")])
        let layout = try DiagramLayout(diagram, width: 400)
        let y = Dictionary(uniqueKeysWithValues: layout.boxes.map { (diagram.nodes[$0.node].label, $0.frame.y) })
        #expect(y["Exit"] == y["D"])
        #expect(y["Side"] == y["B"])
    }

    @Test func aRowTooCrowdedForAPhoneIsAnErrorNamingItsBoxes() {
        let hub = DiagramNode(label: "Hub")
        let leaves = (1...5).map { DiagramNode(label: "Leaf \($0)") }
        var spec = ChartSpec(kind: .diagram, title: "Fan")
        spec.diagram = Diagram(nodes: [hub] + leaves, arrows: leaves.map { DiagramArrow(from: "Hub", to: $0.id) })
        #expect(throws: ChartError.self) { try renderSVG(spec.withWidth(400), id: "fan") }
        do { _ = try renderSVG(spec.withWidth(400), id: "fan") } catch {
            #expect("\(error)".contains("'Leaf 1'") && "\(error)".contains("do not fit"))
        }
    }

    @Test func badDiagramsAreErrorsThatSayWhatIsWrong() {
        func failure(_ kind: ChartKind, _ diagram: Diagram) -> String {
            var spec = ChartSpec(kind: kind, title: "t")
            spec.diagram = diagram
            do { _ = try renderSVG(spec, id: "bad"); return "" } catch { return "\(error)" }
        }
        let two = [DiagramNode(label: "A"), DiagramNode(label: "B")]
        #expect(failure(.diagram, Diagram(nodes: two, arrows: [DiagramArrow(from: "A", to: "C")])).contains("'C', which is no node"))
        #expect(failure(.diagram, Diagram(nodes: two + [DiagramNode(label: " ")])).contains("node 3 has an empty label"))
        #expect(failure(.diagram, Diagram(nodes: two, arrows: [DiagramArrow(from: "A", to: "A")])).contains("to itself"))
        #expect(failure(.diagram, Diagram(nodes: two, arrows: [DiagramArrow(from: "A", to: "B"), DiagramArrow(from: "A", to: "B")]))
            .contains("repeats an earlier arrow"))
        #expect(failure(.diagram, Diagram(nodes: (1...17).map { DiagramNode(label: "N\($0)") })).contains("too many"))
        #expect(failure(.steps, Diagram(nodes: two, arrows: [DiagramArrow(from: "A", to: "B")])).contains("arrows belong to a 'diagram'"))
        #expect(failure(.diagram, Diagram()).contains("no nodes"))
        #expect(failure(.line, Diagram(nodes: two)).contains("'diagram' and 'steps' charts only"))
    }

    @Test(arguments: [720.0, 400.0]) func stepsAreNumberedInOrderAndNoTextTouches(_ width: Double) throws {
        var random = Seeded(state: 7)
        for round in 0..<50 {
            let steps = Diagram(nodes: (0..<(1 + random.below(10))).map { _ in
                DiagramNode(label: Self.phrase(&random, words: 1 + random.below(6)),
                            note: random.below(2) == 0 ? "" : Self.phrase(&random, words: 2 + random.below(12)))
            })
            let layout = try StepsChart.Layout(steps, width: width)
            Self.expectNoTextTouches(layout.texts, width: width, height: layout.height, "steps \(round) at \(width)")
            #expect(layout.texts.filter { $0.role == .number }.map(\.text) == steps.nodes.indices.map { "\($0 + 1)" })
            #expect(zip(layout.boxes, layout.boxes.dropFirst()).allSatisfy { $0.bottom < $1.y })
        }
    }
    /// Points every 2 px along an arrow as `DiagramChart.path` draws it (curves across gaps, lines through rows).
    static func samples(_ route: DiagramLayout.Route) -> [(x: Double, y: Double)] {
        var points = route.points
        let inset = ArrowHead.length - 1
        if route.pointsDown { points[points.count - 1].y -= inset } else { points[0].y += inset }
        var out: [(x: Double, y: Double)] = []
        var index = 0
        while index + 1 < points.count {
            let (a, b) = (points[index], points[index + 1])
            if index > 0 {
                let previous = points[index - 1]
                for step in 0...50 { let t = Double(step) / 50; out.append((previous.x, previous.y + (a.y - previous.y) * t)) }
            }
            let bend = (b.y - a.y) / 2
            for step in 0...200 {
                let t = Double(step) / 200, u = 1 - t
                out.append((x: u * u * u * a.x + 3 * u * u * t * a.x + 3 * u * t * t * b.x + t * t * t * b.x,
                            y: u * u * u * a.y + 3 * u * u * t * (a.y + bend) + 3 * u * t * t * (b.y - bend) + t * t * t * b.y))
            }
            index += 2
        }
        return out
    }

    /// Arrow labels that an arrow runs through, as "label ← arrow n".
    static func crossedLabels(_ layout: DiagramLayout) -> [String] {
        var crossed: [String] = []
        for text in layout.texts where text.role == .arrowLabel {
            // The glyphs of a line reach about 3 px above its line box (CJK fonts are taller than Latin ones).
            let box = DiagramLayout.Rect(x: text.rect.x + 1, y: text.rect.y - 2, width: text.rect.width - 2, height: text.rect.height + 1)
            for route in layout.routes where samples(route).contains(where: { p in
                p.x > box.x && p.x < box.right && p.y > box.y && p.y < box.bottom
            }) {
                crossed.append("'\(text.text)' ← arrow \(route.arrow)")
            }
        }
        return crossed
    }

    /// The site's Fig 5.1 and 8.1 in Chinese: arrow labels one em a character, wider than the English, beside two
    /// arrows that leave a box side by side (5.1) or a loop's arrow back (8.1).
    static let hyperionChinese = Diagram(
        nodes: [DiagramNode(id: "buyers", label: "債券買家", note: "PIMCO約180億美元、貝萊德ETF逾30億美元，以及其他買家"),
                DiagramNode(id: "owl", label: "Blue Owl的基金", note: "持有合資公司80%"),
                DiagramNode(id: "jv", label: "合資公司", note: "Blue Owl的基金占80%、Meta占20%；由旗下發行公司Beignet出售債券", color: 4),
                DiagramNode(id: "campus", label: "Hyperion園區", note: "興建成本約270億美元"),
                DiagramNode(id: "meta", label: "Meta", note: "持有合資公司20%；一次性拿到約30億美元", color: 3)],
        arrows: [DiagramArrow(from: "buyers", to: "jv", label: "273億美元債券"),
                 DiagramArrow(from: "owl", to: "jv", label: "約70億美元現金"),
                 DiagramArrow(from: "jv", to: "campus", label: "支付興建費用"),
                 DiagramArrow(from: "jv", to: "meta", label: "一次性支付"),
                 DiagramArrow(from: "campus", to: "meta", label: "租期4年＋續約選擇權"),
                 DiagramArrow(from: "meta", to: "jv", label: "租金"),
                 DiagramArrow(from: "jv", to: "buyers", label: "債券本息，付到2049年")])
    static let dealLoopChinese = Diagram(
        nodes: [DiagramNode(id: "openai", label: "OpenAI", note: "購買運算能力", color: 1),
                DiagramNode(id: "oracle", label: "甲骨文", note: "興建資料中心", color: 4),
                DiagramNode(id: "nvidia", label: "輝達", note: "製造晶片", color: 3)],
        arrows: [DiagramArrow(from: "openai", to: "oracle", label: "約5年內購買3000億美元的運算能力"),
                 DiagramArrow(from: "oracle", to: "nvidia", label: "為阿比林購買約400億美元的晶片"),
                 DiagramArrow(from: "nvidia", to: "openai", label: "最多1000億美元的投資，分階段撥付")])

    @Test(arguments: [720.0, 400.0]) func noArrowRunsThroughAnArrowLabelOfTheSitesChineseDiagrams(_ width: Double) throws {
        for (name, diagram) in [("5.1", Self.hyperionChinese), ("8.1", Self.dealLoopChinese)] {
            let layout = try DiagramLayout(diagram, width: width)
            #expect(Self.crossedLabels(layout).isEmpty, "Fig \(name) at \(width): \(Self.crossedLabels(layout))")
            Self.expectNoTextTouches(layout.texts, width: width, height: layout.height, "Fig \(name) at \(width)")
        }
    }


    /// The site's Fig 1.1: the arrow from "Loans secured on chips" to Endgame A crosses five rows, beside the arrow from
    /// "Data centres built" to Endgame B for four of them.
    static func argumentMap(_ labels: [String]) -> Diagram {
        let ids = ["deals", "spending", "centres", "chips", "chiploans", "bonds", "pooled", "stocks", "savers", "history", "endA", "endB"]
        return Diagram(
            nodes: zip(ids, labels).map { DiagramNode(id: $0, label: $1, note: "chapter 7") },
            arrows: [DiagramArrow(from: "deals", to: "spending"), DiagramArrow(from: "spending", to: "centres"),
                     DiagramArrow(from: "centres", to: "bonds"), DiagramArrow(from: "chips", to: "chiploans"),
                     DiagramArrow(from: "bonds", to: "pooled"), DiagramArrow(from: "pooled", to: "savers"),
                     DiagramArrow(from: "stocks", to: "savers"), DiagramArrow(from: "history", to: "endA"),
                     DiagramArrow(from: "chiploans", to: "endA", label: labels[12]), DiagramArrow(from: "savers", to: "endA", label: labels[13]),
                     DiagramArrow(from: "centres", to: "endB")])
    }

    @Test(arguments: [720.0, 400.0], [
        ["Circular deals", "Spending outruns revenue", "Data centres built", "Fast-ageing chips", "Loans secured on chips",
         "Leases turned into bonds", "Leases pooled and sliced", "Stock market leans on AI", "Pensions, insurers and funds",
         "Lessons of past bubbles", "Endgame A: the bet fails", "Endgame B: the bet succeeds", "lenders’ losses", "losses"],
        ["循環交易", "支出遠超營收", "興建資料中心", "快速老化的晶片", "以晶片為擔保的貸款", "租約變成債券", "租約匯集後切分", "股市倚重AI",
         "退休基金、保險公司與各類基金", "歷次泡沫的教訓", "結局A：豪賭失敗", "結局B：豪賭成功", "放款人的虧損", "虧損"],
    ]) func aLongArrowsLabelSitsWhereNoOtherArrowRunsCloseToIt(_ width: Double, _ labels: [String]) throws {
        let layout = try DiagramLayout(Self.argumentMap(labels), width: width)
        // The arrows crossing more than one gap: a segment of theirs may run alone.
        let long = Set(layout.routes.filter { $0.points.count > 2 }.map(\.arrow))
        #expect(long.contains(8))
        for label in layout.labels where long.contains(label.arrow) {
            // The horizontal distance from the label's block to each arrow, along the label's height.
            func distance(_ route: DiagramLayout.Route) -> Double {
                Self.samples(route).filter { $0.y >= label.frame.y && $0.y <= label.frame.bottom }
                    .map { max(label.frame.x - $0.x, $0.x - label.frame.right, 0) }.min() ?? .infinity
            }
            let own = distance(layout.routes.first { $0.arrow == label.arrow }!)
            for route in layout.routes where route.arrow != label.arrow {
                #expect(distance(route) > own + DiagramLayout.alongside, "'\(label.lines.joined(separator: " "))' at \(width): arrow \(route.arrow) runs \(distance(route)) px from it, its own \(own) px")
            }
        }
    }
}
