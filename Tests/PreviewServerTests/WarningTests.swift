import Foundation
import PreviewServer
import Site
import Testing

private let fence = Diagnostic(file: "content/01-a.md", line: 9, column: 1,
                               message: "the fence ```careful is never closed: <everything> after it & more",
                               hint: "close it with a line ```", severity: .warning)
private let author = Diagnostic(file: "content/site.yml", line: 4, column: 9, message: "'author' is still the starter's 'Your name'",
                                severity: .warning)

@Suite struct WarningPanels {
    @Test func thePanelEscapesEverythingAnAuthorWroteAndHasAButtonToHideIt() {
        let html = WarningPanel([fence, author]).html
        #expect(html.hasPrefix("<div id=\"explainer-warnings\" role=\"status\" lang=\"en\" data-key=\""))
        #expect(html.contains("2 warnings: the site builds, but check these before you publish."))
        #expect(html.contains("content/01-a.md:9:1: the fence ```careful is never closed: &lt;everything&gt; after it &amp; more"))
        #expect(html.contains("hint: close it with a line ```"))
        #expect(html.contains("content/site.yml:4:9: &#39;author&#39; is still the starter&#39;s &#39;Your name&#39;"))
        #expect(html.contains("<button type=\"button\" data-explainer-dismiss aria-label=\"Hide until the warnings change\""))
        #expect(!html.contains("<everything>"))
        #expect(WarningPanel([author]).html.contains("1 warning: the site builds, but check this before you publish."))
    }

    @Test func thePanelLooksUnlikeTheErrorOverlay() {
        let warnings = WarningPanel([fence]).html, errors = ErrorOverlay([fence]).html
        #expect(warnings.contains("role=\"status\"") && errors.contains("role=\"alert\""))
        #expect(warnings.contains("border-top:4px solid #f5b83d") && errors.contains("border-top:4px solid #e5484d"))
        #expect(!warnings.contains("#2b0b0b") && !warnings.contains("#e5484d"))
        #expect(!errors.contains("data-explainer-dismiss"))
    }

    @Test func theKeyNamesTheSetOfWarnings() {
        let key = WarningPanel([fence, author]).key
        #expect(key.count == 16 && key.allSatisfy(\.isHexDigit))
        #expect(WarningPanel([fence, author], words: [.english]).key == key)
        #expect(WarningPanel([fence]).key != key)
        var moved = fence
        moved.line = 10
        #expect(WarningPanel([moved, author]).key != key)
        #expect(WarningPanel([]).key == "" && WarningPanel([]).html == "")
    }

    @Test func thePanelSpeaksEachPagesLanguage() {
        let words = interfaceWords(SourceTree(config: SourceFile(path: "content/site.yml",
                                                                 text: "title: T\nlanguages:\n  - code: en\n  - code: zh-Hant\n    path: zh-hant\n")))
        let text = LiveEvent.warnings(WarningPanel([fence, author], words: words)).serverSentText
        #expect(text.contains("\"languages\":{\"zh-Hant\":\"<div id=\\\"explainer-warnings\\\" role=\\\"status\\\" lang=\\\"zh-Hant\\\""))
        #expect(text.contains("有2個警告") && text.contains("2 warnings"))
    }

    @Test func theWarningEventIsOneDataLineWithTheKeyAndTheLines() {
        let panel = WarningPanel([fence])
        let lines = LiveEvent.warnings(panel).serverSentText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[0] == "event: warnings" && lines[2] == "" && lines[3] == "")
        #expect(lines[1].hasPrefix("data: {\"html\":\"<div id=\\\"explainer-warnings\\\""))
        #expect(lines[1].hasSuffix(",\"key\":\"\(panel.key)\",\"lines\":[\"content/01-a.md:9:1: the fence ```careful is never closed: "
            + "<everything> after it & more\"]}"))
        #expect(LiveEvent.warnings(WarningPanel([])).serverSentText == "event: warnings\ndata: {\"html\":\"\",\"languages\":{},\"key\":\"\",\"lines\":[]}\n\n")
    }
}

@Suite struct WarningsOnOpenPages {
    private func site(_ page: String, warnings: [Diagnostic]) -> OutputTree {
        var tree = OutputTree(files: ["index.html": Array("<body>\(page)</body>".utf8)])
        tree.warnings = warnings
        return tree
    }

    @Test func aBuildsWarningsGoToOpenPagesAndToEveryPageThatConnectsButNotIntoThePages() async throws {
        let state = PreviewState()
        var open = await state.subscribe().makeAsyncIterator()
        #expect(await open.next() == .hello(generation: 0))
        await state.publish(site("home", warnings: [fence]))
        #expect(await open.next() == .reload(generation: 1))
        #expect(await open.next() == .warnings(WarningPanel([fence])))
        var later = await state.subscribe().makeAsyncIterator()
        #expect(await later.next() == .hello(generation: 1))
        #expect(await later.next() == .warnings(WarningPanel([fence])))
        // The served page is the build's: the panel comes only through the event stream.
        #expect(String(buffer: try #require(state.site.files["index.html"]).body) == "<body>home</body>")
    }

    @Test func theSameWarningsAgainAreNotSentAgainAndNoneRemoveThePanel() async {
        let state = PreviewState()
        await state.publish(site("home", warnings: [fence]))
        var events = await state.subscribe().makeAsyncIterator()
        _ = await events.next()
        _ = await events.next()
        await state.publish(site("edited", warnings: [fence]))
        #expect(await events.next() == .reload(generation: 2))
        await state.publish(site("fixed", warnings: []))
        #expect(await events.next() == .reload(generation: 3))
        #expect(await events.next() == .warnings(WarningPanel([])))
        #expect(await state.warnings.diagnostics.isEmpty)
        var later = await state.subscribe().makeAsyncIterator()
        #expect(await later.next() == .hello(generation: 3))
        await state.heartbeat()
        #expect(await later.next() == .heartbeat)  // no warnings for a page that connects now
    }

    @Test func aFailedBuildShowsOnlyItsErrorsAndTheNextGoodBuildsPagesGetTheWarningsAgain() async {
        let state = PreviewState()
        await state.publish(site("home", warnings: [fence]))
        let failure = BuildFailure([Diagnostic(file: "content/01-a.md", line: 2, column: 1, message: "broken")])
        await state.fail(failure)
        var during = await state.subscribe().makeAsyncIterator()
        #expect(await during.next() == .hello(generation: 1))
        #expect(await during.next() == .errors(ErrorOverlay(failure.diagnostics)))
        await state.publish(site("home", warnings: [fence]))
        #expect(await during.next() == .reload(generation: 2))
        var after = await state.subscribe().makeAsyncIterator()  // the reloaded page
        #expect(await after.next() == .hello(generation: 2))
        #expect(await after.next() == .warnings(WarningPanel([fence])))
    }

    @Test func pagesShownBeforeTheirIndexGetTheLastWarningsThenTheBuildsWithTheIndex() async {
        let state = PreviewState()
        await state.publish(site("home", warnings: [author]))
        await state.publishPages(site("edited", warnings: []))  // laid out before the build knew its warnings
        var reloaded = await state.subscribe().makeAsyncIterator()
        #expect(await reloaded.next() == .hello(generation: 2))
        #expect(await reloaded.next() == .warnings(WarningPanel([author])))
        var whole = site("edited", warnings: [fence])
        whole["search/en/words.js"] = Array("index".utf8)
        #expect(await state.publish(whole) == nil)
        #expect(await reloaded.next() == .warnings(WarningPanel([fence])))
    }

    @Test func thePanelSpeaksTheWordsOfTheLastWarningsUntilNewOnesCome() async {
        let zh = interfaceWords(SourceTree(config: SourceFile(path: "content/site.yml", text: "title: T\nlanguage: zh-Hant\n")))
        let state = PreviewState()
        await state.publish(site("home", warnings: [fence]), words: zh)
        await state.publish(site("a stylesheet swapped", warnings: [fence]))
        #expect(await state.warnings == WarningPanel([fence], words: zh))
        #expect(await state.warnings.html.contains("有1個警告"))
    }

    @Test func thePublishedSiteHasNoTraceOfThePanel() throws {
        var source = miniSource()
        source.chapters[1] = SourceFile(path: "content/02-more.md", text: "---\ntitle: More\n---\nMore text.\n\n```careful\nNever closed.\n")
        let output = try build(source)
        #expect(output.warnings.map(\.message).contains { $0.hasPrefix("the fence ```careful is never closed") })
        for (path, bytes) in output.files {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("explainer-warnings"), "\(path)")
        }
    }
}
