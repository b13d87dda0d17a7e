import CompressNIO
import Hummingbird
import HummingbirdTesting
import PreviewServer
import Site
import Testing

/// Issue 23: gzip bodies made once per build, sent to clients that accept them, with their own validators.
@Suite struct Compression {
    @Test(arguments: [
        ("gzip", true), ("gzip, deflate, br", true), ("br;q=1.0, gzip;q=0.8", true), ("x-gzip", true), ("*", true),
        ("GZIP", true), (" deflate , gzip ", true), ("gzip;q=0", false), ("gzip; q=0.0", false), ("*;q=0", false),
        ("*, gzip;q=0", false), ("br, deflate", false), ("identity", false), ("", false),
    ])
    func acceptEncodingIsReadAsRFC9110Says(_ header: String, _ expected: Bool) {
        #expect(acceptsGzip(header) == expected)
    }

    @Test func noHeaderMeansNoGzip() {
        #expect(!acceptsGzip(nil))
    }

    func page(_ size: Int) -> [UInt8] {
        Array(("<!DOCTYPE html><p>" + String(repeating: "A sentence about tranches and bonds. ", count: size / 37) + "</p>").utf8)
    }

    func gunzip(_ buffer: ByteBuffer) throws -> [UInt8] {
        var input = buffer
        return Array(buffer: try input.decompress(with: .gzip()))
    }

    @Test func textFilesGetAGzipBodyThatUnzipsToTheSameBytes() throws {
        let bytes = page(20_000)
        let file = ServedFile(path: "four-steps/index.html", bytes: bytes)
        let gzip = try #require(file.gzip)
        #expect(gzip.body.readableBytes < bytes.count / 4)
        #expect(try gunzip(gzip.body) == bytes)
        #expect(gzip.etag != file.etag && gzip.etag.hasSuffix("-gz\""))
        #expect(gzip.headers[.contentEncoding] == "gzip" && gzip.headers[.vary] == "Accept-Encoding")
        #expect(gzip.headers[.contentLength] == String(gzip.body.readableBytes))
        #expect(file.identity.headers[.vary] == "Accept-Encoding" && file.identity.headers[.contentEncoding] == nil)
    }

    @Test(arguments: ["og.png", "fonts/a.woff2", "doc.pdf"])
    func picturesAndFontsAreNotGzipped(_ path: String) {
        let file = ServedFile(path: path, bytes: page(20_000))
        #expect(file.gzip == nil && file.identity.headers[.vary] == nil)
    }

    @Test func smallFilesAreNotGzipped() {
        #expect(ServedFile(path: "robots.txt", bytes: Array("User-agent: *\nAllow: /\n".utf8)).gzip == nil)
    }

    @Test func aRebuildReusesThePreparedFilesOfUnchangedBytes() {
        let first = ServedSite(OutputTree(files: ["a/index.html": page(5_000), "b/index.html": page(6_000)]))
        let second = ServedSite(OutputTree(files: ["a/index.html": page(5_000), "b/index.html": page(7_000)]), reusing: first)
        // Same storage for the unchanged file (no second compression), a new one for the edited file.
        let unchanged = first.files["a/index.html"]!.gzip!.body, reused = second.files["a/index.html"]!.gzip!.body
        #expect(unchanged.withUnsafeReadableBytes { $0.baseAddress } == reused.withUnsafeReadableBytes { $0.baseAddress })
        #expect(second.files["b/index.html"]!.etag != first.files["b/index.html"]!.etag)
        #expect(second.files["b/index.html"]!.etag == ServedFile(path: "b/index.html", bytes: page(7_000)).etag)
    }

    @Test func theServerSendsGzipOnlyToClientsThatAcceptIt() async throws {
        let output = OutputTree(files: ["index.html": page(30_000), "og.png": page(30_000)])
        let state = PreviewState()
        await state.publish(output)
        let app = Application(router: makeRouter(state: state))
        try await app.test(.router) { client in
            let tag = try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "gzip, br"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.vary] == "Accept-Encoding")
                #expect(try gunzip(response.body) == output["index.html"])
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified && response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[.contentEncoding] == nil)
                #expect(Array(buffer: response.body) == output["index.html"])
            }
            // The identity representation's validator does not match the gzip one's.
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/", method: .head, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip" && response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/og.png", method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == nil && Array(buffer: response.body) == output["og.png"])
            }
        }
    }
}
