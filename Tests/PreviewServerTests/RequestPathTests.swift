import Hummingbird
import PreviewServer
import Site
import Testing

/// The files of a tiny site, as `resolveRequestPath` sees them.
private let files: Set<String> = [
    "index.html", "404.html", "assets/site.css", "four-steps/index.html", "data/fig-1.csv", "café/index.html",
    "a b.txt",
]

private func resolve(_ target: String) -> RequestResolution {
    resolveRequestPath(target) { files.contains($0) }
}

@Suite struct RequestPathResolution {
    @Test func rootServesTheHomePage() {
        #expect(resolve("/") == .file("index.html"))
    }

    @Test func aFileResolvesToItself() {
        #expect(resolve("/assets/site.css") == .file("assets/site.css"))
        #expect(resolve("/data/fig-1.csv") == .file("data/fig-1.csv"))
    }

    @Test func aFolderWithSlashServesItsIndex() {
        #expect(resolve("/four-steps/") == .file("four-steps/index.html"))
        #expect(resolve("/four-steps/index.html") == .file("four-steps/index.html"))
    }

    @Test func aFolderWithoutSlashRedirectsKeepingTheQuery() {
        #expect(resolve("/four-steps") == .redirect("/four-steps/"))
        #expect(resolve("/four-steps?x=1") == .redirect("/four-steps/?x=1"))
        #expect(resolve("/caf%C3%A9") == .redirect("/caf%C3%A9/"))
    }

    @Test func theQueryIsIgnoredForLookup() {
        #expect(resolve("/assets/site.css?explainer-v=123") == .file("assets/site.css"))
        #expect(resolve("/?a=b") == .file("index.html"))
    }

    @Test func percentEncodedNamesAreDecodedOnce() {
        #expect(resolve("/caf%c3%a9/") == .file("café/index.html"))
        #expect(resolve("/a%20b.txt") == .file("a b.txt"))
    }

    @Test func missingFilesAndFoldersWithoutIndexAreNotFound() {
        #expect(resolve("/nope.html") == .notFound)
        #expect(resolve("/assets/") == .notFound)
        #expect(resolve("/assets") == .notFound)
        #expect(resolve("/.git/config") == .notFound)
    }

    @Test(arguments: [
        "/../etc/passwd", "/assets/../../etc/passwd", "/four-steps/..", "/./index.html", "/four-steps/./",
        "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/.%2e/etc/passwd", "/%2e./etc/passwd", "/assets/%2e%2e/index.html",
        "/%2e/index.html",
    ])
    func dotSegmentsAreRefused(_ target: String) {
        #expect(isBadRequest(resolve(target)), "\(target)")
    }

    @Test(arguments: ["/..%2fetc%2fpasswd", "/assets%2fsite.css", "/assets%2Fsite.css", "/%2fetc/passwd"])
    func encodedSlashesAreRefused(_ target: String) {
        #expect(resolve(target) == .badRequest("encoded slashes are not allowed"), "\(target)")
    }

    @Test(arguments: ["/%252e%252e/etc/passwd", "/%252fetc", "/assets/%25", "/%25%32%65%25%32%65/"])
    func doubleEncodingIsRefused(_ target: String) {
        #expect(resolve(target) == .badRequest("double percent-encoding is not allowed"), "\(target)")
    }

    @Test(arguments: ["/..\\etc\\passwd", "/assets\\site.css", "/\\etc/passwd"])
    func backslashesAreRefused(_ target: String) {
        #expect(resolve(target) == .badRequest("backslashes are not allowed"), "\(target)")
    }

    @Test(arguments: ["/..%5cetc%5cpasswd", "/assets%5Csite.css"])
    func encodedBackslashesAreRefused(_ target: String) {
        #expect(resolve(target) == .badRequest("encoded backslashes are not allowed"), "\(target)")
    }

    @Test(arguments: ["/index.html%00", "/index.html%00.css", "/%00", "/index.html\u{0}", "/a%0ab", "/a%7fb", "/a%1Fb"])
    func controlBytesIncludingNULAreRefused(_ target: String) {
        #expect(resolve(target) == .badRequest("control characters are not allowed"), "\(target)")
    }

    @Test(arguments: ["//etc/passwd", "//example.com/", "/assets//site.css", "///"])
    func emptySegmentsAreRefusedSoAbsolutePathsCannotSneakIn(_ target: String) {
        #expect(resolve(target) == .badRequest("empty path segment"), "\(target)")
    }

    @Test(arguments: ["etc/passwd", "", "*", "C:/Windows/win.ini", "http://example.com/", "?x=/"])
    func targetsNotStartingWithASlashAreRefused(_ target: String) {
        #expect(resolve(target) == .badRequest("the path must start with /"), "\(target)")
    }

    @Test(arguments: ["/%", "/%2", "/%zz", "/%g0/", "/index.html%2"])
    func malformedEscapesAreRefused(_ target: String) {
        #expect(resolve(target) == .badRequest("malformed percent escape"), "\(target)")
    }

    @Test(arguments: ["/%c0%ae%c0%ae/etc/passwd", "/%ff", "/caf%c3"])
    func invalidUTF8IncludingOverlongDotsIsRefused(_ target: String) {
        #expect(resolve(target) == .badRequest("the path is not valid UTF-8"), "\(target)")
    }

    @Test func onlyTheSiteIsConsulted() {
        var asked: [String] = []
        _ = resolveRequestPath("/four-steps") { asked.append($0); return false }
        #expect(asked == ["four-steps", "four-steps/index.html"])
        asked = []
        _ = resolveRequestPath("/%2e%2e/etc/passwd") { asked.append($0); return true }
        #expect(asked.isEmpty)
    }
}

private func isBadRequest(_ resolution: RequestResolution) -> Bool {
    if case .badRequest = resolution { return true }
    return false
}

/// The served site answers targets that name a file as they stand from a table made once per build; every target
/// must get the answer the general resolution gives.
@Suite struct PlainTargets {
    @Test func tableAnswersAreTheGeneralResolutionsAnswers() {
        let site = ServedSite(OutputTree(files: [
            "index.html": Array("home".utf8), "a/index.html": Array("a".utf8), "a/b.css": Array("b".utf8),
            "...": Array("dots".utf8), "x y/index.html": Array("space".utf8), "404.html": Array("missing".utf8),
        ]))
        let targets = ["/", "/index.html", "/a/", "/a", "/a/index.html", "/a/b.css", "/a/./b.css", "/a/%62.css", "/a//b.css",
                       "/...", "/../a/", "/x%20y/", "/a/b.css?v=1", "/A/", "/a/b.css/", "//a/", "/nope"]
        for target in targets {
            let expected: String? = switch resolveRequestPath(target, isFile: { site.files[$0] != nil }) {
            case let .file(path): site.files[path]!.etag
            default: nil
            }
            switch site.answer(to: target, method: .get) {
            case let .file(representation, status, _):
                if status == .ok {
                    #expect(representation.etag == expected, "\(target)")
                } else {
                    #expect(expected == nil, "\(target)")
                }
            default:
                #expect(expected == nil, "\(target)")
            }
        }
    }
}

/// A miss under a language's folder gets that language's 404 page, as the README's nginx and Apache set-ups answer
/// (QA 16 N7: the English page came back for `/zh-hant/nothing/` when JavaScript was off).
@Suite struct LanguageNotFoundPages {
    @Test func aMissGetsTheNearestFoldersNotFoundPage() {
        let site = ServedSite(OutputTree(files: [
            "index.html": Array("home".utf8), "404.html": Array("missing".utf8),
            "zh-hant/index.html": Array("zh home".utf8), "zh-hant/404.html": Array("zh missing".utf8),
        ]))
        for (target, page) in [("/nothing/", "missing"), ("/zh-hant/nothing/", "zh missing"), ("/zh-hant/map/gone?x=1", "zh missing"),
                               ("/zh-hant/a/b/c.css", "zh missing"), ("/zh-hanto/", "missing"), ("/map/zh-hant", "missing")] {
            guard case let .file(representation, status, _) = site.answer(to: target, method: .get) else {
                Issue.record("\(target): no page")
                continue
            }
            #expect(status == .notFound, "\(target)")
            #expect(String(buffer: representation.body) == page, "\(target)")
        }
    }
}
