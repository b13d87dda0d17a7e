import Dispatch
import Hummingbird
import Markdown
import Site

/// One file ready to send: its bytes, with the headers computed once per build instead of per request, and, for text
/// that shrinks, a gzip and a brotli body made once too (sent to clients that accept them).
public struct ServedFile: Sendable {
    /// The bytes as built.
    public internal(set) var identity: Representation
    /// The same file gzipped, with its own validator, if it shrinks.
    public internal(set) var gzip: Representation?
    /// The same file in brotli, with its own validator, if it shrinks.
    public internal(set) var brotli: Representation?
    public let mediaType: String

    public var body: ByteBuffer { identity.body }
    public var etag: String { identity.etag }

    /// The body to send to a client that accepts `accepted` (see `AcceptedEncodings.preferred`).
    func representation(for accepted: AcceptedEncodings) -> Representation {
        switch accepted.preferred(gzip: gzip != nil, brotli: brotli != nil) {
        case .identity: identity
        case .gzip: gzip ?? identity
        case .brotli: brotli ?? identity
        }
    }

    /// One body of the file with everything a response needs, computed once: the headers of a 200 (type, length,
    /// validator, no caching without revalidation; also used for the 404 page) and of a 304 (the same minus the body's
    /// type and length).
    ///
    /// A class, so that handing one to a request costs one reference count, not one for each of its buffers.
    public final class Representation: Sendable {
        /// The bytes, in a buffer or (large ones) in the build's `BodyStore`.
        public let content: Body
        public let etag: String
        public let headers: HTTPFields
        public let notModifiedHeaders: HTTPFields
        /// The status line and header fields of a 200 and of a 304 as bytes, for the fast path (`SiteChannelHandler`);
        /// the `Date` field and the blank line follow them.
        public let okHead: ByteBuffer
        public let notModifiedHead: ByteBuffer

        /// The body as a buffer (a copy, for a body kept in a `BodyStore`).
        public var body: ByteBuffer { content.buffer }

        /// `encoding` is the `Content-Encoding` (nil for the bytes as built); `varies` adds `Vary: Accept-Encoding`
        /// whenever the file has another representation, so caches keep them apart.
        init(body: ByteBuffer, etag: String, mediaType: String, encoding: String?, varies: Bool) {
            (content, self.etag) = (Body(body), etag)
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

        /// The same representation with its bytes in `content` (the same bytes, moved into a `BodyStore`).
        init(_ other: Representation, content: Body) {
            precondition(content.count == other.content.count)
            self.content = content
            (etag, headers, notModifiedHeaders) = (other.etag, other.headers, other.notModifiedHeaders)
            (okHead, notModifiedHead) = (other.okHead, other.notModifiedHead)
        }

        /// The head of an answer with this body and `status` (a 404 sends the 404 page with its 200 headers).
        func head(_ status: HTTPResponse.Status) -> ByteBuffer {
            status == .ok ? okHead : responseHead(status, headers)
        }
    }

    public init(path: String, bytes: [UInt8]) {
        let body = ByteBuffer(bytes: bytes), etag = entityTag(for: bytes), mediaType = contentType(forPath: path)
        let gzipped = gzipBody(of: body, mediaType: mediaType), brotli = brotliBody(of: body, mediaType: mediaType)
        let varies = gzipped != nil || brotli != nil
        self.mediaType = mediaType
        identity = Representation(body: body, etag: etag, mediaType: mediaType, encoding: nil, varies: varies)
        // Other bodies, so other strong validators (`"…-gz"`, `"…-br"`).
        gzip = gzipped.map {
            Representation(body: $0, etag: String(etag.dropLast()) + "-gz\"", mediaType: mediaType, encoding: "gzip", varies: true)
        }
        self.brotli = brotli.map {
            Representation(body: $0, etag: String(etag.dropLast()) + "-br\"", mediaType: mediaType, encoding: "br", varies: true)
        }
    }

    /// The representation in `coding`, if the file has one (it always has the identity).
    subscript(coding: ContentCoding) -> Representation? {
        get {
            switch coding {
            case .identity: identity
            case .gzip: gzip
            case .brotli: brotli
            }
        }
        set {
            switch coding {
            case .identity: if let newValue { identity = newValue }
            case .gzip: gzip = newValue
            case .brotli: brotli = newValue
            }
        }
    }
}

/// What the server answers from: the last good build, with the error overlay injected while a rebuild fails.
public struct ServedSite: Sendable {
    public var files: [String: ServedFile]
    /// Request targets that name a file as they stand (`/`, `/tides/`, `/tides/index.html`, `/assets/site.css`): paths
    /// of plain characters only, which `resolveRequestPath` would map to the same file. A request for one of them skips
    /// the general resolution; any other target (escapes, queries, redirects, misses) goes through it.
    private var targets: [String: String] = [:]

    /// The site as built, plus the overlay on every HTML page when `overlay` is given. Files whose bytes are those
    /// `previous` serves keep its prepared bodies (and their place in its `BodyStore`s), so a rebuild after one edit
    /// compresses and stores only what changed; the new and changed files are compressed on all cores.
    public init(_ tree: OutputTree, overlay: ErrorOverlay? = nil, reusing previous: ServedSite? = nil) {
        // The overlay in each page's language, rendered once per language.
        var fragments: [String: String] = [:]
        var files: [String: ServedFile] = [:]
        files.reserveCapacity(tree.files.count)
        var changed: [(path: String, bytes: [UInt8])] = []
        for (path, bytes) in tree.files {
            var served = bytes
            if let overlay, path.hasSuffix(".html") {
                let language = overlay.words(for: pageLanguage(bytes)).code
                let fragment = fragments[language] ?? overlay.html(language: language)
                fragments[language] = fragment
                served = injectBeforeBodyEnd(fragment, into: bytes)
            }
            if let old = previous?.files[path], old.identity.content.equals(served) {
                files[path] = old
            } else {
                changed.append((path, served))
            }
        }
        let made = preparedConcurrently(changed)
        for (item, file) in zip(changed, made) { files[item.path] = file }
        self.files = files
        storeLargeBodies(changed: changed.map(\.path))
        targets = Self.plainTargets(of: files.keys)
    }

    /// The file a request target names as it stands, if it is one of `targets` (see there).
    func plainTarget(_ target: String) -> String? {
        guard let path = targets[target], files[path] != nil else { return nil }
        return path
    }

    private static func plainTargets(of paths: some Sequence<String>) -> [String: String] {
        var targets: [String: String] = [:]
        for path in paths where isPlain(path) {
            targets["/" + path] = path
            if path == "index.html" {
                targets["/"] = path
            } else if path.hasSuffix("/index.html") {
                targets["/" + path.dropLast("index.html".count)] = path
            }
        }
        return targets
    }

    /// Letters, digits, `-`, `.`, `_`, `~` in non-empty segments other than `.` and `..`, between single slashes.
    private static func isPlain(_ path: String) -> Bool {
        var segment = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                if segment == 0 || segment == dots && dots <= 2 { return false }
                (segment, dots) = (0, 0)
            case UInt8(ascii: "."):
                (segment, dots) = (segment + 1, dots + 1)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                segment += 1
            default:
                return false
            }
        }
        return segment > 0 && !(segment == dots && dots <= 2)
    }

    /// Moves the large bodies of the `changed` files into one new `BodyStore`, so the fast path can send them with
    /// `sendfile`. Unchanged files keep theirs where they are, unless the stores they are in are mostly bodies of
    /// files that were edited since (no file serves them any more): then every large body moves into the new store, so
    /// the memory held stays within twice what the site needs (plus 16 MB).
    private mutating func storeLargeBodies(changed: [String]) {
        var held: [ObjectIdentifier: Int] = [:]
        var live = 0
        for file in files.values {
            for coding in ContentCoding.allCases {
                guard let content = file[coding]?.content, case let .stored(store, _) = content.storage else { continue }
                held[ObjectIdentifier(store)] = store.size
                live += content.count
            }
        }
        let repack = held.values.reduce(0, +) > 2 * live + 16 << 20
        var moving: [(path: String, coding: ContentCoding)] = []
        var bodies: [Body] = []
        for path in repack ? Array(files.keys) : changed {
            guard let file = files[path] else { continue }
            for coding in ContentCoding.allCases {
                guard let content = file[coding]?.content, content.count >= BodyStore.threshold else { continue }
                moving.append((path, coding))
                bodies.append(content)
            }
        }
        guard let (store, offsets) = BodyStore.make(bodies) else { return }
        for ((path, coding), (body, offset)) in zip(moving, zip(bodies, offsets)) {
            let old = files[path]![coding]!
            files[path]![coding] = ServedFile.Representation(old, content: Body(store: store, offset: offset, count: body.count))
        }
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

/// The served files of `items`, made on all cores (hashing, gzip and brotli are most of a first build's preparation).
private func preparedConcurrently(_ items: [(path: String, bytes: [UInt8])]) -> [ServedFile] {
    guard items.count > 1 else { return items.map { ServedFile(path: $0.path, bytes: $0.bytes) } }
    let slots = UnsafeMutableBufferPointer<ServedFile?>.allocate(capacity: items.count)
    slots.initialize(repeating: nil)
    defer {
        slots.deinitialize()
        slots.deallocate()
    }
    nonisolated(unsafe) let shared = slots
    // Each iteration writes only its own slot, and all are done when concurrentPerform returns.
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        shared[index] = ServedFile(path: items[index].path, bytes: items[index].bytes)
    }
    return slots.map { $0! }
}
