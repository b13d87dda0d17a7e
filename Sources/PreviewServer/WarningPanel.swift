import Markdown
import Site

/// The strip a preview page shows while the last good build has warnings: each warning with its hint, in amber, lower
/// than the error overlay and with a button that hides it.
///
/// Open pages get it over the event stream (`LiveEvent.warnings`), never in the served bytes, so the pages are those
/// of the build. Hidden with its button, it stays hidden in that tab until the warnings change (`key`).
public struct WarningPanel: DiagnosticsBox {
    /// The element id the live-reload script looks for to replace or remove the panel.
    public static let elementID = "explainer-warnings"

    public var diagnostics: [Diagnostic]
    public var words: [Translations]

    public init(_ diagnostics: [Diagnostic], words: [Translations] = [.english]) {
        self.diagnostics = diagnostics
        self.words = words.isEmpty ? [.english] : words
    }

    /// Names this set of warnings (FNV-1a of its lines and hints, in hex): a page remembers the key of the panel it
    /// hid. Empty when there are no warnings.
    public var key: String {
        guard !diagnostics.isEmpty else { return "" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for diagnostic in diagnostics {
            for byte in "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.message)\n\(diagnostic.hint ?? "")\n".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The panel in `language` (nil: the default language); empty when there are no warnings.
    public func html(language: String?) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let words = words(for: language)
        let count = diagnostics.count
        let title = count == 1 ? words["previewWarningsOne"] : words.format("previewWarningsMany", count)
        return previewBoxHTML(id: Self.elementID, role: "status", look: .warnings, title: title, diagnostics: diagnostics,
                              words: words, attributes: " data-key=\"\(key)\"", dismiss: words["previewHideWarnings"])
    }
}
