import Simulation
import Testing
@testable import Site

/// Plain front matter is read without Yams; whenever that fast reading answers, Yams must read the same lines to the
/// same values, and everything it declines must still go through Yams.
@Suite struct SimpleFrontMatterTests {
    private func lines(_ text: String) -> ArraySlice<Substring> {
        text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    }

    @Test func readsTheUsualShapeWithoutYAML() {
        let text = """
            title: Here's the argument in one page
            question: "What is this site claiming, and how do the pieces fit together?"

            summary: A map of how AI spending, leases, bonds and chips (2024–2030) fit together.
            takeaway: "Spending: hundreds of billions; revenue # tens of billions."
            draft: false
            """
        let matter = simpleFrontMatter(lines(text))
        #expect(matter == FrontMatter(title: "Here's the argument in one page",
                                      question: "What is this site claiming, and how do the pieces fit together?",
                                      summary: "A map of how AI spending, leases, bonds and chips (2024–2030) fit together.",
                                      takeaway: "Spending: hundreds of billions; revenue # tens of billions.", draft: false))
        #expect(matter == (try? yamlFrontMatter(lines(text), file: "a.md")))
    }

    @Test(arguments: [
        "title: A # comment", "title: 'single'", #"title: "esc \" aped""#, "title: a: b", "title:", "title: ",
        "title:  ", "title:x", "title : x", "  title: x", "title: x ", "title: \"open", "title: \"\"", "title: |",
        "title: >", "title: - x", "title: &a x", "title: *a", "title: !str x", "title: [a]", "title: {a: b}",
        "title: ?x", "title: @x", "title: `x`", "title: %x", "title: x\ttab", "title: x\u{2028}y", "title: \u{FEFF}x",
        "title: x\u{85}y", "# comment", "title: a\ntitle: b", "summary: no title", "title: a\ndraft: yes",
        "title: a\ndraft: \"true\"", "title: a\ndraft: True", "title: a\nother: b", "title: a\n  more", "",
    ])
    func declinesWhatItCannotReadExactly(_ text: String) {
        #expect(simpleFrontMatter(lines(text)) == nil)
    }

    /// Front matter assembled at random from pieces YAML treats specially; whenever the fast reading answers, Yams
    /// agrees. Seeded, so a failure names a case that repeats.
    @Test func agreesWithYAMLOnGeneratedFrontMatter() {
        let keys = ["question", "summary", "takeaway", "draft", "title", "Title", "other"]
        let separators = [": ", ": ", ": ", ":  ", ":", " : ", ":\t"]
        let words = ["word", "two words", "yes", "true", "false", "2024", "é", "中文", "it's", "(a)", "a.b", "x-y"]
        let pieces = ["word", "two words", "yes", "no", "true", "false", "True", "null", "~", "2024", "1.5e3", "0x1F",
                      "-", "- ", "?", ":", ": ", "#", " #", "\"", "\\", "\\\"", "'", "''", "&a", "*a", "!x", "|", ">",
                      "%", "@", "`", "[", "]", "{", "}", ",", " ", "  ", "\t", "é", "中文", "“q”", "\u{A0}", "\u{2028}",
                      "\u{FEFF}", "\u{85}", "\u{7F}", "\u{1F600}", "(a)", "a.b", "x-y", "it's", "100%"]
        var random = RandomGenerator(seed: 20_251_202)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        var answered = 0
        for _ in 0..<20_000 {
            var text: [String] = []
            for line in 0..<(1 + Int(random.next() % 5)) {
                var value = ""
                for _ in 0..<(Int(random.next() % 4)) { value += random.next() % 4 == 0 ? pick(pieces) : pick(words) }
                if random.next() % 3 == 0 { value = "\"" + value + "\"" }
                let key = line == 0 && random.next() % 4 != 0 ? "title" : pick(keys)
                text.append(random.next() % 8 == 0 ? "" : key + pick(separators) + value)
            }
            let frontMatter = lines(text.joined(separator: "\n"))
            guard let fast = simpleFrontMatter(frontMatter) else { continue }
            answered += 1
            let yaml = try? yamlFrontMatter(frontMatter, file: "a.md")
            #expect(fast == yaml, "front matter: \(text)")
        }
        // The generator must reach the fast reading often enough for the comparison to mean something.
        #expect(answered > 200)
    }
}
