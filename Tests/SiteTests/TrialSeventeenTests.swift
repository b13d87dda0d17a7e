import Foundation
import Testing
import Charts
import Markdown
@testable import Site

/// Mistakes of the seventeenth new-writer trial (a French site with a Japanese edition) that were reported as
/// something else, and the reader's and editor's findings of the same round.
@Suite struct TrialSeventeen {
    /// M2: a translated block that draws another data file than its original: one error that names the file the
    /// block draws and what it holds, not one "labels names …" error per label.
    @Test func labelsOfWhichNoneNamesAnythingAreOneErrorNamingTheBlocksData() {
        let data = [SourceFile(path: "content/data/mix.csv", text: "# Source: S.\nyear,Gaz,Nucléaire\n2020,1,2\n2021,2,3\n"),
                    SourceFile(path: "content/data/hydro.csv", text: "# Source: S.\nyear,production\n2020,1\n2021,2\n")]
        let block = "```chart\nid: c\ntitle: T\ncaption: \"C. Source: S.\"\ndata: hydro.csv\nkind: line\n"
            + "labels: {Gaz: ガス, Nucléaire: 原子力, Éolien: 風力}\n```\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nIntro.\n\n" + block, data: data))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message == "figure 'c': none of its 3 labels names a series, category or scenario of it "
                + "('Gaz', 'Nucléaire', 'Éolien'): its data, hydro.csv, names 'production'")
        #expect(found.first?.hint?.contains("data: or model:") == true)
    }

    /// One label that is a near miss keeps its own error with the closest name.
    @Test func aSingleMisspeltLabelKeepsItsDidYouMean() {
        let block = "```chart\nid: c\ntitle: T\ncaption: Illustrative model.\nmodel: gpuCollateral\nseries: [debt]\n"
            + "labels: {dbt: Debt owed, dept: Debt}\n```\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nIntro.\n\n" + block))
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.hint?.hasPrefix("did you mean 'debt'?") == true })
    }

    /// S6: `labels: {prix: Prix spot, moyen annuel}` — the comma ended the label; the error says so and quotes it.
    @Test func aCommaInsideAnUnquotedLabelIsAnErrorThatQuotesTheLabel() {
        let data = [SourceFile(path: "content/data/p.csv", text: "# Source: S.\nyear,prix\n2020,1\n2021,2\n")]
        let block = "```chart\nid: c\ntitle: T\ncaption: \"C. Source: S.\"\ndata: p.csv\nkind: line\n"
            + "labels: {prix: Prix spot, moyen annuel}\n```\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nIntro.\n\n" + block, data: data))
        #expect(found.map(\.message) == ["'moyen annuel' in labels has no text: a comma inside { } ended the text before it"])
        #expect(found.first?.hint == "a comma inside { } ends the value: quote the prix (prix: \"Prix spot, moyen annuel\")")
    }

    /// S7: a misspelt key in the default language's own file is an error there, with the key it meant, and no other
    /// language's file is told it lacks the misspelt key.
    @Test func aMisspeltKeyInTheDefaultLanguagesFileIsAnErrorThereNotAMissingTranslationElsewhere() throws {
        let english = try #require(starterTemplates.first { $0.path == "templates/i18n/en.yml" }?.text)
        let misspelt = english.replacingOccurrences(of: "\ninThisChapter:", with: "\ninThisChapitre:")
        #expect(misspelt != english)
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                            config: "title: T\nlanguage: fr\nlanguages:\n  - code: fr\n  - code: ja\n    fallback: true\n")
        site.translations = [SourceFile(path: "templates/i18n/fr.yml", text: misspelt),
                             SourceFile(path: "templates/i18n/ja.yml", text: english)]
        let problems = diagnostics(of: site)
        #expect(problems.map(\.message) == ["unknown key 'inThisChapitre': explainer has no such text"], "\(problems)")
        #expect(problems.first?.file == "templates/i18n/fr.yml")
        #expect(problems.first?.line ?? 0 > 1)
        #expect(problems.first?.hint?.hasPrefix("did you mean 'inThisChapter'?") == true)
    }

    /// S3: a paragraph indented four spaces that cites a source (brackets of Markdown, not of code) is still prose.
    @Test func anIndentedParagraphWithACitationIsAWarning() throws {
        let page = "---\ntitle: A\n---\n## Stocker autrement\n\n    Les stations de pompage gardent l’eau pour plus tard [@ree-2023].\n"
        let output = try build(miniSite(chapter: page, sources: "ree-2023:\n  organisation: REE\n  title: Rapport\n  date: 2023\n"))
        #expect(output.warnings.contains { $0.message.contains("is indented four spaces or more") }, "\(output.warnings)")
    }

    /// Code with brackets of its own is not taken for prose.
    @Test func anIndentedLineOfCodeWithIndexingIsNotAWarning() throws {
        let page = "---\ntitle: A\n---\nCode:\n\n    total = values[0] + values[1] + values[2]\n"
        let output = try build(miniSite(chapter: page))
        #expect(!output.warnings.contains { $0.message.contains("is indented four spaces or more") }, "\(output.warnings)")
    }
}

/// French forms the seventeenth trial's site needed, and the technical QA's findings of the same round.
@Suite struct RoundSeventeenForms {
    /// S1: `moneyFormat` puts the currency after the amount, as French writes it.
    @Test func moneyFormatPutsTheCurrencyAfterTheAmount() throws {
        var numbers = ChartLanguage.numbers(for: "fr", words: ["decimalSeparator": ",", "groupSeparator": "\u{202F}",
                                                              "moneyFormat": "{number}\u{00A0}{symbol}"])
        #expect(ValueFormat.money(.eur, .units).string(for: 276, numbers: numbers) == "276,00\u{00A0}€"
                || ValueFormat.money(.eur, .units).string(for: 276, numbers: numbers) == "276\u{00A0}€")
        #expect(ValueFormat.money(.eur, .billions).string(for: 27.3, numbers: numbers).hasSuffix("B\u{00A0}€"))
        numbers = ChartLanguage.numbers(for: "en", words: [:])
        #expect(ValueFormat.money(.eur, .units).string(for: 276, numbers: numbers).hasPrefix("€276"))
    }

    /// S2: French spacing: the space typed before ? ! ; : and inside « » becomes a no-break one; a smiley, a time
    /// and English text are left alone.
    @Test func theSpaceFrenchTypesBeforeAMarkNeverBreaks() {
        #expect(joiningNumbersToUnits("facture d’électricité ? Oui !") == "facture d’électricité\u{202F}? Oui\u{202F}!")
        #expect(joiningNumbersToUnits("Source : RTE ; « sec »") == "Source\u{00A0}: RTE\u{202F}; «\u{202F}sec\u{202F}»")
        #expect(joiningNumbersToUnits("coûte 276 € par an") == "coûte 276\u{00A0}€ par an")
        for unchanged in ["a smiley :) here", "at 10 :30", "Is it? Yes!", "x ?y"] {
            #expect(joiningNumbersToUnits(unchanged) == unchanged, "\(unchanged)")
        }
    }

    /// Recheck 17 S3: the space between inline markup and the mark (`*mot* ?`, `« *titre* »`) never breaks either.
    @Test func frenchSpacingJoinsAcrossInlineMarkup() throws {
        let page = "---\ntitle: A\n---\nUn *mot* ? Du `code` ! Un [lien](https://example.org) ? « *titre* » fin.\n"
        let html = try #require(text(try build(miniSite(chapter: page)), "intro/index.html"))
        #expect(html.contains("<em>mot</em>\u{202F}?"), "\(html)")
        #expect(html.contains("</code>\u{202F}!"))
        #expect(html.contains("</a>\u{202F}?"))
        #expect(html.contains("«\u{202F}<em>titre</em>\u{202F}»"))
    }

    /// Recheck 17 S1: a correction of a draft left out is not published (it was "a correction of the whole site").
    @Test func aCorrectionOfADraftLeftOutIsNotInTheLog() throws {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                            extraChapters: [SourceFile(path: "content/02-later.md", text: "---\ntitle: Later\ndraft: true\n---\nText.\n")])
        site.corrections = SourceFile(path: "content/corrections.yml",
                                      text: "- date: 2026-12-01\n  chapter: 02-later\n  text: Draft fix.\n- date: 2026-11-01\n  text: Site fix.\n")
        let log = try #require(text(try build(site), "corrections/index.html"))
        #expect(log.contains("Site fix.") && !log.contains("Draft fix."))
    }

    /// QA S1: an outline's one-item sub-list is no "list in the middle of a paragraph".
    @Test func aSubListOfOneItemInATightListIsNoWarning() throws {
        let page = "---\ntitle: A\n---\nA list:\n\n- Pros\n  - fast\n  - cheap\n- Cons\n  - fragile\n"
        let output = try build(miniSite(chapter: page))
        #expect(!output.warnings.contains { $0.message.contains("one-item list") }, "\(output.warnings)")
    }

    /// QA S2: a chapter that is a symbolic link to nothing is an error, not a page missing without a word.
    @Test func aChapterThatIsADanglingLinkIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: "content"), withIntermediateDirectories: true)
        try Data("---\ntitle: A\n---\n".utf8).write(to: folder.appending(path: "content/01-a.md"))
        try FileManager.default.createSymbolicLink(atPath: folder.appending(path: "content/02-b.md").path, withDestinationPath: "moved.md")
        #expect {
            _ = try SourceTree.read(from: folder)
        } throws: { error in
            (error as? BuildFailure)?.diagnostics.map(\.message) == ["'content/02-b.md' is a symbolic link to 'moved.md', which does not exist"]
        }
    }

    /// QA S3: a correction or a number may name a chapter left out as a draft: it exists.
    @Test func aCorrectionNamingADraftLeftOutIsNoError() throws {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                            extraChapters: [SourceFile(path: "content/02-later.md", text: "---\ntitle: Later\ndraft: true\n---\nText.\n")])
        site.corrections = SourceFile(path: "content/corrections.yml", text: "- date: 2026-12-01\n  chapter: 02-later\n  text: We fixed it.\n")
        #expect(diagnostics(of: site).isEmpty, "\(diagnostics(of: site))")
    }
}
