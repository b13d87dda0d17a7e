import CompressNIO
import NIOCore

/// A file's gzip body, made once per build (never per request) for the types that shrink: text, scripts,
/// stylesheets, SVG, JSON, XML (scripts are served as `text/javascript`). Nil for small files (under 1 KB the headers
/// outweigh the saving), for types that are compressed already (pictures, fonts, PDF), and when gzip would not make
/// the file smaller.
func gzipBody(of body: ByteBuffer, mediaType: String) -> ByteBuffer? {
    guard body.readableBytes >= 1024, isCompressible(mediaType) else { return nil }
    var input = body
    guard let compressed = try? input.compress(with: .gzip()), compressed.readableBytes < body.readableBytes else { return nil }
    return compressed
}

func isCompressible(_ mediaType: String) -> Bool {
    mediaType.hasPrefix("text/") || mediaType.hasPrefix("image/svg+xml") || mediaType.hasPrefix("application/json")
        || mediaType.hasPrefix("application/xml")
}
