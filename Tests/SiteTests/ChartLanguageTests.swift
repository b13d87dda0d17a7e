import Charts
import Simulation
import Testing
@testable import Site

/// Chart words in the page's language: the parameters of the settings line, the charts' numbers and words on the
/// zh-Hant pages of this site.
@Suite struct ChartLanguageTests {
    private let zh = Translations.builtIn("zh-Hant")!
    private var chinese: ChartLanguage { ChartLanguage(numbers: ChartLanguage.numbers(for: zh.code), words: zh.strings) }

    /// Two or more ASCII letters in a row: an English word (single letters such as "A級" are class names).
    /// Words in Latin letters, except abbreviations in capitals (AI), which Chinese writes in Latin letters too.
    private func englishWords(_ text: String) -> [String] {
        text.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count > 1 && $0 != $0.uppercased() }
    }

    @Test func everyModelParameterHasWordsInEveryBuiltInLanguage() throws {
        let en = try #require(Translations.builtIn("en"))
        for (model, parameters) in ParameterWords.table {
            for (name, (english, _)) in parameters {
                #expect(en.strings["param.\(model).\(name)"] == english, "param.\(model).\(name)")
                let words = try #require(zh.strings["param.\(model).\(name)"], "param.\(model).\(name)")
                #expect(englishWords(words).isEmpty, "param.\(model).\(name): \(words)")
            }
        }
    }

    @Test func everyChartWordIsInTheEnglishFileAsTheChartsUseIt() throws {
        let en = try #require(Translations.builtIn("en"))
        for key in ChartLanguage.keys {
            #expect(en.strings[key] == ChartLanguage.english.words[key], "\(key)")
            #expect(zh.strings[key] != nil, "\(key)")
        }
    }

    @Test func aChineseSettingsLineHasNoEnglishWords() throws {
        let entry = try ModelRegistry.standard.model(named: "leaseSPV")
        let params = [Scenario.Override("debt0", .number(27.3)), Scenario.Override("coupon", .number(0.0658)),
                      Scenario.Override("renewProb", .number(0.9)), Scenario.Override("rvgYears", .integer(5))]
        let line = try #require(ParameterLine(entry: entry, language: chinese)
            .lines(for: [.init(name: "base", overrides: [])], blockParams: params).first)
        #expect(englishWords(line).isEmpty, "\(line)")
        for piece in ["債券：273億美元", "債券利率：每年6.58%", "每年續約的機率：90%", "保證的年數：5年"] {
            #expect(line.contains(piece), "\(piece) in \(line)")
        }
        #expect(!line.contains("; ") && line.contains("；"))
    }

    @Test func aSettingsLineSeparatesEachNameFromItsValue() throws {
        let entry = try ModelRegistry.standard.model(named: "tranching")
        let line = ParameterLine(entry: entry).lines(for: [.init(name: "base", overrides: [])],
                                                     blockParams: [Scenario.Override("rho", .number(0.6))]).first
        #expect(line == "correlation: 0.6")
        let chineseLine = ParameterLine(entry: entry, language: chinese).lines(for: [.init(name: "base", overrides: [])],
                                                                           blockParams: [Scenario.Override("rho", .number(0.6))]).first
        #expect(chineseLine == "相關性：0.6")
    }

    /// Fig 9.3 is calibrated from a 25.1 % starting weight but draws the 43 % weight it grows to: the settings line
    /// prints the weight the chart uses (review 10 S2).
    @Test func aStartingWeightIsPrintedAsTheWeightTheChartUses() throws {
        let entry = try ModelRegistry.standard.model(named: "concentration")
        let params = [Scenario.Override("w0", .number(0.2513))]
        let english = ParameterLine(entry: entry).lines(for: [.init(name: "base", overrides: [])], blockParams: params)
        #expect(english == ["AI stocks’ weight in the index before the fall: 43\u{202F}%"])
        let chineseLine = ParameterLine(entry: entry, language: chinese).lines(for: [.init(name: "base", overrides: [])],
                                                                           blockParams: params)
        #expect(chineseLine == ["下跌前AI股在指數中的權重：43%"])
    }

    @Test func aMultipleOfZeroSaysNone() throws {
        let entry = try ModelRegistry.standard.model(named: "concentration")
        let scenarios: [FigureRequest.ScenarioRequest] = [.init(name: "none", overrides: [Scenario.Override("spill", .number(0))]),
                                                          .init(name: "some", overrides: [Scenario.Override("spill", .number(0.3))])]
        let english = ParameterLine(entry: entry).lines(for: scenarios, blockParams: [])
        #expect(english == ["other stocks’ fall, as a multiple of the AI stocks’ fall: none (0×)",
                            "other stocks’ fall, as a multiple of the AI stocks’ fall: 0.3×"])
        let chineseLines = ParameterLine(entry: entry, language: chinese).lines(for: scenarios, blockParams: [])
        #expect(chineseLines == ["其他股票的跌幅，為AI股跌幅的倍數：無（0倍）", "其他股票的跌幅，為AI股跌幅的倍數：0.3倍"])
    }

    @Test func aNamedPathShowsItsValuesInBracketsAfterItsName() throws {
        let entry = try ModelRegistry.standard.model(named: "capexGap")
        let path = ParameterValue.parse("UBS revised: 423, 571, … 1300")
        let line = ParameterLine(entry: entry).lines(for: [.init(name: "base", overrides: [])],
                                                     blockParams: [Scenario.Override("capex", path)]).first
        #expect(line?.replacing("\u{202F}", with: " ") == "capex path: UBS revised ($423 B, $571 B, … $1.3 T)")
        let labelled = ParameterLine(entry: entry, labels: ["UBS revised": "瑞銀上修值"], language: chinese)
            .lines(for: [.init(name: "base", overrides: [])], blockParams: [Scenario.Override("capex", path)]).first
        #expect(labelled == "資本支出路徑：瑞銀上修值（4230億美元、5710億美元、… 1.3兆美元）")
    }

    @Test func theSettingsLinesEnglishGlueIsTheEnglishFilesAndEveryLanguageHasIt() throws {
        let en = try #require(Translations.builtIn("en"))
        for (key, english) in ParameterWords.glue {
            #expect(en.strings[key] == english, "\(key)")
            #expect(zh.strings[key] != nil, "\(key)")
        }
    }
}
