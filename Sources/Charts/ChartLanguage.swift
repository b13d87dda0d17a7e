/// The language a chart is written in: how it prints numbers, and the words it writes itself (its generated
/// description, the axis names it falls back on, the tag of a disputed claim).
///
/// Sites pass their language's words from its translations file (`templates/i18n/<code>.yml`, keys in `keys`);
/// `english` holds the same words as explainer's English file, for charts drawn outside a site.
public struct ChartLanguage: Sendable, Equatable {
    /// How numbers and their units are written: the number forms of the language (English or Chinese), and the
    /// page's short month names and separators (`monthsShort`, `monthShortFormat`, `decimalSeparator` and
    /// `groupSeparator` of `templates/i18n/<code>.yml`), which axes, labels, data tables and settings lines use.
    public struct Numbers: Sendable, Equatable {
        /// The number forms a language writes its units in.
        public enum Forms: String, Sendable, CaseIterable {
            /// $27.3 B, $1.3 T, 42 %, 2.5 years, 1.2×, Nov 2022.
            case english
            /// As Taiwan's press writes them: 273億美元, 1.3兆美元, 42%, 2.5年, 1.2倍, 2022年11月.
            case chinese
        }

        public var forms: Forms
        /// The twelve short month names, January first: "Jan" … "Dec", 「1月」…「12月」.
        public var monthsShort: [String]
        /// A month of a year, with `{month}` its short name, `{m}` its number and `{y}` the year: "{month} {y}"
        /// (Nov 2022), 「{y}年{m}月」 (2022年11月).
        public var monthShortFormat: String
        /// The decimal point: "." (1.5), "," (1,5).
        public var decimalSeparator: String
        /// What groups the thousands: "," (12,345), a narrow no-break space (12 345), which never breaks a number.
        public var groupSeparator: String
        /// What joins a number to its percent sign: a narrow no-break space ("38 %"), or nothing in a language
        /// written without spaces between words (Japanese "38%", as its translations file's `space` is empty).
        public var percentSpace = "\u{202F}"
        /// Where an amount's currency goes: "{symbol}{number}" (€276, $27.3 B), or after it as French and German write
        /// it, "{number}\u{00A0}{symbol}" (276 €, 27,3 B €). Chinese forms write the currency's name after (歐元).
        public var moneyFormat = "{symbol}{number}"

        public init(forms: Forms, monthsShort: [String], monthShortFormat: String, decimalSeparator: String, groupSeparator: String) {
            self.forms = forms
            self.monthsShort = monthsShort
            self.monthShortFormat = monthShortFormat
            self.decimalSeparator = decimalSeparator
            self.groupSeparator = groupSeparator
        }

        /// Whether amounts are written in Chinese forms (273億美元, 42%, 1.2倍).
        public var isChinese: Bool { forms == .chinese }

        /// English, as in explainer's `templates/i18n/en.yml`.
        public static let english = Numbers(forms: .english, monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                                                          "Aug", "Sep", "Oct", "Nov", "Dec"],
                                            monthShortFormat: "{month} {y}", decimalSeparator: ".", groupSeparator: ",")
        /// Chinese, as in explainer's `templates/i18n/zh-Hant.yml`.
        public static let chinese = Numbers(forms: .chinese, monthsShort: (1...12).map { "\($0)月" },
                                            monthShortFormat: "{y}年{m}月", decimalSeparator: ".", groupSeparator: ",")

        /// Every language's number forms with their defaults (explainer's English and Chinese).
        public static let allCases: [Numbers] = [.english, .chinese]

        /// A month as a chart writes it: `month` 1…12 of `year` (already written, "2022", "−5").
        func month(_ month: Int, of year: String) -> String {
            let name = monthsShort.indices.contains(month - 1) ? monthsShort[month - 1] : String(month)
            return monthShortFormat.replacing("{month}", with: name).replacing("{m}", with: String(month))
                .replacing("{y}", with: year)
        }

        /// Digits written with "." and "," (`ValueFormat.digits`) in this language's separators: "12,345.6" →
        /// "12 345,6".
        func separated(_ digits: String) -> String {
            guard decimalSeparator != "." || groupSeparator != "," else { return digits }
            var out = ""
            for character in digits {
                switch character {
                case ".": out += decimalSeparator
                case ",": out += groupSeparator
                default: out.append(character)
                }
            }
            return out
        }
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

    /// The number style for a language tag, with the month names and separators of its translations file (`words`:
    /// `monthsShort`, `monthShortFormat`, `decimalSeparator`, `groupSeparator`, `moneyFormat`, and `space`, empty for a language written
    /// without spaces, which writes "38%"); a word left out, or a list of month names that is not twelve, keeps the style's own.
    public static func numbers(for code: String, words: [String: String]) -> Numbers {
        var numbers = numbers(for: code)
        if let names = words["monthsShort"]?.split(separator: ",").map({ trimmed($0) }), names.count == 12,
           names.allSatisfy({ !$0.isEmpty }) {
            numbers.monthsShort = names
        }
        if let format = words["monthShortFormat"], !format.isEmpty { numbers.monthShortFormat = format }
        if let point = words["decimalSeparator"], !point.isEmpty { numbers.decimalSeparator = point }
        if let group = words["groupSeparator"] { numbers.groupSeparator = group }
        if words["space"] == "" { numbers.percentSpace = "" }
        if let format = words["moneyFormat"], format.contains("{symbol}"), format.contains("{number}") { numbers.moneyFormat = format }
        return numbers
    }

    /// A comma-separated item without the spaces around it.
    private static func trimmed(_ item: Substring) -> String {
        let blank = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = item.unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        return String(scalars[first...last])
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
