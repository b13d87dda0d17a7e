import Testing
@testable import Site

/// YAML mistakes are reported where they start (file:line:column of the chapter file), with a hint naming the cause:
/// the new-writer trial's rows 14 (unclosed quote, reported at the end of the front matter) and 15 (an indented key,
/// hinted as "quote the value"), and the same kinds in chart blocks.
@Suite struct YAMLErrorPlaces {
    private func only(_ chapter: String) -> Diagnostic? {
        let problems = diagnostics(of: miniSite(chapter: chapter))
        #expect(problems.count == 1, "\(problems)")
        return problems.first
    }

    @Test func anUnclosedDoubleQuoteIsReportedAtTheQuoteNotAtTheEndOfTheFrontMatter() {
        let problem = only("---\ntitle: \"Step 1: build\nquestion: Why?\nsummary: Short.\n---\nText.\n")
        #expect(problem?.file == "content/01-intro.md")
        #expect(problem?.line == 2)
        #expect(problem?.column == 8)
        #expect(problem?.message == "invalid YAML: the quote \" that starts this value is never closed")
        #expect(problem?.hint == "end the value with \" on the same line, e.g. title: \"Step 1: build\"")
    }

    @Test func anUnclosedSingleQuoteIsReportedAtTheQuote() {
        let problem = only("---\ntitle: A\nquestion: 'Why now?\n---\nText.\n")
        #expect(problem?.line == 3)
        #expect(problem?.column == 11)
        #expect(problem?.message.contains("the quote ' that starts this value is never closed") == true)
    }

    @Test func anUnclosedQuoteFollowedByAQuotedValueIsReportedAtItsOpeningQuoteNotAtTheNextValue() {
        let problem = only("---\ntitle: A\nquestion: \"Why now?\nsummary: \"A bank keeps cash: some.\"\n---\nText.\n")
        #expect(problem?.line == 3)
        #expect(problem?.column == 11)
        #expect(problem?.message == "invalid YAML: the quote \" that starts this value is never closed")
        #expect(problem?.hint == "end the value with \" on the same line, e.g. question: \"Why now?\"; as it is, the value runs "
            + "on to the \" that opens 'summary' (line 4)")
    }

    @Test func anUnclosedQuoteInAChartBlockFollowedByAQuotedValueIsReportedAtItsOpeningQuote() {
        let problem = only("---\ntitle: A\n---\nText.\n\n```chart\nkind: diagram\nid: c\ntitle: \"The loop\n"
            + "caption: \"Each step: the next.\"\nnodes: [a, b]\n```\n")
        #expect(problem?.line == 9)
        #expect(problem?.column == 8)
        #expect(problem?.message == "invalid YAML: the quote \" that starts this value is never closed")
        #expect(problem?.hint?.hasSuffix("the \" that opens 'caption' (line 10)") == true)
    }

    @Test func aQuoteClosedOnItsLineBeforeAQuotedValueIsStillTheValueThatEnded() {
        let problem = only("---\ntitle: \"Fine\"\nquestion: 'It's fine'\n---\nText.\n")
        #expect(problem?.line == 3 && problem?.column == 14)
        #expect(problem?.message == "invalid YAML: this ' ends the quoted value of 'question', and more text follows it")
    }

    @Test func aKeyIndentedUnderAValueSaysSoInsteadOfAskingForQuotes() {
        let problem = only("---\ntitle: A run\n  question: Why?\n---\nText.\n")
        #expect(problem?.line == 3)
        #expect(problem?.column == 3)
        #expect(problem?.message
            == "invalid YAML: 'question:' is indented more than 'title:' on the line above, so it is read as part of the value of 'title'")
        #expect(problem?.hint?.contains("start 'question:' in the same column as 'title:' (line 2)") == true)
        #expect(problem?.hint?.contains("quote") == false)
    }

    @Test func anUnquotedColonStillGetsTheQuotingHint() {
        let problem = only("---\ntitle: Step 1: build\n---\nText.\n")
        #expect(problem?.line == 2)
        #expect(problem?.hint?.contains("must be quoted") == true)
    }

    @Test func anIndentedFirstKeyNamesBothIndentations() {
        let problem = only("---\n  title: A\nquestion: Why?\n---\nText.\n")
        #expect(problem?.line == 3)
        #expect(problem?.column == 1)
        #expect(problem?.message == "invalid YAML: 'question:' is indented by 0 spaces, but 'title:' above it (line 2) by 2 spaces")
        #expect(problem?.hint?.contains("same column") == true)
    }

    @Test func anApostropheInsideSingleQuotesIsReportedAtTheQuoteThatEndedTheValue() {
        let problem = only("---\ntitle: 'It's fine'\n---\nText.\n")
        #expect(problem?.line == 2)
        #expect(problem?.column == 11)
        #expect(problem?.message == "invalid YAML: this ' ends the quoted value of 'title', and more text follows it")
        #expect(problem?.hint == "put the whole value in double quotes: title: \"It's fine\"")
    }

    @Test func anUnclosedBracketInAChartBlockIsReportedAtTheBracket() {
        let problem = only("---\ntitle: A\n---\nText.\n\n```chart\nid: c\ntitle: [unclosed\ncaption: C.\n```\n")
        #expect(problem?.line == 8)
        #expect(problem?.column == 8)
        #expect(problem?.message == "invalid YAML: this [ is never closed with ]")
        #expect(problem?.hint?.contains("title: \"[unclosed\"") == true)
    }

    @Test func anUnclosedBraceInAChartBlockIsReportedAtTheBrace() {
        let problem = only("---\ntitle: A\n---\nText.\n\n```chart\nid: c\nmodel: tranching\nparams: {rho: 0.2\ncaption: C.\n```\n")
        #expect(problem?.line == 9)
        #expect(problem?.column == 9)
        #expect(problem?.message == "invalid YAML: this { is never closed with }")
    }

    @Test func aLineThatIsNotAKeyIsReportedOnItsOwnLine() {
        let problem = only("---\ntitle: A\nJust a sentence\nsummary: S.\n---\nText.\n")
        #expect(problem?.line == 3)
        #expect(problem?.message.contains("not 'key: value'") == true)
    }

    @Test func aWindowsPathInDoubleQuotesNamesTheBackslash() {
        let problem = only("---\ntitle: \"C:\\data\\q\"\n---\nText.\n")
        #expect(problem?.line == 2)
        #expect(problem?.message.contains("backslash") == true)
    }

    @Test func sitesYAMLFilesGetTheSamePlaces() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nText.\n",
                                                sources: "a:\n  title: \"Unclosed\n  publisher: P\n"))
        #expect(problems.count == 1)
        #expect(problems.first?.file == "content/sources.yml")
        #expect(problems.first?.line == 2)
        #expect(problems.first?.column == 10)
    }

    /// Shapes the explanation does not know keep libyaml's own words and place.
    @Test func otherErrorsKeepLibyamlsWords() {
        #expect(explainedYAMLError(context: nil, problem: "found character that cannot start any token", line: 1, column: 3,
                                   text: "- `b`\n") == nil)
    }
}
