import Mustache

/// The HTML escaping of `{{value}}` in templates: exactly swift-mustache's, without its cost on plain text.
///
/// swift-mustache escapes by looking up every `Character` of a value in a dictionary, which dominated the
/// rendering of long chapter menus (every page lists every chapter). This gives the same output: text without
/// `< > & " '` is returned as it is, ASCII text is escaped byte by byte, and anything else goes through the same
/// per-`Character` rule (a special character fused with a combining mark into one `Character` is left alone, as
/// swift-mustache leaves it). `TemplateSet` selects it with a `CONTENT_TYPE` pragma line put before each template.
struct TemplateEscaping: MustacheContentType {
    /// The pragma's name for this content type.
    static let name = "explainer-html"
    /// Registers the content type once per process and returns the line that selects it.
    static let pragmaLine: String = {
        MustacheContentTypes.register(TemplateEscaping(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }()

    /// Whether the bytes hold one of the characters escaped, and whether they are all ASCII.
    private static func specialAndASCII<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> (special: Bool, ascii: Bool) {
        var special = false, ascii = true
        for byte in bytes {
            if byte >= 0x80 {
                ascii = false
            } else if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                special = true
            }
        }
        return (special, ascii)
    }

    private static let replacements: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]

    func escapeText(_ text: String) -> String {
        // Over the string's bytes where it has them in one piece (almost always), not through its UTF-8 view.
        let (special, ascii) = text.utf8.withContiguousStorageIfAvailable(Self.specialAndASCII) ?? Self.specialAndASCII(text.utf8)
        guard special else { return text }
        if ascii {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 16)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            if let replacement = Self.replacements[character] { out += replacement } else { out.append(character) }
        }
        return out
    }
}
