import Markdown
import Site

/// The box a preview page shows while the last rebuild failed: every diagnostic as `file:line:col: message`.
///
/// Rendered once, on the server, with every author-written string HTML-escaped; pages get it injected
/// before `</body>`, and open pages receive the same HTML over the event stream.
public struct ErrorOverlay: Equatable, Sendable {
    /// The element id the live-reload script looks for to replace or remove the overlay.
    public static let elementID = "explainer-error-overlay"

    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One line per diagnostic, as the terminal prints its first line, without the severity word.
    public var lines: [String] {
        diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
    }

    public var html: String {
        let count = diagnostics.count
        var out = "<div id=\"\(Self.elementID)\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;z-index:2147483647;"
            + "max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#fde8e8;"
            + "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;border-top:4px solid #e5484d;"
            + "box-shadow:0 -8px 24px rgba(0,0,0,.35)\">"
        out += "<p style=\"margin:0 0 .5rem;font-weight:bold\">The build failed with \(count) error\(count == 1 ? "" : "s")."
            + " Fix and save: this page updates by itself.</p><ul style=\"margin:0;padding-left:1.25rem\">"
        for (line, diagnostic) in zip(lines, diagnostics) {
            out += "<li style=\"margin:.25rem 0\">" + escapeHTML(line)
            if let hint = diagnostic.hint {
                out += "<br><span style=\"color:#f3b7b7\">hint: " + escapeHTML(hint) + "</span>"
            }
            out += "</li>"
        }
        return out + "</ul></div>"
    }
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
