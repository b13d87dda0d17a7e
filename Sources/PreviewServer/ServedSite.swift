import Hummingbird
import Markdown
import Site

/// One file ready to send: its bytes in a buffer, with the headers computed once per build instead of per request,
/// and, for text that shrinks, a gzip body made once too (sent to clients that accept it).
public struct ServedFile: Sendable {
    public let body: ByteBuffer
    public let etag: String
    public let mediaType: String
    /// For a 200 (and the 404 page): type, length, validator, and no caching without revalidation.
    public let headers: HTTPFields
    /// For a 304: the same minus the body's type and length.
    public let notModifiedHeaders: HTTPFields
    /// The same file gzipped, with its own headers (`Content-Encoding: gzip` and its own `ETag`), if it shrinks.
    public let gzip: Variant?

    /// The compressed representation: another body, so another strong validator (`"…-gz"`).
    public struct Variant: Sendable {
        public let body: ByteBuffer
        public let etag: String
        public let headers: HTTPFields
        public let notModifiedHeaders: HTTPFields
    }

    public init(path: String, bytes: [UInt8]) {
        let body = ByteBuffer(bytes: bytes), etag = entityTag(for: bytes), mediaType = contentType(forPath: path)
        (self.body, self.etag, self.mediaType) = (body, etag, mediaType)
        let compressed = gzipBody(of: body, mediaType: mediaType)
        var notModified: HTTPFields = [.eTag: etag, .cacheControl: "no-cache"]
        var full: HTTPFields = [.contentType: mediaType, .contentLength: String(bytes.count), .eTag: etag, .cacheControl: "no-cache",
                                .init("X-Content-Type-Options")!: "nosniff"]
        if compressed != nil {
            // Caches must keep the two representations apart.
            notModified[.vary] = "Accept-Encoding"
            full[.vary] = "Accept-Encoding"
        }
        notModifiedHeaders = notModified
        headers = full
        gzip = compressed.map { compressed in
            let tag = String(etag.dropLast()) + "-gz\""
            return Variant(body: compressed, etag: tag,
                           headers: [.contentType: mediaType, .contentEncoding: "gzip", .contentLength: String(compressed.readableBytes),
                                     .eTag: tag, .cacheControl: "no-cache", .init("X-Content-Type-Options")!: "nosniff",
                                     .vary: "Accept-Encoding"],
                           notModifiedHeaders: [.eTag: tag, .cacheControl: "no-cache", .vary: "Accept-Encoding"])
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
