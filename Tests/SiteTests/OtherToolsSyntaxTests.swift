import Testing
@testable import Site

/// What writers bring from Hugo, Quarto, GitHub and Docusaurus (the fourth new-writer trial, 2026-12-06): each is an
/// error at its place, with explainer's way to write it, where before the page showed it as code or text.
@Suite struct OtherToolsSyntaxTests {
    private func chapter(_ body: String) -> String { "---\ntitle: A\n---\n" + body }
    private func places(_ found: [Diagnostic]) -> [String] { found.map { "\($0.line):\($0.column)" } }

    @Test(arguments: ["note", "Note", "NOTE", "tip", "info", "aside", "callout", "admonition", "{.callout-tip}"])
    func anotherToolsBoxFenceIsAnErrorNamingTheCarefulBox(_ name: String) {
        let found = diagnostics(of: miniSite(chapter: chapter("Text.\n\n```\(name)\nToo much coagulant.\n```\n")))
        #expect(found.map(\.message) == ["'```\(name)' is another tool's box, not a block this site knows, so the page shows it as code"])
        #expect(places(found) == ["6:1"])
        #expect(found.first?.hint?.hasPrefix("this site's one box is '```careful'") == true)
    }

    @Test func aDangerFenceIsACarefulBoxInOtherWords() {
        let found = diagnostics(of: miniSite(chapter: chapter("```danger\nAcid.\n```\n")))
        #expect(found.map(\.message) == ["'```danger' is not a block this site knows, so the page shows it as code"])
        #expect(found.first?.hint == "write '```careful', this site's box for caveats and contested claims (a highlighted \"Careful\" box)")
    }

    @Test func aDiagramOrMathFenceIsAnErrorNamingWhatTheSiteOffers() {
        let found = diagnostics(of: miniSite(chapter: chapter("```mermaid\ngraph LR; A-->B\n```\n\n```{mermaid}\ngraph LR\n```\n\n```math\nr_1 > 1\n```\n")))
        #expect(found.map(\.message) == [
            "'```mermaid' is a diagram language this site does not draw, so the page shows it as code",
            "'```{mermaid}' is a diagram language this site does not draw, so the page shows it as code",
            "'```math' is a math block, which this site does not render, so the page shows the TeX as code",
        ])
        #expect(places(found) == ["4:1", "8:1", "12:1"])
        #expect(found.first?.hint?.hasPrefix("draw it with a ```chart block of kind: diagram") == true)
        #expect(found.last?.hint == "write the formula in words or Unicode (r₁ > 1) in the text; to show TeX source as code, name it ```latex")
    }

    @Test func codeInRealLanguagesStaysCode() {
        let languages = ["text", "swift", "python", "console", "latex", "sh", "yaml", "notebook", "information-theory"]
        let body = languages.map { "```\($0)\nx = 1\n```\n" }.joined(separator: "\n")
        #expect(diagnostics(of: miniSite(chapter: chapter(body))).isEmpty)
    }

    @Test func aQuartoCalloutDivIsAnErrorAtItsOpeningLineOnly() {
        let found = diagnostics(of: miniSite(chapter: chapter("Text.\n\n::: {.callout-note}\nToo much coagulant.\n:::\n\nMore.\n")))
        #expect(found.map(\.message) == ["'::: {.callout-note}' is a Pandoc or Quarto fenced div, which this site does not read, so the page shows it as text"])
        #expect(places(found) == ["6:1"])
        #expect(found.first?.hint == "for a box, write the text between ```careful and ``` (a highlighted \"Careful\" box, for "
            + "caveats and contested claims) instead of the ':::' lines")
        // A div of another class, across blank lines; a closing line with no opening one.
        let other = diagnostics(of: miniSite(chapter: chapter("::: columns\n\nText.\n\n:::\n\nMore.\n\n:::\n")))
        #expect(places(other) == ["4:1", "12:1"])
        #expect(other.last?.hint == "remove the ':::' line (this site has no fenced divs; for a box, write a ```careful block)")
    }

    @Test func aHugoShortcodeIsAnErrorWithTheMarkdownToWrite() {
        let found = diagnostics(of: miniSite(chapter: chapter(
            "Text.\n\n{{< figure src=\"images/tank.png\" caption=\"A tank\" >}}\n\nSee {{% notice tip %}}this{{% /notice %}}.\n")))
        #expect(found.map(\.message) == [
            "'{{< figure src=\"images/tank.png\" caption=\"A tank\" >}}' is a Hugo shortcode, which this site does not run, so the page shows it as text",
            "'{{% notice tip %}}' is a Hugo shortcode, which this site does not run, so the page shows it as text",
            "'{{% /notice %}}' is a Hugo shortcode, which this site does not run, so the page shows it as text",
        ])
        #expect(places(found) == ["6:1", "8:5", "8:27"])
        #expect(found.first?.hint == "a picture is Markdown, alone in its paragraph: ![What the picture shows](images/tank.png \"A tank\") "
            + "(the alt text describes the picture, the title in quotes is its caption)")
    }

    @Test func aShortcodeWithCurlyQuotesIsFoundAndItsValuesRead() {
        let found = diagnostics(of: miniSite(chapter: chapter("{{< figure src=“images/tank.png” alt=“A settling tank” >}}\n")))
        #expect(places(found) == ["4:1"])
        #expect(found.first?.hint?.hasPrefix("a picture is Markdown, alone in its paragraph: ![A settling tank](images/tank.png)") == true)
    }

    @Test func divsAndShortcodesInCodeAreCode() {
        let body = "Write `{{< figure >}}` or ``::: note``.\n\n```markdown\n::: {.callout-note}\n{{< figure src=\"a.png\" >}}\n:::\n```\n\n"
            + "Braces {{ in prose }} and \\{{< escaped >}} are text.\n"
        #expect(diagnostics(of: miniSite(chapter: chapter(body))).isEmpty)
    }

    @Test func tomlFrontMatterIsAnErrorSayingSo() {
        let found = diagnostics(of: miniSite(chapter: "+++\ntitle = \"Why river water is cloudy\"\n+++\nText.\n"))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 1, column: 1,
                                     message: "TOML front matter is not supported; use YAML between --- lines",
                                     hint: "replace both '+++' lines with '---', and write each key as 'key: value' (title = \"…\" becomes title: …)")])
    }

    @Test func hugosWeightAndTagsGetExplainersWay() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\nweight: 20\ntags: [water, turbidity]\n---\nText.\n",
                                             name: "20-cloudy-water.md"))
        #expect(found.map(\.message) == ["unknown key 'weight' in front matter", "unknown key 'tags' in front matter"])
        #expect(places(found) == ["3:1", "4:1"])
        #expect(found.map(\.hint) == [
            "chapters are ordered by the number their file names start with (20-cloudy-water.md), not by 'weight': remove this "
                + "line, and rename the file to move the chapter",
            "explainer makes no tags pages; to keep them for your templates, put them under 'extra:' (extra: {tags: [a, b]}), "
                + "shown with {{#extra.tags}}{{.}}{{/extra.tags}}; else remove this line",
        ])
    }
}

extension OtherToolsSyntaxTests {
    @Test func aGitHubAlertIsAnErrorNamingTheCarefulBox() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n\n> [!NOTE]\n> Too much coagulant.\n\n> A quotation [!x].\n"))
        #expect(found.map(\.message) == ["'> [!NOTE]' is a GitHub alert, which this site does not read, so the page shows a quotation starting with '[!NOTE]'"])
        #expect(found.map { "\($0.line):\($0.column)" } == ["6:3"])
    }
}
