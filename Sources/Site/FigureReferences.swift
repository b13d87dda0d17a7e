/// Fills each empty link to a figure with the figure's number: `[](#figure-06-tranche-el)` becomes
/// `<a href="#figure-06-tranche-el">Figure 6.3</a>`, also when the link leads to another page
/// (`[](../tranches/#figure-06-tranche-el)`). Links to ids that are not figures stay as they are, for the link
/// checker to report.
/// - Parameter numbers: figure id (without `figure-`) → number as shown in its title (`6.3`).
func fillFigureReferences(_ html: String, numbers: [String: String]) -> String {
    guard html.contains("#figure-") else { return html }
    return html.replacing(/<a href="([^"#]*)#figure-([^"]+)"><\/a>/) { match in
        guard let number = numbers[String(match.2)] else { return String(match.0) }
        return "<a href=\"\(match.1)#figure-\(match.2)\">Figure \(number)</a>"
    }
}

extension Chapter {
    /// The numbers of this chapter's figures as their titles show them: `3.1` in chapter 3, `1` on other pages.
    var figureNumbers: [(id: String, number: String)] {
        figures.enumerated().map { position, request in
            (request.id, kind == .chapter ? "\(number).\(position + 1)" : "\(position + 1)")
        }
    }
}
