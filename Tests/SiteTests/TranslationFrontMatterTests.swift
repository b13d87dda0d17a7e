import Testing
@testable import Site

/// A translation keeps its original's front-matter keys (README, Languages): one it drops is an error at the
/// translation's front matter, naming the key and the original's text.
@Suite struct TranslationFrontMatterTests {
    @Test func aTranslationWithoutTheOriginalsQuestionIsAnError() {
        let problems = diagnostics(of: twoLanguageSite(
            english: "---\ntitle: Intro\nquestion: How dirty is the water?\ntakeaway: Very.\n---\nEnglish text.\n",
            translated: "---\ntitle: 導論\ntakeaway: 很髒。\n---\n中文內容。\n"))
        #expect(problems == [Diagnostic(
            file: "content/zh-hant/01-intro.md", line: 1, column: 1,
            message: "front-matter key 'question' of content/01-intro.md missing from the translation: the translated page would show none",
            hint: "add 'question: …' to the translation's front matter, in its language (the original's: How dirty is the water?)")])
    }

    @Test func aTranslationWithTheSameKeysOrMorePasses() {
        #expect(diagnostics(of: twoLanguageSite(
            english: "---\ntitle: Intro\nquestion: How dirty?\nextra: {icon: drop}\n---\nEnglish text.\n",
            translated: "---\ntitle: 導論\nquestion: 多髒？\nsummary: 摘要。\nextra: {icon: drop}\n---\n中文內容。\n")).isEmpty)
        let problems = diagnostics(of: twoLanguageSite(
            english: "---\ntitle: Intro\nextra: {icon: drop}\n---\nEnglish text.\n"))
        #expect(problems.map(\.message) == ["front-matter key 'extra.icon' of content/01-intro.md missing from the translation: "
            + "the translated page would show none"])
    }
}
