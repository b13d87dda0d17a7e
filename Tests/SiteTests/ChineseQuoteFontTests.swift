import Testing
@testable import Site

/// English quotes and apostrophes inside Chinese text ("Here’s", “The Simple Macroeconomics of AI”) are drawn from a
/// Latin font the reader's device has: CJK fonts draw them full-width ("Here’ s").
@Suite struct ChineseQuoteFontTests {
    @Test func chinesePagesTakeQuotesFromALocalLatinFontFirst() throws {
        let css = try #require(text(repositoryOutput, "assets/site.css"))
        #expect(css.contains(":lang(zh-Hant){font-family:latin-quotes,\"PingFang TC\""))
        let face = try #require(css.range(of: "@font-face{font-family:latin-quotes;"))
        let rule = css[face.lowerBound...].prefix { $0 != "}" }
        #expect(rule.contains("unicode-range:U+2018-2019,U+201C-201D"))
        // Nothing is loaded from anywhere: only fonts already on the device.
        #expect(!rule.contains("url("))
        #expect(rule.contains("local(\"DejaVu Sans\")"))
    }
}
