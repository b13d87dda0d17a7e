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
