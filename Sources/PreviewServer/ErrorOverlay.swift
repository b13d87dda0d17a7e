import Markdown
import Site

/// A box the preview server puts on its pages: diagnostics as `file:line:col: message` with their hints, under a
/// title in the page's language (the error overlay, the warning panel).
///
/// Rendered on the server, with every author-written string HTML-escaped, and sent to open pages over the event
/// stream. Its own words come from the site's translations, in each page's language; the diagnostics are the
/// terminal's, as the author wrote them.
public protocol DiagnosticsBox: Equatable, Sendable {
    var diagnostics: [Diagnostic] { get }
    /// The interface words of every language of the site, the default's first (`interfaceWords`).
    var words: [Translations] { get }
    /// The box in `language` (nil: the default language).
    func html(language: String?) -> String
}

extension DiagnosticsBox {
    /// One line per diagnostic, as the terminal prints its first line, without the severity word.
    public var lines: [String] {
        diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
    }

    /// The box in the site's default language.
    public var html: String { html(language: nil) }

    /// The box in every language but the default, by BCP 47 code (a page's `<html lang>`).
    public var htmlByLanguage: [(code: String, html: String)] {
        words.dropFirst().map { ($0.code, html(language: $0.code)) }
    }

    /// The words of `language` (a page's `lang`, matched without regard to case), else the default language's.
    public func words(for language: String?) -> Translations {
        guard let language else { return words[0] }
        return words.first { $0.code.lowercased() == language.lowercased() } ?? words[0]
    }

    /// The event-stream data of the box: its HTML in the default language and, under `languages`, in each other
    /// language of the site, by the `lang` of the page showing it; then `extra` members and the terminal's lines.
    func eventData(extra: String = "") -> String {
        let languages = htmlByLanguage.map { jsonString($0.code) + ":" + jsonString($0.html) }.joined(separator: ",")
        return "{\"html\":" + jsonString(html) + ",\"languages\":{" + languages + "}," + extra + "\"lines\":["
            + lines.map(jsonString).joined(separator: ",") + "]}"
    }
}

/// The box a preview page shows while the last rebuild failed: every error, on a dark red ground.
///
/// Pages get it injected before `</body>`, and open pages receive the same HTML over the event stream.
public struct ErrorOverlay: DiagnosticsBox {
    /// The element id the live-reload script looks for to replace or remove the overlay.
    public static let elementID = "explainer-error-overlay"

    public var diagnostics: [Diagnostic]
    public var words: [Translations]

    public init(_ diagnostics: [Diagnostic], words: [Translations] = [.english]) {
        self.diagnostics = diagnostics
        self.words = words.isEmpty ? [.english] : words
    }

    public func html(language: String?) -> String {
        let words = words(for: language)
        let count = diagnostics.count
        let title = count == 1 ? words["previewFailedOne"] : words.format("previewFailedMany", count)
        return previewBoxHTML(id: Self.elementID, role: "alert", look: .errors, title: title, diagnostics: diagnostics,
                              words: words)
    }
}

/// The colours and size of a preview box: errors fill up to 60 % of the window in dark red; warnings are a lower
/// strip in dark amber.
struct PreviewBoxLook {
    var background: String
    var text: String
    var border: String
    var hint: String
    var maxHeight: String
    var fontSize: String

    static let errors = PreviewBoxLook(background: "#2b0b0b", text: "#fde8e8", border: "#e5484d", hint: "#f3b7b7",
                                       maxHeight: "60vh", fontSize: "14px")
    static let warnings = PreviewBoxLook(background: "#2a2006", text: "#fdf1d6", border: "#f5b83d", hint: "#f0d9a0",
                                         maxHeight: "35vh", fontSize: "13px")
}

/// The HTML of a preview box: fixed along the bottom of the window, a title, then one item per diagnostic with its
/// hint. `attributes` go into the box's tag as they are; `dismiss` adds a close button with that label.
func previewBoxHTML(id: String, role: String, look: PreviewBoxLook, title: String, diagnostics: [Diagnostic],
                    words: Translations, attributes: String = "", dismiss: String? = nil) -> String {
    var out = "<div id=\"\(id)\" role=\"\(role)\" lang=\"\(escapeHTML(words.code))\"\(attributes) "
        + "style=\"position:fixed;inset:auto 0 0 0;z-index:2147483647;"
        + "max-height:\(look.maxHeight);overflow:auto;margin:0;padding:1rem 1.25rem;background:\(look.background);color:\(look.text);"
        + "font:\(look.fontSize)/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;border-top:4px solid \(look.border);"
        + "box-shadow:0 -8px 24px rgba(0,0,0,.35)\">"
    if let dismiss {
        out += "<button type=\"button\" data-explainer-dismiss aria-label=\"\(escapeHTML(dismiss))\" title=\"\(escapeHTML(dismiss))\" "
            + "style=\"float:right;margin:-.5rem -.5rem 0 .5rem;padding:0 .4rem;border:0;background:none;color:inherit;"
            + "font:inherit;font-size:1.25rem;line-height:1;cursor:pointer\">×</button>"
    }
    out += "<p style=\"margin:0 0 .5rem;font-weight:bold\">" + escapeHTML(title)
        + "</p><ul style=\"margin:0;padding-left:1.25rem\">"
    for diagnostic in diagnostics {
        out += "<li style=\"margin:.25rem 0\">"
            + escapeHTML("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.message)")
        if let hint = diagnostic.hint {
            out += "<br><span style=\"color:\(look.hint)\">" + escapeHTML(words.format("previewHint", ["hint": hint])) + "</span>"
        }
        out += "</li>"
    }
    return out + "</ul></div>"
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
