import CBrotliDecoder
import CompressNIO
import Hummingbird
import PreviewServer
import Site
import Testing

/// Issue 23: gzip and brotli bodies made once per build, sent to clients that accept them, with their own validators.
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
        #expect(!acceptsBrotli(nil))
    }

    /// What a file with both compressed bodies is sent in: the acceptable coding with the highest q-value, brotli
    /// when it ties with gzip, q=0 refusing a coding, `*` standing for the codings not named.
    @Test(arguments: [
        ("gzip, deflate, br", ContentCoding.brotli), ("gzip, deflate, br, zstd", .brotli), ("br", .brotli),
        ("gzip", .gzip), ("br;q=0, gzip", .gzip), ("gzip, br;q=0", .gzip), ("br;q=0.5, gzip;q=0.8", .gzip),
        ("br;q=1.0, gzip;q=0.8", .brotli), ("br;q=0.8, gzip;q=0.8", .brotli), ("BR", .brotli), (" br ; q=0.3 ", .brotli),
        ("*", .brotli), ("*, br;q=0", .gzip), ("*;q=0, gzip", .gzip), ("*;q=0", .identity), ("br;q=0, gzip;q=0", .identity),
        ("identity", .identity), ("deflate", .identity), ("", .identity),
    ])
    func theClientsPreferredAcceptableCodingIsChosen(_ header: String, _ expected: ContentCoding) {
        #expect(AcceptedEncodings(header).preferred(gzip: true, brotli: true) == expected)
    }

    @Test func aCodingTheFileLacksIsNotChosen() {
        #expect(AcceptedEncodings("br, gzip").preferred(gzip: true, brotli: false) == .gzip)
        #expect(AcceptedEncodings("br").preferred(gzip: true, brotli: false) == .identity)
        #expect(AcceptedEncodings("br, gzip").preferred(gzip: false, brotli: false) == .identity)
    }

    func unbrotli(_ buffer: ByteBuffer, size: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: size + 1)
        var decoded = output.count
        let result = buffer.withUnsafeReadableBytes { input in
            output.withUnsafeMutableBufferPointer { out in
                BrotliDecoderDecompress(input.count, input.bindMemory(to: UInt8.self).baseAddress, &decoded, out.baseAddress)
            }
        }
        return result == BROTLI_DECODER_RESULT_SUCCESS ? Array(output[..<decoded]) : nil
    }

    @Test func textFilesGetABrotliBodyThatLibbrotlidecDecodesToTheSameBytes() throws {
        let bytes = page(20_000)
        let file = ServedFile(path: "four-steps/index.html", bytes: bytes)
        let brotli = try #require(file.brotli)
        let gzip = try #require(file.gzip)
        #expect(brotli.body.readableBytes < gzip.body.readableBytes)
        #expect(unbrotli(brotli.body, size: bytes.count) == bytes)
        #expect(brotli.etag != file.etag && brotli.etag != gzip.etag && brotli.etag.hasSuffix("-br\""))
        #expect(brotli.headers[.contentEncoding] == "br" && brotli.headers[.vary] == "Accept-Encoding")
        #expect(brotli.headers[.contentLength] == String(brotli.body.readableBytes))
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
        #expect(file.gzip == nil && file.brotli == nil && file.identity.headers[.vary] == nil)
    }

    @Test func smallFilesAreNotGzipped() {
        let file = ServedFile(path: "robots.txt", bytes: Array("User-agent: *\nAllow: /\n".utf8))
        #expect(file.gzip == nil && file.brotli == nil)
    }

    @Test func aRebuildReusesThePreparedFilesOfUnchangedBytes() {
        let first = ServedSite(OutputTree(files: ["a/index.html": page(5_000), "b/index.html": page(6_000)]))
        let second = ServedSite(OutputTree(files: ["a/index.html": page(5_000), "b/index.html": page(7_000)]), reusing: first)
        // Same storage for the unchanged file (no second compression), a new one for the edited file.
        for coding in [\ServedFile.gzip, \ServedFile.brotli] {
            let unchanged = first.files["a/index.html"]![keyPath: coding]!.body, reused = second.files["a/index.html"]![keyPath: coding]!.body
            #expect(unchanged.withUnsafeReadableBytes { $0.baseAddress } == reused.withUnsafeReadableBytes { $0.baseAddress })
        }
        #expect(second.files["b/index.html"]!.etag != first.files["b/index.html"]!.etag)
        #expect(second.files["b/index.html"]!.etag == ServedFile(path: "b/index.html", bytes: page(7_000)).etag)
    }

    /// Large bodies move into the build's shared-memory store (sent with sendfile); a rebuild keeps an unchanged
    /// file's bodies where they are and stores only the changed file's.
    @Test func aRebuildLeavesTheStoredBodiesOfUnchangedFilesAlone() throws {
        let first = ServedSite(OutputTree(files: ["a/index.html": page(40_000), "b/index.html": page(50_000)]))
        let a = try #require(first.files["a/index.html"])
        #expect(a.identity.content.count == page(40_000).count)
        #if os(Linux)
        #expect(a.identity.content.isStored)
        #endif
        #expect(a.body == ByteBuffer(bytes: page(40_000)))
        let second = ServedSite(OutputTree(files: ["a/index.html": page(40_000), "b/index.html": page(60_000)]), reusing: first)
        let before = first.files["a/index.html"]!.identity.content, after = second.files["a/index.html"]!.identity.content
        let beforeAddress = before.withUnsafeBytes { $0.baseAddress }, afterAddress = after.withUnsafeBytes { $0.baseAddress }
        #expect(beforeAddress == afterAddress)
        #expect(second.files["b/index.html"]!.body == ByteBuffer(bytes: page(60_000)))
        #expect(first.files["b/index.html"]!.body == ByteBuffer(bytes: page(50_000)))
    }

    @Test func theServerSendsBrotliToClientsThatPreferItAndGzipToOthers() async throws {
        let output = OutputTree(files: ["index.html": page(30_000)])
        let state = PreviewState()
        await state.publish(output)
        let client = RouterClient(makeRouter(state: state))
        let tag = try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "gzip, deflate, br"]) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentEncoding] == "br")
            #expect(response.headers[.vary] == "Accept-Encoding")
            #expect(unbrotli(response.body, size: 30_000) == output["index.html"])
            return try #require(response.headers[.eTag])
        }
        try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "br", .ifNoneMatch: tag]) { response in
            #expect(response.status == .notModified && response.headers[.eTag] == tag)
        }
        // The gzip body has its own validator: the brotli one does not match it.
        try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "gzip, br;q=0", .ifNoneMatch: tag]) { response in
            #expect(response.status == .ok && response.headers[.contentEncoding] == "gzip")
            #expect((try? gunzip(response.body)) == output["index.html"])
        }
    }

    @Test func theServerSendsGzipOnlyToClientsThatAcceptIt() async throws {
        let output = OutputTree(files: ["index.html": page(30_000), "og.png": page(30_000)])
        let state = PreviewState()
        await state.publish(output)
        let client = RouterClient(makeRouter(state: state))
        let tag = try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "gzip, br;q=0.5"]) { response in
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
