import Foundation
import Testing

/// The audit's crashing and mis-parsed commands (B1, B3, B10), run through the real binary: each exits 0 with only
/// finite numbers, or 1 with an error naming the parameter.
@Suite struct SimulateRobustnessTests {
    static let folder = FileManager.default.temporaryDirectory

    /// Every field of the CSV rows and `# name = value` lines that should be a number is a finite one.
    static func allFinite(_ text: String) -> Bool {
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# ") {
                guard let value = line.split(separator: "=").last.map({ $0.trimmingCharacters(in: .whitespaces) }),
                      let number = Double(value), number.isFinite else { return false }
                continue
            }
            for field in line.split(separator: ",", omittingEmptySubsequences: false).dropFirst() {
                if let number = Double(field), !number.isFinite { return false }
                if field.lowercased().contains("nan") || field.lowercased().contains("inf") { return false }
            }
        }
        return true
    }

    @Test(arguments: [
        ["tranching", "--set", "rho=0.01", "--set", "paths=2000"],
        ["tranching", "--set", "rho=0.001", "--set", "paths=2000"],
        ["tranching", "--set", "p=1e-6", "--set", "n=1000", "--set", "paths=2000"],
        ["tranching", "--set", "rho=1e-12", "--set", "tranches=[[0,0.005],[0.005,1]]", "--set", "paths=2000"],
        ["bubbles", "--set", "sigma=1"],
        ["bubbles", "--set", "beta=1000", "--set", "steps=5000"],
        ["bubbles", "--set", "sigma=0", "--set", "steps=1000"],
        ["leaseSPV", "--set", "coupon=1e-320"],
        ["displacement", "--set", "rN=1e-320"],
        ["concentration", "--set", "spill=1e-320"],
        ["fireSale", "--set", "shock=[-1e-320, 0, 0, 0]"],
        ["bubbles", "--set", "x0=1e-320"],
        ["tranching", "--set", "fee=1e-320", "--set", "paths=2000"],
    ])
    func auditCrashCommandsNowPrintFiniteNumbers(arguments: [String]) throws {
        let run = try explainer(["simulate"] + arguments + ["--scalars"], in: Self.folder)
        #expect(run.status == 0, "\(arguments): \(run.standardError)")
        #expect(Self.allFinite(run.standardOutput), "\(arguments)")
    }

    /// The build's warnings about a run (fire-sale rounds cut short) reach a writer exploring with `simulate` too, on
    /// standard error (audit 12 N5).
    @Test func aModelsWarningIsPrintedOnStandardErrorWithItsHint() throws {
        let run = try explainer(["simulate", "fireSale", "--set", "maxRounds=1", "--scalars"], in: Self.folder)
        #expect(run.status == 0)
        #expect(run.standardError.hasPrefix("warning: fireSale"), "\(run.standardError)")
        #expect(run.standardError.contains("\n  hint: "))
        #expect(!run.standardOutput.contains("warning"))
        let quiet = try explainer(["simulate", "fireSale", "--scalars"], in: Self.folder)
        #expect(quiet.standardError.isEmpty, "\(quiet.standardError)")
    }

    /// A default made invalid by the parameter a writer set is reported at that parameter (audit 12 S5).
    @Test func alphaMaxKeepingItsDefaultBelowAGivenAlpha0NamesAlpha0() throws {
        let run = try explainer(["simulate", "displacement", "--set", "alpha0=0.6"], in: Self.folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("'alpha0' = 0.6"), "\(run.standardError)")
        #expect(run.standardError.contains("alphaMax keeps its default 0.55, which no longer fits"))
    }

    @Test func anInvalidSubnormalInputGetsAnErrorNotATrap() throws {
        let run = try explainer(["simulate", "leaseSPV", "--set", "coupon=-5e-324"], in: Self.folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("coupon' = -4.94065645841247e-324"))
        // A gross margin of 1e-320 would make the revenue needed overflow: the range now starts at 1 %.
        let margin = try explainer(["simulate", "capexGap", "--set", "grossMargin=1e-320"], in: Self.folder)
        #expect(margin.status == 2)
        #expect(margin.standardError.contains("'grossMargin' = 9.99988867182683e-321 is outside the allowed range [0.01, 1]"))
    }

    @Test func seedsAreSixtyFourBitEndToEnd() throws {
        func output(_ seed: String, flag: Bool) throws -> Run {
            let seedArguments = flag ? ["--seed", seed] : ["--set", "seed=\(seed)"]
            return try explainer(["simulate", "bubbles", "--series", "x", "--set", "steps=300"] + seedArguments, in: Self.folder)
        }
        for flag in [true, false] {
            let low = try output("9007199254740992", flag: flag), high = try output("9007199254740993", flag: flag)
            #expect(low.status == 0 && high.status == 0)
            #expect(low.standardOutput != high.standardOutput)
            let top = try output("18446744073709551615", flag: flag), again = try output("18446744073709551615", flag: flag)
            #expect(top.status == 0, "\(top.standardError)")
            #expect(top.standardOutput == again.standardOutput)
        }
    }

    @Test(arguments: ["-1", "18446744073709551616", "1.5", "abc"])
    func aSeedOutsideSixtyFourBitsIsAnErrorThatSaysSo(seed: String) throws {
        let run = try explainer(["simulate", "tranching", "--seed", seed], in: Self.folder)
        #expect(run.status == 2, "\(seed): \(run.standardError)")
        #expect(run.standardError.contains("seeds are 64-bit"), "\(seed): \(run.standardError)")
    }
}
