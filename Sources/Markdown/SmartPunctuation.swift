import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `text`, HTML-escaped, with cmark's smart punctuation (’ “ ” – — …) and nothing else: every character cmark could
/// read as Markdown is escaped first, so only the punctuation changes.
func smartPunctuated(_ text: String) -> String {
    smartHTML(text) ?? escapeHTML(text)
}

/// A plain text (a page's title, summary or description, a glossary definition, site.yml's footer) with the
/// punctuation the Markdown of the pages gets: curly quotes and apostrophes, `--` and `---` as en and em dashes,
/// `...` as an ellipsis, and a number joined to its unit (`joiningNumbersToUnits`: "78–89 %", "$27 B"). Nothing else
/// changes, and the result is still plain text (templates escape it).
///
/// Straight quotes next to Chinese or Japanese text are paired in order instead (`cjkQuotesPaired`).
public func smartPunctuatedText(_ text: String) -> String {
    joiningNumbersToUnits(smartPunctuation(text))
}

/// `smartPunctuatedText` but for the units.
private func smartPunctuation(_ text: String) -> String {
    // Most texts have nothing to change: one pass over the bytes.
    var marks = false, previous: UInt8 = 0
    for byte in text.utf8 {
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"")
            || (byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) && byte == previous {
            marks = true
            break
        }
        previous = byte
    }
    guard marks, let html = smartHTML(cjkQuotesPaired(text)) else { return text }
    // cmark escaped only &, <, > and " (and ' when it is not smart); a tag means the text was read as more than a
    // paragraph of text (a line break), so it is left as it was.
    guard !html.contains("<") else { return text }
    return unescapingHTML(html)
}

/// Text escaped by cmark's HTML renderer, as it was: `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;` are the only
/// entities it writes for text.
private func unescapingHTML(_ html: String) -> String {
    guard html.utf8.contains(UInt8(ascii: "&")) else { return html }
    let entities: [(String, String)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]
    var out = ""
    var rest = Substring(html)
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        rest = rest[amp...]
        if let (entity, character) = entities.first(where: { rest.hasPrefix($0.0) }) {
            out += character
            rest = rest.dropFirst(entity.count)
        } else {
            out += "&"
            rest = rest.dropFirst()
        }
    }
    return out + rest
}

/// cmark's HTML of `text` as one paragraph with smart punctuation, every Markdown character escaped; nil when cmark
/// makes something else of it (a list item `- …`, a heading under a line of `---`).
private func smartHTML(_ text: String) -> String? {
    var escaped = ""
    for character in text {
        if "!#$%&()*+,/:;<=>?@[\\]^_`{|}~".contains(character) { escaped.append("\\") }
        escaped.append(character)
    }
    guard let html = cmark_markdown_to_html(escaped, escaped.utf8.count, CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8) else {
        return nil
    }
    defer { free(html) }
    let rendered = String(cString: html)
    guard rendered.hasPrefix("<p>"), rendered.hasSuffix("</p>\n") else { return nil }
    return String(rendered.dropFirst(3).dropLast(5))
}

/// `text` with its straight quotes made curly by pairing them in order (first opens, second closes, …), when it has
/// Chinese or Japanese in it and a quote stands next to a character of it. cmark tells an opening quote from a closing
/// one by the spaces and punctuation around it, which Chinese does not put between words: `這是"AI"泡沫` would get
/// two closing quotes. An apostrophe between two letters (`Moody's`) is not a quote, and is left to cmark; so is a
/// kind of quote that does not come in pairs.
func cjkQuotesPaired(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isCJKScalar) else { return text }
    var scalars = Array(text.unicodeScalars)
    let isWordScalar = { (scalar: Unicode.Scalar?) -> Bool in
        guard let scalar else { return false }
        return !isCJKScalar(scalar) && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }
    for (quote, open, close) in [("\"", "\u{201C}", "\u{201D}"), ("'", "\u{2018}", "\u{2019}")] as [(Unicode.Scalar, Unicode.Scalar, Unicode.Scalar)] {
        let quotes = scalars.indices.filter { index in
            scalars[index] == quote
                && !(quote == "'" && isWordScalar(index > 0 ? scalars[index - 1] : nil)
                    && isWordScalar(index + 1 < scalars.count ? scalars[index + 1] : nil))
        }
        let nextToCJK = quotes.contains { index in
            (index > 0 && isCJKScalar(scalars[index - 1])) || (index + 1 < scalars.count && isCJKScalar(scalars[index + 1]))
        }
        guard nextToCJK, quotes.count % 2 == 0 else { continue }
        for (number, index) in quotes.enumerated() { scalars[index] = number % 2 == 0 ? open : close }
    }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars)
    return String(out)
}
