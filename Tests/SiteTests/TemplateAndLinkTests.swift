import Mustache
import Testing
@testable import Site

@Suite struct TemplateRendering {
    @Test(arguments: ["plain", "", "a<b>&\"'c", "café <b> & ü", "<\u{301} fused, & loose", "→ only non-ASCII", "\r\n<"])
    func valuesAreEscapedExactlyAsSwiftMustacheEscapesThem(_ value: String) {
        let reference = try! MustacheTemplate(string: "{{value}}").render(["value": value])
        #expect(TemplateEscaping().escapeText(value) == reference)
    }

    @Test func chapterTitlesAreEscapedInPages() throws {
        let output = try build(miniSite(chapter: "---\ntitle: 'Tom & \"Jerry''s\" <show>'\n---\nText.\n"))
        let page = try #require(text(output, "intro/index.html"))
        // Escaped after the quotes became typographic, as the body's are: only &, < and > need it then.
        #expect(page.contains("<h1>Tom &amp; “Jerry’s” &lt;show&gt;</h1>"))
        #expect(page.contains("<meta property=\"og:title\" content=\"Tom &amp; “Jerry’s” &lt;show&gt;\">"))
    }

    @Test func templateSyntaxErrorsPointAtTheirLine() {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n")
        site.templates.removeAll { $0.path == "templates/404.mustache" }
        site.templates.append(SourceFile(path: "templates/404.mustache", text: "<p>one</p>\n<p>two</p>\n{{/unopened}}\n"))
        let syntax = diagnostics(of: site).filter { $0.message.hasPrefix("template syntax error") }
        #expect(syntax.map(\.file) == ["templates/404.mustache"])
        #expect(syntax.map(\.line) == [3])
    }

    @Test func theMenuMarksOnlyTheCurrentChapter() throws {
        let second = SourceFile(path: "content/02-two.md", text: "---\ntitle: Two\n---\nText.\n")
        let output = try build(miniSite(chapter: "---\ntitle: One\n---\nText.\n", extraChapters: [second]))
        let page = try #require(text(output, "two/index.html"))
        #expect(page.contains("<a href=\"../two/\" aria-current=\"page\">"))
        #expect(page.contains("<a href=\"../intro/\">"))
        #expect(text(output, "index.html")?.contains("aria-current") == false)
    }
}

@Suite struct LinkChecking {
    @Test func fragmentLinksAreCheckedAgainstTheirOwnPage() {
        let second = SourceFile(path: "content/02-two.md",
                                text: "---\ntitle: Two\n---\n## Missing\n\n## Here\n\nSee [x](#missing) and [z](../two/#nope).\n")
        let first = "---\ntitle: One\n---\nSee [x](#missing), [y](../two/#here) and [z](../two/#nope).\n"
        let problems = diagnostics(of: miniSite(chapter: first, extraChapters: [second]))
        let found = Set(problems.map { "\($0.file):\($0.line):\($0.column) \($0.message)" })
        #expect(found == [
            "content/01-intro.md:4:9 link '#missing' points to a missing anchor '#missing'",
            "content/01-intro.md:4:46 link '../two/#nope' points to a missing anchor '#nope'",
            "content/02-two.md:8:27 link '../two/#nope' points to a missing anchor '#nope'",
        ])
        #expect(problems.count == 3)
    }

    /// The site with `line` added to a template before its line holding `before`.
    private func site(adding line: String, to template: String, before: String) throws -> SourceTree {
        var site = miniSite(chapter: "---\ntitle: One\n---\nText.\n",
                            extraChapters: [SourceFile(path: "content/02-two.md", text: "---\ntitle: Two\n---\nMore.\n")])
        let index = try #require(site.templates.firstIndex { $0.path == "templates/" + template })
        let text = String(decoding: site.templates[index].bytes, as: UTF8.self)
        try #require(text.contains(before))
        site.templates[index] = SourceFile(path: "templates/" + template, text: text.replacing(before, with: line + "\n" + before))
        return site
    }

    @Test func aBrokenLinkInATemplateIsReportedOnceAtTheTemplateNotOncePerPage() throws {
        let site = try site(adding: "<link rel=\"stylesheet\" href=\"{{root}}assets/extra.css\">", to: "base.mustache", before: "</head>")
        let text = String(decoding: try #require(site.templates.first { $0.path == "templates/base.mustache" }).bytes, as: UTF8.self)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("extra.css") }) + 1
        let found = diagnostics(of: site)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.file == "templates/base.mustache")
        #expect(found.first?.line == line && found.first?.column == 30)
        #expect(found.first?.message.hasPrefix("link '{{root}}assets/extra.css' points to a missing page or file (on ") == true)
        #expect(found.first?.hint?.contains("templates/assets/") == true)
    }

    @Test func aRootAbsoluteLinkInATemplateGetsTheRootHint() throws {
        let found = diagnostics(of: try site(adding: "<img src=\"/assets/favicon.svg\" alt=\"\">", to: "footer.mustache", before: "</footer>"))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.file == "templates/footer.mustache" && found.first?.column == 11)
        #expect(found.first?.hint == "write {{root}}assets/favicon.svg: {{root}} leads to the site's root from every page, under any sub-path")
    }

    @Test func splittingTextFindsEveryOccurrence() {
        #expect("a → b → c".components(separatedBy: " → ") == ["a", "b", "c"])
        #expect("xx".components(separatedBy: "x") == ["", "", ""])
        #expect("ab".components(separatedBy: "") == ["ab"])
        #expect("é<!--m-->ü<!--m-->".components(separatedBy: "<!--m-->") == ["é", "ü", ""])
    }
}

@Suite struct TemplateFileNames {
    static let paths = ["templates/assets/site.css", "templates/assets/site.js", "templates/footer.mustache", "templates/i18n/en.yml"]

    @Test(arguments: [("site.css", "templates/assets/site.css"), ("assets/site.css", "templates/assets/site.css"),
                      ("templates/assets/site.css", "templates/assets/site.css"), ("footer.mustache", "templates/footer.mustache"),
                      ("en.yml", "templates/i18n/en.yml")])
    func aPathOrAFileNameThatOnlyOneFileHasNamesIt(_ name: String, _ path: String) throws {
        #expect(try templatePath(named: name, among: Self.paths) == path)
    }

    @Test func aFileNameThatSeveralFilesHaveIsAnErrorListingThem() {
        let error = #expect(throws: Diagnostic.self) {
            try templatePath(named: "site.css", among: ["templates/assets/site.css", "templates/print/site.css"])
        }
        #expect(error?.message == "'site.css' is the name of 2 template files: templates/assets/site.css, templates/print/site.css")
        #expect(error?.hint == "write the path of the one you mean, e.g. templates/assets/site.css")
    }

    @Test func aMistypedFileNameSuggestsTheFileItIsClosestTo() {
        let error = #expect(throws: Diagnostic.self) { try templatePath(named: "site.cs", among: Self.paths) }
        #expect(error?.message == "neither the site nor this explainer has templates/site.cs")
        #expect(error?.hint?.hasPrefix("did you mean 'templates/assets/site.css'?") == true)
    }
}

@Suite struct NoChapters {
    @Test func aSiteWithoutChaptersSuggestsTheStartersNumbering() {
        var site = miniSite(chapter: "---\ntitle: About\n---\nText.\n", name: "about.md")
        site.chapters = site.chapters.filter { $0.path.hasSuffix("about.md") }
        let problem = diagnostics(of: site).first { $0.message == "no chapters found" }
        #expect(problem?.hint?.hasPrefix("add a chapter such as content/10-introduction.md, a Markdown file that starts with front matter") == true,
                "\(diagnostics(of: site))")
    }
}
