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
    private func englishWords(_ text: String) -> [String] {
        text.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count > 1 }
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
        for piece in ["債券273億美元", "債券利率每年6.58%", "每年續約的機率90%", "保證的年數5年"] {
            #expect(line.contains(piece), "\(piece) in \(line)")
        }
        #expect(!line.contains("; ") && line.contains("；"))
    }

    @Test func englishSettingsLinesAreUnchanged() throws {
        let entry = try ModelRegistry.standard.model(named: "tranching")
        let line = ParameterLine(entry: entry).lines(for: [.init(name: "base", overrides: [])],
                                                     blockParams: [Scenario.Override("rho", .number(0.6))]).first
        #expect(line == "correlation 0.6")
    }
}
