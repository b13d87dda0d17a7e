import Testing
@testable import Site
import Markdown

/// `unclosedFenceWarning` reads only the lines `possibleFenceLines` passes it: on generated chapters it warns exactly
/// where reading every line by `Character` (the check as first written, below) does.
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

    /// The check on every line by `Character`: the reference.
    func unclosedFenceByCharacters(_ body: String, file: String, lineOffset: Int) -> Diagnostic? {
        var open: (marker: Substring, line: Int, info: Substring)? = nil
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var text = line.drop { $0 == " " }
            while text.first == ">" { text = text.dropFirst().drop { $0 == " " } }
            let marker = text.prefix { $0 == "`" || $0 == "~" }
            guard marker.count >= 3, Set(marker).count == 1 else { continue }
            let rest = text.dropFirst(marker.count)
            if let current = open {
                if marker.first == current.marker.first, marker.count >= current.marker.count, rest.allSatisfy({ $0 == " " }) {
                    open = nil
                }
            } else if !(marker.first == "`" && rest.contains("`")) {
                open = (marker, index + 1, rest.drop { $0 == " " })
            }
        }
        guard let open else { return nil }
        let what = open.info.isEmpty ? "fence \(open.marker)" : "fence \(open.marker)\(open.info.split(separator: " ").first!)"
        return Diagnostic(file: file, line: open.line + lineOffset, column: 1,
                          message: "the \(what) is never closed: everything after it, to the end of the file, is inside it",
                          hint: "close it with a line \(open.marker) where the block ends", severity: .warning)
    }
}
