import Testing
@testable import Site

/// A template's `{{extra.key}}` whose key no page's front matter has under `extra:` renders as nothing on every page:
/// a warning at the template's line, with the closest key. A key only some pages have is no warning.
@Suite struct PageExtraInTemplates {
    private func site(template line: String, chapters: [String]) -> SourceTree {
        var source = miniSite(chapter: chapters[0], extraChapters: chapters.dropFirst().enumerated().map { index, text in
            SourceFile(path: "content/0\(index + 2)-more-\(index + 2).md", text: text)
        })
        let index = source.templates.firstIndex { $0.path == "templates/chapter.mustache" }!
        let text = String(decoding: source.templates[index].bytes, as: UTF8.self)
        source.templates[index] = SourceFile(path: "templates/chapter.mustache", text: line + "\n" + text)
        return source
    }

    private let tagged = "---\ntitle: A\nextra: {tags: [moon, sea]}\n---\n\nText.\n"
    private let plain = "---\ntitle: B\n---\n\nText.\n"

    @Test func anExtraKeyNoPageHasIsAWarningWithTheClosestName() throws {
        let output = try build(site(template: "<p>{{extra.tag}}{{#extra.tagz}}{{.}}{{/extra.tagz}}</p>", chapters: [tagged, plain]))
        let warnings = output.warnings.filter { $0.file == "templates/chapter.mustache" }
        #expect(warnings == [
            Diagnostic(file: "templates/chapter.mustache", line: 1, column: 4,
                       message: "'extra.tag' in {{extra.tag}} is in no page's front matter 'extra:', so it renders as nothing",
                       hint: "did you mean 'extra.tags'? pages' 'extra:' have tags; add 'tag: …' under 'extra:' in the front matter "
                           + "of the pages that show it", severity: .warning),
            Diagnostic(file: "templates/chapter.mustache", line: 1, column: 17,
                       message: "'extra.tagz' in {{#extra.tagz}} is in no page's front matter 'extra:', so it renders as nothing",
                       hint: "did you mean 'extra.tags'? pages' 'extra:' have tags; add 'tagz: …' under 'extra:' in the front matter "
                           + "of the pages that show it", severity: .warning),
        ])
    }

    @Test func anExtraKeyOnlySomePagesHaveIsNoWarning() throws {
        let output = try build(site(template: "<p>{{#extra.tags}}{{.}}{{/extra.tags}}{{extra.tags}}</p>", chapters: [plain, tagged]))
        #expect(output.warnings.filter { $0.file.hasPrefix("templates/") }.isEmpty)
    }

    @Test func aSectionOverAnAbsentKeyFarFromAnyIsATestNotAWarning() throws {
        let output = try build(site(template: "<p>{{#extra.banner}}{{extra.banner}}{{/extra.banner}}</p>", chapters: [tagged]))
        // The section tests for it, and the name inside it is shown only when it is there.
        #expect(output.warnings.filter { $0.file.hasPrefix("templates/") }.isEmpty)
    }
}
