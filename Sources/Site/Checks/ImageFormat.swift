import Foundation

/// A picture whose bytes are not what its name says: a failed download saved as `map.png` (an HTML error page), a
/// text file renamed, a JPEG named `.png`. A browser shows a broken image, or refuses it, with no message at build
/// time; a warning at the file names what its first bytes look like.
func mislabelledImageWarnings(_ images: [SourceFile]) -> [Diagnostic] {
    images.compactMap { image in
        let name = image.path.split(separator: "/").last.map(String.init) ?? image.path
        guard let dot = name.lastIndex(of: "."), let expected = ImageKind(extension: name[name.index(after: dot)...].lowercased()),
              !image.bytes.isEmpty, ImageKind(bytes: image.bytes) != expected else { return nil }
        let found = ImageKind(bytes: image.bytes)
        // Bytes of no format it knows are left alone (a format it does not check, say): only a picture of another
        // format, or text, is surely not the picture its name says.
        guard let what = found.map({ "a \($0.name) image" }) ?? describeText(image.bytes) else { return nil }
        let hint = found.map { "rename it to end in .\($0.fileExtension), or save it again as \(expected.name)" }
            ?? "save the picture itself again (in a browser: right-click it, 'Save image as…'), not the page that shows it"
        return Diagnostic(file: image.path, line: 1, column: 1,
                          message: "\(image.path) is named as \(expected.article) \(expected.name) image, but it is \(what): "
                              + "the page would show a broken picture",
                          hint: hint, severity: .warning)
    }
}

/// The picture formats a page can show, by their names and their first bytes.
private enum ImageKind: Equatable {
    case png, jpeg, gif, webp, svg, avif

    init?(extension text: String) {
        switch text {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "gif": self = .gif
        case "webp": self = .webp
        case "svg": self = .svg
        case "avif": self = .avif
        default: return nil
        }
    }

    init?(bytes: [UInt8]) {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47]) { self = .png }
        else if starts([0xFF, 0xD8, 0xFF]) { self = .jpeg }
        else if starts(Array("GIF8".utf8)) { self = .gif }
        else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { self = .webp }
        else if starts(Array("ftyp".utf8), at: 4) && (starts(Array("avif".utf8), at: 8) || starts(Array("avis".utf8), at: 8)) { self = .avif }
        else if let text = String(validating: bytes.prefix(4096), as: UTF8.self) ?? String(validating: bytes.prefix(4093), as: UTF8.self),
                text.range(of: "<svg", options: .caseInsensitive) != nil { self = .svg }
        else { return nil }
    }

    var name: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .gif: "GIF"
        case .webp: "WebP"
        case .svg: "SVG"
        case .avif: "AVIF"
        }
    }

    var article: String { self == .svg ? "an" : "a" }

    var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .gif: "gif"
        case .webp: "webp"
        case .svg: "svg"
        case .avif: "avif"
        }
    }
}

/// What a file of text starts with: a web page, or other text (its first line); nil when its bytes are no text.
private func describeText(_ bytes: [UInt8]) -> String? {
    let head = bytes.prefix(200)
    guard head.allSatisfy({ $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }),
          let text = String(validating: head, as: UTF8.self) ?? String(validating: head.dropLast(3), as: UTF8.self)
            ?? String(validating: head.dropLast(2), as: UTF8.self) ?? String(validating: head.dropLast(1), as: UTF8.self) else {
        return nil
    }
    let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
    if trimmed.lowercased().hasPrefix("<!doctype html") || trimmed.lowercased().hasPrefix("<html") {
        return "a web page (it starts '\(trimmed.prefix(15))'; a failed download saved under the picture's name?)"
    }
    let line = trimmed.prefix { $0 != "\n" && $0 != "\r" }.prefix(40)
    return "text ('\(line)\(line.count == 40 ? "…" : "")')"
}
