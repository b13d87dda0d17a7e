/// A citation written in an intercepted block's text (a chart's caption), numbered with the page's notes where the
/// block stands: `html` is its note mark, as the same citation in prose would show it.
public struct BlockCitation: Sendable, Equatable {
    public var keys: [String]
    /// As written after each key (`p. 4`), nil where none is given.
    public var locators: [String?]
    public var html: String
}

/// A piece of text read by the renderer's citation rule: plain text, or a `[@key, p. 4; @other]` citation.
public enum CitedTextPiece: Sendable, Equatable {
    case text(String)
    case citation(keys: [String], locators: [String?])
}

/// Splits `text` into plain runs and citations, exactly as the renderer finds citations in prose.
public func citedTextPieces(_ text: String) -> [CitedTextPiece] {
    var scanner = InlineScanner(citations: true, terms: [])
    return scanner.scanCharacters(text, linkTerms: false).map { piece in
        switch piece {
        case let .citation(keys, locators): .citation(keys: keys, locators: locators)
        case let .text(text): .text(text)
        case let .term(_, text): .text(text)
        }
    }
}

/// `text` without its citations (and the space before each), for where a note mark cannot be shown: an SVG's
/// description, a CSV's provenance lines.
public func removingCitations(_ text: String) -> String {
    var result = ""
    for piece in citedTextPieces(text) {
        switch piece {
        case let .text(plain): result += plain
        case .citation: while result.last == " " { result.removeLast() }
        }
    }
    return result
}
