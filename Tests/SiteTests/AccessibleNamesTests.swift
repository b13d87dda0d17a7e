import Foundation
import Testing
@testable import Site

/// What a screen reader hears on this site's pages, as built, beyond what the browser checks measure.
@Suite struct AccessibleNamesTests {
    /// The scenario switches were named "Base", "Benign", "Severe" alone, as in every other figure of the page (the
    /// visible "Scenario:" beside them is hidden from screen readers): each is named with its figure and what it
    /// chooses, and still contains the visible word.
    @Test func aScenarioSwitchIsNamedWithItsFigureAndWhatItChooses() throws {
        let english = try #require(text(repositoryOutput, "endgame-a/index.html"))
        #expect(english.contains("id=\"10-lease-bond-loss-s2\" checked aria-label=\"Figure 10.2. Scenario: Base\">"))
        #expect(!english.contains("aria-label=\"Base\""))
        let chinese = try #require(text(repositoryOutput, "zh-hant/four-steps/index.html"))
        // A Chinese scenario's name says 情境 already: 「圖5.2 基準情境」, not 「圖5.2 情境：基準情境」.
        #expect(chinese.contains("aria-label=\"圖5.2 基準情境\""))
        // Overlaid figures choose which scenario to highlight.
        let overlay = try #require(text(repositoryOutput, "tranches-correlation/index.html"))
        #expect(overlay.contains("aria-label=\"Figure 6.2. Highlight: Stressed\""))
    }

    /// An English title on a Chinese page was read with the Chinese voice (WCAG 3.1.2): a source's title is marked with
    /// its own language where that is not the page's; the site's default language stands for a source without one.
    @Test func aSourcesTitleCarriesItsLanguageOnAPageInAnother() throws {
        let chinese = try #require(text(repositoryOutput, "zh-hant/sources/index.html"))
        #expect(chinese.contains("\u{201C}<span lang=\"en\">The Simple Macroeconomics of AI</span>\u{201D}"))
        let english = try #require(text(repositoryOutput, "sources/index.html"))
        #expect(!english.contains("<span lang=\"en\">"))
        // A source in a language of its own: marked on every page, whatever the page's language.
        var repost = SourceEntry(key: "repost", organisation: "NetEase", title: "人工智能的崩盘将如何发生")
        repost.language = "zh-Hans"
        let words = Translations(code: "en", file: "en.yml", strings: [:])
        for page in ["en", "zh-Hant"] {
            #expect(repost.html(entries: [:], words: words, languages: (page, "en")).contains("<span lang=\"zh-Hans\">人工智能"))
            #expect(repost.shortReference(words: words, languages: (page, "en")).contains("<span lang=\"zh-Hans\">人工智能"))
        }
        #expect(!repost.html(entries: [:], words: words, languages: ("zh-Hans", "en")).contains("lang="))
        // Short references (the numbers page's sources) too.
        let numbers = try #require(text(repositoryOutput, "zh-hant/numbers/index.html"))
        #expect(numbers.contains("\u{201C}<span lang=\"en\">"))
    }
}
