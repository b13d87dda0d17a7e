/// A standalone page (a file without a number) with a chapter's `question:` or `takeaway:`, which no page shows: most
/// likely a chapter whose name lost its number, so it left the chapters. The hint names the file a next chapter
/// would have, after the last of `chapterNames` (numbered as they are: 10-, 20- or 01-, 02-).
func pageWithChapterKeysWarning(_ page: Chapter, chapterNames: [String]) -> Diagnostic {
    let name = fileName(page.file)
    let keys = [("question", page.frontMatter.question), ("takeaway", page.frontMatter.takeaway)].filter { $0.1 != nil }.map(\.0)
    let numbered = chapterNames.compactMap { name -> (number: Int, width: Int, name: String)? in
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        return Int(digits).map { ($0, digits.count, name) }
    }
    let last = numbered.max { $0.number < $1.number }
    let step = !numbered.isEmpty && numbered.allSatisfy({ $0.number % 10 == 0 }) ? 10 : 1
    let next = String((last?.number ?? 0) + (last == nil ? 10 : step))
    let padded = String(repeating: "0", count: max(0, (last?.width ?? 2) - next.count)) + next
    let suggestion = "\(padded)-\(name)" + (last.map { " (after \($0.name))" } ?? "")
    return Diagnostic(file: page.file, line: 1, column: 1,
                      message: "'\(name)' is published as a standalone page (\(page.slug)/), not a chapter: its name has no "
                          + "number, and a page shows no " + keys.map { "'\($0)'" }.joined(separator: " or "),
                      hint: "to make it a chapter, give its name the number of its place among the chapters, e.g. "
                          + "\(suggestion); to keep it a page, remove " + keys.map { "'\($0):'" }.joined(separator: " and "),
                      severity: .warning)
}
