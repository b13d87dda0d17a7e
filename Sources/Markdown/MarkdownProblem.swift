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
        /// Pandoc's forms, `[see @key]` (words before the key inside the brackets) and `[-@key]` (the author left out),
        /// which are not citations here (they stay text).
        case pandocCitation(String)
        /// `[^two words]`: a footnote label with a space, which is never a footnote (it stays text).
        case footnoteLabelWithSpace(String)
        /// A second `[^label]:` definition of a label; `firstLine` is the first one's line. Only the first is used.
        case duplicateFootnote(String, firstLine: Int)
        /// A `[^label]:` definition that no `[^label]` refers to: its text is published nowhere.
        case unusedFootnote(String)
        /// `<!--` with no `-->` after it: the comment hides the rest of the chapter (or shows as text inside a paragraph).
        case unclosedComment
        /// A fenced block indented by four spaces or more (under a list item, say), which is a code block showing the
        /// fence as text: the fence's first line.
        case indentedFence(String)
        /// `##Heading` with no space after the `#`s: a paragraph, not a heading.
        case headingWithoutSpace(String)
        /// A line of `---` right under a line of text, which makes that text a heading (CommonMark's setext heading)
        /// where a writer may have meant a rule.
        case dashesUnderText(String)
        /// A paragraph indented four spaces or more, which CommonMark makes a code block: its first line.
        case indentedProse(String)
        /// A numbered list starting at a year (`2024. That is the year …` at a line's start): the number.
        case yearStartsList(Int)
        /// A numbered list starting at a day written the German way (`19. Juli war …` at a line's start): the date as
        /// written ("19. Juli").
        case dayStartsList(String)
        /// A line starting `- ` (or `* `, `+ `) inside a paragraph, which starts a one-item list there: its marker and
        /// text ("- 25 % in one day.").
        case listInsideParagraph(String)
        /// `[text][label]` or `[label][]` with no `[label]: address` definition in the chapter (it stays text): the
        /// label and the link as written.
        case undefinedLinkLabel(String, written: String)
        /// `[text](address with spaces)` or `![alt](…)` left as text because the address has a space.
        case linkWithSpaces(String)
        /// `[](address)`: a link with no text, which the reader cannot see or click (links to a figure or table fill in
        /// their own).
        case emptyLinkText(String)
        /// A table row with more cells than the header: the extra cells would be dropped.
        case tableRowTooLong(cells: Int, header: Int)
        /// Lines of `| … |` cells with no delimiter row (`|---|---|`) under the first: shown as text, pipes and all.
        case tableWithoutDelimiterRow
        /// A `Table: …` caption with no table right above it: shown as text.
        case captionWithoutTable(String)
        /// A fence named like one of the site's blocks but not quite (```` ```Careful ````, ```` ```caution ````), which
        /// is shown as code: the name written and the block meant.
        case blockNameMistake(String, meant: String)
        /// A fence named with another tool's word for a box, a diagram or math (```` ```note ````, ```` ```mermaid ````,
        /// ```` ```math ````, in any letters), which is shown as code: the name written and what the other tool makes of it.
        case otherToolsBlock(String, OtherToolsBlock)
        /// A fence named with a word of another language for a box (```` ```nota ````, ```` ```cuidado ````,
        /// ```` ```Achtung ````; `MarkdownProblem.otherLanguageBoxWords`), which is shown as code: the name written and
        /// the English word (`note`, `tip`, or `careful` for a caveat).
        case otherLanguageBlockName(String, english: String)
        /// A paragraph starting with another language's word for a table caption (`Tabla:`, `Tableau :`, `Tabelle:`),
        /// shown as text: the word and its colon as written (`Tabelle:`, `表：`, `Table：`) and the paragraph's text.
        case otherLanguageCaption(String, text: String)
        /// A line of colons that opens a Pandoc or Quarto fenced div (`::: {.callout-note}`), or closes none: shown as
        /// text. The line as written.
        case fencedDiv(String)
        /// A GitHub or Obsidian alert, a quotation starting `> [!NOTE]`: shown as a quotation with `[!NOTE]` in it.
        /// The marker as written.
        case alert(String)
        /// A Hugo shortcode (`{{< figure src="…" >}}`, `{{% note %}}`) outside code: shown as text. The shortcode as
        /// written.
        case shortcode(String)

        /// `{#…}` at the end of a heading holding no usable id (empty, or with a space): the id as written.
        case invalidHeadingID(String)
        /// `{#id}` on a heading when the page already uses that id: `firstLine` is the heading that took it first, nil
        /// when the page's template uses it (`notes`, `top`) or a table's caption took it.
        case duplicateHeadingID(String, firstLine: Int?)

        /// Published as written but possibly meant: reported as a warning, not an error.
        public var isWarning: Bool {
            switch self {
            case .unusedFootnote, .dashesUnderText, .indentedProse, .yearStartsList, .dayStartsList, .listInsideParagraph, .undefinedLinkLabel,
                 .otherLanguageBlockName, .otherLanguageCaption: true
            default: false
            }
        }
    }

    /// Spanish, French, German, Korean, Japanese and Chinese words for a box, and words for a chart, by the English block
    /// or word meant (`careful` for a caveat, `chart`):
    /// block names are English whatever the page's language, and a fence named so is shown as code. The README lists them.
    public static let otherLanguageBoxWords: [String: String] = [
        // Spanish
        "nota": "note", "notas": "note", "consejo": "tip", "cuidado": "careful", "precaución": "careful",
        "precaucion": "careful", "advertencia": "careful", "atención": "careful", "atencion": "careful", "aviso": "careful",
        "importante": "careful", "ojo": "careful", "siguiente": "next", "próximo": "next", "proximo": "next",
        "próximamente": "next", "proximamente": "next",
        // Italian and Portuguese (their nota, cuidado, aviso and importante are the Spanish words)
        "attenzione": "careful", "avvertenza": "careful", "suggerimento": "tip", "consiglio": "tip", "prossimo": "next",
        "atenção": "careful", "atencao": "careful", "dica": "tip", "observação": "note", "observacao": "note",
        // French
        "remarque": "note", "astuce": "tip", "conseil": "tip", "avertissement": "careful", "prudence": "careful",
        "mise-en-garde": "careful", "suivant": "next", "prochain": "next", "à-suivre": "next", "a-suivre": "next",
        // German
        "notiz": "note", "hinweis": "note", "anmerkung": "note", "tipp": "tip", "achtung": "careful", "vorsicht": "careful",
        "warnung": "careful", "wichtig": "careful", "nächste": "next", "naechste": "next", "ausblick": "next",
        // Korean, Japanese and Chinese
        "주의": "careful", "경고": "careful", "참고": "note", "메모": "note", "팁": "tip", "注意": "careful", "警告": "careful",
        "備考": "note", "メモ": "note", "ヒント": "tip", "小心": "careful", "提示": "tip", "備註": "note", "备注": "note",
        "중요": "careful", "다음": "next", "重要": "careful", "次": "next", "次回": "next", "今後": "next", "下一步": "next",
        "接下來": "next", "接下来": "next", "後續": "next", "后续": "next",
        // A chart, in those languages and in Italian, Portuguese, Korean, Japanese and Chinese
        "graphique": "chart", "graphe": "chart", "diagramme": "chart", "gráfico": "chart", "grafico": "chart",
        "gráfica": "chart", "grafica": "chart", "diagramm": "chart", "grafik": "chart", "schaubild": "chart",
        "차트": "chart", "그래프": "chart", "グラフ": "chart", "チャート": "chart", "圖表": "chart", "图表": "chart",
    ]

    /// Spanish, French, German, Italian, Portuguese, Dutch, Japanese, Chinese and Korean words that start a table's
    /// caption (`Tabla: …`, `表：…`, `표: …`): a caption starts with `Table:`.
    public static let otherLanguageCaptionWords = ["Tabla", "Cuadro", "Tableau", "Tabelle", "Tabella", "Tabela", "Tabel", "表", "표"]

    /// What another tool makes of a fenced block that this site shows as code.
    public enum OtherToolsBlock: Sendable, Equatable {
        /// A box for a remark (`note`, `tip`, `info`, `aside`, `callout`).
        case callout
        /// A diagram drawn from text (`mermaid`, `plantuml`).
        case diagram
        /// Typeset math (`math`, `katex`).
        case math
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
