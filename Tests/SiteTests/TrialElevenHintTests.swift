import Charts
import Testing
@testable import Site

/// Mistakes of the eleventh writer's trial that were caught with no hint, or a hint that did not name the fix.
@Suite struct TrialElevenHints {
    private let page = "---\ntitle: Intro\n---\nText.\n"

    // MARK: File names

    @Test(arguments: [("5O-lessons.md", "50-lessons.md"), ("50-lessons-&-more.md", "50-lessons-more.md"),
                      ("50--lessons.md", "50-lessons.md"), ("What's-next.md", "whats-next.md"), ("1l-notes.md", "11-notes.md")])
    func aFileNameThatIsNoChapterGetsTheNameItMeant(_ name: String, _ meant: String) {
        #expect(validFileName(for: name) == meant)
        let found = diagnostics(of: miniSite(chapter: page, extraChapters: [SourceFile(path: "content/" + name, text: page)]))
        #expect(found.first?.hint?.hasPrefix("rename it to \(meant): ") == true, "\(found)")
    }

    @Test(arguments: ["04-銀行.md", "lessons-.md-", "---.md"])
    func aFileNameWithNoLatinNameForItGetsNoProposal(_ name: String) {
        #expect(validFileName(for: name) == nil)
    }

    @Test func aChapterSavedAsPlainTextWithItsNumberIsAWarning() throws {
        let output = try build(miniSite(chapter: page, extraChapters: [SourceFile(path: "content/60-more.txt", text: page)]))
        #expect(output.warnings.map(\.file) == ["content/60-more.txt"])
        #expect(output.warnings.first?.hint?.hasPrefix("rename it to 60-more.md") == true)
        // The writer's own notes are left alone.
        #expect(!isTextFile("notes.txt") && !isTextFile("todo-list.txt"))
    }

    @Test func aLinkToAChapterBySlugAloneNamesItsFile() {
        let target = SourceFile(path: "content/20-svb.md", text: "---\ntitle: SVB\n---\n## Who banked there\n\nText.\n")
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: Intro\n---\nSee [it](svb.md#who-banked-there).\n",
                                             extraChapters: [target]))
        #expect(found.map(\.hint) == ["did you mean '20-svb.md#who-banked-there'?"])
    }

    // MARK: Chart blocks

    @Test func aFigureIDWithCapitalsOrUnderscoresGetsTheIDToWrite() {
        let chapter = "---\ntitle: Intro\n---\n```chart\nid: Run_Loop\ntitle: T\ncaption: C.\nkind: steps\nsteps:\n  - {label: A}\n  - {label: B}\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        #expect(found.first?.hint == "write `id: run-loop`; links name the figure by it (#figure-run-loop)", "\(found)")
    }

    @Test func tooManyStepsSaysStepsAndHowToSplitThem() {
        let steps = (1...11).map { "  - {label: Step \($0)}\n" }.joined()
        let chapter = "---\ntitle: Intro\n---\n```chart\nid: s\ntitle: T\ncaption: C.\nkind: steps\nsteps:\n\(steps)```\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        #expect(found.map(\.message) == ["11 steps are too many to read; at most 10 fit"])
        #expect(found.first?.hint == "split them into two figures, or join steps that say one thing")
    }

    @Test func aLabelTooLongSaysItsLengthAndWhereTheDetailGoes() {
        let label = String(repeating: "word ", count: 12).trimmingCharacters(in: .whitespaces)
        let chapter = "---\ntitle: Intro\n---\n```chart\nid: d\ntitle: T\ncaption: C.\nkind: diagram\nnodes:\n"
            + "  - {id: a, label: A}\n  - {id: b, label: \(label)}\narrows:\n  - {from: a, to: b}\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        #expect(found.map(\.message) == ["the label of node 2 is \(label.count) characters long; at most 48 fit"])
        #expect(found.first?.hint?.contains("'note:'") == true)
        #expect(found.first?.line == 11)
    }

    @Test func everyDiagramProblemButAnUnknownNodeHasAHint() {
        let problems: [DiagramProblem] = [.noNodes, .tooManyNodes(count: 20, limit: 16), .emptyLabel(node: 0),
                                          .tooLong(node: 0, what: "label", length: 50, limit: 48),
                                          .tooLong(node: 0, what: "note", length: 130, limit: 120), .badColor(node: 0),
                                          .duplicateID(node: 1, id: "a"), .selfArrow(arrow: 0), .repeatedArrow(arrow: 1),
                                          .arrowLabelTooLong(arrow: 0, length: 50, limit: 48), .arrowsInSteps]
        #expect(problems.allSatisfy { $0.hint != nil })
        #expect(DiagramProblem.unknownNode(arrow: 0, end: "to", id: "x").hint == nil)
    }

    @Test func aValueLabelForNoCategoryListsTheCategoriesInItsHintOrNamesTheOneMeant() {
        let csv = SourceFile(path: "content/data/banks.csv", text: "bank,share\nSilicon Valley Bank,94\nSignature Bank,90\n")
        func chapter(_ name: String) -> String {
            "---\ntitle: Intro\n---\n```chart\nid: b\ntitle: T\ncaption: C.\nkind: hbar\ndata: banks.csv\n"
                + "value-labels: {\(name): \"about 94 %\"}\n```\n"
        }
        let unknown = diagnostics(of: miniSite(chapter: chapter("SVB"), data: [csv]))
        #expect(unknown.first?.message.hasSuffix("'value-labels' names 'SVB', which is not a category of the chart") == true, "\(unknown)")
        #expect(unknown.first?.hint == "name a category as the data writes it: Silicon Valley Bank, Signature Bank")
        let capitals = diagnostics(of: miniSite(chapter: chapter("signature bank"), data: [csv]))
        #expect(capitals.first?.hint == "did you mean 'Signature Bank'? Categories are matched exactly, capitals included")
    }

    @Test func aCSVInAFolderOfContentDataSaysTheFolderIsNotRead() {
        let chapter = "---\ntitle: Intro\n---\n```chart\nid: w\ntitle: T\ncaption: C.\ndata: 2023/withdrawals.csv\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        #expect(found.first?.hint == "content/data/ is read without its folders: keep the file in content/data/ itself and "
                    + "write `data: withdrawals.csv`")
    }

    // MARK: Front matter

    @Test(arguments: ["Trial Eleven, Ada Lovelace", "Ada Lovelace and Alan Turing", "Ada Lovelace & Alan Turing"])
    func chapterAuthorsAsOneTextOfSeveralPeopleIsAWarningWithTheList(_ authors: String) throws {
        let output = try build(miniSite(chapter: "---\ntitle: Intro\nauthors: \(authors)\n---\nText.\n"))
        #expect(output.warnings.map(\.line) == [3])
        #expect(output.warnings.first?.hint?.hasPrefix("write a list, one person each: authors: [") == true)
    }

    @Test(arguments: ["Ada Lovelace", "Lovelace, Ada", "Ada Lovelace, PhD", "Procter and Gamble", "The Editors"])
    func chapterAuthorsOfOnePersonOrACompanyAreNotWarned(_ authors: String) throws {
        #expect(severalPeople(authors) == nil)
        let output = try build(miniSite(chapter: "---\ntitle: Intro\nauthors: \"\(authors)\"\n---\nText.\n"))
        #expect(output.warnings.isEmpty)
    }

    // MARK: Translations files and templates

    @Test func anUnknownKeyOfALanguagesFileIsReportedOnItsLine() {
        var site = twoLanguageSite()
        let chinese = starterTemplates.first { $0.path == "templates/i18n/zh-Hant.yml" }!.text
        site.translations = [SourceFile(path: "templates/i18n/zh-Hant.yml", text: chinese + "bankRunNote: 一則說明\n")]
        let found = diagnostics(of: site)
        let line = chinese.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(found.map(\.line) == [line], "\(found)")
        #expect(found.first?.hint?.contains("Known keys") == false)
    }

    @Test func aLanguagesFileNamedInCapitalsIsNamedInTheWarning() throws {
        var site = miniSite(chapter: page, config: "title: T\nlanguage: fr\n")
        site.translations = [SourceFile(path: "templates/i18n/FR.yml", text: "languageName: Français\n")]
        let output = try build(site)
        #expect(output.warnings.first?.file == "templates/i18n/FR.yml")
        #expect(output.warnings.first?.hint?.hasPrefix("rename templates/i18n/FR.yml to templates/i18n/fr.yml") == true)
    }

    @Test func anUnclosedTripleTagGetsTheThreeBracesHint() {
        var site = miniSite(chapter: page)
        site.templates = site.templates.map { file in
            guard file.path == "templates/chapter.mustache" else { return file }
            return SourceFile(path: file.path, text: String(decoding: file.bytes, as: UTF8.self)
                .replacingOccurrences(of: "{{{body}}}", with: "{{{body}}"))
        }
        let found = diagnostics(of: site)
        #expect(found.first?.hint == "a {{{name}}} tag (HTML put in as it is) closes with three braces: }}}", "\(found)")
    }
}
