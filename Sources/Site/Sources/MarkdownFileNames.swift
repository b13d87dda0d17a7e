import Foundation

/// Extensions other tools use for Markdown. Chapters must end in `.md`; a file with one of these is reported, not
/// skipped, so no chapter goes missing without a word.
let otherMarkdownExtensions = ["markdown", "mdown", "mkdn", "mkd", "mdwn", "mdtxt", "mdtext", "markdn", "mdx", "qmd",
                               "rmd", "text"]

/// Whether `name` looks like a Markdown file with another extension than `.md` (`02-the-run.markdown`, `notes.MD`).
func hasOtherMarkdownExtension(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
    let ext = name[name.index(after: dot)...]
    return ext != "md" && (ext.lowercased() == "md" || otherMarkdownExtensions.contains(ext.lowercased()))
}

/// Whether `name` is a Markdown file saved with `.txt` added (`60-more.md.txt`, as TextEdit saves a chapter) or instead
/// of `.md` (`60-more.txt`, named as a chapter is): not read, so a chapter that would be missing from the site. Other
/// text files (`notes.txt`) are the writer's own.
func isTextFile(_ name: String) -> Bool {
    let lowered = name.lowercased()
    guard lowered.hasSuffix(".txt") else { return false }
    guard let dot = lowered.dropLast(4).lastIndex(of: "."), dot != lowered.startIndex else {
        // `60-more.txt`: named as a chapter is, with the wrong extension.
        return ChapterFile(fileName: String(lowered.dropLast(4)) + ".md")?.kind == .chapter
    }
    let inner = lowered[lowered.index(after: dot)..<lowered.index(lowered.endIndex, offsetBy: -4)]
    return inner == "md" || otherMarkdownExtensions.contains(String(inner))
}

/// The warning for such a file in content/, whose hint names the chapter's or page's file name it may have been meant
/// to have (`60-more.md.txt` → `60-more.md`).
func textFileWarning(path: String, name: String) -> Diagnostic {
    let withoutTxt = name.dropLast(4)
    let stem = String(withoutTxt[..<(withoutTxt.lastIndex(of: ".") ?? withoutTxt.endIndex)])
    let meant = validFileName(for: stem + ".md")
    return Diagnostic(file: path, line: 1, column: 1,
                      message: "'\(name)' is not read: chapters and pages are Markdown files ending in .md, so it is missing "
                          + "from the site",
                      hint: (meant.map { "rename it to \($0)" } ?? "rename it to a name ending in .md: NN-slug.md for a chapter, slug.md for a page")
                          + " (some editors add .txt when they save plain text)",
                      severity: .warning)
}

/// The error for such a file, whose hint names a file name that is itself valid (`Credits.markdown` → `credits.md`).
func otherMarkdownExtensionDiagnostic(path: String, name: String) -> Diagnostic {
    let stem = name[..<name.lastIndex(of: ".")!]
    return Diagnostic(file: path, line: 1, column: 1,
                      message: "'\(name)' is not read: chapters and pages are Markdown files ending in .md",
                      hint: validFileName(for: String(stem) + ".md").map { "rename it to \($0)" }
                        ?? "rename it to a name ending in .md: NN-slug.md for a chapter (05-high-tide.md), slug.md for a page (about.md)")
}

/// A chapter or page file name close to `name` that is valid (`Credits.md` → `credits.md`, `30_tide_tables.md` →
/// `30-tide-tables.md`, `50-épilogue.md` → `50-epilogue.md`, `50-lessons-&-more.md` → `50-lessons-more.md`,
/// `5O-lessons.md` → `50-lessons.md`): lowercase, Latin letters without their accents, words joined by single hyphens,
/// and a number typed with the letter O or l read as 0 or 1; nil when that is not valid either, or when the name
/// holds other letters (Chinese, Greek), which no Latin name stands for.
func validFileName(for name: String) -> String? {
    guard name.hasSuffix(".md") else { return nil }
    let unaccented = latinLetters(String(name.dropLast(3)), umlauts: true)
    guard !unaccented.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.isAlphabetic }) else { return nil }
    var words = unaccented.filter { $0 != "'" && $0 != "’" }
        .split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
    if let first = words.first, first.contains(where: \.isNumber), first.allSatisfy({ $0.isNumber || $0 == "o" || $0 == "l" }) {
        words[0] = String(first.map { $0 == "o" ? "0" : $0 == "l" ? "1" : $0 })
    }
    let candidate = words.joined(separator: "-") + ".md"
    return ChapterFile(fileName: candidate) != nil ? candidate : nil
}

/// `text` in lowercase, its Latin letters without their accents: an accented letter decomposes into its letter and
/// combining marks (U+0300–U+036F), which are dropped. Letters that are no accented letter are spelt out: `ñ` as `ny`
/// (`años` → `anyos`, where `anos` would be another word), `ß` as `ss`, `æ` as `ae`, `œ` as `oe`, `ø` as `o`.
///
/// `umlauts`: `ä`, `ö`, `ü` spelt `ae`, `oe`, `ue`, as German writes them without the dots (`dürrefläche` →
/// `duerreflaeche`, which site search finds Dürre by): for a name proposed to the writer, not for a word looked up.
func latinLetters(_ text: String, umlauts: Bool = false) -> String {
    var spelt: [Character: String] = ["ñ": "ny", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"]
    if umlauts { spelt.merge(["ä": "ae", "ö": "oe", "ü": "ue"]) { $1 } }
    let lower = text.lowercased().map { spelt[$0] ?? String($0) }.joined()
    return String(String.UnicodeScalarView(lower.decomposedStringWithCanonicalMapping.unicodeScalars
        .filter { !(0x300...0x36F).contains($0.value) }))
}
