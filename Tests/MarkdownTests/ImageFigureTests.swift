import Testing
@testable import Markdown

/// Requirement 5 of issue 19: an image with a title becomes a `<figure>` with a caption.
@Suite struct ImageFigureTests {
    @Test func anImageAloneWithATitleIsAFigureWithTheTitleAsItsCaption() {
        let html = renderMarkdown("![Depositors queue](images/q.png \"A run on a bank, 1933 & after\")\n").html
        #expect(html == "<figure class=\"image\">\n<img src=\"images/q.png\" alt=\"Depositors queue\" />\n"
            + "<figcaption>A run on a bank, 1933 &amp; after</figcaption>\n</figure>\n")
    }

    @Test func theCaptionGetsThePagesTypographicQuotesAndDashesButNoMarkdown() {
        let html = renderMarkdown("![A pump](p.png \"The heat pump's \\\"COP\\\" -- about 3 *not* [4](x)\")\n",
                                  options: MarkdownOptions(smartPunctuation: true)).html
        #expect(html.contains("<figcaption>The heat pump\u{2019}s \u{201C}COP\u{201D} \u{2013} about 3 *not* [4](x)</figcaption>"))
    }

    @Test func theImagesPathIsStillRewrittenAndCollected() {
        let rendered = renderMarkdown("Intro.\n\n![A chart](images/c.png 'Caption')\n",
                                      options: MarkdownOptions(relativeImagePrefix: "../"))
        #expect(rendered.html.contains("<figure class=\"image\">\n<img src=\"../images/c.png\" alt=\"A chart\" />"))
        #expect(rendered.links.map(\.destination) == ["images/c.png"])
    }

    @Test(arguments: ["![No title](images/q.png)\n", "Text with ![an icon](images/i.png \"Icon\") inside.\n",
                      "![One](a.png \"A\") ![Two](b.png \"B\")\n"])
    func otherImagesStayInTheirParagraph(_ text: String) {
        let html = renderMarkdown(text).html
        #expect(html.hasPrefix("<p>"))
        #expect(!html.contains("<figure"))
    }
}
