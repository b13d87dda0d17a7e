import Hummingbird
import Markdown
import Site

/// One file ready to send: its bytes in a buffer, with the headers computed once per build instead of per request,
/// and, for text that shrinks, a gzip body made once too (sent to clients that accept it).
public struct ServedFile: Sendable {
    /// The bytes as built.
    public let identity: Representation
    /// The same file gzipped, with its own validator, if it shrinks.
    public let gzip: Representation?
    public let mediaType: String

    public var body: ByteBuffer { identity.body }
    public var etag: String { identity.etag }

    /// The body to send: gzipped to a client that accepts gzip, when the file has a gzipped body.
    func representation(gzip: Bool) -> Representation { gzip ? self.gzip ?? identity : identity }

    /// One body of the file with everything a response needs, computed once: the headers of a 200 (type, length,
    /// validator, no caching without revalidation; also used for the 404 page) and of a 304 (the same minus the body's
    /// type and length).
    public struct Representation: Sendable {
        public let body: ByteBuffer
        public let etag: String
        public let headers: HTTPFields
        public let notModifiedHeaders: HTTPFields
        /// The status line and header fields of a 200 and of a 304 as bytes, for the fast path (`SiteChannelHandler`);
        /// the `Date` field and the blank line follow them.
        public let okHead: ByteBuffer
        public let notModifiedHead: ByteBuffer

        /// `encoding` is the `Content-Encoding` (nil for the bytes as built); `varies` adds `Vary: Accept-Encoding`
        /// whenever the file has another representation, so caches keep the two apart.
        init(body: ByteBuffer, etag: String, mediaType: String, encoding: String?, varies: Bool) {
            (self.body, self.etag) = (body, etag)
            var notModified: HTTPFields = [.eTag: etag, .cacheControl: "no-cache"]
            if varies { notModified[.vary] = "Accept-Encoding" }
            var full = notModified
            full[.contentType] = mediaType
            full[.contentLength] = String(body.readableBytes)
            full[.init("X-Content-Type-Options")!] = "nosniff"
            if let encoding { full[.contentEncoding] = encoding }
            (headers, notModifiedHeaders) = (full, notModified)
            (okHead, notModifiedHead) = (responseHead(.ok, full), responseHead(.notModified, notModified))
        }

        /// The head of an answer with this body and `status` (a 404 sends the 404 page with its 200 headers).
        func head(_ status: HTTPResponse.Status) -> ByteBuffer {
            status == .ok ? okHead : responseHead(status, headers)
        }
    }

    public init(path: String, bytes: [UInt8]) {
        let body = ByteBuffer(bytes: bytes), etag = entityTag(for: bytes), mediaType = contentType(forPath: path)
        let compressed = gzipBody(of: body, mediaType: mediaType)
        self.mediaType = mediaType
        identity = Representation(body: body, etag: etag, mediaType: mediaType, encoding: nil, varies: compressed != nil)
        // Another body, so another strong validator (`"…-gz"`).
        gzip = compressed.map {
            Representation(body: $0, etag: String(etag.dropLast()) + "-gz\"", mediaType: mediaType, encoding: "gzip", varies: true)
        }
    }
}

/// What the server answers from: the last good build, with the error overlay injected while a rebuild fails.
public struct ServedSite: Sendable {
    public var files: [String: ServedFile]

    /// The site as built, plus the overlay on every HTML page when `overlay` is given. Files whose bytes are those
    /// `previous` serves keep its prepared buffers and gzip bodies, so a rebuild after one edit compresses only what
    /// changed.
    public init(_ tree: OutputTree, overlay: ErrorOverlay? = nil, reusing previous: ServedSite? = nil) {
        // The overlay in each page's language, rendered once per language.
        var fragments: [String: String] = [:]
        var files: [String: ServedFile] = [:]
        files.reserveCapacity(tree.files.count)
        for (path, bytes) in tree.files {
            var served = bytes
            if let overlay, path.hasSuffix(".html") {
                let language = overlay.words(for: pageLanguage(bytes)).code
                let fragment = fragments[language] ?? overlay.html(language: language)
                fragments[language] = fragment
                served = injectBeforeBodyEnd(fragment, into: bytes)
            }
            if let old = previous?.files[path], old.body.readableBytesView.elementsEqual(served) {
                files[path] = old
            } else {
                files[path] = ServedFile(path: path, bytes: served)
            }
        }
        self.files = files
    }

    /// Before any build has succeeded there is nothing to show but the errors: every request gets a 404
    /// page carrying the overlay and the live-reload script, so it turns into the site once a build succeeds.
    public static func placeholder(overlay: ErrorOverlay, script: String) -> ServedSite {
        let words = overlay.words(for: nil)
        let page = """
            <!DOCTYPE html>
            <html lang="\(escapeHTML(words.code))">
            <head><meta charset="utf-8"><title>\(escapeHTML(words["previewTitle"])) · explainer preview</title></head>
            <body>
            <p>\(escapeHTML(words["previewNoBuild"]))</p>
            \(script)</body>
            </html>

            """
        return ServedSite(OutputTree(files: ["404.html": Array(page.utf8)]), overlay: overlay)
    }
}
