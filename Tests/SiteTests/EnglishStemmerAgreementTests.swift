import Foundation
import Testing
@testable import Site

/// The index stems with `stemEnglish` (Swift) and the reader's browser with `stem` in assets/search.js: a word they
/// stem apart is a word search cannot find. Both run here on every English word of this site, and on each of them with
/// the suffixes Porter's rules take apart, in Node.js (skipped where there is none; Tests/browser/search_test.py checks
/// the shared cases of terms.tsv in Chromium).
@Suite struct EnglishStemmerAgreementTests {
    static let node: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin")
        .split(separator: ":").map { URL(filePath: String($0)).appending(path: "node") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Every word of the English pages, and each with suffixes from Porter's steps (and inflections), so that every rule
    /// meets words it changes and words it must leave.
    static func words() -> [String] {
        let texts = (repositorySource.chapters + [repositorySource.glossary, repositorySource.sources].compactMap { $0 })
            .filter { !$0.path.hasPrefix("content/zh-hant/") }
            .map { String(decoding: $0.bytes, as: UTF8.self).lowercased() }
        var site = Set<String>()
        for text in texts {
            for word in text.split(whereSeparator: { !("a"..."z").contains($0) }) where word.count >= 3 { site.insert(String(word)) }
        }
        let suffixes = ["s", "es", "ies", "ed", "ied", "eed", "ing", "ly", "y", "ness", "ational", "tional", "ation", "ations",
                        "ator", "ization", "izer", "ize", "ized", "izing", "iz", "ement", "ment", "ments", "ence", "ance",
                        "enci", "anci", "ent", "entli", "ant", "able", "abli", "bli", "ible", "ability", "ibility", "biliti",
                        "al", "ally", "alli", "alism", "ality", "aliti", "alize", "ical", "ically", "icate", "iciti", "ic",
                        "ative", "ive", "ively", "iveness", "ivity", "iviti", "ful", "fully", "fulness", "ous", "ously",
                        "ousli", "ousness", "ou", "eli", "er", "ers", "ism", "ion", "sion", "tion", "ate", "iti", "logi",
                        "logy", "ll", "lled", "e"]
        var all = site
        for word in site {
            for suffix in suffixes { all.insert(word + suffix) }
        }
        return all.sorted()
    }

    /// `stem` as assets/search.js has it, with what it uses.
    static func browserStemmer() throws -> String {
        let script = try String(contentsOf: repositoryRoot.appending(path: "templates/assets/search.js"), encoding: .utf8)
        let start = try #require(script.range(of: "const SHORT =")).lowerBound
        let body = try #require(script.range(of: "const stem = w => {", range: start..<script.endIndex))
        let end = try #require(script.range(of: "\n  };", range: body.upperBound..<script.endIndex)).upperBound
        return "const NUMBER = /\\p{N}/u;\n" + script[start..<end]
    }

    @Test(.enabled(if: node != nil)) func swiftAndTheBrowserStemEveryWordAlike() throws {
        let words = Self.words()
        #expect(words.count > 100_000)
        let program = try Self.browserStemmer() + """

            const words = require("fs").readFileSync(0, "utf8").split("\\n");
            process.stdout.write(words.map(stem).join("\\n"));
            """
        let process = Process()
        process.executableURL = Self.node
        process.arguments = ["-e", program]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(words.joined(separator: "\n").utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let stems = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        try #require(stems.count == words.count)
        var differ: [String] = []
        for (word, browser) in zip(words, stems) where stemEnglish(word) != browser {
            differ.append("\(word): Swift \(stemEnglish(word)), browser \(browser)")
        }
        #expect(differ.isEmpty, "\(differ.count) words stem apart, e.g. \(differ.prefix(10).joined(separator: "; "))")
    }
}
