/// Whether a request's `Accept-Encoding` allows a gzip body (RFC 9110 §12.5.3): `gzip` or `x-gzip` or `*` listed
/// without `q=0`. An explicit `gzip;q=0` wins over `*`. No header means identity only.
public func acceptsGzip(_ header: String?) -> Bool {
    guard let header else { return false }
    var star: Bool?
    for item in header.split(separator: ",") {
        let parts = item.split(separator: ";")
        let coding = (parts.first ?? "").trimmingSpaces().lowercased()
        let refused = parts.dropFirst().contains { parameter in
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == "q" else { return false }
            return (Double(pair[1].trimmingSpaces()) ?? 1) == 0
        }
        switch coding {
        case "gzip", "x-gzip": return !refused
        case "*": star = !refused
        default: continue
        }
    }
    return star ?? false
}
