import Testing
@testable import Site

/// `points:` draws series of a line chart as unjoined points, each labelled with its value: prices reported by
/// different sources, which a line would show as one continuous series (review 12 S4, Fig 7.2).
@Suite struct PointSeriesTests {
    private func chapter(withChart lines: [String]) -> String {
        "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
    }

    private let data = SourceFile(path: "content/data/rent.csv",
                                  text: "# Source: S.\nmonth,range,price\n2023-07,8,\n2023-07,12,\n2024-10,,2\n2025-10,,1.70\n2026-03,,2.35\n")
    private let head = ["id: rent", "title: T", "caption: \"C. Source: S.\"", "data: rent.csv", "kind: line",
                        "labels: {price: Reported price}", "y: {format: usd}"]

    @Test func aPointsSeriesIsDrawnAsLabelledDotsWithNoLineBetweenThem() throws {
        let page = try #require(text(try build(miniSite(chapter: chapter(withChart: head + ["points: [price]"]), data: [data])),
                                     "intro/index.html"))
        let wide = try #require(page.components(separatedBy: "<div class=\"chart-narrow\">").first)
        #expect(!wide.contains("class=\"ch-line ch-k2 ch-d2\""), "no line joins the reported prices")
        #expect(wide.components(separatedBy: "class=\"ch-dot ch-f2\"").count - 1 == 4, "three points and the legend's dot")
        for value in ["$2.00", "$1.70", "$2.35"] { #expect(wide.contains(">\(value)</text>"), "\(value)") }
        // The range stays a line; written with the label's name, the series is found too.
        #expect(wide.contains("class=\"ch-line ch-k1 ch-d1\""))
        let byLabel = try #require(text(try build(miniSite(chapter: chapter(withChart: head + ["points: [Reported price]"]),
                                                           data: [data])), "intro/index.html"))
        #expect(!byLabel.contains("class=\"ch-line ch-k2 ch-d2\""))
    }

    @Test func pointsNamingNoSeriesOrOnAnotherKindAreErrorsAtTheKey() {
        let unknown = diagnostics(of: miniSite(chapter: chapter(withChart: head + ["points: [prices]"]), data: [data]))
        #expect(unknown.count == 1)
        #expect(unknown.first?.line == 6 + 8)
        #expect(unknown.first?.message.contains("'points' names 'prices', which is no series of the chart") == true, "\(unknown)")
        let bar = ["id: rent", "title: T", "caption: \"C. Source: S.\"", "data: rent.csv", "kind: area", "points: [price]"]
        let wrongKind = diagnostics(of: miniSite(chapter: chapter(withChart: bar), data: [data]))
        #expect(wrongKind.first?.message.contains("'points' draws series of a line chart as unjoined points") == true, "\(wrongKind)")
    }
}
