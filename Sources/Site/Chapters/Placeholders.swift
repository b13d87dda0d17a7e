import Markdown

/// `html` with each placeholder comment that `replacements` names (`<!--explainer-block:2-->`, see
/// `RenderedMarkdown.placeholder`) replaced by its text, in one pass over the bytes; a placeholder it does not name
/// stays. A chapter's figures and table numbers go in together: replacing them one by one copied the page once each.
func fillingPlaceholders(_ html: String, _ replacements: [String: String]) -> String {
    guard !replacements.isEmpty else { return html }
    let opening = Array("<!--explainer-".utf8), closing = Array("-->".utf8)
    var html = html
    return html.withUTF8 { bytes in
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + replacements.values.reduce(0) { $0 + $1.utf8.count })
        var copied = 0, index = 0
        while index + opening.count <= bytes.count {
            guard bytes[index] == opening[0], hasBytes(opening, at: index, in: bytes) else {
                index += 1
                continue
            }
            var end = index + opening.count
            while end + closing.count <= bytes.count && !hasBytes(closing, at: end, in: bytes) { end += 1 }
            guard end + closing.count <= bytes.count else { break }
            end += closing.count
            if let replacement = replacements[String(decoding: bytes[index..<end], as: UTF8.self)] {
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: replacement.utf8)
                copied = end
            }
            index = end
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }
}
