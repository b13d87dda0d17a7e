import Testing
@testable import Site

@Suite struct FigureReferenceTests {
    @Test func emptyLinksToFiguresShowTheFigureNumber() {
        let html = ##"<p>See <a href="#figure-a"></a> and <a href="../other/#figure-b"></a>.</p>"##
        #expect(fillFigureReferences(html, numbers: ["a": "6.3", "b": "2.1"])
                == ##"<p>See <a href="#figure-a">Figure 6.3</a> and <a href="../other/#figure-b">Figure 2.1</a>.</p>"##)
    }

    @Test func linksWithTextOrToUnknownFiguresStayAsWritten() {
        let html = ##"<a href="#figure-a">this chart</a> <a href="#figure-missing"></a>"##
        #expect(fillFigureReferences(html, numbers: ["a": "1"]) == html)
    }
}
