/// The result of rendering one Markdown document: HTML plus what the site needs to know about it.
///
/// Line numbers are 1-based and count from the first line of the text given to the renderer; the caller adds
/// any front-matter offset. Columns are 1-based, in characters.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML of the text; each intercepted fenced block is replaced by `placeholder(forBlock:)`.
    public var html: String
    /// The footnotes list (`<section class="footnotes notes">`), empty when the text refers to no footnote. It is
    /// what the document renders to after `html` (a template places it apart, e.g. after a chapter's takeaway; with
    /// `htmlWithFootnotes` it stands where it used to, at the end) and may hold placeholders as `html` does.
    public var footnotes: String = ""
    public var headings: [Heading]
    public var blocks: [FencedBlock]
    /// Citation keys in order of first use; note numbers are their 1-based positions.
    public var citations: [Citation]
    public var links: [Link]
    /// Words of prose (text outside code), for reading-time estimates.
    public var wordCount: Int
    /// Chinese, Japanese and Korean characters of prose (not counted in `wordCount`): those languages are read by
    /// the character.
    public var cjkCharacterCount: Int = 0
    /// What the page would not show as written: raw HTML, TeX math, images without alt text.
    public var problems: [MarkdownProblem] = []
    /// Tables with a `Table:` caption, in document order: the ones that are numbered.
    public var tables: [NumberedTable] = []
    /// `[key]` and `[key, p. 4]` left as text: citations whose `@` may be missing, for the site to check against its
    /// sources.
    public var possibleCitations: [PossibleCitation] = []

    /// The text with its footnotes list at the end, as one document.
    public var htmlWithFootnotes: String { footnotes.isEmpty ? html : html + footnotes }

    /// The marker standing in the HTML for intercepted block `index`.
    public static func placeholder(forBlock index: Int) -> String {
        "<!--explainer-block:\(index)-->"
    }

    /// The marker standing in a captioned table's caption for its number ("Table 6.1."), table `index` (0-based).
    public static func placeholder(forTable index: Int) -> String {
        "<!--explainer-table:\(index)-->"
    }
}

/// A table with a caption: `id` is its anchor (`table-` and the caption's slug, or the `{#id}` the caption ends with).
public struct NumberedTable: Sendable, Equatable {
    public var id: String
    /// The caption as plain text.
    public var caption: String
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int
    /// The line of the `===` or `---` under a heading written as its text then that line (a setext heading), or nil.
    public var underline: Int? = nil
}

/// A fenced code block whose info string the caller asked to intercept (e.g. `chart`).
public struct FencedBlock: Sendable, Equatable {
    public var info: String
    public var body: String
    /// Line of the opening fence.
    public var line: Int
    public var column: Int
    /// The citations in its body (a chart's caption), in the order written, numbered with the page's notes.
    public var citations: [BlockCitation] = []
}

/// One `[@key]` use. `number` is the note number shared by every use of the same key.
public struct Citation: Sendable, Equatable {
    public var key: String
    public var number: Int
    public var line: Int
    public var column: Int
    /// Where in the source, as written after the key: `p. 403` in `[@key, p. 403]`.
    public var locator: String? = nil
}

/// A link or image destination, for link checking.
public struct Link: Sendable, Equatable {
    /// Where the link leads on the page (a site may rewrite a chapter file's name into its page's address).
    public var destination: String
    /// The destination as written in the Markdown, when it has been rewritten; nil otherwise.
    public var written: String? = nil
    public var isImage: Bool
    public var line: Int
    public var column: Int
    /// An image's title as written (`![…](x.png "A title")`), nil without one: a picture alone in its paragraph shows
    /// it as its caption, as plain text.
    public var title: String? = nil
}

/// A phrase to link on its first use in a document (glossary terms).
public struct AutolinkTerm: Sendable, Equatable {
    /// Phrases matched case-insensitively as whole words; the earliest match of any of them is linked.
    public var phrases: [String]
    public var href: String
    public var title: String

    public init(phrases: [String], href: String, title: String) {
        self.phrases = phrases
        self.href = href
        self.title = title
    }
}

/// How to render.
public struct MarkdownOptions: Sendable {
    /// Fenced blocks with these info strings are not rendered but returned as `blocks`.
    public var interceptedFences: Set<String> = []
    /// Heading ids that are already taken on the page (template sections such as `notes`).
    public var reservedIDs: Set<String> = []
    /// Fenced blocks with these info strings hold Markdown: their body is rendered in place, inside the
    /// given opening and closing HTML (e.g. a "Careful" box), sharing the page's citations and heading ids.
    public var containerFences: [String: Container] = [:]
    /// Glossary-style terms to link on first use.
    public var autolinks = AutolinkTerms()
    /// Whether `[@key]` citations become numbered note references.
    public var citations = true
    /// Curly quotes, en and em dashes.
    public var smartPunctuation = true
    /// Put before every relative image source, so `images/a.png` written next to the Markdown file resolves from the
    /// page's own folder (e.g. `../` for a page one folder below the site root). `Link.destination` keeps the original.
    public var relativeImagePrefix = ""
    /// Render raw HTML as written (cmark's unsafe mode) instead of leaving it out. It is listed in `problems` either way,
    /// for the caller to refuse unless the writer trusts it.
    public var allowRawHTML = false
    /// The footnotes list's accessible name and each footnote's link back to the text, in the page's language
    /// (a site takes them from its translations file: `footnotes`, `backToText`).
    public var footnotesLabel = "Footnotes"
    public var backToTextLabel = "Back to the text"

    public struct Container: Sendable, Equatable {
        public var open: String
        public var close: String
        /// Makes the opening HTML from the rest of the info string (```` ```next 2026-02-03 ```` → `2026-02-03`),
        /// instead of `open`.
        public var openWithArgument: (@Sendable (String) -> String)?
        public init(open: String, close: String) {
            self.open = open
            self.close = close
        }
        public init(close: String, openWithArgument: @escaping @Sendable (String) -> String) {
            self.open = ""
            self.close = close
            self.openWithArgument = openWithArgument
        }
        public static func == (left: Container, right: Container) -> Bool {
            left.open == right.open && left.close == right.close && (left.openWithArgument == nil) == (right.openWithArgument == nil)
        }
    }

    public init(interceptedFences: Set<String> = [], containerFences: [String: Container] = [:],
                reservedIDs: Set<String> = [], autolinks: AutolinkTerms = [],
                citations: Bool = true, smartPunctuation: Bool = true, relativeImagePrefix: String = "",
                allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
        self.interceptedFences = interceptedFences
        self.containerFences = containerFences
        self.reservedIDs = reservedIDs
        self.autolinks = autolinks
        self.citations = citations
        self.smartPunctuation = smartPunctuation
        self.relativeImagePrefix = relativeImagePrefix
    }
}
