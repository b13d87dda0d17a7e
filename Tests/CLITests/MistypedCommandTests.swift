import Foundation
import Testing

/// A mistyped command (`explainer chekc`) is read as an argument of `build`, the default command: its usage is left
/// out, and the hint names the command meant.
@Suite struct MistypedCommand {
    @Test func aMistypedCommandGetsTheHintWithoutBuildsUsage() throws {
        let run = try explainer(["chekc"], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("error: unknown command 'chekc'\nhint: did you mean 'explainer check'? The commands: "),
                "\(run.standardError)")
        #expect(!run.standardError.contains("USAGE"))
    }
}
