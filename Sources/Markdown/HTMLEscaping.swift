/// Escapes text for HTML content and attribute values (both quote kinds), in one place.
public func escapeHTML(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
        || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// A link's address as cmark writes it in an `href` (before `&` and `'` become entities): every byte outside its safe
/// set percent-encoded, `#año` as `#a%C3%B1o`. The pages hold addresses in this form, the Markdown's links as written.
public func hrefEncoded(_ url: String) -> String {
    guard url.utf8.contains(where: { !isHrefSafe($0) && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "'") }) else { return url }
    let hex = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(url.utf8.count * 2)
    for byte in url.utf8 {
        if isHrefSafe(byte) || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "'") {
            bytes.append(byte)
        } else {
            bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// cmark's `HREF_SAFE` (houdini_href_e.c): letters, digits and `-_.+!*(),%#@?=;:/$~` are written as they are.
private func isHrefSafe(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        true
    default:
        "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
    }
}
