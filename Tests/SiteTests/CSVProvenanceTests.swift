import Testing
@testable import Site

/// A chapter with one chart block of `lines`.
private func chapter(_ title: String, chart lines: [String]) -> String {
    "---\ntitle: \(title)\n---\nText.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

/// The `# ` lines a CSV download starts with, without their `# `.
private func header(_ csv: String) -> [String] {
    csv.split(separator: "\n").prefix { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
}

/// The `# ` lines of a figure's CSV download in a translation: said in the translation's words where the translated
/// chapter gives them, the data file's own lines (written once, in the default language) kept and labelled as such.
@Suite struct CSVProvenance {
    let data = SourceFile(path: "content/data/survey.csv",
                          text: "# Households surveyed by the Example Institute, per cent.\n# Source: Example Institute, \"Saving in 2024\".\nyear,share\n2022,10\n2023,12\n2024,15\n")
    var english: String {
        chapter("Intro", chart: ["id: saving", "title: Who saves", "caption: \"Saving rose. Source: Example Institute.\"",
                                 "data: survey.csv", "kind: line"])
    }
    var chinese: String {
        chapter("導論", chart: ["id: saving", "title: 誰在儲蓄", "caption: 儲蓄增加了。資料來源：Example研究所。", "data: survey.csv",
                              "kind: line", "first-column: 年份", "labels: {share: 比重}"])
    }

    @Test func aTranslationsCSVNamesTitleSourceAndCaptionInItsLanguageAndLabelsTheDataFilesEnglishNotes() throws {
        let output = try build(twoLanguageSite(english: english, translated: chinese, more: [data]))
        let csv = try #require(text(output, "zh-hant/data/saving.csv"))
        #expect(header(csv) == ["「誰在儲蓄」", "資料來源：Example研究所。", "儲蓄增加了。",
                                "資料檔本身的說明（英文原文）：", "Households surveyed by the Example Institute, per cent.",
                                "Source: Example Institute, \"Saving in 2024\"."])
    }

    /// The data file's own source line stays where the writer put it, and the caption's shorter source sentence is
    /// not repeated after the caption.
    @Test func theDefaultLanguagesCSVKeepsTheDataFilesNotesWhereTheyWere() throws {
        let output = try build(twoLanguageSite(english: english, translated: chinese, more: [data]))
        let csv = try #require(text(output, "data/saving.csv"))
        #expect(header(csv) == ["\u{201C}Who saves\u{201D}", "Households surveyed by the Example Institute, per cent.",
                                "Source: Example Institute, \"Saving in 2024\".", "Saving rose."])
    }

    @Test func aCaptionsSourceSentenceStaysWhenTheDataFileNamesNoSource() throws {
        let data = SourceFile(path: "content/data/survey.csv", text: "# Households surveyed, per cent.\nyear,share\n2022,10\n2023,12\n")
        let output = try build(miniSite(chapter: english, data: [data]))
        let csv = try #require(text(output, "data/saving.csv"))
        #expect(header(csv) == ["\u{201C}Who saves\u{201D}", "Households surveyed, per cent.", "Saving rose. Source: Example Institute."])
    }

    @Test func aCaptionsSourceSentenceBecomesTheSourceLineAndIsNotRepeatedAfterTheCaption() throws {
        let data = SourceFile(path: "content/data/survey.csv", text: "year,share\n2022,10\n2023,12\n")
        let chart = chapter("Intro", chart: ["id: saving", "title: Who saves", "data: survey.csv", "kind: line",
                                             "caption: \"Saving rose. Sources: Example Institute; a survey.\""])
        let output = try build(miniSite(chapter: chart, data: [data]))
        let csv = try #require(text(output, "data/saving.csv"))
        #expect(header(csv).prefix(3) == ["\u{201C}Who saves\u{201D}", "Sources: Example Institute; a survey.", "Saving rose."])
    }

    @Test func aCaptionThatIsOnlyASourceSentenceGivesNoEmptyCaptionLine() throws {
        let data = SourceFile(path: "content/data/survey.csv", text: "year,share\n2022,10\n2023,12\n")
        let chart = chapter("導論", chart: ["id: saving", "title: 誰在儲蓄", "data: survey.csv", "kind: line",
                                          "caption: 資料來源：Example研究所。"])
        let output = try build(miniSite(chapter: chart, config: "title: 測試\nlanguage: zh-Hant\n", data: [data]))
        let csv = try #require(text(output, "data/saving.csv"))
        #expect(header(csv).prefix(2) == ["「誰在儲蓄」", "資料來源：Example研究所。"])
        #expect(!header(csv).contains(""))
    }

    @Test func aTranslatedCaptionWithoutASourceSentenceLeavesTheSourceToTheDataFilesNotes() throws {
        let quiet = chinese.replacingOccurrences(of: "儲蓄增加了。資料來源：Example研究所。", with: "儲蓄增加了。")
        let output = try build(twoLanguageSite(english: english, translated: quiet, more: [data]))
        let lines = header(try #require(text(output, "zh-hant/data/saving.csv")))
        #expect(lines.prefix(3) == ["「誰在儲蓄」", "儲蓄增加了。", "資料檔本身的說明（英文原文）："])
        #expect(!lines.contains { $0.contains("見下方圖說") })
    }

    @Test func aChineseModelFiguresFadedScenariosAreNamedWithAFullWidthColon() throws {
        let lines = ["id: loss", "title: 損失", "caption: 說明。", "model: fireSale", "series: [price.ai-equities, price.dc-debt-senior]",
                     "labels: {price.ai-equities: AI股, price.dc-debt-senior: 優先級債務, base: 基準, no-rating-triggers: 無觸發}",
                     "scenarios: [base, no-rating-triggers]", "overlay: true"]
        let output = try build(miniSite(chapter: chapter("圖", chart: lines), config: "title: 測試\nlanguage: zh-Hant\n"))
        let csv = try #require(text(output, "data/loss.csv"))
        // Under the value axis's title, as every overlay's columns are (review 15).
        #expect(csv.contains("：無觸發：AI股,") && csv.contains("：無觸發：優先級債務\n"))
        #expect(!csv.contains("無觸發: "))
    }

    /// Review 13: an overlaid figure's CSV holds every scenario's columns but named only the first scenario's settings
    /// ("Scenario: Base. Settings: correlation: 0.3" above Calm, Base and Stressed columns).
    @Test func anOverlaidFiguresCSVGivesEveryScenariosSettings() throws {
        let lines = ["id: loss", "title: Loss", "caption: \"C. Illustrative model, not a forecast.\"", "model: tranching",
                     "series: [lhp.exceedance]", "x: {label: Pool loss, format: fraction, max: 0.6}",
                     "y: {label: Chance, format: fraction}", "overlay: true",
                     "scenarios:", "  calm: {rho: 0.1}", "  base: {rho: 0.3}"]
        let output = try build(miniSite(chapter: chapter("Chapter", chart: lines)))
        let csv = try #require(text(output, "data/loss.csv"))
        let comments = csv.split(separator: "\n").filter { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        #expect(comments.contains("Illustrative model, not data."), "\(comments)")
        #expect(comments.contains { $0.hasPrefix("Scenario: Calm. Settings: ") && $0.contains("0.1") }, "\(comments)")
        #expect(comments.contains { $0.hasPrefix("Scenario: Base. Settings: ") && $0.contains("0.3") }, "\(comments)")
    }
}
