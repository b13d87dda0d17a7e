import Testing
@testable import Site

/// Mistakes of the twelfth writer's trial (a Spanish-first site) that were reported in the wrong place, or not at all.
@Suite struct TrialTwelve {
    private let crisis = "---\ntitle: Los precios\n---\nTexto.\n\n## Año de crisis\n\nMás texto.\n"

    // MARK: Links to a chapter's file with a non-ASCII anchor

    @Test(arguments: ["02-precios.md#año-de-crisis", "../precios/#año-de-crisis", "02-precios.md#a%C3%B1o-de-crisis"])
    func aChapterFileLinkToAnAccentedHeadingWorksLikeItsPageLink(_ destination: String) throws {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\nVer [el año](\(destination)).\n",
                            extraChapters: [SourceFile(path: "content/02-precios.md", text: crisis)])
        let output = try build(site)
        #expect(text(output, "intro/index.html")?.contains("href=\"../precios/#a%C3%B1o-de-crisis\"") == true
            || text(output, "intro/index.html")?.contains("href=\"../precios/#año-de-crisis\"") == true)
    }

    @Test func aMissingAccentedAnchorIsReportedAtTheMarkdownLinkWithTheNearestID() {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\nVer [el año](02-precios.md#año-de-crisys).\n",
                            extraChapters: [SourceFile(path: "content/02-precios.md", text: crisis)])
        #expect(diagnostics(of: site) == [Diagnostic(
            file: "content/01-intro.md", line: 4, column: 14,
            message: "link '02-precios.md#año-de-crisys' points to a missing anchor '#año-de-crisys'",
            hint: "did you mean '#año-de-crisis'?")])
    }

    @Test func aMissingAccentedAnchorOnThePageItselfIsReportedAtTheMarkdownLink() {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\n## Por qué\n\nVer [esto](#por-qué-no).\n")
        #expect(diagnostics(of: site) == [Diagnostic(
            file: "content/01-intro.md", line: 6, column: 12,
            message: "link '#por-qué-no' points to a missing anchor '#por-qué-no'", hint: "did you mean '#por-qué'?")])
    }

    @Test func anInvisibleCharacterPastedIntoAnAnchorIsNamed() {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\nVer [esto](02-precios.md#año-de-\u{200B}crisis).\n",
                            extraChapters: [SourceFile(path: "content/02-precios.md", text: crisis)])
        let found = diagnostics(of: site)
        #expect(found.count == 1)
        #expect(found.first?.file == "content/01-intro.md")
        #expect(found.first?.hint == "the anchor holds an invisible character (U+200B): did you mean '#año-de-crisis'?")
    }

    // MARK: Templates

    /// `site` with `old` replaced by `new` in one template.
    private func editing(_ template: String, _ old: String, _ new: String, in site: SourceTree) -> SourceTree {
        var site = site
        site.templates = site.templates.map { file in
            guard file.path == "templates/\(template).mustache" else { return file }
            return SourceFile(path: file.path, text: String(decoding: file.bytes, as: UTF8.self).replacingOccurrences(of: old, with: new))
        }
        return site
    }

    @Test func aBodyInTwoBracesIsOneErrorAtTheTemplateNamingTheFix() {
        let site = editing("chapter", "{{{body}}}", "{{body}}", in: miniSite(
            chapter: "---\ntitle: Intro\n---\n## Uno\n\nVer [uno](#uno) y [@k].\n",
            sources: "k:\n  authors: [\"Wong, Matteo\"]\n  title: A report\n  date: 2025-10-30\n"))
        #expect(diagnostics(of: site) == [Diagnostic(
            file: "templates/chapter.mustache", line: 28, column: 1,
            message: "'body' holds HTML: {{body}} escapes it, so the page would show its tags as text",
            hint: "write {{{body}}}: three braces put HTML in as it is")])
    }

    @Test(arguments: ["footnotes", "html", "intro"])
    func everyValueThatHoldsHTMLInTwoBracesIsAnError(_ name: String) {
        let template = name == "intro" ? "index" : "chapter"
        let site = editing(template, "{{{\(name)}}}", "{{ \(name) }}", in: miniSite(chapter: "---\ntitle: Intro\n---\nText.\n"))
        let found = diagnostics(of: site)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.file == "templates/\(template).mustache")
        #expect(found.first?.hint == "write {{{\(name)}}}: three braces put HTML in as it is")
    }

    // MARK: Charts

    @Test func aScenarioTypoIsReportedAtTheScenarioNotAtDefault() {
        let chapter = "---\ntitle: Intro\n---\n```chart\nid: calle\ntitle: El precio\ncaption: Un modelo.\nmodel: bubbles\n"
            + "kind: line\nseries: [price]\nscenarios: [calm, bubbles]\ndefault: bubbly\n```\n"
        #expect(diagnostics(of: miniSite(chapter: chapter)) == [Diagnostic(
            file: "content/01-intro.md", line: 11, column: 19, message: "bubbles: unknown scenario 'bubbles'",
            hint: "did you mean 'bubbly'? Known scenarios: base, calm, bubbly, seed-2, seed-3")])
    }

    // MARK: Warnings beside errors

    @Test func aFailedBuildGivesTheWarningsItFoundWithItsErrors() {
        let site = miniSite(chapter: "---\ntitle: Intro\n---\nSee [x](#nowhere).\n\n[^unused]: A note no one reads.\n")
        do {
            _ = try build(site)
            Issue.record("the build should fail")
        } catch {
            #expect(error.diagnostics.map(\.severity) == [.error])
            #expect(error.warnings.map(\.file) == ["content/01-intro.md"], "\(error.warnings)")
            #expect(error.warnings.first?.severity == .warning)
        }
    }

    @Test func aFailedBuildOfSeveralLanguagesGivesTheirWarningsToo() {
        let site = twoLanguageSite(english: "---\ntitle: Intro\n---\nSee [x](#nowhere).\n\n[^unused]: A note no one reads.\n",
                                   translated: nil, fallback: true)
        do {
            _ = try build(site)
            Issue.record("the build should fail")
        } catch {
            #expect(!error.diagnostics.isEmpty)
            #expect(error.warnings.contains { $0.file == "content/01-intro.md" }, "\(error.warnings)")
        }
    }

    // MARK: Untranslated copies (`fallback: true`)

    @Test func aCopysGlossaryLinksLeadToThePairedTermOrToTheOriginalGlossary() throws {
        let glossary = "- term: Bank run\n  definition: When many withdraw at once.\n- term: Haircut\n  definition: A cut.\n"
        let site = twoLanguageSite(fallback: true, more: [
            SourceFile(path: "content/02-more.md",
                       text: "---\ntitle: More\n---\nSee [runs](../glossary/#term-bank-run) and [cuts](../glossary/#term-haircut).\n"),
            SourceFile(path: "content/glossary.yml", text: glossary),
            SourceFile(path: "content/zh-hant/glossary.yml", text: "- term: Run\n  definition: 許多人同時提款。\n"),
        ])
        let output = try build(site)
        let copy = try #require(text(output, "zh-hant/more/index.html"))
        #expect(copy.contains("href=\"../glossary/#term-run\""))
        #expect(copy.contains("href=\"../../glossary/#term-haircut\""))
        #expect(!copy.contains("#term-bank-run"))
        // The original keeps its links.
        #expect(text(output, "more/index.html")?.contains("href=\"../glossary/#term-bank-run\"") == true)
    }

    @Test func aFigureATranslationLacksIsOneErrorNotAlsoItsLinks() {
        let chart = "```chart\nid: calle\ntitle: Price\ncaption: A model.\nmodel: bubbles\nkind: line\nseries: [price]\n```\n"
        let site = twoLanguageSite(english: "---\ntitle: Intro\n---\nSee [](#figure-calle).\n\n" + chart,
                                   translated: "---\ntitle: 導論\n---\n見[](#figure-calle)。\n", fallback: true, more: [
            SourceFile(path: "content/02-more.md", text: "---\ntitle: More\n---\nSee [](01-intro.md#figure-calle).\n"),
        ])
        let found = diagnostics(of: site)
        #expect(found.map(\.message) == ["figure 'calle' of content/01-intro.md missing from the translation"], "\(found)")
    }

    @Test func messagesNameTheLanguagesInEnglish() throws {
        var site = miniSite(chapter: "---\ntitle: 導論\n---\n中文內容。\n",
                            config: "title: 測試\ndescription: 測試。\nlanguages:\n  - code: zh-Hant\n  - code: en\n    path: en\n    title: Test\n    fallback: true\n")
        site.glossary = SourceFile(path: "content/glossary.yml",
                                   text: "- term: 擠兌\n  definition: 許多人同時提款。\n- term: 折扣\n  definition: 一個折扣。\n")
        site.localized = [SourceFile(path: "content/en/glossary.yml", text: "- term: Bank run\n  definition: When many withdraw.\n")]
        let output = try build(site)
        let warning = try #require(output.warnings.first { $0.file == "content/en/glossary.yml" })
        #expect(warning.message.contains("no English entry"), "\(warning)")
    }

    // MARK: Data files from a spreadsheet set to Spanish

    private func csvSite(_ csv: String) -> SourceTree {
        let block = "```chart\nid: c\ntitle: Inflación\ncaption: Mensual.\ndata: c.csv\nkind: line\n```\n"
        return miniSite(chapter: "---\ntitle: Intro\n---\nTexto.\n\n" + block, data: [SourceFile(path: "content/data/c.csv", text: csv)])
    }

    @Test func semicolonsAndDecimalCommasAreNamedTogether() {
        let found = diagnostics(of: csvSite("mes;inflacion\n2021-01;2,1\n2021-02;3,4\n"))
        #expect(found.first?.message == "data file seems separated by semicolons (';'), not commas, with decimal commas (2,1): "
            + "its header reads as one column")
        #expect(found.first?.hint == "write commas between the columns and points in numbers (2,1 → 2.1): a spreadsheet set to a "
            + "language that writes decimal commas (French, Spanish, German) exports them so")
    }

    @Test func aDecimalCommaThatMakesOneCellTooManyGetsThePoint() {
        let found = diagnostics(of: csvSite("mes,inflacion\n2021-01,2.1\n2021-02,2,4\n"))
        #expect(found == [Diagnostic(file: "content/data/c.csv", line: 3, column: 9,
                                     message: "row has 3 cells but the header has 2: '2,4' looks like one number with a decimal comma",
                                     hint: "decimals use a point: write 2.4")])
    }

    // MARK: Dates and languages

    @Test(arguments: [("25-11-2026", "write 2026-11-25"), ("25/11/2026", "write 2026-11-25"),
                      ("05-11-2026", "write 2026-11-05 if 05 is the day, 2026-05-11 if it is the month")])
    func aDateWrittenDayFirstGetsTheDateYearFirst(_ written: String, _ hint: String) {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\ndate: \(written)\n---\nText.\n"))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 3, column: 7,
                                     message: "'date' is \(written): dates are written year first, YYYY-MM-DD", hint: hint)])
    }

    @Test func aPublishedDateWrittenDayFirstGetsTheDateYearFirst() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                             config: "title: T\ndescription: D.\npublished: 25-11-2026\n"))
        #expect(found.map(\.hint) == ["dates are written year first: write 2026-11-25"])
    }

    @Test(arguments: ["es_ES", "Español"])
    func aLanguageThatIsNoTagIsOneErrorBesideLanguages(_ language: String) {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nTexto.\n",
                                             config: "title: T\ndescription: D.\nlanguage: \(language)\nlanguages:\n  - code: es\n  - code: en\n    path: en\n    fallback: true\n"))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.hasPrefix("'\(language)' is not a language tag") == true, "\(found)")
    }

    // MARK: Words of other languages for boxes, captions and ids

    @Test(arguments: [("nota", "this site has no 'note' box"), ("Cuidado", "write '```careful'"), ("achtung", "write '```careful'"),
                      ("remarque", "this site has no 'note' box"), ("graphique", "write '```chart'"), ("차트", "write '```chart'")])
    func aBoxNamedInAnotherLanguageIsAWarningWithTheEnglishBlock(_ name: String, _ hint: String) throws {
        let output = try build(miniSite(chapter: "---\ntitle: Intro\n---\nTexto.\n\n```\(name)\nCuidado con esto.\n```\n"))
        let warning = try #require(output.warnings.first)
        #expect(warning.file == "content/01-intro.md" && warning.line == 6 && warning.column == 1)
        #expect(warning.message == "'```\(name)' is not a block this site knows (block names are English), so the page shows it as code")
        #expect(warning.hint?.hasPrefix(hint) == true, "\(warning)")
    }

    @Test(arguments: ["Tabla:", "Tableau :", "Tabelle:", "Cuadro:", "표:", "Tabella:"])
    func aCaptionStartedInAnotherLanguageIsAWarningThatSaysTable(_ word: String) throws {
        let output = try build(miniSite(chapter: "---\ntitle: Intro\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\(word) Los peores meses\n"))
        let warning = try #require(output.warnings.first)
        #expect(warning.line == 8)
        #expect(warning.message.hasSuffix("is shown as text: a table's caption starts with 'Table:', whatever the page's language"))
        #expect(warning.hint?.hasPrefix("write 'Table:' for '\(word.filter { $0 != " " })'") == true, "\(warning)")
    }

    /// Trial 14 (S1): French typography puts a space before the colon: `Table : …` was published as text, `{#id}` and all.
    @Test(arguments: ["Table : ", "Table\u{A0}: ", "Table\u{202F}:"])
    func aCaptionWithASpaceBeforeItsColonIsACaption(_ word: String) throws {
        let output = try build(miniSite(chapter: "---\ntitle: Intro\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\(word)Les loyers {#table-loyers}\n"))
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("id=\"table-loyers\""))
        #expect(page.contains("Les loyers</caption>"))
    }

    @Test func anEmptyLinkToATablaIDNamesTheTableID() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: Intro\n---\nVer [](#tabla-peores).\n"))
        #expect(found.first?.hint?.hasPrefix("only a link to an id starting 'figure-' or 'table-' fills in its own text, the number: "
            + "give it the id #table-peores") == true, "\(found)")
    }

    // MARK: Hints in the writer's languages

    @Test(arguments: ["Ana Escritora y Luis Pérez", "Anne Rédactrice et Luc Martin", "Anna Autorin und Lukas Weber"])
    func authorsJoinedByAnotherLanguagesAndAreSeveralPeople(_ authors: String) throws {
        let output = try build(miniSite(chapter: "---\ntitle: Intro\nauthors: \(authors)\n---\nText.\n"))
        #expect(output.warnings.first?.message == "'authors' is one text naming several people: the page and its metadata would give it as one name")
        #expect(severalPeople("José Ortega y Gasset") == nil)
    }

    @Test func aFileNameWithAnEnyeIsProposedWithNy() {
        #expect(validFileName(for: "30-los-años.md") == "30-los-anyos.md")
        #expect(validFileName(for: "30-¿qué-es.md") == "30-que-es.md")
        #expect(validFileName(for: "40-straße.md") == "40-strasse.md")
    }

    @Test func aLanguagePathWithAnAccentIsProposedWithoutIt() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nTexto.\n",
                                             config: "title: T\ndescription: D.\nlanguages:\n  - code: es\n  - code: en\n    path: inglés\n    fallback: true\n"))
        #expect(found.first?.hint?.hasPrefix("write 'path: ingles'") == true, "\(found)")
    }

    @Test(arguments: [("barras", "bar"), ("Líneas", "line"), ("cascada", "waterfall"), ("Balken", "hbar")])
    func aChartKindInAnotherLanguageIsNamedInEnglish(_ kind: String, _ english: String) {
        let chapter = "---\ntitle: Intro\n---\n```chart\nid: calle\ntitle: El precio\ncaption: Un modelo.\nmodel: bubbles\n"
            + "kind: \(kind)\nseries: [price]\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        #expect(found.first?.hint?.hasPrefix("kinds are named in English: did you mean '\(english)'?") == true, "\(found)")
    }

    @Test func aLanguageNamedInItselfGetsItsTag() {
        #expect(languageTagProblem("Español")?.hint.hasPrefix("did you mean 'es'?") == true)
    }

    @Test(arguments: [("anglais", "en"), ("inglés", "en"), ("Englisch", "en"), ("英語", "en"), ("중국어", "zh"),
                      ("japonais", "ja"), ("西班牙文", "es")])
    func aLanguageNamedInAnotherLanguageGetsItsTag(_ name: String, _ tag: String) {
        #expect(languageTag(forName: name) == tag)
    }

    @Test func aLanguageWithoutTranslationsIsWarnedAboutWhereSiteYmlNamesIt() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\nTexto.\n", config: "title: T\ndescription: D.\nlanguage: es\n"))
        let warning = try #require(output.warnings.first { $0.message.hasPrefix("no translations for language 'es'") })
        #expect((warning.file, warning.line, warning.column) == ("content/site.yml", 3, 11))
        #expect(warning.hint == "copy templates/i18n/en.yml to templates/i18n/es.yml and translate its texts")
    }

    @Test func aTranslationsFileNoLanguageUsesIsNamedInTheMissingFilesHint() throws {
        var site = miniSite(chapter: "---\ntitle: A\n---\nTexto.\n", config: "title: T\ndescription: D.\nlanguage: ko\n")
        let english = try #require(starterTemplates.first { $0.path == "templates/i18n/en.yml" })
        site.translations.append(SourceFile(path: "templates/i18n/kr.yml", text: english.text))
        let warning = try #require(try build(site).warnings.first { $0.message.hasPrefix("no translations for language 'ko'") })
        #expect(warning.hint == "no language of site.yml uses templates/i18n/kr.yml: is it meant to be templates/i18n/ko.yml? "
                    + "Else copy templates/i18n/en.yml to templates/i18n/ko.yml and translate its texts")
    }

    // MARK: More hints from the trial's nits

    @Test func aFrontMatterKeyInSpanishGetsTheEnglishKey() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\nsumario: Un resumen.\n---\nTexto.\n"))
        #expect(found.map(\.hint) == ["did you mean 'summary'? Keys are English whatever the page's language. Known keys: "
            + FrontMatter.keys.joined(separator: ", ")])
    }

    @Test func aMisspeltTitleIsNotAlsoAMissingTitle() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitel: Los precios\n---\nTexto.\n"))
        #expect(found.map(\.message) == ["unknown key 'titel' in front matter"])
    }

    @Test func anAccentedFigureIDGetsTheIDToWrite() {
        let chapter = "---\ntitle: Intro\n---\n```chart\nid: emisión\ntitle: El precio\ncaption: Un modelo.\nmodel: bubbles\n"
            + "kind: line\nseries: [price]\n```\n"
        #expect(diagnostics(of: miniSite(chapter: chapter)).first?.hint == "write `id: emision`; links name the figure by it (#figure-emision)")
    }

    @Test func aTableRowWithAPipeInACellMentionsTheEscapedPipe() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n"))
        #expect(found.first?.hint?.hasSuffix("a | that is part of a cell's text is written \\|") == true, "\(found)")
    }

    @Test func aCitationWithoutTheCommaBeforeItsPlaceIsWrittenOutWithIt() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nTexto [@a-1982; @b-1956 cap. 2].\n",
                                             sources: "a-1982:\n  title: A\n  date: 1982\nb-1956:\n  title: B\n  date: 1956\n"))
        #expect(found.first?.hint?.hasPrefix("write [@a-1982; @b-1956, cap. 2]: a place in the source comes after a comma") == true,
                "\(found)")
    }

    @Test func anAccentedFileNameIsToldTheNameToWriteWithoutAdviceForOtherScripts() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nTexto.\n", name: "30-los-años.md"))
        #expect(found.first?.hint?.hasPrefix("rename it to 30-los-anyos.md: ") == true)
        #expect(found.first?.hint?.hasSuffix("; file names are ASCII, since they are the pages' addresses") == true, "\(found)")
    }

    @Test func aNextBoxWithADateInWordsSaysHowToWriteItInThePagesLanguage() {
        var site = miniSite(chapter: "---\ntitle: A\n---\nTexto.\n\n```next 1 de diciembre de 2026\nAlgo pasó.\n```\n",
                            config: "title: T\ndescription: D.\nlanguage: es\n")
        site.translations = [SourceFile(path: "templates/i18n/es.yml",
                                        text: String(decoding: repositorySource.translations.first { $0.path == "templates/i18n/en.yml" }!.bytes, as: UTF8.self)
                                            .replacingOccurrences(of: "whatHappenedNext: What happened next", with: "whatHappenedNext: Lo que pasó después"))]
        let found = diagnostics(of: site)
        #expect(found.map(\.message) == ["a 'next' box's date is written YYYY-MM-DD, not '1 de diciembre de 2026'"], "\(found)")
        #expect(found.first?.hint?.contains("Lo que pasó después · ") == true, "\(found)")
    }

    @Test func aValueWithAColonIsQuotedWholeInTheHint() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\nquestion: Pregunta clave: ¿por qué?\n---\nTexto.\n"))
        #expect(found.first?.hint?.hasPrefix("a value containing ': ' must be quoted, e.g. question: \"Pregunta clave: ¿por qué?\"") == true,
                "\(found)")
    }

    @Test func aDataFilesWarningIsGivenOnceForEveryLanguageThatChartsIt() throws {
        let chart = "```chart\nid: p\ntitle: Inflación\ncaption: Mensual.\ndata: p.csv\nkind: line\ny: {format: percent}\n```\n"
        let site = twoLanguageSite(english: "---\ntitle: Intro\n---\nTexto.\n\n" + chart,
                                   translated: "---\ntitle: 導論\n---\n中文。\n\n" + chart,
                                   more: [SourceFile(path: "content/data/p.csv", text: "month,inflation\n2021-01,0.021\n2021-02,0.03\n")])
        let output = try build(site)
        #expect(output.warnings.filter { $0.file == "content/data/p.csv" }.count == 1, "\(output.warnings)")
    }

    // MARK: Trial 11's leftovers

    @Test func aTranslationThatDropsAFootnoteIsAWarning() throws {
        let site = twoLanguageSite(english: "---\ntitle: Intro\n---\nText[^a] and more[^b].\n\n[^a]: One.\n[^b]: Two.\n",
                                   translated: "---\ntitle: 導論\n---\n中文[^a]。\n\n[^a]: 一。\n")
        let output = try build(site)
        let warning = try #require(output.warnings.first { $0.file == "content/zh-hant/01-intro.md" })
        #expect(warning.message == "the translation has 1 footnote and content/01-intro.md 2: its readers would miss one")
    }

    @Test func aSiteUpdatedBeforeItsNewestPageIsAWarningAtUpdated() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\ndate: 2026-11-20\n---\nText.\n",
                                        config: "title: T\ndescription: D.\nbaseURL: https://example.org/x/\nupdated: 2026-01-01\n"))
        let warning = try #require(output.warnings.first { $0.file == "content/site.yml" })
        #expect((warning.line, warning.column) == (4, 10))
        #expect(warning.hint == "write the day the content last changed: updated: 2026-11-20 or later")
    }

    @Test func aFigureRenamedInATranslationIsToldTheOriginalsID() {
        let chart = { (id: String) in "```chart\nid: \(id)\ntitle: Price\ncaption: A model.\nmodel: bubbles\nkind: line\nseries: [price]\n```\n" }
        let site = twoLanguageSite(english: "---\ntitle: Intro\n---\nText.\n\n" + chart("emision"),
                                   translated: "---\ntitle: 導論\n---\n中文。\n\n" + chart("issuance"))
        let found = diagnostics(of: site)
        #expect(found.first { $0.message == "figure 'issuance' is not in content/01-intro.md" }?.hint
                    == "it takes the place of 'emision': write 'id: emision'; a translation keeps its original's figure ids", "\(found)")
    }

    @Test func aPartialNamedInAnotherLanguageListsTheTemplatesThereAre() {
        let site = editing("base", "{{> nav}}", "{{> navegacion}}", in: miniSite(chapter: "---\ntitle: A\n---\nTexto.\n"))
        let found = diagnostics(of: site)
        #expect(found.map(\.message) == ["partial 'navegacion' does not exist"])
        // Trial 13: the short name it begins with is proposed first.
        #expect(found.first?.hint?.hasPrefix("did you mean 'nav'? add templates/navegacion.mustache, or name one of the templates there are: ") == true)
        #expect(found.first?.hint?.contains(", nav, ") == true, "\(found)")
    }

    @Test func aCaptionAfterSeveralBlankLinesIsTheTablesAsTheHintForOneWithoutATableSays() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\n\nTable: Runs\n"))
        #expect(text(output, "intro/index.html")?.contains("<caption>") == true)
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n\nTable: Runs\n"))
        #expect(found.first?.hint == "put the 'Table:' line right after the table's last row (nothing but blank lines between them)")
    }

    @Test func aSourcesDateThatStartsASentenceStartsWithACapital() throws {
        let english = String(decoding: repositorySource.translations.first { $0.path == "templates/i18n/en.yml" }!.bytes, as: UTF8.self)
        let spanish = english
            .replacingOccurrences(of: "months: January, February, March, April, May, June, July, August, September, October, November, December",
                                  with: "months: enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre")
            .replacingOccurrences(of: "monthFormat: \"{month} {y}\"", with: "monthFormat: \"{month} de {y}\"")
        var site = miniSite(chapter: "---\ntitle: A\n---\nTexto [@k].\n", config: "title: T\ndescription: D.\nlanguage: es\n",
                            sources: "k:\n  label: Informe del banco\n  date: 2022-06\n")
        site.translations = [SourceFile(path: "templates/i18n/es.yml", text: spanish)]
        let page = try #require(text(try build(site), "sources/index.html"))
        #expect(page.contains("[Informe del banco]. Junio de 2022."), "\(page)")
    }
}
