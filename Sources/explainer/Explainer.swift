import ArgumentParser

@main
struct Explainer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explainer",
        abstract: "Build, check and explore an explainer site.",
        discussion: "Run in the folder that holds content/ and templates/, or pass --root.",
        subcommands: [Build.self, Check.self, Models.self, Simulate.self],
        defaultSubcommand: Build.self)
}

/// Flags shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding content/ and templates/).")
    var root = "."

    @Flag(name: .long, help: "Include chapters marked draft: true.")
    var drafts = false
}
