import Testing
@testable import Site
import Markdown

/// `unclosedFenceWarning` reads only the lines `possibleFenceLines` passes it: on generated chapters it warns exactly
/// where reading every line, cut by `Character` as the check was first written (below), does.
@Suite struct FenceLineScan {
    @Test func warnsWhereReadingEveryLineByCharacterWarns() {
        let pieces = ["```", "~~~", "````", "``", "~~", "`~`", "```chart", "~~~ text", "``` x `y`", "   ", " ", "> ", ">",
                      ">>", "text", "é", "\u{301}", "`\u{301}", "~\u{301}", " \u{301}", "\r", "\t", "-", "\n", "\n", "\n"]
        var state: UInt64 = 17
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var warned = 0
        for _ in 0..<20_000 {
            var body = ""
            for _ in 0..<(next() % 30) { body += pieces[next() % pieces.count] }
            let fast = unclosedFenceWarning(body, file: "a.md", lineOffset: 3)
            let expected = unclosedFenceByCharacters(body, file: "a.md", lineOffset: 3)
            #expect(fast?.line == expected?.line && fast?.message == expected?.message, "\(body.debugDescription)")
            if expected != nil { warned += 1 }
        }
        #expect(warned > 2_000)
    }

    /// The check on every line, cut by `Character` (as it was first written): the reference.
    func unclosedFenceByCharacters(_ body: String, file: String, lineOffset: Int) -> Diagnostic? {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { (index: $0.offset, line: $0.element) }
        return unclosedFenceWarning(lines: lines, file: file, lineOffset: lineOffset)
    }
}

/// The control-character test of a chapter, eight bytes at a time, against testing each byte.
@Suite struct ControlByteScan {
    @Test func findsAForbiddenControlByteWhereTestingEachByteFindsOne() {
        let pieces = ["a", "text of a chapter", "\t", "\n", "\u{0C}", "\r", "\r\n", "\u{0}", "\u{1}", "\u{0B}", "\u{1B}",
                      "\u{1F}", " ", "\u{7F}", "é", "\u{85}", "中", "—"]
        var state: UInt64 = 29
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var found = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(next() % 12) { text += next() % 3 == 0 ? pieces[next() % pieces.count] : "x" }
            let expected = text.utf8.contains { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }
            #expect(hasForbiddenControlByte(text) == expected, "\(text.debugDescription)")
            if expected { found += 1 }
        }
        #expect(found > 2_000)
    }

    @Test func carriageReturnsBecomeLineFeedsAsBefore() throws {
        for (text, expected) in [("a\r\nb", "a\nb"), ("a\rb\r", "a\nb\n"), ("\r\r\n", "\n\n"), ("plain\n", "plain\n"), ("é\r", "é\n")] {
            let decoded = try decodeText(SourceFile(path: "a.md", bytes: Array(text.utf8)))
            #expect(decoded == expected)
        }
    }
}
