/// What a request target names inside the built site.
public enum RequestResolution: Equatable, Sendable {
    /// A file of the site, by its output-relative path (e.g. `four-steps/index.html`).
    case file(String)
    /// A folder asked for without its trailing slash: redirect here (the original target plus `/`).
    case redirect(String)
    /// Well formed, but the site has no such file.
    case notFound
    /// Refused before any lookup: traversal, encoded separators, control bytes, bad escapes.
    case badRequest(String)
}

/// Maps a raw HTTP request target (path and optional query, still percent-encoded) to a file of the site.
///
/// A pure function: `isFile` says whether an output-relative path exists in the in-memory site, and nothing
/// else is consulted. Every path segment is decoded exactly once, and the target is refused when it could
/// mean something else to another decoder: `.` and `..` segments (plain or encoded), encoded `/` or `\`,
/// backslashes, `%25` (double encoding), control bytes including NUL, malformed escapes, invalid UTF-8,
/// empty segments (`//x` is how absolute paths and protocol-relative URLs sneak in), and targets that do
/// not start with `/`.
public func resolveRequestPath(_ target: String, isFile: (String) -> Bool) -> RequestResolution {
    let raw = target.utf8
    var pathEnd = raw.endIndex
    if let mark = raw.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { pathEnd = mark }
    let path = raw[raw.startIndex..<pathEnd]
    let suffix = String(decoding: raw[pathEnd...], as: UTF8.self)

    guard path.first == UInt8(ascii: "/") else { return .badRequest("the path must start with /") }
    if path.contains(UInt8(ascii: "\\")) { return .badRequest("backslashes are not allowed") }

    var segments: [String] = []
    let parts = path.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    for (index, part) in parts.enumerated() {
        let isLast = index == parts.count - 1
        if part.isEmpty {
            // Only the final segment may be empty: that is the trailing slash of a folder.
            if isLast { continue }
            return .badRequest("empty path segment")
        }
        let decoded: String
        switch decodeSegment(part) {
        case let .failure(reason): return .badRequest(reason)
        case let .success(text): decoded = text
        }
        if decoded == "." || decoded == ".." { return .badRequest("dot segments are not allowed") }
        segments.append(decoded)
    }

    let folderTarget = path.last == UInt8(ascii: "/")
    let relative = segments.joined(separator: "/")
    if folderTarget {
        let index = relative.isEmpty ? "index.html" : relative + "/index.html"
        return isFile(index) ? .file(index) : .notFound
    }
    if isFile(relative) { return .file(relative) }
    if isFile(relative + "/index.html") {
        return .redirect(String(decoding: path, as: UTF8.self) + "/" + suffix)
    }
    return .notFound
}

private enum SegmentDecoding {
    case success(String)
    case failure(String)
}

/// Decodes one path segment's `%XX` escapes, refusing anything that could re-encode a separator or a dot
/// for a second decoder.
private func decodeSegment(_ segment: Substring.UTF8View) -> SegmentDecoding {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(segment.count)
    var index = segment.startIndex
    while index < segment.endIndex {
        let byte = segment[index]
        if byte == UInt8(ascii: "%") {
            let first = segment.index(after: index)
            guard first < segment.endIndex, segment.index(after: first) < segment.endIndex,
                  let high = hexValue(segment[first]), let low = hexValue(segment[segment.index(after: first)])
            else { return .failure("malformed percent escape") }
            let value = high << 4 | low
            switch value {
            case UInt8(ascii: "/"): return .failure("encoded slashes are not allowed")
            case UInt8(ascii: "\\"): return .failure("encoded backslashes are not allowed")
            case UInt8(ascii: "%"): return .failure("double percent-encoding is not allowed")
            default: break
            }
            bytes.append(value)
            index = segment.index(first, offsetBy: 2)
        } else {
            bytes.append(byte)
            index = segment.index(after: index)
        }
    }
    if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .failure("control characters are not allowed") }
    guard let text = String(validating: bytes, as: UTF8.self) else { return .failure("the path is not valid UTF-8") }
    return .success(text)
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
