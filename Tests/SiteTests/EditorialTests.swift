import Foundation
import Testing
@testable import Site

private let citingChapter = "---\ntitle: Intro\n---\nThe article [@wong]. A repost [@repost]. A paper [@paper]. A report [@wsj].\n"

private let fullSources = """
wong:
  authors: ["Wong, Matteo", "Warzel, Charlie"]
  title: Here’s How the AI Crash Happens
  subtitle: The U.S. is becoming an Nvidia-state.
  publisher: The Atlantic
  date: 2025-10-30
  url: https://www.theatlantic.com/technology/2025/10/ai-crash/
  annotation: The article this site *explains*.
  private: PRIVATE-MARKER-1 kept as a seed file
repost:
  organisation: NetEase
  label: Traditional Chinese translation of The Atlantic article
  language: Traditional Chinese
  translation_of: wong
  date: 2025-11
  url: https://www.163.com/dy/article/x.html
  private: |
    PRIVATE-MARKER-2 shared/seeds/000_24ffa0ce6d9bf4f7.txt
    Ledger row 1
paper:
  authors: ["Acemoglu, Daron"]
  title: The Simple Macroeconomics of AI
  publisher: Economic Policy
  date: '2025'
  doi: 10.1093/epolic/eiae042
wsj:
  organisation: The Wall Street Journal
  label: WSJ report on the Hyperion bond buyers, Oct 2025
  publisher: The Wall Street Journal
  date: 2025-10
  consulted: 2026-12-03
  url: https://www.wsj.com/finance/hyperion

"""

private func everyText(_ output: OutputTree) -> String {
    output.sortedPaths.filter { !$0.hasSuffix(".png") }.map { text(output, $0)! }.joined(separator: "\n")
}

@Suite struct SourcesFormat {
    @Test func titlesAreQuotedLabelsBracketedAndLinksDOIsAndConsultedDatesShown() throws {
        let output = try build(miniSite(chapter: citingChapter, sources: fullSources))
        let page = try #require(text(output, "sources/index.html"))
        #expect(page.contains("Wong, Matteo, and Charlie Warzel. <a href=\"https://www.theatlantic.com/technology/2025/10/ai-crash/\" rel=\"noopener\">“Here’s How the AI Crash Happens: The U.S. is becoming an Nvidia-state.”</a>"))
        #expect(page.contains("<i>The Atlantic</i>, 30 October 2025."))
        #expect(page.contains("<span class=\"annotation\">The article this site <em>explains</em>.</span>"))
        #expect(page.contains("[WSJ report on the Hyperion bond buyers, Oct 2025]</a>"))
        #expect(!page.contains("“WSJ report"))
        #expect(page.contains("Consulted 3 December 2026."))
        // An organisation that publishes its own report is named once.
        #expect(page.contains("The Wall Street Journal. <a href=\"https://www.wsj.com/finance/hyperion\" rel=\"noopener\">[WSJ report on the Hyperion bond buyers, Oct 2025]</a> <span class=\"source-host\">(wsj.com)</span>. October 2025."))
        #expect(page.contains("<a href=\"https://doi.org/10.1093/epolic/eiae042\" rel=\"noopener\">doi:10.1093/epolic/eiae042</a>"))
        #expect(page.contains("(in Traditional Chinese). Translation of <a href=\"../sources/#source-wong\">Wong and Warzel, “Here’s How the AI Crash Happens”</a>"))
        // The chapter's notes show the same references.
        let chapter = try #require(text(output, "intro/index.html"))
        #expect(chapter.contains("“Here’s How the AI Crash Happens: The U.S. is becoming an Nvidia-state.”"))
    }

    @Test func privateNotesReachNoOutputFile() throws {
        let output = try build(miniSite(chapter: citingChapter, sources: fullSources))
        let all = everyText(output)
        #expect(!all.contains("PRIVATE-MARKER"))
        #expect(all.contains("Here’s How the AI Crash Happens"), "the check must look at the files that show the sources")
    }

    @Test func theListIsSortedBySurnameOrOrganisation() throws {
        let output = try build(miniSite(chapter: citingChapter, sources: fullSources))
        let page = try #require(text(output, "sources/index.html"))
        let order = ["source-paper", "source-repost", "source-wsj", "source-wong"].map { page.range(of: "id=\"\($0)\"")!.lowerBound }
        // Acemoglu, NetEase, (The) Wall Street Journal, Wong.
        #expect(order == order.sorted())
    }

    @Test func citedInIsCommaSeparatedAndNeverBreaksInsideAChapterNumber() throws {
        let second = SourceFile(path: "content/02-more.md", text: "---\ntitle: More\n---\nAgain [@wong].\n")
        let output = try build(miniSite(chapter: citingChapter, extraChapters: [second], sources: fullSources))
        let page = try #require(text(output, "sources/index.html"))
        #expect(page.contains("<span class=\"cited-in\">Cited in: <a href=\"../intro/\">ch.\u{00A0}1</a>, <a href=\"../more/\">ch.\u{00A0}2</a></span>"))
    }

    @Test func unknownKeysAndMissingTitlesAreErrorsWithTheirLine() {
        let found = diagnostics(of: miniSite(chapter: citingChapter, sources: fullSources + "extra:\n  authors: [\"A, B\"]\n  titel: Oops\n"))
        #expect(found.contains { $0.file == "content/sources.yml" && $0.line == 35 && $0.message.contains("unknown key 'titel'") })
        let missing = diagnostics(of: miniSite(chapter: citingChapter, sources: fullSources + "extra:\n  authors: [\"A, B\"]\n"))
        #expect(missing.contains { $0.line == 33 && $0.message.contains("needs a 'title' or a 'label'") })
    }

    @Test func badDatesDOIsAndTranslationTargetsAreErrors() {
        let bad = fullSources.replacingOccurrences(of: "date: 2025-10-30", with: "date: Oct 2025")
            .replacingOccurrences(of: "doi: 10.1093", with: "doi: https://doi.org/10.1093")
        let found = diagnostics(of: miniSite(chapter: citingChapter, sources: bad))
        #expect(found.contains { $0.line == 6 && $0.message.contains("'date' of source 'wong'") })
        #expect(found.contains { $0.message.contains("'doi' of source 'paper'") })
        let translation = fullSources.replacingOccurrences(of: "translation_of: wong", with: "translation_of: wang")
        #expect(diagnostics(of: miniSite(chapter: citingChapter, sources: translation)).contains {
            $0.line == 14 && $0.message.contains("names 'wang'") && $0.hint == "did you mean 'wong'?"
        })
    }

    @Test func theOldKeysAreErrorsThatNameTheirReplacement() {
        let old = "book:\n  author: A. Writer\n  title: Structured finance\n  accessed: 2026-01-02\n  note: Ledger row 9\n"
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: Intro\n---\nSee [@book].\n", sources: old))
        #expect(found.contains { $0.line == 2 && $0.message.contains("old key 'author'") && $0.hint?.contains("'organisation'") == true })
        #expect(found.contains { $0.line == 4 && $0.hint?.contains("'consulted'") == true })
        #expect(found.contains { $0.line == 5 && $0.hint?.contains("'private'") == true })
    }
}

@Suite struct InternalStrings {
    @Test func aRepositoryPathInAChapterFailsTheBuildAtItsLine() {
        let chapter = "---\ntitle: Intro\n---\nText.\n\nThe file is shared/data/sp500/SOURCE.md here.\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        let problem = found.first { $0.message.contains("'shared/data/' is internal") }
        #expect(problem?.file == "content/01-intro.md")
        #expect(problem?.line == 6)
        #expect(problem?.column == 13)
        #expect(problem?.hint?.contains("private") == true)
    }

    @Test func everyMarkerIsCaught() {
        for marker in ["shared/seeds/a.txt", "../shared/x", "see CONTENT.md", "Ledger row 67", "LEDGER ROW 3"] {
            let found = diagnostics(of: miniSite(chapter: "---\ntitle: Intro\n---\nText \(marker).\n"))
            #expect(found.contains { $0.message.contains("is internal") && $0.line == 4 }, "\(marker) was not caught")
        }
    }

    @Test func aPathInAPublicSourceFieldIsReportedInSourcesYml() {
        let sources = fullSources.replacingOccurrences(of: "  publisher: Economic Policy\n",
                                                       with: "  publisher: Economic Policy\n  via: a copy kept as shared/seeds/1.txt\n")
        let found = diagnostics(of: miniSite(chapter: citingChapter, sources: sources))
        #expect(found.contains { $0.file == "content/sources.yml" && $0.line == 24 && $0.message.contains("'shared/seeds/'") })
    }

    @Test func aPathInAChartCaptionIsCaughtAtItsLine() {
        let csv = SourceFile(path: "content/data/a.csv", text: "# Source: a survey.\nyear,value\n2020,1\n2021,2\n")
        let chapter = "---\ntitle: Intro\n---\n```chart\nid: a\nkind: line\ntitle: A\ncaption: \"Copied from shared/data/raw.csv\"\ndata: a.csv\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter, data: [csv]))
        // The caption reaches the page, the data table's CSV download and the search index.
        let problem = found.first { $0.file == "content/01-intro.md" && $0.line == 8 }
        #expect(problem?.message.contains("public/data/a.csv") == true, "\(found)")
    }

    @Test func privateFieldsMayHoldThem() throws {
        _ = try build(miniSite(chapter: citingChapter, sources: fullSources))
    }

    @Test func theByteScanFindsEveryMarkerInAnyCaseAnywhereInAFile() {
        let finder = MarkerFinder(internalMarkers)
        for text in ["shared/seeds/", "x SHARED/DATA/ y", "../Shared", "see Content.MD.", "ledger ROW", "Théâtre\nLedger row 2",
                     String(repeating: "é", count: 100) + "../shared"] {
            #expect(finder.mayHold(Array(text.utf8)), "\(text) was not found")
        }
    }

    /// Against the plain search on generated text made of the markers' pieces, in either case.
    @Test func theByteScanAgreesWithAPlainSearch() {
        let finder = MarkerFinder(internalMarkers)
        let pieces = ["shared", "SHARED", "/", "../", "seeds/", "data/", "Content", ".md", "ledger", " ", "ROW", "row", "x", "é", "\n", "<p>"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = internalMarkers.contains { text.lowercased().contains($0.lowercased()) }
            #expect(finder.mayHold(Array(text.utf8)) == expected, "\(text)")
        }
    }

    @Test func theByteScanPassesFilesWithoutAMarker() {
        let finder = MarkerFinder(internalMarkers)
        for text in ["", "shared", "shared/seed", "../shar", "content md", "ledgerrow", "ledger-row", "<a href=\"../sources/\">",
                     "ſhared/data/"] {
            #expect(!finder.mayHold(Array(text.utf8)), "\(text) was found")
        }
    }

    @Test func aMarkerInTheFrontMatterIsReportedAtItsLine() {
        // The title reaches the page, the home page and the search index: one error, at the front matter line.
        let chapter = "---\ntitle: \"Notes from CONTENT.md\"\n---\nText.\n"
        let found = diagnostics(of: miniSite(chapter: chapter))
        #expect(found.contains { $0.file == "content/01-intro.md" && $0.line == 2 && $0.message.contains("'CONTENT.md' is internal") },
                "\(found)")
    }
}

@Suite struct DatesLicenceAndLogs {
    private let config = """
    title: Test site
    published: 2026-12-05
    factsAsOf: 2026-12-01
    licence: CC BY 4.0
    licenceURL: https://creativecommons.org/licenses/by/4.0/
    dataLicence: ODC-By 1.0
    dataLicenceURL: https://opendatacommons.org/licenses/by/1-0/

    """

    @Test func everyPageShowsPublishedAndFactsAsOfAndThePageMayOverride() throws {
        let other = SourceFile(path: "content/02-later.md", text: "---\ntitle: Later\ndate: 2027-01-10\nfactsAsOf: 2027-01-02\n---\nMore.\n")
        let output = try build(miniSite(chapter: "---\ntitle: Intro\n---\nText.\n", config: config, extraChapters: [other]))
        // Not the 404 page, which dates no facts (NotFoundPages).
        for path in ["index.html", "intro/index.html", "sources/index.html", "glossary/index.html"] {
            let page = try #require(text(output, path))
            #expect(page.contains("Published <time datetime=\"2026-12-05\">5 December 2026</time> · Facts as of <time datetime=\"2026-12-01\">1 December 2026</time>"), "\(path)")
        }
        let later = try #require(text(output, "later/index.html"))
        #expect(later.contains("Published <time datetime=\"2027-01-10\">10 January 2027</time> · Facts as of <time datetime=\"2027-01-02\">2 January 2027</time>"))
    }

    @Test func badDatesInSiteYmlAreErrors() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: Intro\n---\nText.\n", config: "title: T\npublished: 5 Dec 2026\nfactsAsOf: 2026-13-01\n"))
        #expect(found.contains { $0.line == 2 && $0.message.contains("'published' must be a date") })
        #expect(found.contains { $0.line == 3 && $0.message.contains("'factsAsOf' must be a date") })
    }

    @Test func theLicencesAreInTheFooterAndTheCSVHeader() throws {
        let csv = SourceFile(path: "content/data/a.csv", text: "# Source: a survey.\nyear,value\n2020,1\n2021,2\n")
        let chapter = "---\ntitle: Intro\n---\n```chart\nid: a\nkind: line\ntitle: A\ncaption: \"Source: a survey.\"\ndata: a.csv\n```\n"
        let output = try build(miniSite(chapter: chapter, config: config, data: [csv]))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("Text: <a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\">CC BY 4.0</a> · Data downloads: <a href=\"https://opendatacommons.org/licenses/by/1-0/\" rel=\"license\">ODC-By 1.0</a>"))
        let download = try #require(text(output, "data/a.csv"))
        let lines = download.split(separator: "\n")
        let licence = try #require(lines.firstIndex(of: "# License: ODC-By 1.0 (https://opendatacommons.org/licenses/by/1-0/)"))
        #expect(lines[..<licence].allSatisfy { $0.hasPrefix("# ") })
        #expect(!lines[licence + 1].hasPrefix("#"))
    }

    @Test func theNumbersPageListsEveryNumberWithSourceDateAndConfidence() throws {
        var site = miniSite(chapter: citingChapter, name: "05-four-steps.md", sources: fullSources)
        site.numbers = SourceFile(path: "content/numbers.yml", text: """
        - section: The four steps
        - number: about $27 billion
          what: Hyperion's total development cost
          source: wong
          date: 2025-10-21
          confidence: high
          chapters: [05-four-steps]
          note: Includes the *land*.
          private: PRIVATE-MARKER-3
        - number: 5.8 billion dollars
          what: Pool losses in the severe scenario
          model: true
          date: 2026/2028
          confidence: low

        """)
        let output = try build(site)
        let page = try #require(text(output, "numbers/index.html"))
        #expect(page.contains("<h2 id=\"the-four-steps-heading\">The four steps</h2>"))
        #expect(page.contains("<th scope=\"row\" data-label=\"Number: \">about $27\u{A0}billion</th>"))
        #expect(page.contains("<a href=\"../sources/#source-wong\">Wong and Warzel, “Here’s How the AI Crash Happens”</a>"))
        #expect(page.contains("21 October 2025"))
        #expect(page.contains("<time datetime=\"2026\">2026</time>–<time datetime=\"2028\">2028</time>"))
        #expect(page.contains("Illustrative model"))
        #expect(page.contains("confidence-high") && page.contains("confidence-low"))
        #expect(page.contains("<a href=\"../four-steps/\">ch.\u{00A0}1</a>"))
        #expect(page.contains("Includes the <em>land</em>."))
        #expect(!everyText(output).contains("PRIVATE-MARKER"))
        #expect(text(output, "four-steps/index.html")?.contains("href=\"../numbers/\"") == true)
        var published = site
        published.config = SourceFile(path: "content/site.yml", text: "title: T\nbaseURL: https://example.org/\nupdated: 2026-12-01\n")
        #expect(text(try build(published), "sitemap.xml")?.contains("<loc>https://example.org/numbers/</loc>") == true)
    }

    @Test func aBadNumbersRowIsAnErrorAtItsLine() {
        var site = miniSite(chapter: citingChapter, sources: fullSources)
        site.numbers = SourceFile(path: "content/numbers.yml", text: """
        - number: 12 %
          what: A share
          source: wongg
          date: 2025
          confidence: certain
        - number: 3
          what: Three
          date: 2025
          confidence: high

        """)
        let found = diagnostics(of: site)
        #expect(found.contains { $0.file == "content/numbers.yml" && $0.line == 5 && $0.message.contains("must be high, medium or low") })
        #expect(found.contains { $0.line == 6 && $0.message.contains("has no 'source'") })
        // The unknown source is found once the entries parse.
        site.numbers = SourceFile(path: "content/numbers.yml", text: "- number: 12 %\n  what: A share\n  source: wongg\n  date: 2025\n  confidence: high\n")
        let unknown = diagnostics(of: site)
        #expect(unknown.contains { $0.line == 3 && $0.message.contains("'wongg'") && $0.hint == "did you mean 'wong'?" })
    }

    @Test func whatHappenedNextBoxIsDatedAndNeedsItsDate() throws {
        let chapter = "---\ntitle: Intro\n---\nText.\n\n```next 2026-02-03\nThe deal **stalled**.\n```\n"
        let output = try build(miniSite(chapter: chapter))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<aside class=\"what-next\" role=\"note\"><p class=\"box-label\">What happened next · Facts as of <time datetime=\"2026-02-03\">3 February 2026</time></p>"))
        #expect(page.contains("The deal <strong>stalled</strong>."))
        let undated = diagnostics(of: miniSite(chapter: "---\ntitle: Intro\n---\nText.\n\n```next\nNews.\n```\n"))
        #expect(undated.contains { $0.line == 6 && $0.message.contains("needs the date") })
    }

    @Test func theCorrectionsLogIsAPageNewestFirstAndCorrectedPagesLinkToIt() throws {
        var site = miniSite(chapter: "---\ntitle: Intro\n---\nText.\n", config: config)
        site.corrections = SourceFile(path: "content/corrections.yml", text: """
        - date: 2026-12-06
          chapter: 01-intro
          text: We said *chips*; it is buildings.
        - date: 2026-12-09
          text: A site-wide fix.

        """)
        let output = try build(site)
        let log = try #require(text(output, "corrections/index.html"))
        let newer = try #require(log.range(of: "9 December 2026")), older = try #require(log.range(of: "6 December 2026"))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(log.contains("<a href=\"../intro/\">Chapter 1: Intro</a>"))
        #expect(log.contains("We said <em>chips</em>; it is buildings."))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<a href=\"../corrections/#correction-2026-12-06-01-intro\">Corrected <time datetime=\"2026-12-06\">6 December 2026</time></a>"))
        // The chapter menu lists the log beside Sources and Glossary; a site without one does not.
        #expect(page.contains("<li class=\"menu-extra\"><a href=\"../corrections/\">Corrections</a></li>"))
        let without = try #require(text(try build(miniSite(chapter: "---\ntitle: Intro\n---\nText.\n", config: config)), "intro/index.html"))
        #expect(!without.contains("corrections/"))
        site.corrections = SourceFile(path: "content/corrections.yml", text: "- date: 2026-12-06\n  chapter: 01-intr\n  text: X.\n")
        #expect(diagnostics(of: site).contains { $0.line == 2 && $0.hint == "did you mean '01-intro'?" })
    }
}

@Suite struct NotFoundAndGallery {
    @Test func the404PageLinksFromTheRootWithoutABaseURL() throws {
        let page = try #require(text(try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n")), "404.html"))
        // The icon's `data:,` stands in until the page's script knows the site's root.
        let links = attributeValues(in: page, names: ["href"]).filter { !$0.hasPrefix("#") && $0 != "data:," }
        #expect(!links.isEmpty)
        #expect(links.allSatisfy { $0.hasPrefix("/") }, "\(links)")
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
    }

    @Test func the404PageLinksAbsolutelyWithABaseURL() throws {
        let site = miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                            config: "title: T\nbaseURL: https://example.org/sub/\nupdated: 2025-11-30\n")
        let page = try #require(text(try build(site), "404.html"))
        let links = attributeValues(in: page, names: ["href", "src"]).filter { !$0.hasPrefix("#") }
        #expect(links.allSatisfy { $0.hasPrefix("https://example.org/sub/") }, "\(links)")
        #expect(links.contains("https://example.org/sub/sources/"))
        #expect(!page.contains("<base"))
    }

    @Test func theGalleryIsNotIndexedAndNotInTheMenu() throws {
        let site = miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: "title: T\ngallery: true\n")
        let output = try build(site)
        #expect(text(output, "gallery/index.html")?.contains("<meta name=\"robots\" content=\"noindex\">") == true)
        #expect(text(output, "intro/index.html")?.contains("gallery/") == false)
    }

    @Test func menuNumbersSitOutsideTheirLinks() throws {
        let page = try #require(text(try build(miniSite(chapter: "---\ntitle: A\n---\nText.\n")), "intro/index.html"))
        #expect(page.contains("<li><span class=\"chapter-number\">1</span><a href=\"../intro/\" aria-current=\"page\">A</a></li>"))
    }
}
