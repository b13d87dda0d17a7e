import Testing
@testable import Site

@Suite struct TemplateIncludes {
    @Test func partialReferencesCarryTheirPosition() {
        let references = partialReferences(in: "<p>\n  {{> nav}}{{>footer }}\n{{name}}", template: "base")
        #expect(references == [PartialReference(template: "base", partial: "nav", line: 2, column: 3),
                               PartialReference(template: "base", partial: "footer", line: 2, column: 12)])
    }

    @Test func indirectCycleIsReportedOnceWithItsPath() {
        let references = [
            "base": [PartialReference(template: "base", partial: "nav", line: 1, column: 1)],
            "nav": [PartialReference(template: "nav", partial: "menu", line: 2, column: 1)],
            "menu": [PartialReference(template: "menu", partial: "nav", line: 3, column: 5)],
        ]
        let problems = checkPartials(references)
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("templates/menu.mustache:3:5: error: partial 'nav' includes itself: nav → menu → nav") == true)
    }

    @Test func missingPartialIsReportedWithASuggestion() {
        let references = ["base": [PartialReference(template: "base", partial: "navv", line: 4, column: 2)], "nav": []]
        let problems = checkPartials(references)
        #expect(problems.map(\.message) == ["partial 'navv' does not exist"])
        #expect(problems.first?.hint == "did you mean 'nav'?")
    }

    @Test func sharedPartialsWithoutCyclesAreFine() {
        let references = [
            "a": [PartialReference(template: "a", partial: "c", line: 1, column: 1)],
            "b": [PartialReference(template: "b", partial: "c", line: 1, column: 1)],
            "c": [],
        ]
        #expect(checkPartials(references).isEmpty)
    }
}
