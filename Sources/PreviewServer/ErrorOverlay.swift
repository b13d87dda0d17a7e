import Markdown
import Site

/// The box a preview page shows while the last rebuild failed: every diagnostic as `file:line:col: message`.
///
/// Rendered on the server, with every author-written string HTML-escaped; pages get it injected before `</body>`,
/// and open pages receive the same HTML over the event stream. Its own words (the count, "hint:") come from the
/// site's translations, in each page's language; the diagnostics are the terminal's, as the author wrote them.
public struct ErrorOverlay: Equatable, Sendable {
    /// The element id the live-reload script looks for to replace or remove the overlay.
    public static let elementID = "explainer-error-overlay"

    public var diagnostics: [Diagnostic]
    /// The interface words of every language of the site, the default's first (`interfaceWords`).
    public var words: [Translations]

    public init(_ diagnostics: [Diagnostic], words: [Translations] = [.english]) {
        self.diagnostics = diagnostics
        self.words = words.isEmpty ? [.english] : words
    }

    /// One line per diagnostic, as the terminal prints its first line, without the severity word.
    public var lines: [String] {
        diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
    }

    /// The overlay in the site's default language.
    public var html: String { html(language: nil) }

    /// The overlay in every language but the default, by BCP 47 code (a page's `<html lang>`).
    public var htmlByLanguage: [(code: String, html: String)] {
        words.dropFirst().map { ($0.code, html(language: $0.code)) }
    }

    /// The words of `language` (a page's `lang`, matched without regard to case), else the default language's.
    public func words(for language: String?) -> Translations {
        guard let language else { return words[0] }
        return words.first { $0.code.lowercased() == language.lowercased() } ?? words[0]
    }

    /// The overlay in `language` (nil: the default language).
    public func html(language: String?) -> String {
        let words = words(for: language)
        let count = diagnostics.count
        var out = "<div id=\"\(Self.elementID)\" role=\"alert\" lang=\"\(escapeHTML(words.code))\" "
            + "style=\"position:fixed;inset:auto 0 0 0;z-index:2147483647;"
            + "max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#fde8e8;"
            + "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;border-top:4px solid #e5484d;"
            + "box-shadow:0 -8px 24px rgba(0,0,0,.35)\">"
        let title = count == 1 ? words["previewFailedOne"] : words.format("previewFailedMany", count)
        out += "<p style=\"margin:0 0 .5rem;font-weight:bold\">" + escapeHTML(title)
            + "</p><ul style=\"margin:0;padding-left:1.25rem\">"
        for (line, diagnostic) in zip(lines, diagnostics) {
            out += "<li style=\"margin:.25rem 0\">" + escapeHTML(line)
            if let hint = diagnostic.hint {
                out += "<br><span style=\"color:#f3b7b7\">" + escapeHTML(words.format("previewHint", ["hint": hint])) + "</span>"
            }
            out += "</li>"
        }
        return out + "</ul></div>"
    }
}

/// The `lang` of a page's `<html>` element, if it has one (read from the page's first kilobyte).
func pageLanguage(_ page: [UInt8]) -> String? {
    let head = String(decoding: page.prefix(1024), as: UTF8.self)
    guard let tag = head.range(of: "<html"), let end = head[tag.upperBound...].firstIndex(of: ">") else { return nil }
    let attributes = head[tag.upperBound..<end]
    guard let lang = attributes.range(of: "lang=\"") else { return nil }
    let rest = attributes[lang.upperBound...]
    guard let close = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<close])
}

/// Inserts `fragment` before the last `</body>` of an HTML page, or appends it when there is none.
func injectBeforeBodyEnd(_ fragment: String, into page: [UInt8]) -> [UInt8] {
    let marker = Array("</body>".utf8)
    var index = page.count - marker.count
    while index >= 0 {
        if page[index] == marker[0], Array(page[index..<index + marker.count]) == marker {
            return Array(page[..<index]) + Array(fragment.utf8) + Array(page[index...])
        }
        index -= 1
    }
    return page + Array(fragment.utf8)
}
