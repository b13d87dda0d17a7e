import Testing
@testable import Site

@Suite struct MenuItemCacheTests {
    private var nav: String {
        String(decoding: repositorySource.templates.first { $0.path.hasSuffix("/nav.mustache") }!.bytes, as: UTF8.self)
    }

    private func prerenderable(nav: String, base: String? = nil) -> Bool {
        var texts = ["nav": nav, "base": base ?? "<body>\n{{> nav}}\n{{{content}}}\n</body>\n"]
        texts["chapter"] = "{{{body}}}\n"
        return MenuSections.prerenderable(texts)
    }

    @Test func theStarterTemplatesAreRenderedFromRememberedEntries() throws {
        #expect(try TemplateSet(repositorySource.templates).prerendersMenus)
        #expect(prerenderable(nav: nav))
    }

    @Test func anyOtherUseOfTheMenuRendersItAsMustacheDoes() {
        let section = "{{#chapters}}\n<li>{{title}}</li>\n{{/chapters}}\n"
        #expect(prerenderable(nav: section))
        #expect(!prerenderable(nav: "{{#t}}\n" + section + "{{/t}}\n"))                       // inside a section
        #expect(!prerenderable(nav: section + "{{^chapters}}\nnone\n{{/chapters}}\n"))        // inverted
        #expect(!prerenderable(nav: "<ol>{{#chapters}}<li>{{title}}</li>{{/chapters}}</ol>\n"))  // not on lines of its own
        #expect(!prerenderable(nav: "{{#chapters}}\n<li>{{first()}}</li>\n{{/chapters}}\n"))  // the list position
        #expect(!prerenderable(nav: "{{#chapters}}\n<li>{{.}}</li>\n{{/chapters}}\n"))
        #expect(!prerenderable(nav: "{{#chapters}}\n{{> item}}\n{{/chapters}}\n"))            // a partial inside
        #expect(!prerenderable(nav: section + "{{chapters.count}}\n"))
        #expect(!prerenderable(nav: "{{=<% %>=}}\n" + section))
        #expect(!prerenderable(nav: section, base: "<body>\n  {{> nav}}\n</body>\n"))        // indented: every line would be
        #expect(!prerenderable(nav: section, base: "{{#isHome}}\n{{> nav}}\n{{/isHome}}\n"))
        #expect(prerenderable(nav: "{{! the chapters menu }}\n" + section))
    }

    @Test func theMenuRendersTheSameEitherWay() throws {
        let chapters = (2...5).map { number in
            SourceFile(path: "content/0\(number)-part-\(number).md",
                       text: "---\ntitle: Part \(number) <&>\nsummary: About \(number).\n---\nText.\n")
        }
        let fast = miniSite(chapter: "---\ntitle: Intro\n---\nText.\n", extraChapters: chapters)
        // The same templates with the menu inside an always-true section: rendered by Mustache as before.
        var slow = fast
        slow.templates = fast.templates.map { file in
            guard file.path.hasSuffix("/nav.mustache") else { return file }
            let text = String(decoding: file.bytes, as: UTF8.self)
                .replacingOccurrences(of: "{{#chapters}}\n", with: "{{#siteTitle}}\n{{#chapters}}\n")
                .replacingOccurrences(of: "{{/chapters}}\n", with: "{{/chapters}}\n{{/siteTitle}}\n")
            return SourceFile(path: file.path, text: text)
        }
        #expect(try TemplateSet(fast.templates).prerendersMenus)
        #expect(try !TemplateSet(slow.templates).prerendersMenus)
        let fastOutput = try build(fast), slowOutput = try build(slow)
        #expect(fastOutput.files.keys.sorted() == slowOutput.files.keys.sorted())
        for path in fastOutput.files.keys where path.hasSuffix(".html") {
            #expect(fastOutput.files[path] == slowOutput.files[path], "\(path)")
        }
        #expect(text(fastOutput, "part-3/index.html")?.contains("aria-current=\"page\">Part 3 &lt;&amp;&gt;</a>") == true)
    }

    /// With a whole menu kept and reused (every entry in one text), a page whose own values differ (its depth's
    /// `root`, `isHome`, a page's own entry) still gets entries rendered with its values, as Mustache would.
    @Test func aWholeMenuKeptForOnePageIsNotReusedWhereTheEntriesWouldDiffer() throws {
        let chapters = (2...6).map { number in
            SourceFile(path: "content/0\(number)-part-\(number).md", text: "---\ntitle: Part \(number)\n---\nText.\n")
        }
        let entry = "<li data-root=\"{{root}}\"><a href=\"{{href}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}</a>"
            + "{{#isHome}} (from home){{/isHome}}</li>\n"
        func site(inSection: Bool) -> SourceTree {
            var site = miniSite(chapter: "---\ntitle: Intro\n---\nText.\n", extraChapters: chapters)
            site.templates = site.templates.map { file in
                guard file.path.hasSuffix("/nav.mustache") else { return file }
                let section = "{{#chapters}}\n" + entry + "{{/chapters}}\n"
                return SourceFile(path: file.path, text: "<ol>\n" + (inSection ? "{{#siteTitle}}\n" + section + "{{/siteTitle}}\n" : section) + "</ol>\n")
            }
            return site
        }
        let fast = site(inSection: false), slow = site(inSection: true)
        #expect(try TemplateSet(fast.templates).prerendersMenus)
        #expect(try !TemplateSet(slow.templates).prerendersMenus)
        let fastOutput = try build(fast), slowOutput = try build(slow)
        for path in slowOutput.files.keys where path.hasSuffix(".html") {
            #expect(fastOutput.files[path] == slowOutput.files[path], "\(path)")
        }
        let home = text(fastOutput, "index.html") ?? ""
        #expect(home.contains("<li data-root=\"\"><a href=\"part-4/\">Part 4</a> (from home)</li>"))
        let part = text(fastOutput, "part-4/index.html") ?? ""
        #expect(part.contains("<li data-root=\"../\"><a href=\"../part-3/\">Part 3</a></li>"))
        #expect(part.contains("<li data-root=\"../\"><a href=\"../part-4/\" aria-current=\"page\">Part 4</a></li>"))
        #expect(!part.contains("(from home)"))
    }
}

import Foundation
