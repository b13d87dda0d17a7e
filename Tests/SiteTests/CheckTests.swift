import Testing
@testable import Site

/// `file:line:column` of a diagnostic.
private func place(_ diagnostic: Diagnostic?) -> String? {
    diagnostic.map { "\($0.file):\($0.line):\($0.column)" }
}

/// `check` and `build` report every problem an author can fix at its file, line and column.
@Suite struct Checks {
    private let later = SourceFile(path: "content/02-later.md", text: "---\ntitle: Later\n---\n## Known part\n\nText.\n")

    @Test func brokenAnchorOnTheSamePageIsReportedAtTheLink() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n\nSee [below](#nowhere).\n"))
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("content/01-intro.md:6:13: error: link '#nowhere' points to a missing anchor") == true)
    }

    @Test func brokenAnchorInAnotherChapterIsReportedAtTheLink() {
        let chapter = "---\ntitle: A\n---\nFirst line.\nSee [that](../later/#unknown-part) and [this](../later/#known-part).\n"
        let problems = diagnostics(of: miniSite(chapter: chapter, extraChapters: [later]))
        #expect(problems.map(\.message) == ["link '../later/#unknown-part' points to a missing anchor '#unknown-part'"])
        #expect(place(problems.first) == "content/01-intro.md:5:12")
    }

    @Test func aMissingAnchorWithNoCloseIdIsHintedWithTheTargetChaptersHeadings() {
        let chapter = "---\ntitle: A\n---\nSee [the costs](../later/#what-it-costs-to-borrow).\n"
        let problems = diagnostics(of: miniSite(chapter: chapter, extraChapters: [later]))
        #expect(problems.map(\.message) == ["link '../later/#what-it-costs-to-borrow' points to a missing anchor '#what-it-costs-to-borrow'"])
        #expect(problems.first?.hint == "its headings' anchors are #known-part")
    }

    @Test func linkToAMissingChapterIsReportedAtTheLink() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n\n\nGo [on](../nowhere/).\n"))
        #expect(problems.map(\.message) == ["link '../nowhere/' points to a missing page or file"])
        #expect(place(problems.first) == "content/01-intro.md:6:9")
    }

    @Test func rootAbsoluteLinkIsRefusedBecauseItBreaksUnderASubPath() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nSee [later](/later/).\n", extraChapters: [later]))
        #expect(problems.first?.message.contains("is absolute; use a relative link") == true)
        #expect(problems.first?.line == 4)
    }

    @Test func validLinksBetweenChaptersPass() throws {
        let chapter = "---\ntitle: A\n---\nSee [later](../later/#known-part), [home](../) and [sources](../sources/).\n"
        _ = try build(miniSite(chapter: chapter, extraChapters: [later]))
    }

    @Test func problemsOfEveryKindAcrossChaptersAreReportedInOneRun() {
        let chart = SourceFile(path: "content/02-chart.md",
                               text: "---\ntitle: B\n---\n```chart\nid: c\ntitle: T\nmodel: gpuCollateral\n```\n")
        let claims = SourceFile(path: "content/03-claims.md",
                                text: "---\ntitle: C\n---\nA claim [@nobody].\n\n![A chart](images/missing.png)\n")
        let data = SourceFile(path: "content/04-data.md",
                              text: "---\ntitle: D\n---\n\n```chart\nid: d\ntitle: T\ncaption: C.\ndata: nowhere.csv\n```\n")
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\nsubtitle: no such key\n---\nText.\n",
                                                extraChapters: [chart, claims, data]))
        #expect(problems.map { "\($0.file):\($0.line):\($0.column): \($0.message)" } == [
            "content/01-intro.md:3:1: unknown key 'subtitle' in front matter",
            "content/02-chart.md:4:1: missing required key 'caption' in chart block",
            "content/03-claims.md:4:10: undefined citation key 'nobody'",
            "content/03-claims.md:6:12: image 'images/missing.png' does not exist",
            "content/04-data.md:9:7: data file 'content/data/nowhere.csv' does not exist",
        ])
    }
}

@Suite struct Images {
    private let png = SourceFile(path: "content/images/diagram.png", bytes: [0x89, 0x50, 0x4E, 0x47])

    @Test func imagesAreCopiedAndTheirSourcesPointUpFromTheChapterFolder() throws {
        let output = try build(miniSite(chapter: "---\ntitle: A\n---\n![The diagram](images/diagram.png)\n", images: [png]))
        #expect(output["images/diagram.png"] == png.bytes)
        #expect(text(output, "intro/index.html")?.contains("<img src=\"../images/diagram.png\" alt=\"The diagram\" />") == true)
    }

    @Test func missingImageIsReportedAtItsPositionWithASuggestion() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n\nA ![b](images/diagam.png)\n", images: [png]))
        #expect(problems.count == 1)
        #expect(place(problems.first) == "content/01-intro.md:6:8")
        #expect(problems.first?.message == "image 'images/diagam.png' does not exist")
        #expect(problems.first?.hint == "did you mean 'images/diagram.png'?")
    }

    @Test func missingImageWithoutCloseNameSaysWhereImagesLive() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n![b](pictures/chart-of-everything.png)\n"))
        #expect(problems.first?.hint?.contains("content/images/") == true)
    }

    @Test(arguments: ["https://example.org/a.png", "//cdn.example.org/a.png"])
    func imagesFromOtherHostsAreRefused(_ source: String) {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n![b](\(source))\n"))
        #expect(problems.first?.message == "image '\(source)' is on another host; pages load nothing from other hosts")
    }

    @Test func imageOutsideTheContentFolderIsRefused() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\n![b](../images/diagram.png)\n", images: [png]))
        #expect(problems.first?.message == "image '../images/diagram.png' does not exist")
    }
}
