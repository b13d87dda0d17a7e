/// A problem an author can fix, located in the file they edit.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity = Severity.error
    /// Path relative to the site root, e.g. `content/05-four-steps.md`.
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based.
    public var column: Int
    /// What is wrong, in the author's terms.
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil, severity: Severity = .error) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }

    /// By file, line, column, then message.
    static func inOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

/// Every problem a build found, each once, sorted by file, line and column.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// The warnings the build had found when it stopped (not among `diagnostics`): printed beside the errors, as a
    /// compiler prints them, since one may explain an error.
    public var warnings: [Diagnostic] = []

    /// `diagnostics` sorted, each identical one kept once: a problem in a file every language reads (a chapter a
    /// `fallback: true` language publishes untranslated, its links) is found by each language's build, and is one problem.
    public init(_ diagnostics: [Diagnostic], warnings: [Diagnostic] = []) {
        self.diagnostics = diagnostics.uniqued().sorted(by: Diagnostic.inOrder)
        self.warnings = []
        adding(warnings: warnings)
    }

    /// Adds warnings found beside the errors: each once, none that `diagnostics` holds already.
    public mutating func adding(warnings more: [Diagnostic]) {
        let listed = Set(diagnostics.map(\.description))
        warnings = (warnings + more).uniqued().filter { !listed.contains($0.description) }.sorted(by: Diagnostic.inOrder)
    }

    /// The errors and the warnings, in the order of their files, lines and columns: what `check` and `build` print.
    public var everyDiagnostic: [Diagnostic] {
        (diagnostics + warnings).sorted(by: Diagnostic.inOrder)
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while a stage goes on, so one run reports every problem it can.
struct DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []
    /// Warnings to give with the errors if the stage fails (`BuildFailure.warnings`).
    var warnings: [Diagnostic] = []

    mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    mutating func add(_ more: [Diagnostic]) { diagnostics += more }

    /// Runs `body`, recording its diagnostics instead of stopping; nil if it failed.
    mutating func collect<T, E: Error>(_ body: () throws(E) -> T) -> T? {
        do throws(E) {
            return try body()
        } catch {
            if let diagnostic = error as? Diagnostic {
                diagnostics.append(diagnostic)
            } else if let failure = error as? BuildFailure {
                diagnostics += failure.diagnostics
                warnings += failure.warnings
            } else {
                diagnostics.append(Diagnostic(file: "-", line: 1, column: 1, message: "\(error)"))
            }
        }
        return nil
    }

    func throwIfAny() throws(BuildFailure) {
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics, warnings: warnings) }
    }
}

extension Array where Element == Diagnostic {
    /// Each problem once, at its first place: diagnostics with the same severity, file, line, column and message are
    /// one problem (each language's build of a shared file finds it, perhaps with a hint worded from that language's
    /// pages), and the one kept has the most specific hint of them.
    func uniqued() -> [Diagnostic] {
        var kept: [Diagnostic] = []
        var index: [DiagnosticPlace: Int] = [:]
        for diagnostic in self {
            let key = DiagnosticPlace(severity: diagnostic.severity.rawValue, file: diagnostic.file, line: diagnostic.line,
                          column: diagnostic.column, message: diagnostic.message)
            if let at = index[key] {
                if hintSpecificity(diagnostic.hint) > hintSpecificity(kept[at].hint) { kept[at].hint = diagnostic.hint }
            } else {
                index[key] = kept.count
                kept.append(diagnostic)
            }
        }
        return kept
    }
}

/// A problem's identity, whatever its hint.
private struct DiagnosticPlace: Hashable {
    var severity: String, file: String, line: Int, column: Int, message: String
}

/// How much a hint says about this very problem: one naming what was meant ("did you mean …") more than advice that
/// fits any such problem, and that more than none.
private func hintSpecificity(_ hint: String?) -> Int {
    guard let hint else { return 0 }
    return hint.hasPrefix("did you mean") ? 2 : 1
}
