import Foundation
import Testing
@testable import Site

/// Budgets from the publishing brief: a chapter (with its inline SVGs) ≤ 150 KB in every language, CSS ≤ 20 KB, all JS ≤ 10 KB gzipped
/// (the search script ≤ 6 KB, its index ≤ 100 KB), and nothing loaded from another host.
@Suite struct PageWeight {
    @Test func everyChapterPageIsAtMost150KB() throws {
        // content/index.md is the home page's text, not a chapter.
        let chapters = repositorySource.chapters.filter { !$0.path.hasSuffix("/index.md") }
            .compactMap { ChapterFile(fileName: String($0.path.split(separator: "/").last!)) }
        #expect(!chapters.isEmpty)
        // Every language's copy: a Chinese character takes three bytes, and the Chinese pages are the heavier.
        let slugs = Set(chapters.map(\.slug))
        let pages = repositoryOutput.sortedPaths.filter { path in
            let parts = path.split(separator: "/")
            return parts.last == "index.html" && parts.count >= 2 && slugs.contains(String(parts[parts.count - 2]))
        }
        #expect(pages.count >= 2 * chapters.count, "\(pages.count) chapter pages for \(chapters.count) chapters in two languages")
        for page in pages {
            let bytes = try #require(repositoryOutput[page]).count
            #expect(bytes <= 150 * 1024, "\(page) is \(bytes / 1024) KB")
        }
    }

    /// Scripts are counted as served, gzipped (issue 22); the search index (`search/`) is data, with its own budget.
    @Test func stylesheetsAreAtMost20KBAndScriptsAtMost10KBGzippedInTotal() throws {
        let css = repositoryOutput.sortedPaths.filter { $0.hasSuffix(".css") }.map { repositoryOutput[$0]!.count }.reduce(0, +)
        let scripts = repositoryOutput.sortedPaths.filter { ($0.hasSuffix(".js") || $0.hasSuffix(".mjs")) && !$0.hasPrefix("search/") && !$0.contains("/search/") }
        let js = try scripts.map { try gzippedSize(repositoryOutput[$0]!) }.reduce(0, +)
        // A page's inline scripts travel in its gzipped HTML: counted gzipped too (the largest page's, all together).
        let inlineJS = try repositoryOutput.sortedPaths.filter { $0.hasSuffix(".html") }.map { path in
            let inline = inlineScripts(in: text(repositoryOutput, path)!).joined()
            return inline.isEmpty ? 0 : try gzippedSize(Array(inline.utf8))
        }.max() ?? 0
        #expect(css > 0)
        #expect(css <= 20 * 1024, "CSS is \(css) bytes")
        #expect(js + inlineJS <= 10 * 1024, "JS is \(js) bytes gzipped in files plus up to \(inlineJS) inline")
        let search = try gzippedSize(try #require(repositoryOutput["assets/search.js"]))
        #expect(search <= 6 * 1024, "the search script is \(search) bytes gzipped")
    }

    /// The index is what finds results (meta.js and the term shards); the blocks of result text (b<N>.js) are fetched
    /// only for the results shown.
    @Test(arguments: ["search/en/", "zh-hant/search/zh-Hant/"])
    func eachLanguagesSearchIndexIsAtMost100KBGzipped(folder: String) throws {
        let files = repositoryOutput.sortedPaths.filter { $0.hasPrefix(folder) && !$0.dropFirst(folder.count).hasPrefix("b") }
        #expect(files.count > 2)
        let size = try files.map { try gzippedSize(repositoryOutput[$0]!) }.reduce(0, +)
        #expect(size <= 100 * 1024, "the index in \(folder) is \(size) bytes gzipped")
    }

    @Test func noPageLoadsAnythingFromAnotherHost() {
        for path in repositoryOutput.sortedPaths where path.hasSuffix(".html") {
            let html = text(repositoryOutput, path)!
            for tag in tags(in: html) {
                let name = tag.prefix { !$0.isWhitespace && $0 != ">" }.lowercased()
                let values = attributeValues(in: tag, names: ["src", "href", "srcset", "poster", "data"])
                // <a href> to an article elsewhere is a citation, not a request; <link rel="canonical"> names this site.
                if name == "a" || (name == "link" && tag.contains("rel=\"canonical\"")) { continue }
                for value in values where isRemote(value) {
                    Issue.record("\(path): <\(name)> loads \(value) from another host")
                }
            }
            #expect(!html.contains("url(http") && !html.contains("url(//"), "\(path) has a remote CSS url()")
        }
        for path in repositoryOutput.sortedPaths where path.hasSuffix(".css") {
            let css = text(repositoryOutput, path)!
            #expect(!css.contains("@import"), "\(path) imports another stylesheet")
            #expect(!css.contains("url(http") && !css.contains("url(\"http") && !css.contains("url(//"), "\(path) loads a remote url()")
        }
    }

    @Test func stylesheetHasADarkThemeAndAPrintStylesheet() throws {
        let css = try #require(text(repositoryOutput, "assets/site.css"))
        let dark = try #require(block(after: "@media (prefers-color-scheme: dark)", in: css))
        for property in ["--bg:", "--text:", "--link:", "--chart-bg:", "--chart-text:", "--chart-1:"] {
            #expect(dark.contains(property), "the dark theme does not set \(property)")
        }
        let print = try #require(block(after: "@media print", in: css))
        #expect(print.contains(".site-header") && print.contains("display: none"), "print keeps the site navigation")
        #expect(print.contains(".chart-variant { display: block"), "print does not show every scenario of a figure")
        #expect(print.contains("break-inside: avoid"), "print may split figures across pages")
    }
}

/// The size of `bytes` compressed by `gzip -9`, as a host compresses what it serves.
private func gzippedSize(_ bytes: [UInt8]) throws -> Int {
    let process = Process()
    process.executableURL = URL(filePath: "/usr/bin/env")
    process.arguments = ["gzip", "-9c"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    // Written on another thread: a large input would fill the pipe while gzip waits for its output to be read.
    let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
    writer.start()
    let compressed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return compressed.count
}

private func isRemote(_ value: String) -> Bool {
    let lower = value.lowercased()
    return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//")
}

/// The text of each start tag, without `<` (`a href="…"`), skipping comments and end tags.
private func tags(in html: String) -> [String] {
    html.split(separator: "<").compactMap { piece in
        guard let first = piece.first, first.isLetter, let end = piece.firstIndex(of: ">") else { return nil }
        return String(piece[..<end])
    }
}

private func inlineScripts(in html: String) -> [String] {
    html.components(separatedBy: "<script").dropFirst().compactMap { $0.components(separatedBy: "</script>").first }
}

/// The `{ … }` block that follows `marker`, braces balanced.
private func block(after marker: String, in css: String) -> String? {
    guard let start = css.range(of: marker)?.upperBound, let open = css[start...].firstIndex(of: "{") else { return nil }
    var depth = 0
    for index in css[open...].indices {
        if css[index] == "{" { depth += 1 }
        if css[index] == "}" { depth -= 1; if depth == 0 { return String(css[open...index]) } }
    }
    return nil
}
