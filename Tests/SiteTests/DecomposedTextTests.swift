import Foundation
import Testing
@testable import Site

/// Trial 14 (M1): text copied on a Mac is often decomposed (NFD: "e" and a combining accent). Swift compares it equal
/// to the composed form, so `check` passed a link whose `#prêts` was written one way and the heading the other, while a
/// browser, comparing bytes, landed at the top of the page.
@Suite struct DecomposedText {
    private let composed = "## Prêts à taux variable\n\nText.\n\n## 변동금리 대출\n\nMore.\n"

    @Test(arguments: [(heading: true, link: false), (heading: false, link: true), (heading: true, link: true)])
    func linksAndHeadingsWrittenDecomposedMeetByteForByte(heading: Bool, link: Bool) throws {
        let nfd = { (text: String) in text.decomposedStringWithCanonicalMapping }
        let second = "---\ntitle: Crédit\n---\n" + (heading ? nfd(composed) : composed)
        let links = "[variable](02-credit.md#prêts-à-taux-variable) and [대출](02-credit.md#변동금리-대출)"
        let first = "---\ntitle: Loyers\n---\nSee " + (link ? nfd(links) : links) + ".\n"
        #expect(Array(nfd(links).utf8) != Array(links.utf8))
        let output = try build(miniSite(chapter: first, name: "01-loyers.md",
                                        extraChapters: [SourceFile(path: "content/02-credit.md", text: second)]))
        let credit = try #require(text(output, "credit/index.html"))
        let loyers = try #require(text(output, "loyers/index.html"))
        // Byte comparisons, as a browser makes them: the id as it is, the link's anchor percent-encoded.
        for id in ["prêts-à-taux-variable", "변동금리-대출"] {
            let encoded = id.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!
            #expect(credit.utf8.contains(subsequence: Array("id=\"\(id)\"".utf8)), "\(id)")
            #expect(loyers.utf8.contains(subsequence: Array("#\(encoded)\"".utf8)), "\(encoded)")
        }
    }

    @Test func onlyTextThatMayChangeIsComposed() {
        #expect(!mayNeedComposing("Plain English, “quoted” — with a café and 2 %."))
        #expect(!mayNeedComposing("中文的標點：「引號」、全形（括號）與かな。"))
        #expect(mayNeedComposing("cafe\u{301}"))
        #expect(mayNeedComposing("\u{1100}\u{1161}"))
        #expect(mayNeedComposing("か\u{3099}"))
        #expect(mayNeedComposing("\u{212B}"))
        // Whatever the screen passes is already composed.
        for sample in ["Plain English, “quoted” — with a café", "中文的標點：「引號」", "Ωmega – 100 %"] where !mayNeedComposing(sample) {
            #expect(Array(sample.precomposedStringWithCanonicalMapping.utf8) == Array(sample.utf8))
        }
    }
}

/// Trial 14 (S7): an apostrophe in a link's anchor (`#construire-là-où-l'on-veut-vivre`, where the heading's id drops it)
/// was reported at `public/…/index.html:1:1` with the link escaped (`l&#x27;on`), not at the link in the chapter.
@Suite struct ApostropheInAnchor {
    @Test func aLinkWithAnApostropheInItsAnchorIsReportedWhereItIsWritten() {
        let first = "---\ntitle: Loyers\n---\nVoir [là](02-credit.md#où-l'on-vit).\n"
        let second = "---\ntitle: Crédit\n---\n## Où l'on vit\n\nText.\n"
        let found = diagnostics(of: miniSite(chapter: first, name: "01-loyers.md",
                                             extraChapters: [SourceFile(path: "content/02-credit.md", text: second)]))
        #expect(found.map(\.file) == ["content/01-loyers.md"])
        #expect(found.first.map { "\($0.line):\($0.column)" } == "4:11")
        #expect(found.first?.message == "link '02-credit.md#où-l'on-vit' points to a missing anchor '#où-l'on-vit'")
        #expect(found.first?.hint == "did you mean '#où-lon-vit'?")
    }
}

private extension String.UTF8View {
    func contains(subsequence: [UInt8]) -> Bool {
        let bytes = Array(self)
        guard subsequence.count <= bytes.count else { return false }
        return (0...(bytes.count - subsequence.count)).contains { start in bytes[start..<(start + subsequence.count)].elementsEqual(subsequence) }
    }
}

/// Trial 14 (g07, g13): a failed download saved as `map.png` (an HTML page) or a text file renamed was published as a
/// broken picture, with no message.
@Suite struct MislabelledImages {
    private func warnings(_ image: SourceFile) throws -> [Diagnostic] {
        let chapter = "---\ntitle: A\n---\n![A map](images/\(image.path.split(separator: "/").last!))\n"
        return try build(miniSite(chapter: chapter, images: [image])).warnings.filter { $0.file == image.path }
    }

    @Test func aWebPageSavedAsAPictureIsAWarning() throws {
        let found = try warnings(SourceFile(path: "content/images/map.png", text: "<!DOCTYPE html>\n<html><body>404</body></html>\n"))
        #expect(found.map(\.message) == ["content/images/map.png is named as a PNG image, but it is a web page (it starts "
                                         + "'<!DOCTYPE html>'; a failed download saved under the picture's name?): the page would show a broken picture"])
        #expect(found.first?.hint?.hasPrefix("save the picture itself again") == true)
    }

    @Test func aPictureOfAnotherFormatGetsItsName() throws {
        let jpeg = SourceFile(path: "content/images/photo.png", bytes: [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 20))
        #expect(try warnings(jpeg).map(\.hint) == ["rename it to end in .jpg, or save it again as PNG"])
        let png = SourceFile(path: "content/images/photo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 20))
        #expect(try warnings(png).isEmpty)
        #expect(try warnings(SourceFile(path: "content/images/logo.svg", text: "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")).isEmpty)
    }
}
