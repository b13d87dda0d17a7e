import Hummingbird
import PreviewServer
import Site
import Testing

/// The preview build of the small test site, and a client of the router serving it (no port bound).
private func previewRouter() async throws -> (RouterClient, OutputTree) {
    let output = try build(miniSource(), options: BuildOptions(injectedScript: LiveReload.scriptTag))
    let state = PreviewState()
    await state.publish(output)
    return (RouterClient(makeRouter(state: state)), output)
}

@Suite struct PreviewRoutes {
    @Test func filesAreServedWithTheirContentTypeAndNoCache() async throws {
        let (client, output) = try await previewRouter()
        for (uri, type) in [("/", "text/html; charset=utf-8"), ("/assets/site.css", "text/css; charset=utf-8"),
                            ("/assets/favicon.svg", "image/svg+xml"), ("/intro/", "text/html; charset=utf-8")] {
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.contentType] == type, "\(uri)")
                #expect(response.headers[.cacheControl] == "no-cache", "\(uri)")
                #expect(response.headers[.eTag] != nil, "\(uri)")
            }
        }
        try await client.execute(uri: "/intro/", method: .get) { response in
            #expect(Array(buffer: response.body) == output["intro/index.html"])
            #expect(response.headers[.contentLength] == String(output["intro/index.html"]!.count))
        }
    }

    @Test func aMatchingETagGets304WithoutABody() async throws {
        let (client, _) = try await previewRouter()
        let tag = try await client.execute(uri: "/assets/site.css", method: .get) { try #require($0.headers[.eTag]) }
        try await client.execute(uri: "/assets/site.css", method: .get, headers: [.ifNoneMatch: tag]) { response in
            #expect(response.status == .notModified)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers[.eTag] == tag)
        }
        try await client.execute(uri: "/assets/site.css", method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
            #expect(response.status == .ok)
        }
        try await client.execute(uri: "/assets/site.css", method: .head, headers: [.ifNoneMatch: tag]) { response in
            #expect(response.status == .notModified)
        }
    }

    @Test func headGivesTheHeadersOfGetWithoutTheBody() async throws {
        let (client, output) = try await previewRouter()
        let get = try await client.execute(uri: "/", method: .get)
        try await client.execute(uri: "/", method: .head) { response in
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers[.contentLength] == String(output["index.html"]!.count))
            #expect(response.headers[.eTag] == get.headers[.eTag])
            #expect(response.headers[.contentType] == get.headers[.contentType])
        }
    }

    @Test func missesGetThe404PageWithStatus404() async throws {
        let (client, output) = try await previewRouter()
        for uri in ["/nope/", "/nope.html", "/assets/", "/data/missing.csv", "/__explainer/nothing"] {
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound, "\(uri)")
                if !uri.hasPrefix("/__explainer/") {
                    #expect(Array(buffer: response.body) == output["404.html"], "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                }
            }
        }
    }

    @Test func foldersWithoutSlashRedirectAndThereAreNoListings() async throws {
        let (client, output) = try await previewRouter()
        try await client.execute(uri: "/intro", method: .get) { response in
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == "/intro/")
        }
        // A folder without index.html is a miss like any other: the 404 page, never a list of its files.
        try await client.execute(uri: "/assets/", method: .get) { response in
            #expect(response.status == .notFound)
            #expect(Array(buffer: response.body) == output["404.html"])
        }
    }

    @Test(arguments: [
        "/../etc/passwd", "/assets/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd",
        "/.%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/assets%2f..%2f..%2fetc%2fpasswd", "/%252e%252e/etc/passwd",
        "/%252fetc%252fpasswd", "/..\\..\\etc\\passwd", "/..%5c..%5cetc%5cpasswd", "/index.html%00.css",
        "/%00", "//etc/passwd", "/%2fetc%2fpasswd", "/%c0%ae%c0%ae/etc/passwd", "/assets/./site.css",
    ])
    func traversalIsRefusedWithA400(_ uri: String) async throws {
        let (client, _) = try await previewRouter()
        try await client.execute(uri: uri, method: .get) { response in
            #expect(response.status == .badRequest, "\(uri)")
            #expect(!String(buffer: response.body).contains("root:"), "\(uri)")
        }
    }

    @Test func otherMethodsAreNotAllowed() async throws {
        let (client, _) = try await previewRouter()
        try await client.execute(uri: "/", method: .post) { response in
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, HEAD")
        }
    }

    @Test func previewPagesLoadTheLiveReloadScriptAndPublishedPagesDoNot() async throws {
        let (client, preview) = try await previewRouter()
        let published = try build(miniSource())
        for path in preview.sortedPaths where path.hasSuffix(".html") {
            #expect(text(preview, path)!.contains(LiveReload.scriptTag + "</body>"), "\(path)")
            #expect(!text(published, path)!.contains("__explainer"), "\(path)")
        }
        try await client.execute(uri: "/intro/", method: .get) { response in
            let page = String(buffer: response.body)
            #expect(page.contains("new EventSource(\"/__explainer/events\")"))
            #expect(page.contains("sessionStorage"))
        }
    }

    @Test func duringErrorsPagesCarryTheOverlayAndTheOldContent() async throws {
        let output = try build(miniSource(), options: BuildOptions(injectedScript: LiveReload.scriptTag))
        let state = PreviewState()
        await state.publish(output)
        await state.fail(BuildFailure([Diagnostic(file: "content/01-intro.md", line: 4, column: 2, message: "bad <thing>")]))
        let client = RouterClient(makeRouter(state: state))
        try await client.execute(uri: "/intro/", method: .get) { response in
            let page = String(buffer: response.body)
            #expect(page.contains("Hello from the intro."))
            #expect(page.contains("content/01-intro.md:4:2: bad &lt;thing&gt;"))
        }
        try await client.execute(uri: "/assets/site.css", method: .get) { response in
            #expect(!String(buffer: response.body).contains("<div id=\"explainer-error-overlay\""))
        }
    }
}
