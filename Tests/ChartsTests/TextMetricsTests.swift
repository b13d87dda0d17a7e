import Testing
@testable import Charts

@Suite struct TextMetricsCJK {
    @Test func hanCharactersAreOneEmWideWithoutMargin() {
        #expect(TextMetrics.width("資料中心", size: 14) == 56)
        #expect(TextMetrics.width("證券化", size: 13) == 39)
    }

    @Test func kanaHangulAndFullWidthPunctuationAreOneEmWide() {
        for text in ["カ", "か", "한", "，", "。", "（", "」", "、", "％", "　"] {
            #expect(TextMetrics.width(text, size: 10) == 10, "\(text)")
        }
    }

    @Test func halfWidthFormsAndLatinKeepTheirOwnWidths() {
        // Half-width katakana (U+FF76) and ASCII are narrower than an em.
        #expect(TextMetrics.width("ｶ", size: 10) < 10)
        #expect(abs(TextMetrics.width("A", size: 1000) - 667 * 1.15) < 1e-9)
    }

    @Test func mixedTextAddsLatinWidthsAndOneEmPerCJKCharacter() {
        let digits = 3 * 556.0 / 1000 * 1.15 * 14
        #expect(abs(TextMetrics.width("273億美元", size: 14) - (digits + 3 * 14)) < 1e-9)
    }

    @Test func boldWidensCJKTooSoSemiBoldTitlesFit() {
        #expect(TextMetrics.width("資料", size: 14, bold: true) > TextMetrics.width("資料", size: 14))
    }

    @Test func supplementaryIdeographsAreFullWidth() {
        #expect(TextMetrics.isFullWidth("𠀀".unicodeScalars.first!))
        #expect(!TextMetrics.isFullWidth("a".unicodeScalars.first!))
    }

    @Test func wrappingChineseUsesTheRealWidth() {
        // Eight characters of 14 px fit 112 px exactly; ten take two lines, broken between words (not 保|險).
        #expect(TextMetrics.wrap("退休基金保險公司", to: 112, size: 14, maxLines: 2) == ["退休基金保險公司"])
        let ten = TextMetrics.wrap("退休基金保險公司與其", to: 112, size: 14, maxLines: 2)
        #expect(ten.count == 2 && ["基金", "保險", "公司"].allSatisfy { word in ten.contains { $0.contains(word) } }, "\(ten)")
    }
}

@Suite struct ChartFontStack {
    private let chinese = #"Arial,"Liberation Sans","PingFang TC","Noto Sans CJK TC","Microsoft JhengHei",sans-serif"#

    @Test func aChineseChartSetsItsTextInTheLanguagesFontStack() throws {
        var spec = ChartSpec(title: "t", series: [ChartSeries(name: "資料", x: [0, 1], y: [1, 2])])
        spec.language = ChartLanguage(numbers: .chinese, words: ["chartFonts": chinese])
        let svg = try renderSVG(spec, id: "z")
        let opening = try #require(svg.split(separator: "\n").first)
        // The names in single quotes: the style attribute is double-quoted, so they need no escaping.
        #expect(opening.hasSuffix(#"font-family:Arial,'Liberation Sans','PingFang TC','Noto Sans CJK TC','Microsoft JhengHei',sans-serif">"#))
        #expect(SVGParse.parse(svg).error == nil)
    }

    @Test func englishChartsInheritThePagesFonts() throws {
        let svg = try renderSVG(ChartSpec(title: "t", series: [ChartSeries(name: "a", x: [0, 1], y: [1, 2])]), id: "e")
        #expect(svg.split(separator: "\n").first?.hasSuffix("font-family:inherit\">") == true)
    }

    /// Pages set their language's fonts on every element (`:lang(zh-Hant){…}`); chart text inherits the SVG's instead.
    @Test func chartTextInheritsTheSVGsFonts() {
        #expect(Theme.css.contains("svg.ch *{font-family:inherit}"))
    }
}

@Suite struct CrowdedPointLabels {
    /// Other scenarios' faint points crowded around the chosen one: a faint label with no free place is left out
    /// (its dot stays) instead of being drawn over another label; the chosen point is always named.
    @Test(arguments: [720.0, 400]) func aFaintLabelWithNoRoomIsLeftOutNotOverlapped(_ width: Double) throws {
        let names = ["基準情境：20%", "緊繃：42%", "平靜：7.7%", "嚴重情境：55%", "溫和情境：12%", "另一情境：30%",
                     "第七情境：31%", "第八情境：32%", "第九情境：33%", "第十情境：34%"]
        let spec = ChartSpec(kind: .line, title: "t", x: AxisOptions(format: .fraction, min: 0, max: 1),
                             y: AxisOptions(format: .fraction, min: 0, max: 1),
                             series: [ChartSeries(name: "a", x: [0, 1], y: [0, 1])],
                             annotations: [.here(x: 0.5, y: 0.5, label: names[0])]
                                 + names.dropFirst().map { .mark(x: 0.5, y: 0.5, label: $0) })
        let svg = try renderSVG(spec.withWidth(width), id: "c")
        let texts = SVGParse.parse(svg).all("text").filter { names.contains($0.text) }
        #expect(texts.contains { $0.text == names[0] })
        #expect(texts.count < names.count)
        let boxes = texts.map { text -> (Double, Double, Double, Double) in
            let x = Double(text.attributes["x"]!)!, y = Double(text.attributes["y"]!)!
            return (x, y - 13, x + TextMetrics.width(text.text, size: 13), y + 4)
        }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] { #expect(!(a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3), "\(a) \(b)") }
        }
        #expect(svg.components(separatedBy: "class=\"ch-mark\"").count - 1 == names.count - 1)
    }
}
