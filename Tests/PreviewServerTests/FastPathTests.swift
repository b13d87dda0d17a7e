import Hummingbird
import PreviewServer
import Site
import Testing

/// The preview build of the small test site behind the preview server's HTTP/1 channel, on a free port.
private func withPreviewServer(_ test: @escaping @Sendable (Int, OutputTree) async throws -> Void) async throws {
    let output = try build(miniSource(), options: BuildOptions(injectedScript: LiveReload.scriptTag))
    let state = PreviewState()
    await state.publish(output)
    try await withLivePreviewServer(state: state) { port in
        try await test(port, output)
    }
}

private func page(_ words: String, _ count: Int) -> [UInt8] {
    Array(("<!DOCTYPE html><title>t</title><p>" + String(repeating: words, count: count) + "</p>\n").utf8)
}

@Suite struct SiteFastPath {
    /// Kept-alive GET and HEAD requests are answered on the event loop; `Connection: close` ones by the router. Both
    /// must give the same status, headers (but the date) and body.
    @Test func keptAliveAnswersAreTheRoutersAnswers() async throws {
        try await withPreviewServer { port, _ in
            let cases: [KeptAliveRequest] = [
                KeptAliveRequest(target: "/"),
                KeptAliveRequest(target: "/intro/"),
                KeptAliveRequest(target: "/intro/", headers: ["Accept-Encoding": "gzip, br"]),
                KeptAliveRequest(target: "/intro?x=1"),
                KeptAliveRequest(target: "/nope/"),
                KeptAliveRequest(target: "/nope/", headers: ["Accept-Encoding": "gzip"]),
                KeptAliveRequest(target: "/a/../etc/passwd"),
                KeptAliveRequest(method: "HEAD", target: "/intro/"),
                KeptAliveRequest(method: "HEAD", target: "/intro"),
                KeptAliveRequest(target: "/assets/site.css", headers: ["If-None-Match": "\"nothing\""]),
            ]
            for asked in cases {
                let fast = try await keptAliveExchange(port: port, [asked, KeptAliveRequest(target: "/")])[0]
                let routed = try await request(port: port, asked.target, method: asked.method, headers: asked.headers)
                #expect(fast.status == routed.status, "\(asked.method) \(asked.target)")
                #expect(fast.headers.filter { $0.key != "date" && $0.key != "connection" }
                    == routed.headers.filter { $0.key != "date" && $0.key != "connection" }, "\(asked.method) \(asked.target)")
                #expect(fast.headers["date"]?.hasSuffix(" GMT") == true)
                if asked.method != "HEAD" { #expect(fast.body == routed.body, "\(asked.target)") }
            }
        }
    }

    @Test func aMatchingETagGets304OnAKeptAliveConnection() async throws {
        try await withPreviewServer { port, _ in
            let first = try await keptAliveExchange(port: port, [KeptAliveRequest(target: "/intro/"), KeptAliveRequest(target: "/")])[0]
            let tag = try #require(first.headers["etag"])
            let replies = try await keptAliveExchange(port: port, [
                KeptAliveRequest(target: "/intro/", headers: ["If-None-Match": tag]),
                KeptAliveRequest(method: "HEAD", target: "/intro/", headers: ["If-None-Match": "W/" + tag]),
                KeptAliveRequest(target: "/intro/", headers: ["If-None-Match": tag, "Accept-Encoding": "gzip"]),
                KeptAliveRequest(target: "/"),
            ])
            #expect(replies.map(\.status) == [304, 304, 200, 200])
            #expect(replies[0].headers["etag"] == tag && replies[0].headers["content-length"] == nil)
            #expect(replies[2].headers["content-encoding"] == "gzip")
        }
    }

    /// Once a request goes to the router, the rest of the connection does too, so the answers keep the order asked.
    @Test func pipelinedAnswersKeepTheirOrderAcrossTheHandOverToTheRouter() async throws {
        try await withPreviewServer { port, output in
            let replies = try await keptAliveExchange(port: port, [
                KeptAliveRequest(target: "/intro/"),
                KeptAliveRequest(method: "HEAD", target: "/"),
                KeptAliveRequest(method: "POST", target: "/"),
                KeptAliveRequest(target: "/more/"),
                KeptAliveRequest(target: "/assets/site.css"),
            ])
            #expect(replies.map(\.status) == [200, 200, 405, 200, 200])
            #expect(Array(replies[0].body.utf8) == output["intro/index.html"])
            #expect(Array(replies[3].body.utf8) == output["more/index.html"])
            #expect(Array(replies[4].body.utf8) == output["assets/site.css"])
        }
    }

    /// Bodies past `BodyStore`'s threshold go out with sendfile from the build's shared-memory file: the same bytes
    /// as the router sends, pipelined among small answers, and again after a rebuild replaced the store.
    @Test func largeBodiesSentFromTheStoreAreTheBuiltBytes() async throws {
        let first = OutputTree(files: ["index.html": page("small ", 10), "big/index.html": page("Tranches and bonds. ", 8_000),
                                       "og.png": page("\u{1}\u{2}", 30_000)])
        let state = PreviewState()
        await state.publish(first)
        try await withLivePreviewServer(state: state) { port in
            let replies = try await keptAliveExchange(port: port, [
                    KeptAliveRequest(target: "/big/"), KeptAliveRequest(target: "/"), KeptAliveRequest(target: "/og.png"),
                KeptAliveRequest(method: "HEAD", target: "/big/"), KeptAliveRequest(target: "/big/"),
            ])
            #expect(replies.map(\.status) == [200, 200, 200, 200, 200])
            #expect(Array(replies[0].body.utf8) == first["big/index.html"])
            #expect(Array(replies[1].body.utf8) == first["index.html"])
            #expect(Array(replies[2].body.utf8) == first["og.png"])
            #expect(replies[3].body.isEmpty && replies[3].headers["content-length"] == String(first["big/index.html"]!.count))
            #expect(Array(replies[4].body.utf8) == first["big/index.html"])
            let routed = try await request(port: port, "/big/")
            #expect(Array(routed.body.utf8) == first["big/index.html"])

            var second = first
            second.files["big/index.html"] = page("Leases and loans. ", 9_000)
            await state.publish(second)
            let after = try await keptAliveExchange(port: port, [KeptAliveRequest(target: "/big/"), KeptAliveRequest(target: "/og.png")])
            #expect(Array(after[0].body.utf8) == second["big/index.html"])
            #expect(Array(after[1].body.utf8) == second["og.png"])
        }
    }

    /// A large answer goes out whole from a copy made once a second (`DatedAnswers`): in the next second the copy is
    /// made again with that second's `Date`, with the same bytes after it, and gzip and HEAD stay as they were.
    @Test func largeAnswersInTheNextSecondCarryItsDate() async throws {
        let tree = OutputTree(files: ["index.html": page("small ", 10), "big/index.html": page("Tranches and bonds. ", 8_000)])
        let state = PreviewState()
        await state.publish(tree)
        try await withLivePreviewServer(state: state) { port in
            let asked = [KeptAliveRequest(target: "/big/"), KeptAliveRequest(target: "/big/", headers: ["Accept-Encoding": "gzip"]),
                         KeptAliveRequest(method: "HEAD", target: "/big/"), KeptAliveRequest(target: "/big/")]
            let first = try await keptAliveExchange(port: port, asked)
            try await Task.sleep(for: .milliseconds(1_100))
            let second = try await keptAliveExchange(port: port, asked)
            for replies in [first, second] {
                #expect(replies.map(\.status) == [200, 200, 200, 200])
                #expect(Array(replies[0].body.utf8) == tree["big/index.html"])
                #expect(replies[0].headers["content-length"] == String(tree["big/index.html"]!.count))
                #expect(replies[1].headers["content-encoding"] == "gzip")
                #expect(replies[2].body.isEmpty)
                #expect(Array(replies[3].body.utf8) == tree["big/index.html"])
            }
            #expect(first[0].headers["date"] != nil && second[0].headers["date"] != nil)
            #expect(first[0].headers["date"] != second[0].headers["date"])
        }
    }
}
