import Foundation
import Simulation
import Testing
@testable import Site

/// `{{t.key}}` and `{{siteExtra.key}}` name known sets of keys: a misspelt one is an error with the nearest key,
/// as a misspelt top-level name is.
@Suite struct TemplateKeyTests {
    /// A mini site whose footer ends with `added`, with `config` for site.yml.
    func site(footerAddition added: String, config: String? = nil) throws -> SourceTree {
        var site = miniSite(chapter: "---\ntitle: A\n---\nText.\n", config: config)
        let index = try #require(site.templates.firstIndex { $0.path == "templates/footer.mustache" })
        let footer = String(decoding: site.templates[index].bytes, as: UTF8.self)
        site.templates[index] = SourceFile(path: "templates/footer.mustache",
                                           text: footer.replacingOccurrences(of: "</footer>", with: added + "</footer>"))
        return site
    }

    func footerLine(_ site: SourceTree) -> Int {
        let footer = site.templates.first { $0.path == "templates/footer.mustache" }!
        let lines = String(decoding: footer.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.contains("</footer>") }! + 1
    }

    @Test func aMisspeltInterfaceTextIsAnErrorNamingTheNearestKey() throws {
        let site = try site(footerAddition: "{{t.publishd}}")
        let line = footerLine(site)
        #expect(diagnostics(of: site) == [
            Diagnostic(file: "templates/footer.mustache", line: line, column: 1,
                       message: "unknown interface text 't.publishd' in {{t.publishd}}",
                       hint: "did you mean 't.published'? 't.' names the texts of templates/i18n/en.yml (and explainer's own); "
                           + "a key none has renders as nothing. A new text goes in every language's file under templates/i18n/"),
        ])
    }

    @Test func aMisspeltSiteExtraValueIsAnErrorNamingTheNearestKey() throws {
        let site = try site(footerAddition: "{{siteExtra.contct}}",
                            config: "title: Test site\ndescription: A test.\nlanguage: en\nextra:\n  contact: sam@example.org\n")
        #expect(diagnostics(of: site) == [
            Diagnostic(file: "templates/footer.mustache", line: footerLine(site), column: 1,
                       message: "'siteExtra.contct' in {{siteExtra.contct}} is not in content/site.yml's 'extra:'",
                       hint: "did you mean 'siteExtra.contact'? 'extra:' has contact; a name it lacks renders as nothing. "
                           + "Add 'contct: …' under 'extra:' in content/site.yml"),
        ])
    }

    @Test func aSectionOverAnAbsentExtraValueTestsForItAndIsNoError() throws {
        #expect(diagnostics(of: try site(footerAddition: "{{#siteExtra.banner}}<p>{{siteExtra.banner}}</p>{{/siteExtra.banner}}")).count == 1)
        #expect(diagnostics(of: try site(footerAddition: "{{#siteExtra.banner}}<p>Banner</p>{{/siteExtra.banner}}")).isEmpty)
    }

    @Test func knownKeysAreNoError() throws {
        let site = try site(footerAddition: "{{t.published}}{{siteExtra.contact}}",
                            config: "title: Test site\ndescription: A test.\nlanguage: en\nextra:\n  contact: sam@example.org\n")
        #expect(diagnostics(of: site).isEmpty)
    }

    @Test func aSuggestionIsOfferedOnlyWhenItIsCloseForTheNamesLength() {
        #expect(closestMatch(to: "site", among: ["date", "siteTitle"]) == nil)
        #expect(closestMatch(to: "authr", among: ["author", "date"]) == "author")
        #expect(closestMatch(to: "dat", among: ["date"]) == "date")
        #expect(closestMatch(to: "hbra", among: ["bar", "hbar"]) == "hbar")
        #expect(closestMatch(to: "publishd", among: ["published"]) == "published")
    }

    @Test func anUnknownNameFarFromEveryKnownOneGetsNoSuggestion() throws {
        let found = diagnostics(of: try site(footerAddition: "{{#site}}x{{/site}}"))
        #expect(found.count == 1)
        #expect(found.first?.message == "unknown template variable 'site' in {{#site}}")
        #expect(found.first?.hint?.hasPrefix("did you mean") == false)
    }
}
