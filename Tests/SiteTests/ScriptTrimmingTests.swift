import Foundation
import Testing
@testable import Site

@Suite struct ScriptTrimmingTests {
    private func trimmed(_ text: String) -> String {
        String(decoding: trimmedScript(Array(text.utf8)), as: UTF8.self)
    }

    @Test func commentLinesAndIndentationGo() {
        let script = """
            // What it does.
            (() => {
              // Why.
              const a = 1; // stays: code before it
            \t  if (a) {
                  return a / 2;
              }
            })();

            """
        #expect(trimmed(script) == "(() => {\nconst a = 1; // stays: code before it\nif (a) {\nreturn a / 2;\n}\n})();\n")
    }

    @Test func toolCommentsAndBlankLinesStay() {
        let script = "  // @license magnet:?xt=x MIT\nf();\n\n//# sourceMappingURL=f.js.map\n//@ sourceURL=f.js"
        #expect(trimmed(script) == "// @license magnet:?xt=x MIT\nf();\n\n//# sourceMappingURL=f.js.map\n//@ sourceURL=f.js")
    }

    @Test func textInsideStringsAndRegularExpressionsIsCode() {
        // A `//` inside a string, a template or a regular expression does not make its line a comment, and quotes inside
        // a regular expression open no string.
        let script = """
            const url = "http://x//y", t = `a // ${b} // c`;
              const re = /"\\/\\/[`']/g, half = (a + b) / 2, q = x.in / 2;
              // gone

            """
        #expect(trimmed(script) == "const url = \"http://x//y\", t = `a // ${b} // c`;\nconst re = /\"\\/\\/[`']/g, half = (a + b) / 2, q = x.in / 2;\n")
    }

    @Test func aSubstitutionOverLinesIsCode() {
        let script = "const s = `a${\n    f(1)\n    // note\n  }b`;\n"
        #expect(trimmed(script) == "const s = `a${\nf(1)\n}b`;\n")
    }

    /// Each of these has a line that starts inside a template literal, a comment or a string: trimming it would change
    /// the text, so the file is left exactly as it is.
    @Test(arguments: [
        "const html = `\n  <p>\n  // not a comment\n  </p>`;\n",
        "/* a licence\n   // inside the comment\n   */\nf();\n",
        "const s = 'one \\\n    two';\n  // comment\n",
        "if (x) /`/.test(y)\n  // ambiguous: the first line may open a template\n",
        "f();\r  // a lone carriage return ends a line too\n",
        "f();\u{2028}  g();\n  // a line separator\n",
        "x = 1 <!-- 2\n  // an HTML-like comment\n",
        "const s = \"unclosed\n  // not JavaScript\n",
    ])
    func unsafeScriptsAreLeftAsTheyAre(_ script: String) {
        #expect(trimmed(script) == script)
    }

    @Test func aDivisionAfterAParenthesisIsNotARegularExpression() {
        // Read as a regular expression, `/ 2; const s = "` would open a string; read as a division the line is code.
        #expect(trimmed("  y = (a) / 2; const s = \"/\";\n  // c\n") == "y = (a) / 2; const s = \"/\";\n")
        // After `)` of an `if`, a regular expression: both readings end the line in code.
        #expect(trimmed("if (x) /a/.test(y);\n  z();\n") == "if (x) /a/.test(y);\nz();\n")
    }

    @Test func theSearchScriptIsTrimmedAndKeepsEveryLineOfCode() throws {
        let source = try #require(repositorySource.assets.first { $0.path == "templates/assets/search.js" })
        let original = String(decoding: source.bytes, as: UTF8.self)
        let served = try #require(text(repositoryOutput, "assets/search.js"))
        #expect(served.utf8.count < original.utf8.count * 9 / 10)
        let code = original.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.drop { $0 == " " || $0 == "\t" } }.filter { !$0.hasPrefix("//") }.map(String.init)
        #expect(served.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == code)
    }

    @Test func trimScriptsFalseServesScriptsAsTheyAre() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                        config: "title: T\nlanguage: en\ntrimScripts: false\n"))
        let source = try #require(repositorySource.assets.first { $0.path == "templates/assets/site.js" })
        #expect(output["assets/site.js"] == source.bytes)
        let trimmedOutput = try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n"))
        #expect(trimmedOutput["assets/site.js"] != source.bytes)
        // Stylesheets lose their comments only when scripts are trimmed too (`StylesheetTrimmingTests`).
        let stylesheet = repositorySource.assets.first { $0.path == "templates/assets/site.css" }?.bytes
        #expect(output["assets/site.css"] == stylesheet)
        #expect(trimmedOutput["assets/site.css"] != stylesheet)
    }
}
