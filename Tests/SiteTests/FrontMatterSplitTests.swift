import Testing
@testable import Site
import Markdown

/// `splitFrontMatter` cuts only the lines up to the closing `---`: on generated files it gives what cutting every line
/// (the split as first written, below) gives — the same front matter, body and body line, or the same error.
@Suite struct FrontMatterSplit {
    @Test(arguments: [false, true])
    func givesWhatCuttingEveryLineGives(_ homePage: Bool) {
        let pieces = ["---", "---", "--- ", "----", "title: A", "title: A", "summary: B", "draft: true", "x", "", " ",
                      "é", "\r", "\u{301}", "body text", "# Heading"]
        var state: UInt64 = homePage ? 19 : 23
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var split = 0
        for _ in 0..<10_000 {
            // Mostly an opening line and a title, so that many files split.
            var lines: [String] = next() % 4 == 0 ? [] : next() % 4 == 0 ? ["--- "] : ["---"]
            if next() % 4 != 0 { lines.append("title: A") }
            for _ in 0..<(next() % 9) { lines.append(pieces[next() % pieces.count]) }
            let text = lines.joined(separator: "\n") + (next() % 2 == 0 ? "\n" : "")
            let fast = Result { () throws(BuildFailure) in try splitFrontMatter(text, file: "a.md", homePage: homePage) }
            let expected = Result { () throws(BuildFailure) in try splitByEveryLine(text, file: "a.md", homePage: homePage) }
            switch (fast, expected) {
            case let (.success(a), .success(b)):
                #expect(a.frontMatter == b.frontMatter && a.body == b.body && a.bodyLine == b.bodyLine && a.problems == b.problems,
                        "\(text.debugDescription)")
                split += 1
            case let (.failure(a), .failure(b)):
                #expect(a.diagnostics == b.diagnostics, "\(text.debugDescription)")
            default:
                Issue.record("one failed, the other did not: \(text.debugDescription)")
            }
        }
        #expect(split > 1_000)
    }

    @Test func leadingLinesAreTheFirstLinesSplittingGives() {
        for text in ["", "\n", "a", "a\nb", "a\n---\nb\n", "---\n---", "a\r\n---\nb", "x\n\u{301}---\n---\n", "é\n---"] {
            let all = splitLines(text)
            let (lines, more) = leadingLines(text) { _, line in line == "---" }
            let count = (all.firstIndex(of: "---") ?? all.count - 1) + 1
            #expect(lines == Array(all.prefix(count)) && more == (count < all.count), "\(text.debugDescription)")
        }
    }

    /// The split by every line: the reference.
    func splitByEveryLine(_ text: String, file: String, homePage: Bool) throws(BuildFailure) -> SplitChapter {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if homePage, lines.first?.trimmingTrailingSpaces() != "---" {
            return SplitChapter(frontMatter: FrontMatter(title: ""), body: text, bodyLine: 1)
        }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            throw BuildFailure([missingFrontMatter(text, file: file)])
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces() == "---" }) else {
            throw BuildFailure([Diagnostic(file: file, line: 1, column: 1, message: "front matter is not closed",
                                           hint: "add a line '---' after the last front-matter key")])
        }
        let matter: FrontMatter
        var problems: [Diagnostic] = []
        if let simple = simpleFrontMatter(lines[1..<close]) {
            matter = simple
        } else {
            (matter, problems) = try checkedYAMLFrontMatter(lines[1..<close], file: file, titleRequired: !homePage)
        }
        let body = close + 1 < lines.count ? String(text[lines[close + 1].startIndex...]) : ""
        return SplitChapter(frontMatter: matter, body: body, bodyLine: close + 2, problems: problems)
    }
}
