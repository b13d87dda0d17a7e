import Testing
@testable import Site

/// Mistakes the second new-writer trial found published without a word: each is now an error at its place.
@Suite struct SilentMistakeTests {
    private func chapter(_ body: String) -> String { "---\ntitle: A\n---\n" + body }

    @Test func aFootnoteReferenceWithoutADefinitionIsAnErrorWithTheClosestLabel() {
        let found = diagnostics(of: miniSite(chapter: chapter("A claim.[^mismach] Another.[^nodef]\n\n[^mismatch]: The note.\n")))
        #expect(found.map { "\($0.line):\($0.column)" } == ["4:9", "4:28"])
        #expect(found.first?.message == "footnote '[^mismach]' has no definition: the page would show it as written")
        #expect(found.first?.hint?.hasPrefix("did you mean 'mismatch'?") == true)
        #expect(found.last?.message == "footnote '[^nodef]' has no definition: the page would show it as written")
    }

    @Test func anEscapedFootnoteBracketAndADefinedFootnoteAreNotErrors() {
        #expect(diagnostics(of: miniSite(chapter: chapter("Literal \\[^x] and a note.[^a]\n\n[^a]: The note.\n"))).isEmpty)
    }

    @Test func aReferenceLinkWhoseLabelIsNotDefinedIsAWarningAtTheLabel() throws {
        let text = chapter("A fire sale, as [the textbooks][fire-sale-def] call it; see [glossary][].\n")
        let found = try build(miniSite(chapter: text)).warnings
        #expect(found.map { "\($0.file):\($0.line):\($0.column)" } == ["content/01-intro.md:4:32", "content/01-intro.md:4:71"])
        #expect(found.first?.message == "'[the textbooks][fire-sale-def]' links to the label 'fire-sale-def', which no line of the "
            + "chapter defines: the page would show it as written, brackets and all")
        #expect(found.first?.hint?.hasPrefix("define it on a line of its own anywhere in the chapter, [fire-sale-def]: https://…") == true)
        #expect(found.last?.message.hasPrefix("'[glossary][]' links to the label 'glossary'") == true)
    }

    @Test func aDefinedOrEscapedReferenceLinkIsNoWarning() throws {
        let text = chapter("As [the textbooks][Def] say, and \\[a\\]\\[b\\] stays.\n\n[def]: https://example.org/\n")
        let found = try build(miniSite(chapter: text)).warnings
        #expect(found.isEmpty, "\(found)")
    }

    @Test func citationBracketsThatAreNoCitationAreAnError() {
        let sources = "dd-1983:\n  title: Bank runs\n  publisher: JPE\n  date: 1983\n"
        let found = diagnostics(of: miniSite(chapter: chapter("Runs [@dd-1983 p. 403] and [@no-such-key p. 4].\n"), sources: sources))
        #expect(found.map(\.message) == [
            "'[@dd-1983 p. 403]' is not a citation as written: the page would show it as written",
            "'[@no-such-key p. 4]' is not a citation as written: the page would show it as written",
        ])
        #expect(found.map(\.column) == [6, 28])
        #expect(found.first?.hint?.contains("[@key, p. 403]") == true)
    }

    /// Trial 11: Pandoc's `[see @key]` and `[-@key]` were published as written, brackets and all, without a word.
    @Test func pandocsCitationFormsAreAnErrorWithThisSitesForm() {
        let sources = "dd-1983:\n  title: Bank runs\n  publisher: JPE\n  date: 1983\n"
        let text = "Runs [see @dd-1983] and, as Diamond showed [-@dd-1983], [e.g. @dd-1983; @dd-1983].\n"
        let found = diagnostics(of: miniSite(chapter: chapter(text), sources: sources))
        #expect(found.map(\.message) == [
            "'[see @dd-1983]' is Pandoc's citation form, not this site's: the page would show it as written",
            "'[-@dd-1983]' is Pandoc's citation form, not this site's: the page would show it as written",
            "'[e.g. @dd-1983; @dd-1983]' is Pandoc's citation form, not this site's: the page would show it as written",
        ])
        #expect(found.map(\.column) == [6, 44, 57])
        #expect(found.first?.hint?.contains("see [@key]") == true)
    }

    @Test func bracketsWithAnAddressOrEscapedAreNotPandocCitations() {
        let text = "Write to [press@example.org], or \\[see @x], or [a lone @ sign].\n"
        #expect(diagnostics(of: miniSite(chapter: chapter(text))).isEmpty)
    }

    /// Trial 11: three ways Markdown changes what a writer meant, published without a word; now warnings at their place.
    @Test func aParagraphIndentedFourSpacesIsAWarning() throws {
        let found = try build(miniSite(chapter: chapter("Intro.\n\n    On Thursday customers asked for their money back.\n"))).warnings
        #expect(found.map { "\($0.line):\($0.column) \($0.severity)" } == ["6:5 warning"])
        #expect(found.first?.message.hasSuffix("is indented four spaces or more, so the page shows it as code, not as a paragraph") == true)
    }

    /// Trial 15 (M1): a text cut at ` #1` in site.yml, the glossary or a chart block published its first words only.
    @Test func aTextCutAtANumberSignInAnyYAMLIsAnErrorButACommentIsNot() {
        let config = "title: Sequía #1 en España\ndescription: A test.\nlanguage: en\n"
        let site = diagnostics(of: miniSite(chapter: chapter("Text.\n"), config: config))
        #expect(site.map { "\($0.file):\($0.line):\($0.column) \($0.message)" }
                == ["content/site.yml:1:8 'title' would be 'Sequía': YAML reads ' #1 en España' after it as a comment"])
        let block = { (line: String) in chapter("See.\n\n```chart\nid: c\n\(line)\ncaption: \"C. Illustrative model, not a forecast.\"\n"
                                              + "model: gpuCollateral\nkind: line  # a comment\noverlay: false #no\n```\n") }
        #expect(diagnostics(of: miniSite(chapter: block("title: Reserve #1 of the dams"))).map(\.message)
                == ["'title' would be 'Reserve': YAML reads ' #1 of the dams' after it as a comment"])
        #expect(diagnostics(of: miniSite(chapter: block("title: Reserve of the dams   # the headline"))).isEmpty)
        #expect(diagnostics(of: miniSite(chapter: block("title: \"Reserve #1 of the dams\""))).isEmpty)
        // Recheck 15b (S1): a one-word name or label that is no setting is text too; a tab before the sign as well.
        let author = diagnostics(of: miniSite(chapter: chapter("Text.\n"), config: "title: T\ndescription: D.\nlanguage: en\nauthor: Editors #1\n"))
        #expect(author.map(\.message) == ["'author' would be 'Editors': YAML reads ' #1' after it as a comment"])
        let tab = diagnostics(of: miniSite(chapter: "---\ntitle: Tides\t#1\n---\nText.\n"))
        #expect(tab.map(\.message) == ["'title' would be 'Tides': YAML reads ' #1' after it as a comment"])
        // Recheck 15c (S1): a date, or a lowercase word a model or setting takes, before a comment is a setting.
        let settings = "title: T\ndescription: D.\nlanguage: en\npublished: 2026-12-04 #v1\n"
        #expect(diagnostics(of: miniSite(chapter: chapter("Text.\n"), config: settings)).isEmpty)
    }

    /// Recheck 15b (S2): ` #` inside `{…}` hid the closing brace, and the hint quoted the whole mapping.
    @Test func aNumberSignInsideBracesIsNamedWithTheValueToQuote() {
        let page = chapter("See.\n\n```chart\nid: c\ntitle: T\ncaption: \"C. Illustrative model, not a forecast.\"\nmodel: gpuCollateral\n"
                           + "annotations:\n  - {type: line, axis: y, value: 1, label: Peak #1}\n```\n")
        let found = diagnostics(of: miniSite(chapter: page))
        #expect(found.first?.message.hasSuffix("YAML reads the ' #' in it as the start of a comment, which hides the rest of the line") == true,
                "\(found)")
        #expect(found.first?.hint == "quote the value that holds ' #': \"Peak #1\"")
        let list = chapter("See.\n\n```chart\nid: c\ntitle: T\ncaption: \"C. Illustrative model, not a forecast.\"\nmodel: gpuCollateral\n"
                           + "series: [debt, value #1]\n```\n")
        #expect(diagnostics(of: miniSite(chapter: list)).first?.hint == "quote the value that holds ' #': \"value #1\"")
    }

    /// Trial 15 (S1): Windows Notepad's byte-order mark before site.yml's first key, a chapter's `---` and a CSV's
    /// first `#` line gave "missing front matter", "missing required key 'title'" and a row of the wrong width.
    @Test func aByteOrderMarkAtTheStartOfAFileIsLeftOut() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var site = miniSite(chapter: chapter("See the chart.\n\n```chart\nid: v\ntitle: T\ncaption: C.\ndata: v.csv\nkind: line\n```\n"),
                            data: [SourceFile(path: "content/data/v.csv", bytes: bom + Array("# Source: a test.\nyear,visitors\n2018,40\n2019,42\n".utf8))])
        site.config = SourceFile(path: "content/site.yml", bytes: bom + site.config!.bytes)
        site.chapters[0] = SourceFile(path: site.chapters[0].path, bytes: bom + site.chapters[0].bytes)
        let output = try build(site)
        #expect(text(output, "intro/index.html")?.contains("See the chart.") == true)
    }

    /// Trial 15 (M4): only the first line indented, starting with a link: shown as code, the link lost, silently.
    @Test func aParagraphWhoseFirstLineAloneIsIndentedIsAWarning() throws {
        let text = "Intro.\n\n    [The table](#intro) shows that the second period is worse. Read on\nin the next chapter.\n"
        let found = try build(miniSite(chapter: chapter(text))).warnings
        #expect(found.map { "\($0.line):\($0.column)" } == ["6:5"])
        // Code pasted on purpose, with a blank line after it, is left alone.
        let code = "Intro.\n\n    x = [1, 2]; y = f(x)\n\nThat is the code.\n"
        #expect(try build(miniSite(chapter: chapter(code))).warnings.map(\.message).isEmpty)
    }

    @Test func aYearAtTheStartOfALineStartingANumberedListIsAWarning() throws {
        let found = try build(miniSite(chapter: chapter("It began in one year.\n\n2024. That is the year it ended.\n"))).warnings
        #expect(found.map(\.message) == ["'2024.' at the start of a line makes it an item of a numbered list, not a sentence about the year"])
        #expect(found.first?.hint?.contains("2024\\.") == true)
        // Right under a numbered list, "2023." becomes its next item.
        let under = try build(miniSite(chapter: chapter("Steps:\n\n1. First.\n2. Second.\n2023. That was the year.\n"))).warnings
        #expect(under.map { "\($0.line):\($0.column) \($0.message)" }
            == ["8:1 '2023.' at the start of a line makes it an item of a numbered list, not a sentence about the year"])
    }

    @Test func aWrappedLineStartingWithADashIsAWarning() throws {
        let found = try build(miniSite(chapter: chapter("Deposits fell by\n- 25 % in one day. By the end of the week the bank was shut.\n"))).warnings
        #expect(found.map { "\($0.line):\($0.column)" } == ["5:1"])
        #expect(found.first?.message.hasPrefix("the line starting '- 25 % in one day.") == true)
        // Its own marker, as written.
        let plus = try build(miniSite(chapter: chapter("Deposits fell by\n+ 25 % in one day. By the end of the week it was shut.\n"))).warnings
        #expect(plus.first?.message.hasPrefix("the line starting '+ 25 % in one day.") == true)
    }

    @Test func codeListsAndListsUnderALeadInAreNotWarnings() throws {
        let text = "Three steps:\n- borrow\n- lend\n\nA list:\n\n- one\n\n1. First.\n2. Second.\n\n    let x = f(y);\n\n"
            + "```\nfenced and indented prose stays code\n```\n"
        #expect(try build(miniSite(chapter: chapter(text))).warnings.isEmpty)
    }

    /// Trial 11: two people in one text were printed as one name ("Diamond, Douglas W. and Dybvig, Philip H.").
    @Test func authorsWrittenAsOneTextOfSeveralPeopleAreAnErrorWithTheList() {
        let sources = "dd-1983:\n  authors: Diamond, Douglas W. and Dybvig, Philip H.\n  title: Bank runs\n  publisher: JPE\n  date: 1983\n"
            + "one:\n  authors: Bagehot, Walter\n  title: Lombard Street\n  date: 1873\n"
            + "pg:\n  authors: Procter and Gamble\n  title: Annual report\n  date: 2024\n"
        let found = diagnostics(of: miniSite(chapter: chapter("Runs [@dd-1983], panics [@one], soap [@pg].\n"), sources: sources))
        #expect(found.map(\.message) == ["'authors' of source 'dd-1983' is one text naming several people: the page would print it as one name"])
        #expect(found.first?.hint == "write a list, one person each: authors: [\"Diamond, Douglas W.\", \"Dybvig, Philip H.\"]")
    }

    @Test func aLabelForNoSeriesIsAnErrorAtTheLabelsLineWithTheClosestName() {
        let block = "```chart\nid: c\ntitle: T\ncaption: Illustrative model.\nmodel: gpuCollateral\nseries: [debt]\n"
            + "labels: {dbt: Debt owed}\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter("Intro.\n\n" + block)))
        #expect(found.map(\.line) == [12])
        #expect(found.first?.message == "figure 'c': labels names 'dbt', which is no series, category or scenario of it")
        #expect(found.first?.hint?.hasPrefix("did you mean 'debt'?") == true)
    }

    @Test func labelsForSeriesCategoriesAndScenariosAreAccepted() {
        let block = "```chart\nid: c\ntitle: T\ncaption: Illustrative model.\nmodel: gpuCollateral\nseries: [debt]\n"
            + "labels: {debt: Debt owed, ltv.exp: Loan to value, base: Base case}\n```\n"
        #expect(diagnostics(of: miniSite(chapter: chapter("Intro.\n\n" + block))).isEmpty)
    }

    @Test func overlayOnAChartThatIsNotALineChartIsAnErrorAtTheOverlayLine() {
        let block = "```chart\nid: c\ntitle: T\ncaption: Illustrative model.\nmodel: gpuCollateral\nkind: area\nseries: [debt]\n"
            + "scenarios:\n  base: {}\n  xai: {}\noverlay: true\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter("Intro.\n\n" + block)))
        #expect(found.map(\.line) == [16])
        #expect(found.first?.message.contains("'overlay: true' draws the other scenarios faintly behind the chosen one, which only a line chart does") == true)
    }

    @Test func anAnnotationFarBeyondTheDataIsAnErrorUnlessTheAxisIsSetToShowIt() {
        let data = SourceFile(path: "content/data/v.csv", text: "year,visitors\n2018,40\n2019,42\n2020,11\n2021,19\n2024,51\n")
        func block(_ extra: String) -> String {
            chapter("Intro.\n\n```chart\nid: v\ntitle: T\ncaption: C.\ndata: v.csv\nkind: line\n" + extra + "```\n")
        }
        let far = diagnostics(of: miniSite(chapter: block("annotations:\n  - {type: event, x: 2030, label: Far}\n"), data: [data]))
        #expect(far.map(\.line) == [13])
        #expect(far.first?.message.contains("lies far outside the data: x = 2030, where the data run from 2018 to 2024") == true)
        let near = block("annotations:\n  - {type: event, x: 2025, label: Next}\n  - {type: line, axis: y, value: 60, label: Aim}\n")
        #expect(diagnostics(of: miniSite(chapter: near, data: [data])).isEmpty)
        let widened = block("x: {max: 2031}\nannotations:\n  - {type: event, x: 2030, label: Far}\n")
        #expect(diagnostics(of: miniSite(chapter: widened, data: [data])).isEmpty)
        // Monthly data name their first and last months as months: "Jan 2018", not a bare year beside "Dec 2019".
        let months = SourceFile(path: "content/data/v.csv", text: "month,visitors\n"
            + (2018...2019).flatMap { year in (1...12).map { "\(year)-\(String(format: "%02d", $0)),\($0 + 40)\n" } }.joined())
        let monthly = diagnostics(of: miniSite(chapter: block("annotations:\n  - {type: event, x: 2030-06, label: Far}\n"), data: [months]))
        #expect(monthly.first?.message.contains("x = Jun 2030, where the data run from Jan 2018 to Dec 2019") == true)
    }

    @Test func aSemicolonSeparatedCSVGetsAHintAboutCommas() {
        let data = SourceFile(path: "content/data/v.csv", text: "year;visitors\n2018;40\n")
        let block = chapter("Intro.\n\n```chart\nid: v\ntitle: T\ncaption: C.\ndata: v.csv\n```\n")
        let found = diagnostics(of: miniSite(chapter: block, data: [data]))
        #expect(found.first?.message == "data file seems separated by semicolons (';'), not commas: its header reads as one column")
        #expect(found.first?.hint?.hasPrefix("write commas between the columns") == true)
    }
}
