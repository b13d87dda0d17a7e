import Testing
@testable import Site

/// YAML may not be indented with tabs; the check runs on bytes and must find the line the `Character` definition finds.
@Suite struct TabIndentationTests {
    /// The plain definition: lines split at "\n" characters, indentation the leading " " and "\t" characters.
    private func reference(_ text: String) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") { return index + 1 }
        }
        return nil
    }

    @Test(arguments: [
        "a: 1\n\tb: 2", "a: 1\n  \tb: 2", "a:\tb", "a: 1\r\n\tb: 2", "a: 1\r\n\r\n\tb", "\t", "", "\n\n \t",
        " \u{301}\tx", "\t\u{301}x", "x\n \u{301}\n\t", "a: \"\t\"\n b:\tc", "é: 1\n中: 2\n\t3", "a\r\tb", "\r\n\t",
    ])
    func findsTheLineTheCharacterDefinitionFinds(_ text: String) {
        let reader = YAMLReader(file: "a.yml", lineOffset: 0)
        #expect(reader.firstTabIndentation(text) == reference(text))
    }
}
