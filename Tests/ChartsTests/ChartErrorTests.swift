import Testing
@testable import Charts

@Suite struct ChartErrorTests {
    let line = ChartSeries(name: "a", x: [1, 2, 3], y: [1, 2, 3])

    func failure(_ spec: ChartSpec, id: String = "f") -> ChartError? {
        #expect(throws: ChartError.self) { try renderSVG(spec, id: id) }
        do { _ = try renderSVG(spec, id: id) } catch { return error }
        return nil
    }

    @Test func figureIdMustBeLowercaseLettersDigitsHyphens() {
        let error = failure(ChartSpec(title: "t", series: [line]), id: "Bad_ID")
        #expect(error == .invalidID("Bad_ID"))
        #expect(error?.description == "chart id 'Bad_ID' must use only lowercase letters, digits and hyphens")
    }

    @Test func chartWithoutSeriesReportsNoData() {
        let error = failure(ChartSpec(kind: .line, title: "t"))
        #expect(error == .noData(kind: .line))
        #expect(error?.description == "line chart has no series to draw")
    }

    @Test func mismatchedLengthsNameTheSeries() {
        let error = failure(ChartSpec(title: "t", series: [ChartSeries(name: "debt", x: [1, 2, 3], y: [1, 2])]))
        #expect(error == .mismatchedLengths(series: "debt", expected: 3, actual: 2))
        #expect(error?.description == "series 'debt' has 2 values but 3 x values or categories; they must match")
    }

    @Test func seriesWithOnlyNaNIsEmpty() {
        let error = failure(ChartSpec(title: "t", series: [ChartSeries(name: "gap", x: [1, 2], y: [.nan, .infinity])]))
        #expect(error == .emptySeries(name: "gap"))
    }

    @Test func logScaleRejectsZero() {
        let spec = ChartSpec(title: "t", y: AxisOptions(scale: .log), series: [ChartSeries(name: "a", x: [1, 2], y: [0, 10])])
        let error = failure(spec)
        #expect(error == .nonPositiveOnLogScale(axis: .y, value: 0))
        #expect(error?.description == "the y axis uses a log scale but meets the value 0; log scales need values above zero (use 'scale: linear' or drop the value)")
    }

    @Test func emptyAxisRangeIsRejected() {
        let error = failure(ChartSpec(title: "t", x: AxisOptions(min: 5, max: 5), series: [line]))
        #expect(error == .invalidAxisRange(axis: .x, min: 5, max: 5))
        #expect(error?.description == "the x axis range 5…5 is empty; 'min' must be below 'max'")
    }

    @Test func flowNeedsLinksWithPositiveValues() {
        #expect(failure(ChartSpec(kind: .flow, title: "t")) == .noData(kind: .flow))
        let bad = ChartSpec(kind: .flow, title: "t", links: [FlowLink(source: "A", target: "B", value: -1)])
        let error = failure(bad)
        #expect(error == .invalidLink(source: "A", target: "B", value: -1))
        #expect(error?.description == "flow link 'A' → 'B' has value −1; link values must be positive")
    }

    @Test func waterfallTakesExactlyOneSeries() {
        let series = ChartSeries(name: "a", categories: ["x"], values: [1])
        let error = failure(ChartSpec(kind: .waterfall, title: "t", series: [series, series]))
        #expect(error == .unsupported(kind: .waterfall, reason: "draws exactly one series of steps, got 2"))
        #expect(error?.description == "waterfall chart: draws exactly one series of steps, got 2")
    }

    @Test func barsNeedCategoriesOrX() {
        let error = failure(ChartSpec(kind: .bar, title: "t", series: [ChartSeries(name: "a", x: [], y: [1, 2])]))
        #expect(error == .unsupported(kind: .bar, reason: "series 'a' needs 'categories' (or x values) to label its bars"))
    }

    @Test func stackedSeriesMustShareX() {
        let spec = ChartSpec(kind: .stackedArea, title: "t", series: [line, ChartSeries(name: "b", x: [1, 2, 4], y: [1, 1, 1])])
        #expect(failure(spec) == .unsupported(kind: .stackedArea, reason: "series 'b' has different x values from 'a'; stacked series must share x"))
    }

    @Test func heatmapRejectsAnnotationsInsteadOfDroppingThem() {
        let spec = ChartSpec(kind: .heatmap, title: "t", series: [line], annotations: [.event(x: 2, label: "e")])
        guard case .annotation(index: 0, kind: .heatmap, _, _)? = failure(spec) else {
            Issue.record("expected an annotation error, got \(String(describing: failure(spec)))")
            return
        }
    }

    @Test func linksOnNonFlowChartsAreRejected() {
        let spec = ChartSpec(title: "t", series: [line], links: [FlowLink(source: "A", target: "B", value: 1)])
        #expect(failure(spec) == .unsupported(kind: .line, reason: "'links' are only used by flow charts"))
    }
}
