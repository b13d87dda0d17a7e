import Testing
@testable import Site

/// Stylesheets are served without their comments (`trimmedStylesheet`): the site's explains itself in about a kilobyte.
@Suite struct StylesheetTrimmingTests {
    private func trimmed(_ css: String) -> String { String(decoding: trimmedStylesheet(Array(css.utf8)), as: UTF8.self) }

    @Test func commentsAndTheLinesTheyLeaveEmptyGo() {
        #expect(trimmed("/* Themes. */\n:root{--bg:#fff}\n  /* a\n  b */\na{color:red} /* after */\n")
                == ":root{--bg:#fff}\na{color:red} \n")
    }

    @Test func stringsURLsAndLicencesStay() {
        let css = "a::before{content:\"/* not a comment */\"}\nb{background:url(data:x/*y*/z)}\n/*! Licence: MIT */\nc{content:'\\'/*'}\n"
        #expect(trimmed(css) == css)
    }

    @Test func aCommentNeverClosedLeavesTheStylesheetAsItIs() {
        let css = "a{color:red}\n/* never closed\nb{color:blue}\n"
        #expect(trimmed(css) == css)
    }

    @Test func theServedStylesheetHasNoComments() throws {
        let css = try #require(text(repositoryOutput, "assets/site.css"))
        let source = try #require(repositorySource.assets.first { $0.path == "templates/assets/site.css" })
        #expect(String(decoding: source.bytes, as: UTF8.self).contains("/*"))
        #expect(!css.contains("/*"))
    }
}
