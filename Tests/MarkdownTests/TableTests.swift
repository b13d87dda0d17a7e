import Testing
@testable import Markdown

@Suite struct TableSyntaxTests {
    @Test func splitsRowsOnUnescapedPipesWithOptionalOuterPipes() {
        #expect(TableSyntax.row("| a | b |") == ["a", "b"])
        #expect(TableSyntax.row("a | b") == ["a", "b"])
        #expect(TableSyntax.row("| a || c") == ["a", "", "c"])
        #expect(TableSyntax.row(#"| f\|oo | `\|` | \\| x |"#) == ["f|oo", "`|`", #"\\"#, "x"])
        #expect(TableSyntax.row("   ") == nil)
    }

    @Test func readsAlignmentsFromDelimiterRows() {
        #expect(TableSyntax.delimiterRow("| :-- | --- | :-: | --: |") == [.left, .none, .center, .right])
        #expect(TableSyntax.delimiterRow(":-: | -----------:") == [.center, .right])
        #expect(TableSyntax.delimiterRow("|-|") == [.none])
        #expect(TableSyntax.delimiterRow("| --- | x |") == nil)
        #expect(TableSyntax.delimiterRow("| : |") == nil)
        #expect(TableSyntax.delimiterRow("    | --- |") == nil)
    }

    @Test func headerMustHaveAsManyCellsAsTheDelimiterRow() {
        #expect(TableSource.find(in: ["| a | b |", "| --- |", "| c |"]) == nil)
    }

    @Test func linesBeforeTheHeaderStayAParagraphAndRowsAreEvenedOut() {
        let table = TableSource.find(in: ["Intro text", "| a | b |", "|---|--:|", "| 1 |", "| 1 | 2 | 3 |"])
        #expect(table == TableSource(leadingLines: 1, header: ["a", "b"], alignments: [.none, .right],
                                     rows: [["1", ""], ["1", "2"]], overlong: [1: 3]))
    }
}

@Suite struct TableRenderingTests {
    @Test func rendersHeaderBodyAlignmentAndScrollWrapper() {
        let html = renderMarkdown("| Year | Loss |\n|:-----|-----:|\n| 2008 | *big* |\n").html
        #expect(html == """
            <div class="table-wrap" role="region" tabindex="0" aria-label="Table: Year, Loss">
            <table>
            <thead>
            <tr>
            <th style="text-align: left">Year</th>
            <th style="text-align: right">Loss</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td style="text-align: left">2008</td>
            <td style="text-align: right"><em>big</em></td>
            </tr>
            </tbody>
            </table>
            </div>

            """)
    }

    @Test func tableCaptionComesFromATableParagraphAfterIt() {
        let html = renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: Losses by *tranche*.\n\nAfter.\n").html
        #expect(html.contains("aria-label=\"Losses by tranche.\">\n<table id=\"table-losses-by-tranche\">\n<caption>"
                              + "<span class=\"table-number\"><!--explainer-table:0--></span> Losses by <em>tranche</em>.</caption>\n<thead>"))
        #expect(html.hasSuffix("</table>\n</div>\n<p>After.</p>\n"))
        #expect(!html.contains("Table:"))
    }

    @Test func captionedTablesAreNumberedInOrderWithIdsThatNeverTakeAHeadingsId() {
        let table = "| a |\n|---|\n| 1 |\n\n"
        let rendered = renderMarkdown("## Intro\n\n" + table + "Table: Runs\n\n" + table + "No caption.\n\n" + table
                                      + "Table: By decade {#table-decades}\n")
        #expect(rendered.tables == [NumberedTable(id: "table-runs", caption: "Runs"),
                                    NumberedTable(id: "table-decades", caption: "By decade")])
        #expect(rendered.html.contains("<table id=\"table-decades\">\n<caption><span class=\"table-number\"><!--explainer-table:1--></span> By decade</caption>"))
        #expect(rendered.html.components(separatedBy: "<table>").count == 2)   // the uncaptioned one has no id
        #expect(!rendered.html.contains("{#"))
    }

    @Test func aTableWhoseCaptionMatchesAnEarlierHeadingGetsASuffix() {
        let rendered = renderMarkdown("## Table runs\n\n| a |\n|---|\n\nTable: Runs\n")
        #expect(rendered.headings.map(\.id) == ["table-runs"])
        #expect(rendered.tables.map(\.id) == ["table-runs-2"])
    }

    /// As cmark-gfm 0.29.0.gfm.13 renders them: a cell's `[label]` uses the document's definitions, before or after it.
    @Test func linkReferenceDefinitionsResolveInsideCells() {
        let html = renderMarkdown("[foo]: /u\n\n| a | b |\n|---|---|\n| [foo][] | [bar] |\n| ![img] | [Foo] |\n\n[bar]: /b \"Bar\"\n"
                                  + "[img]:\n/i.png\n", options: MarkdownOptions(smartPunctuation: false)).html
        #expect(html.contains("<td><a href=\"/u\">foo</a></td>\n<td><a href=\"/b\" title=\"Bar\">bar</a></td>"))
        #expect(html.contains("<td><img src=\"/i.png\" alt=\"img\" /></td>\n<td><a href=\"/u\">Foo</a></td>"))
        #expect(!html.contains("<p>"))   // the definitions themselves still show nothing
    }

    @Test func definitionLookalikesInCodeOrMidParagraphDoNotResolveInCells() {
        let html = renderMarkdown("```\n[foo]: /code\n```\n\nText\n[bar]: /mid\n\n| a |\n|---|\n| [foo] [bar] |\n").html
        #expect(html.contains("<td>[foo] [bar]</td>"))
    }

    @Test func aBoxsTableSeesTheDocumentsDefinitions() {
        let html = renderMarkdown("```careful\n| a |\n|---|\n| [foo] |\n```\n\n[foo]: /u\n",
                                  options: MarkdownOptions(containerFences: ["careful": .init(open: "<aside>", close: "</aside>")])).html
        #expect(html.contains("<td><a href=\"/u\">foo</a></td>"))
    }

    @Test func cellsUseTheSiteInlineRules() {
        let rendered = renderMarkdown("| Claim | Source |\n|---|---|\n| \"Big\" -- really | [@iea] |\n")
        #expect(rendered.html.contains("<td>“Big” – really</td>"))
        #expect(rendered.html.contains("<td><sup class=\"cite\"><a href=\"#note-1\" id=\"cite-1\">1</a></sup></td>"))
        #expect(rendered.citations.map(\.key) == ["iea"])
        #expect(rendered.citations.first?.line == 3)
    }

    @Test func delimiterRowIsNotTurnedIntoDashes() {
        let html = renderMarkdown("| a |\n|-----|\n").html
        #expect(!html.contains("—") && !html.contains("–"))
        #expect(html.contains("<th>a</th>"))
    }

    @Test func cellThatLooksLikeABlockStaysText() {
        let html = renderMarkdown("| a | b |\n|---|---|\n| 1. Step | # not a heading |\n| - item | > quote |\n").html
        #expect(html.contains("<td>1. Step</td>\n<td># not a heading</td>"))
        #expect(html.contains("<td>- item</td>\n<td>&gt; quote</td>"))
    }

    @Test func tablesWorkInsideQuotesListsAndContainerBoxes() {
        let quoted = renderMarkdown("> | a | b |\n> |---|---|\n> | 1 | 2 |\n").html
        #expect(quoted.hasPrefix("<blockquote>\n<div class=\"table-wrap\""))
        #expect(quoted.contains("<td>2</td>"))
        let listed = renderMarkdown("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n").html
        #expect(listed.contains("<li>\n<p>item</p>\n<div class=\"table-wrap\""))
        let boxed = renderMarkdown("```careful\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n",
                                   options: MarkdownOptions(containerFences: ["careful": .init(open: "<aside>", close: "</aside>")]))
        #expect(boxed.html.contains("<aside>\n<div class=\"table-wrap\""))
        #expect(boxed.html.contains("<td>1</td>"))
    }

    @Test func paragraphLinesBeforeTheHeaderStayAParagraph() {
        let html = renderMarkdown("Some text\n| a | b |\n|---|---|\n").html
        #expect(html.hasPrefix("<p>Some text</p>\n<div class=\"table-wrap\""))
    }

    @Test func pipesWithoutADelimiterRowStayAParagraph() {
        #expect(renderMarkdown("a | b\nc | d\n").html == "<p>a | b\nc | d</p>\n")
    }
}
