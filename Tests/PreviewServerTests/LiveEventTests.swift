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
    }
}
