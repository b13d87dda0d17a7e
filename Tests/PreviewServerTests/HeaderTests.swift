import PreviewServer
import Testing

@Suite struct ResponseHeaders {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/site.css", "text/css; charset=utf-8"),
        ("live.js", "text/javascript; charset=utf-8"), ("assets/favicon.svg", "image/svg+xml"),
        ("data/fig.csv", "text/csv; charset=utf-8"), ("feed.xml", "application/xml"),
        ("search.json", "application/json"), ("fonts/a.woff2", "font/woff2"), ("robots.txt", "text/plain; charset=utf-8"),
        ("favicon.ico", "image/x-icon"), ("og.png", "image/png"), ("INDEX.HTML", "text/html; charset=utf-8"),
        ("LICENSE", "application/octet-stream"), ("archive.tar.gz", "application/octet-stream"),
        ("weird.dir/file", "application/octet-stream"),
    ])
    func contentTypeFollowsTheExtension(_ path: String, _ expected: String) {
        #expect(contentType(forPath: path) == expected)
    }

    @Test func entityTagsAreQuotedAndDependOnEveryByte() {
        let tag = entityTag(for: Array("hello".utf8))
        #expect(tag == entityTag(for: Array("hello".utf8)))
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("-5\""))
        #expect(tag != entityTag(for: Array("hellp".utf8)))
        #expect(tag != entityTag(for: Array("hello ".utf8)))
        #expect(entityTag(for: [UInt8]()) == "\"cbf29ce484222325-0\"")
    }

    @Test func ifNoneMatchAcceptsListsWeakTagsAndStar() {
        let tag = "\"abc-1\""
        #expect(etagMatches(ifNoneMatch: "\"abc-1\"", tag: tag))
        #expect(etagMatches(ifNoneMatch: "\"x\", \"abc-1\"", tag: tag))
        #expect(etagMatches(ifNoneMatch: "W/\"abc-1\"", tag: tag))
        #expect(etagMatches(ifNoneMatch: "*", tag: tag))
        #expect(!etagMatches(ifNoneMatch: "\"abc-2\"", tag: tag))
        #expect(!etagMatches(ifNoneMatch: "abc-1", tag: tag))
        #expect(!etagMatches(ifNoneMatch: "", tag: tag))
    }
}
