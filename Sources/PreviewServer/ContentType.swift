/// The `Content-Type` of a site file, from its extension; text types say they are UTF-8.
public func contentType(forPath path: String) -> String {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
    switch name[name.index(after: dot)...].lowercased() {
    case "html", "htm": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js", "mjs": return "text/javascript; charset=utf-8"
    case "svg": return "image/svg+xml"
    case "csv": return "text/csv; charset=utf-8"
    case "xml": return "application/xml"
    case "json": return "application/json"
    case "txt": return "text/plain; charset=utf-8"
    case "woff2": return "font/woff2"
    case "woff": return "font/woff"
    case "ico": return "image/x-icon"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "pdf": return "application/pdf"
    default: return "application/octet-stream"
    }
}
