import Hummingbird
import Markdown
import Site

/// One file ready to send: its bytes in a buffer, with the headers computed once per build instead of per request.
public struct ServedFile: Sendable {
    public let body: ByteBuffer
    public let etag: String
    public let mediaType: String
    /// For a 200 (and the 404 page): type, length, validator, and no caching without revalidation.
    public let headers: HTTPFields
    /// For a 304: the same minus the body's type and length.
    public let notModifiedHeaders: HTTPFields

    public init(path: String, bytes: [UInt8]) {
        body = ByteBuffer(bytes: bytes)
        etag = entityTag(for: bytes)
        mediaType = contentType(forPath: path)
        notModifiedHeaders = [.eTag: etag, .cacheControl: "no-cache"]
        headers = [.contentType: mediaType, .contentLength: String(bytes.count), .eTag: etag, .cacheControl: "no-cache",
                   .init("X-Content-Type-Options")!: "nosniff"]
    }
}

/// What the server answers from: the last good build, with the error overlay injected while a rebuild fails.
public struct ServedSite: Sendable {
    public var files: [String: ServedFile]

    /// The site as built, plus the overlay on every HTML page when `overlay` is given.
    public init(_ tree: OutputTree, overlay: ErrorOverlay? = nil) {
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
            files[path] = ServedFile(path: path, bytes: served)
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
