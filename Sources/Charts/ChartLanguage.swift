/// The language a chart is written in: how it prints numbers, and the words it writes itself (its generated
/// description, the axis names it falls back on, the tag of a disputed claim).
///
/// Sites pass their language's words from its translations file (`templates/i18n/<code>.yml`, keys in `keys`);
/// `english` holds the same words as explainer's English file, for charts drawn outside a site.
public struct ChartLanguage: Sendable, Equatable {
    /// How numbers and their units are written.
    public enum Numbers: String, Sendable, CaseIterable {
        /// $27.3 B, $1.3 T, 42 %, 2.5 years, 1.2×, Nov 2022.
        case english
        /// As Taiwan's press writes them: 273億美元, 1.3兆美元, 42%, 2.5年, 1.2倍, 2022年11月.
        case chinese
    }

    public var numbers: Numbers
    /// The chart's words by key (see `keys`); a key left out uses the English word.
    public var words: [String: String]

    public init(numbers: Numbers, words: [String: String]) {
        self.numbers = numbers
        self.words = words
    }

    /// The word for `key` with each `{name}` replaced by its value.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = words[key] ?? Self.englishWords[key] ?? key
        for (name, value) in values { text = text.replacing("{" + name + "}", with: value) }
        return text
    }

    /// The chart's font stack (`chartFonts`), or `inherit` (the page's fonts).
    ///
    /// Chinese, Japanese and Korean charts name a Latin font first, then the language's CJK fonts: the first font of
    /// the stack sets every text's box, and a CJK font's (Noto Sans CJK: 1.16 em above the baseline, 0.29 em below) is a
    /// third taller than its glyphs, so labels spaced for their glyphs would seem to touch. CJK glyphs (about 0.88 em
    /// up, 0.12 em down) fit the Latin font's box; they come from the CJK font, and `TextMetrics` measures Latin
    /// letters and digits in the Latin font's widths, Han characters at 1 em.
    public var fonts: String { words["chartFonts"] ?? "inherit" }

    /// The number style for a BCP 47 language tag: Chinese for `zh…`, English otherwise.
    public static func numbers(for code: String) -> Numbers {
        code.lowercased() == "zh" || code.lowercased().hasPrefix("zh-") ? .chinese : .english
    }

    /// Every key the chart code looks up.
    public static var keys: [String] { englishWords.keys.sorted() }

    /// English, as in explainer's `templates/i18n/en.yml`.
    public static let english = ChartLanguage(numbers: .english, words: englishWords)

    static let englishWords: [String: String] = [
        "chartLine": "Line chart", "chartArea": "Area chart", "chartStackedArea": "Stacked area chart",
        "chartBar": "Bar chart", "chartHorizontalBar": "Horizontal bar chart", "chartGroupedBar": "Grouped bar chart",
        "chartStackedBar": "Stacked bar chart", "chartWaterfall": "Waterfall chart", "chartFlow": "Flow diagram",
        "chartHistogram": "Histogram", "chartHeatmap": "Heat map", "chartSmallMultiples": "Small multiples",
        "chartDiagram": "Diagram", "chartSteps": "Steps",
        "chartOf": "{kind} of {series}.", "chartXRange": " {label} from {lo} to {hi}.",
        "chartYRange": " {label} range from {lo} to {hi}.", "chartX": "X", "chartValues": "Values",
        "chartNoSeries": "no series", "chartListComma": ", ", "chartListAnd": " and ",
        "chartFlows": "{kind} of {n} flows: {flows}.", "chartFlowStep": "{source} to {target} {value}",
        "chartSemicolon": "; ", "chartClaim": " (claim)",
        "chartBoxes": "{kind} of {n} boxes: {boxes}.", "chartArrows": " Arrows: {arrows}.", "chartArrow": "{from} to {to}",
        "chartStepsList": "{kind}: {steps}.", "chartFonts": "inherit", "chartOtherScenarios": "Other scenarios",
    ]
}
