import Simulation
import Testing
@testable import Site

/// Translations files written the plain way are read without Yams; whenever that fast reading answers, Yams must read
/// the same text to the same strings, and everything it declines must still go through Yams.
@Suite struct SimpleMappingTests {
    @Test func readsExplainersOwnTranslationsWithoutYAMLAsYAMLDoes() throws {
        let files = starterTemplates.filter { $0.path.hasPrefix("templates/i18n/") }
        #expect(files.count >= 2)
        for file in files {
            let fast = try #require(simpleFlatMapping(file.text), "\(file.path) should take the fast reading")
            #expect(fast == (try Translations.parseYAML(file.text, code: "x", file: file.path)).strings, "\(file.path)")
        }
    }

    @Test func readsEscapesInDoubleQuotes() {
        #expect(simpleFlatMapping(#"a: "ch.\u00a0{n}""#) == ["a": "ch.\u{A0}{n}"])
        #expect(simpleFlatMapping(#"a: "x \"y\" \\ \/ z""#) == ["a": #"x "y" \ / z"#])
        #expect(simpleFlatMapping(#"space: """#) == ["space": ""])
        #expect(simpleFlatMapping("# comment\n\nlanguage.zh-Hant: 繁體中文\nb_2: \"q: # r\"") == ["language.zh-Hant": "繁體中文", "b_2": "q: # r"])
    }

    @Test(arguments: [
        "a: x # comment", "a: 'single'", #"a: "\x41""#, #"a: "\ud800""#, #"a: "\u00g1""#, #"a: "\u+0a0""#, #"a: "x\""#,
        #"a: "x" y""#, "a: x: y", "a:", "a: ", "a:x", "a : x", "  a: x", "a: x ", "a: \"open", "a: |", "a: >",
        "a: - x", "a: &r x", "a: *r", "a: !str x", "a: [x]", "a: {b: c}", "a: ?x", "a: @x", "a: `x`", "a: %x",
        "a: x\ttab", "a: x\u{2028}y", "a: \u{FEFF}x", "a: x\r", "1a: x", "a b: x", "\"a\": x", "a: x\na: y", "a: x\n  more",
        "---\na: x", "# only a comment", "", " # indented comment\na: x", "# a\u{2028}b: c\na: x", "a: ~", "a: =x",
    ])
    func declinesWhatItCannotReadExactly(_ text: String) {
        #expect(simpleFlatMapping(text) == nil)
    }

    /// Files assembled at random from pieces YAML treats specially; whenever the fast reading answers, Yams agrees.
    /// Seeded, so a failure names a case that repeats.
    @Test func agreesWithYAMLOnGeneratedFiles() {
        let keys = ["a", "b.c", "d-e", "f_1", "yes", "null", "Key", "1x", "a b", "\"q\""]
        let separators = [": ", ": ", ":  ", ":", " : ", ":\t"]
        let words = ["word", "two words", "yes", "true", "2024", "é", "中文", "it's", "(a)", "{n} min", "x-y", "100%", "$ billions", "$"]
        let pieces = ["-", "?", ":", ": ", "#", " #", "\"", "\\", "\\\"", "\\\\", "\\u00a0", "\\u00", "\\n", "\\t", "\\x41",
                      "\\/", "'", "&a", "*a", "!x", "|", ">", "%", "@", "`", "[", "]", "{", "}", ",", " ", "\t", "\u{A0}",
                      "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{85}", "\u{1F600}", "“q”", "$", "(", "~", "="]
        var random = RandomGenerator(seed: 20_261_207)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        var answered = 0
        for _ in 0..<10_000 {
            var lines: [String] = []
            for _ in 0..<(1 + Int(random.next() % 5)) {
                var value = ""
                for _ in 0..<(Int(random.next() % 4)) { value += random.next() % 4 == 0 ? pick(pieces) : pick(words) }
                if random.next() % 2 == 0 { value = "\"" + value + "\"" }
                switch random.next() % 10 {
                case 0: lines.append("")
                case 1: lines.append("# " + value)
                default: lines.append(pick(keys) + pick(separators) + value)
                }
            }
            let text = lines.joined(separator: "\n")
            guard let fast = simpleFlatMapping(text) else { continue }
            answered += 1
            let yaml = try? Translations.parseYAML(text, code: "x", file: "x.yml").strings
            #expect(fast == yaml, "file: \(lines)")
        }
        // The generator must reach the fast reading often enough for the comparison to mean something.
        #expect(answered > 300)
    }
}
