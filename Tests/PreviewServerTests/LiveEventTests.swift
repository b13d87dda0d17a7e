import Hummingbird
import PreviewServer
import Site
import Testing

@Suite struct ServerSentEvents {
    @Test func reloadAndHelloCarryTheGeneration() {
        #expect(LiveEvent.reload(generation: 3).serverSentText == "event: reload\ndata: {\"generation\":3}\n\n")
        #expect(LiveEvent.hello(generation: 0).serverSentText == "event: hello\ndata: {\"generation\":0}\n\n")
    }

    @Test func stylesheetEventsListThePaths() {
        #expect(LiveEvent.stylesheets(["assets/site.css"], generation: 7).serverSentText
            == "event: css\ndata: {\"generation\":7,\"paths\":[\"assets/site.css\"]}\n\n")
    }

    @Test func heartbeatsAreComments() {
        #expect(LiveEvent.heartbeat.serverSentText == ": heartbeat\n\n")
    }

    @Test func errorEventsAreOneDataLineEvenWithNewlinesAndQuotes() {
        let overlay = ErrorOverlay([Diagnostic(file: "content/01-a.md", line: 3, column: 7,
                                               message: "unknown model \"x\"\nsecond line", hint: "use <y>")])
        let text = LiveEvent.errors(overlay).serverSentText
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[0] == "event: errors")
        #expect(lines[1].hasPrefix("data: {\"html\":\"<div id=\\\"explainer-error-overlay\\\""))
        #expect(lines[1].hasSuffix(",\"lines\":[\"content/01-a.md:3:7: unknown model \\\"x\\\"\\nsecond line\"]}"))
        #expect(lines[2] == "" && lines[3] == "")
    }
}

@Suite struct ErrorOverlays {
    private let diagnostics = [
        Diagnostic(file: "content/05-four-steps.md", line: 12, column: 3, message: "unknown chart model 'tranche'",
                   hint: "did you mean 'tranching'?"),
        Diagnostic(file: "content/06-x.md", line: 1, column: 1, message: "<script>alert(1)</script> & more"),
    ]

    @Test func linesAreFileLineColumnAndMessage() {
        #expect(ErrorOverlay(diagnostics).lines == [
            "content/05-four-steps.md:12:3: unknown chart model 'tranche'",
            "content/06-x.md:1:1: <script>alert(1)</script> & more",
        ])
    }

    @Test func theOverlayEscapesEverythingAnAuthorWrote() {
        let html = ErrorOverlay(diagnostics).html
        #expect(html.hasPrefix("<div id=\"explainer-error-overlay\" role=\"alert\""))
        #expect(html.contains("2 errors"))
        #expect(html.contains("content/05-four-steps.md:12:3: unknown chart model &#39;tranche&#39;"))
        #expect(html.contains("hint: did you mean &#39;tranching&#39;?"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(!html.contains("<script>"))
    }
}

@Suite struct OverlayLanguages {
    private let diagnostics = [Diagnostic(file: "content/zh-hant/01-a.md", line: 2, column: 1, message: "broken", hint: "fix it")]
    private var words: [Translations] {
        interfaceWords(SourceTree(config: SourceFile(path: "content/site.yml",
                                                     text: "title: T\nlanguages:\n  - code: en\n  - code: zh-Hant\n    path: zh-hant\n")))
    }

    @Test func theOverlaySpeaksThePagesLanguage() async throws {
        let state = PreviewState()
        await state.publish(OutputTree(files: ["index.html": Array("<html lang=\"en\"><body>home</body></html>".utf8),
                                               "zh-hant/index.html": Array("<html lang=\"zh-Hant\"><body>首頁</body></html>".utf8)]))
        await state.fail(BuildFailure(diagnostics), words: words)
        let english = String(buffer: try #require(state.site.files["index.html"]).body)
        let chinese = String(buffer: try #require(state.site.files["zh-hant/index.html"]).body)
        #expect(english.contains("The build failed with 1 error.") && english.contains("hint: fix it"))
        #expect(chinese.contains("建置失敗，有1個錯誤。") && chinese.contains("提示：fix it"))
        #expect(!chinese.contains("The build failed") && !chinese.contains("hint:"))
        #expect(chinese.contains("content/zh-hant/01-a.md:2:1: broken"))
    }

    @Test func theErrorEventCarriesTheOverlayInEveryLanguage() {
        let text = LiveEvent.errors(ErrorOverlay(diagnostics, words: words)).serverSentText
        #expect(text.contains("\"languages\":{\"zh-Hant\":\"<div id=\\\"explainer-error-overlay\\\" role=\\\"alert\\\" lang=\\\"zh-Hant\\\""))
        #expect(text.contains("建置失敗，有1個錯誤"))
    }

    @Test func aSiteWhoseTranslationsDoNotParseStillGetsWords() {
        var source = SourceTree(config: SourceFile(path: "content/site.yml",
                                                   text: "title: T\nlanguages:\n  - code: en\n  - code: zh-Hant-TW\n    path: zh\n"))
        source.translations = [SourceFile(path: "templates/i18n/zh-Hant.yml", text: "previewHint: [broken\n")]
        let words = interfaceWords(source)
        #expect(words.map(\.code) == ["en", "zh-Hant-TW"])
        #expect(words[1]["previewFailedOne"] == "建置失敗，有1個錯誤。修正並存檔後，本頁會自動更新。")
    }

    @Test func withoutAnyGoodBuildThePlaceholderSpeaksTheDefaultLanguage() throws {
        let zhFirst = interfaceWords(SourceTree(config: SourceFile(path: "content/site.yml", text: "title: T\nlanguage: zh-Hant\n")))
        let site = ServedSite.placeholder(overlay: ErrorOverlay(diagnostics, words: zhFirst), script: "")
        let page = String(buffer: try #require(site.files["404.html"]).body)
        #expect(page.contains("<html lang=\"zh-Hant\">") && page.contains("尚未有成功的建置"))
    }
}

@Suite struct ServerState {
    private let site = OutputTree(files: ["index.html": Array("<body>home</body>".utf8), "assets/site.css": Array("a{}".utf8)])
    private let failure = BuildFailure([Diagnostic(file: "content/01-a.md", line: 2, column: 1, message: "broken")])

    @Test func aNewStreamStartsWithHelloAndGetsLaterEvents() async {
        let state = PreviewState()
        await state.publish(site)
        var events = await state.subscribe().makeAsyncIterator()
        #expect(await events.next() == .hello(generation: 1))
        var changed = site
        changed["index.html"] = Array("<body>new</body>".utf8)
        await state.publish(changed)
        #expect(await events.next() == .reload(generation: 2))
    }

    @Test func aFailedBuildKeepsTheLastGoodSiteWithTheOverlay() async throws {
        let state = PreviewState()
        await state.publish(site)
        await state.fail(failure)
        #expect(await state.tree == site)
        let page = try #require(state.site.files["index.html"])
        let text = String(buffer: page.body)
        #expect(text.contains("home"))
        #expect(text.contains("content/01-a.md:2:1: broken"))
        #expect(text.hasSuffix("</div></body>"))
        // Stylesheets stay as they were.
        #expect(String(buffer: try #require(state.site.files["assets/site.css"]).body) == "a{}")
    }

    @Test func aStreamOpenedDuringErrorsGetsThemAtOnce() async {
        let state = PreviewState()
        await state.publish(site)
        await state.fail(failure)
        var events = await state.subscribe().makeAsyncIterator()
        #expect(await events.next() == .hello(generation: 1))
        #expect(await events.next() == .errors(ErrorOverlay(failure.diagnostics)))
    }

    @Test func theNextGoodBuildRemovesTheOverlayAndReloadsEvenIfNothingElseChanged() async throws {
        let state = PreviewState()
        await state.publish(site)
        await state.fail(failure)
        var events = await state.subscribe().makeAsyncIterator()
        _ = await events.next()
        _ = await events.next()
        await state.publish(site)
        #expect(await events.next() == .reload(generation: 2))
        #expect(await state.overlay == nil)
        let page = String(buffer: try #require(state.site.files["index.html"]).body)
        #expect(page == "<body>home</body>")
    }

    /// A build's pages and then the same build with its search index (`search/en/words.js` here).
    private func pagesAndIndex(_ page: String, index: String) -> (pages: OutputTree, whole: OutputTree) {
        var pages = site
        pages["index.html"] = Array("<body>\(page)</body>".utf8)
        var whole = pages
        whole["search/en/words.js"] = Array(index.utf8)
        return (pages, whole)
    }

    @Test func pagesShownBeforeTheirIndexReloadOnceAndTheIndexFollowsQuietly() async throws {
        let state = PreviewState()
        let first = pagesAndIndex("home", index: "first index")
        await state.publishPages(first.pages)
        #expect(await state.publish(first.whole) == nil)
        #expect(await state.tree == first.whole)
        var events = await state.subscribe().makeAsyncIterator()
        #expect(await events.next() == .hello(generation: 1))

        let second = pagesAndIndex("edited", index: "second index")
        #expect(await state.publishPages(second.pages) == .reload(generation: 2))
        #expect(await events.next() == .reload(generation: 2))
        // Meanwhile the search box still finds its index: the last one.
        #expect(String(buffer: try #require(state.site.files["search/en/words.js"]).body) == "first index")
        #expect(String(buffer: try #require(state.site.files["index.html"]).body) == "<body>edited</body>")

        #expect(await state.publish(second.whole) == nil)
        #expect(await state.tree == second.whole)
        #expect(String(buffer: try #require(state.site.files["search/en/words.js"]).body) == "second index")
        await state.heartbeat()
        #expect(await events.next() == .heartbeat)  // no second reload came before it
    }

    @Test func anIndexThatFailsAfterItsPagesWereShownShowsTheErrors() async throws {
        let state = PreviewState()
        let first = pagesAndIndex("home", index: "first index")
        await state.publishPages(first.pages)
        await state.publish(first.whole)
        await state.publishPages(pagesAndIndex("edited", index: "").pages)
        await state.fail(failure)  // say, an internal string in the new index
        #expect(String(buffer: try #require(state.site.files["index.html"]).body).contains("content/01-a.md:2:1: broken"))
        // The next build is published as any other: it reloads the pages, which lose the overlay.
        let third = pagesAndIndex("fixed", index: "third index")
        #expect(await state.publish(third.whole) == .reload(generation: 3))
        #expect(await state.overlay == nil && state.site.files["index.html"].map { String(buffer: $0.body) } == "<body>fixed</body>")
    }

    @Test func withoutAnyGoodBuildEveryRequestGetsTheErrorsAndTheScript() async throws {
        let state = PreviewState()
        await state.fail(failure)
        let site = state.site
        let response = site.response(to: "/", method: .get)
        #expect(response.status == .notFound)
        let page = String(buffer: try #require(site.files["404.html"]).body)
        #expect(page.contains("content/01-a.md:2:1: broken"))
        #expect(page.contains(LiveReload.scriptTag))
    }

    @Test func closingEndsEveryStream() async {
        let state = PreviewState()
        var events = await state.subscribe().makeAsyncIterator()
        #expect(await events.next() == .hello(generation: 0))
        #expect(await state.subscriberCount == 1)
        await state.closeAll()
        #expect(await events.next() == nil)
        #expect(await state.subscriberCount == 0)

        var late = await state.subscribe().makeAsyncIterator()  // a page connecting while the server stops
        #expect(await late.next() == nil)
        #expect(await state.subscriberCount == 0)
    }
}
