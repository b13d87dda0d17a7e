/// A content coding the server can send a file in.
public enum ContentCoding: String, Sendable, CaseIterable {
    case identity
    case gzip
    case brotli = "br"
}

/// How much a request's `Accept-Encoding` wants gzip and brotli (RFC 9110 §12.5.3): each coding's q-value, 0 when it
/// is refused or not listed. `gzip` and `x-gzip` name gzip, `br` brotli; `*` gives its q-value to whichever of them is
/// not listed by name (so `*, gzip;q=0` refuses gzip). No header means identity only.
public struct AcceptedEncodings: Equatable, Sendable {
    public var gzip: Double = 0
    public var brotli: Double = 0

    public init(gzip: Double = 0, brotli: Double = 0) {
        (self.gzip, self.brotli) = (gzip, brotli)
    }

    public init(_ header: String?) {
        guard let header else { return }
        var gzip: Double?, brotli: Double?, star: Double?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            let coding = (parts.first ?? "").trimmingSpaces().lowercased()
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == "q" else { continue }
                // A malformed q-value is read as 1, as before: the client named the coding.
                quality = min(max(Double(pair[1].trimmingSpaces()) ?? 1, 0), 1)
            }
            switch coding {
            case "gzip", "x-gzip": gzip = max(gzip ?? 0, quality)
            case "br": brotli = max(brotli ?? 0, quality)
            case "*": star = quality
            default: continue
            }
        }
        self.gzip = gzip ?? star ?? 0
        self.brotli = brotli ?? star ?? 0
    }

    /// The coding to send a file in that has a gzip body (`gzip`) and a brotli body (`brotli`) besides the bytes as
    /// built: the acceptable one with the highest q-value, brotli before gzip when they tie (it is the smaller),
    /// identity when neither is acceptable.
    public func preferred(gzip hasGzip: Bool, brotli hasBrotli: Bool) -> ContentCoding {
        let brotli = hasBrotli ? self.brotli : 0, gzip = hasGzip ? self.gzip : 0
        if brotli > 0, brotli >= gzip { return .brotli }
        if gzip > 0 { return .gzip }
        return .identity
    }
}

/// Whether a request's `Accept-Encoding` allows a gzip body (RFC 9110 §12.5.3): `gzip` or `x-gzip` or `*` listed
/// without `q=0`. An explicit `gzip;q=0` wins over `*`. No header means identity only.
public func acceptsGzip(_ header: String?) -> Bool {
    AcceptedEncodings(header).gzip > 0
}

/// Whether a request's `Accept-Encoding` allows a brotli body: `br` or `*` listed without `q=0`.
public func acceptsBrotli(_ header: String?) -> Bool {
    AcceptedEncodings(header).brotli > 0
}
