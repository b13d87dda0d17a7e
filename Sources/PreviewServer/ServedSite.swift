import Hummingbird
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
        let fragment = overlay?.html
        var files: [String: ServedFile] = [:]
        files.reserveCapacity(tree.files.count)
        for (path, bytes) in tree.files {
            let served = if let fragment, path.hasSuffix(".html") { injectBeforeBodyEnd(fragment, into: bytes) } else { bytes }
            files[path] = ServedFile(path: path, bytes: served)
        }
        self.files = files
    }

    /// Before any build has succeeded there is nothing to show but the errors: every request gets a 404
    /// page carrying the overlay and the live-reload script, so it turns into the site once a build succeeds.
    public static func placeholder(overlay: ErrorOverlay, script: String) -> ServedSite {
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Build failed · explainer preview</title></head>
            <body>
            <p>No build has succeeded yet. Fix the errors below and save; this page reloads by itself.</p>
            \(script)</body>
            </html>

            """
        return ServedSite(OutputTree(files: ["404.html": Array(page.utf8)]), overlay: overlay)
    }
}
