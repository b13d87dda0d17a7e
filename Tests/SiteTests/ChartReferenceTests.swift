import Charts
import Testing
@testable import Site

/// The chart reference follows the code: every kind and every key is in it, and every sample builds.
@Suite struct ChartReferenceTests {
    @Test func everyChartKindHasAReferenceWithASampleThatBuilds() throws {
        #expect(ChartReference.kinds.map(\.kind) == ChartKind.allCases, "add the missing kinds to ChartReference.samples")
        let items = try galleryItems()
        #expect(items.map(\.kind) == ChartKind.allCases.map(\.rawValue))
        for reference in ChartReference.kinds {
            #expect(reference.block.contains("kind: \(reference.kind.rawValue)\n"))
            if reference.csvName.isEmpty {
                // Drawn from the block itself: no data file to name.
                #expect(!reference.block.contains("data:") && !reference.block.contains("model:"))
            } else {
                #expect(reference.block.contains("data: \(reference.csvName)\n"))
            }
        }
    }

    /// A sample pasted into a chapter (block and CSV copied as `explainer charts` prints them) builds there too.
    @Test(arguments: ChartKind.allCases) func aPrintedSampleBuildsInAChapter(_ kind: ChartKind) throws {
        let reference = try #require(ChartReference.kind(named: kind.rawValue))
        let site = miniSite(chapter: "---\ntitle: A\n---\n```chart\n" + reference.block + "```\n",
                            data: reference.csvName.isEmpty ? [] : [SourceFile(path: "content/data/" + reference.csvName, text: reference.csv)])
        let page = try #require(text(try build(site), "intro/index.html"))
        #expect(page.contains("<figure class=\"chart\" id=\"figure-sample-\(kind.rawValue)\">"))
    }

    /// The printed hbar block names its axes the way the chart draws them: x, horizontal, the values; y the categories.
    @Test func thePrintedHbarSampleTitlesTheValueAxisWithItsXLabel() throws {
        let reference = try #require(ChartReference.kind(named: "hbar"))
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n```chart\n" + reference.block + "```\n",
                                        data: [SourceFile(path: "content/data/" + reference.csvName, text: reference.csv)]))
        let csv = try #require(text(output, "data/sample-hbar.csv"))
        #expect(csv.contains("\nBridge,Length\n"), "\(csv)")
        let svg = try #require(text(output, "intro/index.html"))
        #expect(svg.contains(">Length (km)</text>"))
    }

    @Test func aFormatOnAnHbarsCategoryAxisIsAnErrorThatPointsToX() throws {
        let reference = try #require(ChartReference.kind(named: "hbar"))
        let block = reference.block.replacingOccurrences(of: "y: {label: Bridge}", with: "y: {label: Bridge, format: gbp-bn}")
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n```chart\n" + block + "```\n",
                                                data: [SourceFile(path: "content/data/" + reference.csvName, text: reference.csv)]))
        #expect(problems.map(\.message) == ["in an hbar chart y: is the axis of the categories (the bars' names), so its "
                                            + "format: gbp-bn would do nothing"])
        #expect(problems.first?.line == 12)
    }

    @Test func everyKeyOfAChartBlockIsDescribedWithWhatHappensWithoutIt() {
        for key in ChartBlockParser.keys {
            #expect(ChartReference.keyMeanings[key] != nil, "describe the chart key '\(key)' in ChartReference.keyMeanings")
        }
        #expect(Set(ChartReference.keyMeanings.keys) == Set(ChartBlockParser.keys), "a described key the parser does not know")
        #expect(ChartReference.axisKeys.map(\.key) == ChartBlockParser.axisKeys, "describe every key of x: and y:")
        for annotation in AnnotationParser.types {
            #expect(ChartReference.annotationUsage.contains { $0.hasPrefix("{type: \(annotation),") }, "annotation '\(annotation)'")
        }
    }

    /// The documented defaults are the parser's: a block with only the required keys gets them.
    @Test func theDocumentedDefaultsAreTheParsersDefaults() throws {
        let request = try ChartBlockParser(registry: .standard, file: "a.md", fenceLine: 1, fenceColumn: 1)
            .parse("id: a\ntitle: T\ncaption: C.\ndata: a.csv\n")
        let documented = Dictionary(uniqueKeysWithValues: ChartReference.keys.map { ($0.key, $0.absent) })
        #expect(documented["kind"] == request.kind.rawValue)
        let axis = Dictionary(uniqueKeysWithValues: ChartReference.axisKeys.map { ($0.key, $0.absent) })
        let defaults = AxisOptions()
        #expect(axis["format"] == defaults.format.rawValue)
        #expect(axis["scale"] == defaults.scale.rawValue)
        #expect(request.x == nil && request.y == nil && request.series == nil && request.annotations.isEmpty)
    }

    @Test func theTextOfAKindHasItsDataShapeBlockAndKeys() throws {
        let text = ChartReference.text(for: try #require(ChartReference.kind(named: "hbar")))
        #expect(text.hasPrefix("hbar — one horizontal bar per category"))
        #expect(text.contains("  first column   the categories, top to bottom: text\n"))
        #expect(text.contains("Example: content/data/bridges.csv\n  # Lengths of imaginary bridges"))
        #expect(text.contains("```chart\nid: sample-hbar\n"))
        // Keys are padded to the longest key's width.
        let width = ChartReference.keys.map(\.key.count).max() ?? 0
        #expect(text.contains("  kind" + String(repeating: " ", count: width - 4 + 2) + "the chart kind: line, area,"))
        #expect(text.contains("(default: line)"))
        #expect(text.contains("  format  how numbers are printed: number, count, fraction, percent"))
    }

    @Test func theSchematicKindsDescribeTheirBlockListsAndPrintNoCSV() throws {
        let text = ChartReference.text(for: try #require(ChartReference.kind(named: "diagram")))
        #expect(text.hasPrefix("diagram — boxes joined by labelled arrows"))
        #expect(text.contains("Data: written in the chart block itself"))
        #expect(!text.contains("Example: content/data/"))
        #expect(text.contains("```chart\nid: sample-diagram\n") && text.contains("arrows:\n  - {from: sea, to: clouds"))
        #expect(text.contains("  nodes ") && text.contains("  arrows ") && text.contains("  steps "))
        let steps = ChartReference.text(for: try #require(ChartReference.kind(named: "steps")))
        #expect(steps.contains("kind: steps\nsteps:\n"))
    }

    @Test func anUnknownPieChartSuggestsTheKindsThatShowShares() {
        let hint = ChartReference.unknownKindHint("pie")
        #expect(hint.hasPrefix("explainer draws shares of a whole as bars, which are easier to compare: hbar (one bar per share) "
                               + "or stacked-bar (each bar a whole split into its shares). Known kinds: line, area,"), "\(hint)")
        #expect(ChartReference.unknownKindHint("Doughnut") == hint)
    }

    @Test func anUnknownKindCloseToAKnownOneSuggestsIt() {
        #expect(ChartReference.unknownKindHint("hbra").hasPrefix("did you mean 'hbar'? Known kinds: line, area,"))
    }

    @Test func aChartBlockOfAnUnknownKindGetsTheSameHint() {
        let chapter = "---\ntitle: A\n---\n```chart\nid: shares\nkind: pie\ntitle: Shares\ncaption: Shares.\ndata: shares.csv\n```\n"
        let problems = diagnostics(of: miniSite(chapter: chapter, data: [SourceFile(path: "content/data/shares.csv", text: "part,share\na,1\n")]))
        let problem = problems.first { $0.message == "unknown chart kind 'pie'" }
        #expect(problem?.hint == ChartReference.unknownKindHint("pie"), "\(problems)")
    }
}
