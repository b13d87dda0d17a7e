import Testing
@testable import Site

/// The link checker's attribute scan jumps between `=` signs; it must find exactly what trying every position does.
@Suite struct AttributeScanTests {
    /// The plain definition: at every position, the first ` name="` that starts there, its value up to the next
    /// `"`, and the scan goes on after that quote.
    private func reference(_ html: String, names: [String]) -> [String] {
        let bytes = Array(html.utf8)
        let patterns = names.map { Array(" \($0)=\"".utf8) }
        var values: [String] = []
        var index = 0
        while index < bytes.count {
            if let pattern = patterns.first(where: { index + $0.count <= bytes.count && Array(bytes[index..<(index + $0.count)]) == $0 }) {
                let start = index + pattern.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                values.append(String(decoding: bytes[start..<end], as: UTF8.self))
                index = end + 1
            } else {
                index += 1
            }
        }
        return values
    }

    @Test(arguments: [
        #"<a href="x/">x</a> <img src="i.png" alt="a = b"> <h2 id="top">T</h2>"#,
        #"<p>a = "b" and id="c" but  href="d" counts</p>"#,
        #"<a href="x id="y">z</a>"#,
        #"<a href="a"id="b" src=""x"></a>"#,
        #"<a href="unterminated"#,
        #"=" href=" src=" id=""#,
        #"<p title="e = mc²" id="é">ünïcode href="ok"</p>"#,
        "",
    ])
    func findsWhatTryingEveryPositionFinds(_ html: String) {
        let names = ["href", "src", "id"]
        #expect(attributeValues(in: html, names: names) == reference(html, names: names))
    }

    /// On generated text made of attributes' pieces (names that end like ours, quotes and `=` anywhere).
    @Test func findsWhatTryingEveryPositionFindsOnGeneratedText() {
        let names = ["href", "src", "id"]
        let pieces = [" href=\"", " src=\"", " id=\"", " data-id=\"", " hid=\"", " xsrc=\"", "href", "=", "\"", "=\"", " ", "a", "é", "<p>", "id"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let html = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(attributeValues(in: html, names: names) == reference(html, names: names), "\(html)")
        }
    }
}

/// Relative links resolve on bytes; the answer must be the one of resolving component by component.
@Suite struct JoinPathTests {
    /// The plain definition: the page's folders as a list, `..` pops, `.` and empty parts are skipped.
    private func reference(page: String, relative: String) -> String? {
        var components = page.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty || part == "." { continue }
            if part == ".." {
                guard !components.isEmpty else { return nil }
                components.removeLast()
            } else {
                components.append(String(part))
            }
        }
        let joined = components.joined(separator: "/")
        return relative.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }

    @Test(arguments: ["index.html", "a/index.html", "a/b/index.html", "sources/index.html"])
    func resolvesAsComponentByComponent(_ page: String) {
        let relatives = ["../x/", "../x/#h", "x", "./x/", "../../x", "../../../x", "..", "../", ".", "", "x//y/", "a/./b/../c",
                         "../é/ü.png", "../../", "x/..", "x/../..", "../x/y/z/"]
        for relative in relatives {
            #expect(joinPath(page: page, relative: relative) == reference(page: page, relative: relative), "\(page) + \(relative)")
        }
    }
}
