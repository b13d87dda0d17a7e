import Foundation
import Testing
@testable import Site

/// Issue 23: a page's size must not grow with the number of chapters. Past `menuChapters` (30 by default) the menu
/// lists the chapters around the page's own and links the contents page; the real site keeps its full menu.
@Suite struct ChapterMenuBound {
    /// A site of `count` one-paragraph chapters on the real templates, without search (not what is measured).
    func site(chapters count: Int, config extra: String = "") -> SourceTree {
        let files = (1...count).map { number in
            SourceFile(path: "content/\(String(format: "%05d", number))-chapter-\(number).md",
                       text: "---\ntitle: Chapter title \(number)\nsummary: What chapter \(number) says.\n---\n\nA paragraph of chapter \(number).\n")
        }
        return SourceTree(config: SourceFile(path: "content/site.yml", text: "title: Big site\ndescription: Many chapters.\nlanguage: en\nsearch: false\n" + extra),
                          chapters: files, sources: nil, glossary: nil, data: [], templates: repositorySource.templates,
                          assets: repositorySource.assets, images: [])
    }

    func menuEntries(_ html: String) -> Int {
        guard let start = html.range(of: "<details class=\"chapter-menu\">"), let end = html.range(of: "</details>", range: start.upperBound..<html.endIndex) else { return -1 }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<span class=\"chapter-number\">").count - 1
    }

    /// 100 against 2,000 chapters: a debug build of 10,000 takes about a minute of CPU, which starves the suite's
    /// time-limited tests on 2 cores. The 10,000-chapter page is measured with the release binary (BENCHMARKS.md).
    @Test func aChapterPageIsTheSameSizeAt100And2000Chapters() throws {
        let small = try build(site(chapters: 100))
        let large = try build(site(chapters: 2_000))
        // The same chapter in the middle of each site, and the first and last: numbers and titles differ only in digits.
        for (a, b) in [("00050-chapter-50", "01000-chapter-1000"), ("00001-chapter-1", "00001-chapter-1"), ("00100-chapter-100", "02000-chapter-2000")] {
            let pageA = try #require(text(small, "\(slug(a))/index.html"))
            let pageB = try #require(text(large, "\(slug(b))/index.html"))
            #expect(menuEntries(pageA) == 30 && menuEntries(pageB) == 30)
            // At most a few bytes per entry more, for the longer numbers: never a multiple.
            #expect(pageB.utf8.count <= pageA.utf8.count + 30 * 12, "\(b): \(pageB.utf8.count) bytes against \(pageA.utf8.count)")
        }
        #expect(text(large, "chapter-1000/index.html")?.contains(">All 2000 chapters</a>") == true)
    }

    func slug(_ name: String) -> String { String(name.drop { $0.isNumber || $0 == "-" }) }

    @Test func theMenuListsTheChaptersAroundTheCurrentOne() throws {
        let output = try build(site(chapters: 40, config: "menuChapters: 5\n"))
        let html = try #require(text(output, "chapter-20/index.html"))
        #expect(menuEntries(html) == 5)
        for number in 18...22 { #expect(html.contains(">Chapter title \(number)</a>")) }
        #expect(!html.contains(">Chapter title 17</a>") && !html.contains(">Chapter title 23</a>"))
        #expect(html.contains("aria-current=\"page\">Chapter title 20</a>"))
        #expect(html.contains(">All 40 chapters</a>"))
        // At the ends the window stays full; the contents page keeps every chapter.
        let last = try #require(text(output, "chapter-40/index.html"))
        for number in 36...40 { #expect(last.contains(">Chapter title \(number)</a>")) }
        let home = try #require(text(output, "index.html"))
        #expect(home.contains("Chapter title 1</a>") && home.contains("Chapter title 40</a>"))
    }

    @Test func aSiteWithinTheLimitListsEveryChapterWithoutTheContentsLink() throws {
        let output = try build(site(chapters: 30))
        let html = try #require(text(output, "chapter-1/index.html"))
        #expect(menuEntries(html) == 30)
        #expect(!html.contains("All 30 chapters"))
        let real = try #require(text(repositoryOutput, "four-steps/index.html"))
        let realChapters = repositorySource.chapters.filter { file in
            let parts = file.path.split(separator: "/")
            return parts.count == 2 && ChapterFile(fileName: String(parts[1]))?.kind == .chapter
        }
        #expect(realChapters.count > 1 && menuEntries(real) == realChapters.count)
    }

    @Test(arguments: ["menuChapters: 0", "menuChapters: ten", "menuChapters: -3"])
    func aMenuLimitThatIsNotAPositiveWholeNumberIsAnError(line: String) {
        let problems = diagnostics(of: site(chapters: 2, config: line + "\n"))
        #expect(problems.contains { $0.message.contains("'menuChapters' must be a whole number") && $0.line == 5 })
    }
}
