/// Something in a Markdown document that the site would not publish as written; the caller turns each into an error.
///
/// Lines are 1-based from the first line of the text given to the renderer (like every position in
/// `RenderedMarkdown`); columns are 1-based, in characters.
public struct MarkdownProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Raw HTML (a block or inline tag), which safe mode leaves out of the page.
        case rawHTML(String)
        /// `$…$` or `$$…$$`: TeX math, which is not rendered.
        case math(String)
        /// `![](…)`: an image without alt text.
        case imageWithoutAlt(String)
        /// `[^label]` with no `[^label]:` definition in the document (it stays text); `defined` are the labels that have one.
        case undefinedFootnote(String, defined: [String])
        /// `[@…]` that is not a citation as written (it stays text): `[@key p. 4]` without the comma, say.
        case malformedCitation(String)
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}
