import Markdown

/// The site-wide inputs besides chapters and templates: config, sources, glossary and data tables.
struct SiteInputs: Sendable {
    var config: SiteConfig
    var bibliography: [String: SourceEntry]
    let glossary: [GlossaryEntry]
    let data: [String: DataTable]
    /// `content/numbers.yml`, when there is one: the public numbers page.
    var numbers: NumbersFile? = nil
    /// `content/corrections.yml`, newest first (empty without the file).
    var corrections: [Correction] = []
    /// The path of corrections.yml, for diagnostics.
    var correctionsFile = "content/corrections.yml"
    /// Glossary terms linked on first use in chapter pages (which sit one folder below the root): prepared once, since
    /// every chapter scans for them.
    let autolinkTerms: AutolinkTerms
    /// The same terms as the home page (at the root) links them.
    let autolinkTermsAtRoot: AutolinkTerms
    /// What was wrong with sources.yml, glossary.yml, the data files, numbers.yml or corrections.yml (`parse(_:partial:)`
    /// with `partial`): the build goes on to the chapters' own checks, so one run reports them all.
    var problems: [Diagnostic] = []
    /// Whether sources.yml could not be read: the citations are then not checked against it (each would be unknown).
    var bibliographyFailed = false

    init(config: SiteConfig, bibliography: [String: SourceEntry], glossary: [GlossaryEntry], data: [String: DataTable]) {
        self.config = config
        self.bibliography = bibliography
        self.glossary = glossary
        self.data = data
        func terms(root: String) -> AutolinkTerms {
            AutolinkTerms(glossary.map { entry in
                AutolinkTerm(phrases: [entry.term] + entry.aliases, href: root + "glossary/#" + entry.anchor, title: entry.definition)
            })
        }
        autolinkTerms = terms(root: "../")
        autolinkTermsAtRoot = terms(root: "")
    }

    /// The site's inputs. Without `partial`, any problem throws; with it, only a missing or broken site.yml does (every
    /// other check reads it), and the other files' problems come in `problems`, with what could be read of the rest.
    static func parse(_ source: SourceTree, partial: Bool = false) throws(BuildFailure) -> SiteInputs {
        var collector = DiagnosticCollector()
        var config: SiteConfig?
        if let file = source.config {
            config = collector.collect { () throws(BuildFailure) in
                let text = try decodeOrFail(file)
                return try SiteConfig.parse(text, file: file.path)
            }
        } else {
            collector.add(Diagnostic(file: "content/site.yml", line: 1, column: 1, message: "missing content/site.yml",
                                     hint: "create it with at least 'title: …'"))
        }
        if partial { try collector.throwIfAny() }
        let configProblems = collector.diagnostics.count
        var bibliography: [String: SourceEntry] = [:]
        var bibliographyFailed = false
        if let file = source.sources {
            let parsed = collector.collect { () throws(BuildFailure) in
                let text = try decodeOrFail(file)
                return try parseBibliography(text, file: file.path, languages: config?.editions.map(\.code) ?? [],
                                             drafts: Set(config?.editions.filter(\.fallback).map(\.code) ?? []))
            }
            bibliography = parsed ?? [:]
            bibliographyFailed = parsed == nil
        }
        var glossary: [GlossaryEntry] = []
        if let file = source.glossary {
            glossary = collector.collect { () throws(BuildFailure) in
                let text = try decodeOrFail(file)
                return try parseGlossary(text, file: file.path)
            } ?? []
        }
        var data: [String: DataTable] = [:]
        for file in source.data {
            let name = fileName(file.path)
            if let table = collector.collect({ () throws(BuildFailure) in
                let text: String
                do throws(Diagnostic) { text = try decodeText(file) } catch { throw BuildFailure([error]) }
                return try DataTable.parse(text, file: file.path)
            }) {
                data[name] = table
            }
        }
        var numbers: NumbersFile?
        if let file = source.numbers {
            numbers = collector.collect { () throws(BuildFailure) in
                try NumbersFile.parse(try decodeOrFail(file), file: file.path)
            }
        }
        var corrections: [Correction] = []
        if let file = source.corrections {
            corrections = collector.collect { () throws(BuildFailure) in
                try parseCorrections(try decodeOrFail(file), file: file.path)
            } ?? []
        }
        if !partial { try collector.throwIfAny() }
        var inputs = SiteInputs(config: config!, bibliography: bibliography, glossary: glossary, data: data)
        inputs.problems = Array(collector.diagnostics[configProblems...])
        inputs.bibliographyFailed = bibliographyFailed
        inputs.numbers = numbers
        inputs.corrections = corrections
        if let file = source.corrections { inputs.correctionsFile = file.path }
        return inputs
    }
}
