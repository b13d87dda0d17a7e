import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a cmark tree once to collect headings, blocks, links and text, then rewrites it.
///
/// Nodes are modified only after the iterator is done, as cmark's iterator requires.
struct TreeTransformer {
    let options: MarkdownOptions
    let sourceLines: [Substring]
    var headings: [Heading] = []
    var blocks: [FencedBlock] = []
    var citations: [Citation] = []
    var links: [Link] = []
    var wordCount = 0
    var cjkCharacterCount = 0
    /// Raw HTML, math and images without alt text (see `MarkdownProblem`).
    var problems: [MarkdownProblem] = []
    var tables: [NumberedTable] = []
    /// `[key]` left as text (see `PossibleCitation`).
    var possibleCitations: [PossibleCitation] = []
    /// The labels of the document's footnote definitions (`[^label]:`), for a reference to none of them.
    var footnoteLabels: [String] = []

    private var ids: UniqueIDs
    /// The line of the heading that took each heading id, for a `{#id}` written twice.
    private var headingLines: [String: Int] = [:]
    private var captionedTables: [(node: OpaquePointer, caption: OpaquePointer, requestedID: String?)] = []
    private var scanner: InlineScanner
    private var replacedBlocks: [(node: OpaquePointer, index: Int)] = []
    /// Text nodes in document order; `plainProse` is `isPlainProse` of the literal, which stays as it is until `apply`.
    private var textNodes: [(node: OpaquePointer, linkTerms: Bool, line: Int, plainProse: Bool)] = []
    /// Intercepted blocks whose citations are numbered after `textsBefore` text nodes: notes follow reading order.
    private var blockCitationPlaces: [(textsBefore: Int, block: Int)] = []
    private var rewrittenImages: [(node: OpaquePointer, url: String)] = []
    /// Paragraphs holding only an image with a title, which become figures.
    private var titledImages: [(paragraph: OpaquePointer, image: OpaquePointer)] = []
    /// Where the next `locate` starts (0-based line, character offset), so repeated needles find later uses.
    private var citationCursor = SourceCursor()
    private var linkCursor = SourceCursor()
    private var htmlCursor = SourceCursor()
    private var bracketCursor = SourceCursor()
    private var literalCursor = SourceCursor()
    private var referenceCursor = SourceCursor()
    /// Pandoc or Quarto fenced divs (`::: {.callout-note}`) opened and not yet closed by a `:::` line.
    private var openDivs = 0

    /// Fence line of each expanded container; nodes inside count their lines from it.
    let containerLines: [OpaquePointer: Int]

    init(containerLines: [OpaquePointer: Int], options: MarkdownOptions, sourceLines: [Substring]) {
        self.containerLines = containerLines
        self.options = options
        self.sourceLines = sourceLines
        ids = UniqueIDs(reserved: options.reservedIDs)
        scanner = InlineScanner(citations: options.citations, terms: options.autolinks)
    }

    mutating func collect(_ root: OpaquePointer) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var noTermDepth = 0   // inside links, images and headings, terms are not linked
        var blockLine = 1
        var lineOffset = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            if !containerLines.isEmpty, let fenceLine = containerLines[node] { lineOffset = entering ? fenceLine : 0 }
            let rawLine = Int(cmark_node_get_start_line(node))
            let line = rawLine > 0 ? rawLine + lineOffset : 0
            if entering, line > 0, type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue { blockLine = line }
            switch type {
            case CMARK_NODE_HEADING where entering:
                noTermDepth += 1
                noteMath(node, line: line, lineOffset: lineOffset)
                noteOtherToolsSyntax(node, line: line, lineOffset: lineOffset, paragraph: false)
                let requested = takeHeadingID(node, line: line, lineOffset: lineOffset)
                let text = inlineText(node)
                let id = ids.claim(requested ?? slugify(text))
                if headingLines[id] == nil { headingLines[id] = line }
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id, line: line))
                headings[headings.count - 1].underline = noteDashesUnderText(text: text, line: line)
            case CMARK_NODE_HEADING:
                noTermDepth -= 1
            case CMARK_NODE_PARAGRAPH where entering:
                noteMath(node, line: line, lineOffset: lineOffset)
                noteOtherToolsSyntax(node, line: line, lineOffset: lineOffset, paragraph: true)
                noteHeadingWithoutSpace(node, line: line, lineOffset: lineOffset)
                if line >= 1, line <= sourceLines.count, captionPrefixLength(sourceLines[line - 1].drop(while: { $0 == " " || $0 == ">" })) != nil {
                    // A caption `buildTables` took is no longer a paragraph: this one has no table above it.
                    problems.append(MarkdownProblem(kind: .captionWithoutTable(inlineText(node)), line: line, column: 1))
                }
                if line >= 1, line <= sourceLines.count {
                    let text = sourceLines[line - 1].drop(while: { $0 == " " || $0 == ">" })
                    // `表：` or `Table：`, with the full-width colon a Japanese or Chinese input method types, too.
                    func colon(after word: String) -> Character? {
                        guard text.hasPrefix(word) else { return nil }
                        let mark = text.dropFirst(word.count).drop(while: { $0 == " " || $0 == "\u{A0}" }).first
                        return mark == "：" || (mark == ":" && word != "Table") ? mark : nil
                    }
                    if let word = (MarkdownProblem.otherLanguageCaptionWords + ["Table"]).first(where: { colon(after: $0) != nil }) {
                        problems.append(MarkdownProblem(kind: .otherLanguageCaption(word + String(colon(after: word)!), text: inlineText(node)),
                                                        line: line, column: sourceLines[line - 1].count - text.count + 1))
                    }
                }
                if let image = titledImage(inParagraph: node) { titledImages.append((node, image)) }
            case CMARK_NODE_LIST where entering:
                noteListMeaningChange(node, line: line, lineOffset: lineOffset)
            case CMARK_NODE_CUSTOM_BLOCK where entering:
                guard let caption = captionOfTable(node) else { break }
                // Ids are claimed here, in document order with the headings, so a table never takes a heading's id.
                let requested = takeRequestedID(from: caption)
                let text = inlineText(caption)
                tables.append(NumberedTable(id: ids.claim(requested ?? "table-" + slugify(text)), caption: text))
                captionedTables.append((node, caption, requested))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                noteRawHTML(node, block: type == CMARK_NODE_HTML_BLOCK, line: line, blockLine: blockLine)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    noTermDepth += 1
                    let url = String(cString: cmark_node_get_url(node))
                    let (foundLine, column) = linkCursor.locate(url, from: blockLine, in: sourceLines)
                    var link = Link(destination: url, isImage: type == CMARK_NODE_IMAGE, line: foundLine, column: column)
                    if type == CMARK_NODE_IMAGE, let title = cmark_node_get_title(node), title.pointee != 0 {
                        link.title = String(cString: title)
                    }
                    links.append(link)
                    if type == CMARK_NODE_IMAGE { noteMissingAlt(node, url: url, line: foundLine, column: column) }
                    if type == CMARK_NODE_LINK, cmark_node_first_child(node) == nil, !url.contains("#figure-"), !url.contains("#table-") {
                        problems.append(MarkdownProblem(kind: .emptyLinkText(url), line: foundLine, column: max(1, column - 3)))
                    }
                    if type == CMARK_NODE_IMAGE, !options.relativeImagePrefix.isEmpty, isRelativeReference(url) {
                        rewrittenImages.append((node, options.relativeImagePrefix + url))
                    }
                } else {
                    noTermDepth -= 1
                }
            case CMARK_NODE_CODE_BLOCK:
                let info = String(cString: cmark_node_get_fence_info(node)).trimmingCharacters()
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                if info.isEmpty { noteIndentedBlock(node, line: line) } else { noteBlockNameMistake(language, line: line) }
                if options.interceptedFences.contains(language) {
                    replacedBlocks.append((node, blocks.count))
                    blocks.append(FencedBlock(info: language, body: String(cString: cmark_node_get_literal(node)),
                                              line: line, column: Int(cmark_node_get_start_column(node))))
                    if options.citations, blocks[blocks.count - 1].body.contains("[@") {
                        blockCitationPlaces.append((textNodes.count, blocks.count - 1))
                    }
                }
            case CMARK_NODE_TEXT:
                let bytes = literalBytes(node)
                let plainProse: Bool
                if let words = plainProseWords(bytes) {
                    wordCount += words
                    plainProse = true
                } else {
                    let counts = countWordsAndCJK(bytes)
                    wordCount += counts.words
                    cjkCharacterCount += counts.cjk
                    plainProse = false
                }
                textNodes.append((node, noTermDepth == 0, blockLine, plainProse))
                // memchr finds each rare byte (most text nodes have none of them).
                if containsBytes(bytes, "[") {
                    if options.citations { notePossibleCitations(bytes, blockLine: blockLine) }
                    noteLiteralBrackets(bytes, blockLine: blockLine)
                    if containsBytes(bytes, "](") { noteLinksWithSpaces(bytes, blockLine: blockLine) }
                    if containsBytes(bytes, "][") { noteUndefinedReferenceLinks(bytes, blockLine: blockLine) }
                }
                if options.citations, containsBytes(bytes, "@") { noteBareCitations(bytes, blockLine: blockLine) }
                if containsBytes(bytes, "<!") { noteUnclosedComment(bytes, blockLine: blockLine) }
            default:
                break
            }
        }
    }

    /// `[key]` in a text node, located in the source from its block's line on; a `\[` written to keep the brackets
    /// is left alone.
    private mutating func notePossibleCitations(_ bytes: UnsafeBufferPointer<UInt8>, blockLine: Int) {
        for key in possibleCitationKeys(in: bytes) {
            let (line, column) = bracketCursor.locate("[" + key, from: blockLine, in: sourceLines)
            if isEscaped(line: line, column: column) { continue }
            possibleCitations.append(PossibleCitation(key: key, line: line, column: column))
        }
    }

    /// `[^label]` and `[@…]` still text here, which the page would show as written: a footnote reference whose label
    /// has no definition (those with one are numbered already), and citation brackets that are not a citation as
    /// written. One escaped with `\[` is left alone, as the writer meant.
    private mutating func noteLiteralBrackets(_ bytes: UnsafeBufferPointer<UInt8>, blockLine: Int) {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        var index = 0
        while index + 2 < bytes.count {
            if options.citations, bytes[index] == open, bytes[index + 1] != UInt8(ascii: "^"), bytes[index + 1] != UInt8(ascii: "@"),
               let pandoc = pandocCitation(bytes, at: index) {
                let (line, column) = literalCursor.locate(pandoc, from: blockLine, in: sourceLines)
                if !isEscaped(line: line, column: column) {
                    problems.append(MarkdownProblem(kind: .pandocCitation(pandoc), line: line, column: column))
                }
                index += pandoc.utf8.count
                continue
            }
            guard bytes[index] == open, bytes[index + 1] == UInt8(ascii: "^") || options.citations && bytes[index + 1] == UInt8(ascii: "@") else {
                index += 1
                continue
            }
            let isFootnote = bytes[index + 1] == UInt8(ascii: "^")
            var end = index + 2
            while end < bytes.count, bytes[end] != close, bytes[end] != open, end - index < 80 { end += 1 }
            let closed = end < bytes.count && bytes[end] == close
            let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<(closed ? end + 1 : end)]), as: UTF8.self)
            let problem: MarkdownProblem.Kind?
            if isFootnote {
                let label = String(written.dropFirst(2).dropLast(closed ? 1 : 0))
                let defined = footnoteLabels.contains { footnoteKey($0) == footnoteKey(label) }
                if !closed || label.isEmpty || defined {
                    problem = nil
                } else if label.contains(where: \.isWhitespace) {
                    // A label of a few words, not a sentence that happens to start with ^.
                    problem = label.count <= 40 && label.split(separator: " ").count <= 4 ? .footnoteLabelWithSpace(label) : nil
                } else {
                    problem = .undefinedFootnote(label, defined: footnoteLabels)
                }
            } else {
                problem = scanner.isCitation(bytes, at: index) || end == index + 2 || !isCitationKeyByte(bytes[index + 2])
                    ? nil : .malformedCitation(written)
            }
            if let problem {
                // Located by its start, which smart punctuation leaves as written.
                let start = String(written.prefix { $0 != " " && $0 != "]" && $0 != "," && $0 != ";" })
                let (line, column) = literalCursor.locate(start, from: blockLine, in: sourceLines)
                if !isEscaped(line: line, column: column) { problems.append(MarkdownProblem(kind: problem, line: line, column: column)) }
            }
            index = closed ? end + 1 : end
        }
    }

    /// Pandoc's citation forms at `index` (a `[` not followed by `@` or `^`), written out: `[-@key…]`, or up to four
    /// words then `@key` (`[see @key]`, `[e.g. @a; @b]`), closed on the same text. Nil for anything else, such as an
    /// address (`[a@b.org]`: no space before the `@`) or a lone `@`.
    private func pandocCitation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> String? {
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "]"), bytes[end] != UInt8(ascii: "["), end - index < 80 { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "]") else { return nil }
        let inner = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
        guard let at = inner.firstIndex(of: UInt8(ascii: "@")), at + 1 < inner.count, isCitationKeyByte(inner[at + 1]),
              isASCIIAlphanumeric(inner[at + 1]) else { return nil }
        let before = UnsafeBufferPointer(rebasing: inner[..<at])
        let suppressed = before.count == 1 && before[0] == UInt8(ascii: "-")
        let words = before.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        let prefixed = !before.isEmpty && before.last == UInt8(ascii: " ") && words.count <= 4
        guard suppressed || prefixed else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[index...end]), as: UTF8.self)
    }

    /// Whether a backslash comes right before the source's character at `line`, `column` (1-based): `\[`, `\@`, which
    /// the writer wrote to keep the character as text.
    private func isEscaped(line: Int, column: Int) -> Bool {
        line >= 1 && line <= sourceLines.count && column >= 2 && sourceLines[line - 1].dropFirst(column - 2).first == "\\"
    }

    /// `@key` in prose (see `bareCitationKeys`), which the site reports if the key names a source.
    private mutating func noteBareCitations(_ bytes: UnsafeBufferPointer<UInt8>, blockLine: Int) {
        for key in bareCitationKeys(in: bytes) {
            let (line, column) = bracketCursor.locate("@" + key, from: blockLine, in: sourceLines)
            if isEscaped(line: line, column: column) { continue }
            possibleCitations.append(PossibleCitation(key: key, line: line, column: column, bare: true))
        }
    }

    /// `[text](an address with spaces)` still text: cmark reads no link there, and the page would show it as written.
    private mutating func noteLinksWithSpaces(_ bytes: UnsafeBufferPointer<UInt8>, blockLine: Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        var searchFrom = text.startIndex
        while let middle = text[searchFrom...].firstRange(of: "](") {
            searchFrom = middle.upperBound
            guard let open = text[..<middle.lowerBound].lastIndex(of: "["),
                  let close = text[middle.upperBound...].firstIndex(of: ")") else { continue }
            let address = text[middle.upperBound..<close]
            guard address.contains(" "), !address.contains("]("), !text[text.index(after: open)..<middle.lowerBound].contains("]") else { continue }
            let start = open > text.startIndex && text[text.index(before: open)] == "!" ? text.index(before: open) : open
            let written = String(text[start...close])
            let (line, column) = literalCursor.locate(String(written.prefix { $0 != " " }), from: blockLine, in: sourceLines)
            problems.append(MarkdownProblem(kind: .linkWithSpaces(written), line: line, column: column))
            searchFrom = close
        }
    }

    /// `[text][label]` (or `[label][]`) still text: cmark found no `[label]: address` definition for it, and the page
    /// would show it as written, brackets and all. Located at the label's `[`; one escaped with `\[` is left alone.
    private mutating func noteUndefinedReferenceLinks(_ bytes: UnsafeBufferPointer<UInt8>, blockLine: Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        var searchFrom = text.startIndex
        while let middle = text[searchFrom...].firstRange(of: "][") {
            searchFrom = middle.upperBound
            guard let close = text[middle.upperBound...].firstIndex(where: { $0 == "]" || $0 == "[" }), text[close] == "]" else { continue }
            var label = String(text[middle.upperBound..<close])
            let open = text[..<middle.lowerBound].lastIndex { $0 == "[" || $0 == "]" }.flatMap { text[$0] == "[" ? $0 : nil }
            let linkText = open.map { String(text[text.index(after: $0)..<middle.lowerBound]) }
            if label.isEmpty, let linkText { label = linkText }
            guard !label.isEmpty, label.count <= 80, !label.hasPrefix("^"), !label.hasPrefix("@"), linkText?.hasPrefix("^") != true,
                  linkText?.hasPrefix("@") != true else { continue }
            let written = (linkText.map { "[" + $0 } ?? "") + String(text[middle.lowerBound...close])
            let needle = String(text[middle.lowerBound...close])
            let (line, column) = referenceCursor.locate(needle, from: blockLine, in: sourceLines)
            searchFrom = text.index(after: close)
            // Not in the source as the text has it: written with escapes (`\]\[`), which keep the brackets as meant.
            guard line >= 1, line <= sourceLines.count, sourceLines[line - 1].dropFirst(column - 1).hasPrefix(needle),
                  !isEscaped(line: line, column: column) else { continue }
            problems.append(MarkdownProblem(kind: .undefinedLinkLabel(label, written: written), line: line, column: column + 1))
        }
    }

    /// `<!--` left as text: a comment opened in a paragraph and never closed (smart punctuation may have made its
    /// dashes an en dash).
    private mutating func noteUnclosedComment(_ bytes: UnsafeBufferPointer<UInt8>, blockLine: Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("<!--") || text.contains("<!\u{2013}") else { return }
        let (line, column) = htmlCursor.locate("<!", from: blockLine, in: sourceLines)
        problems.append(MarkdownProblem(kind: .unclosedComment, line: line, column: column))
    }

    /// `{#id}` at the end of a heading's text (Pandoc's, Hugo's and Zola's attribute): taken off the text the page
    /// shows, and returned if the page can use it as the heading's id; an invalid id, or one already used on the page,
    /// is a problem (a heading that repeats an id still gets a unique one, `id-2`).
    private mutating func takeHeadingID(_ node: OpaquePointer, line: Int, lineOffset: Int) -> String? {
        guard let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT else { return nil }
        let bytes = literalBytes(last)
        guard bytes.last == UInt8(ascii: "}"), containsBytes(bytes, "{#") else { return nil }
        let literal = String(decoding: bytes, as: UTF8.self)
        guard let match = literal.firstMatch(of: /[ \t]*\{#([^{}]*)\}$/) else { return nil }
        let id = String(match.1)
        cmark_node_set_literal(last, String(literal[..<match.range.lowerBound]))
        // Where the `{#` is written: the heading's last line (a setext heading's text may run over several).
        let end = min(max(Int(cmark_node_get_end_line(node)) + lineOffset, line), sourceLines.count)
        var place = (line: line, column: 1)
        if line >= 1, end >= line {
            for index in stride(from: end - 1, through: line - 1, by: -1) {
                if let range = sourceLines[index].ranges(of: "{#").last {
                    place = (index + 1, sourceLines[index].distance(from: sourceLines[index].startIndex, to: range.lowerBound) + 1)
                    break
                }
            }
        }
        guard isValidHeadingID(id) else {
            problems.append(MarkdownProblem(kind: .invalidHeadingID(id), line: place.line, column: place.column))
            return nil
        }
        if ids.isTaken(id) {
            problems.append(MarkdownProblem(kind: .duplicateHeadingID(id, firstLine: headingLines[id]), line: place.line,
                                            column: place.column))
        }
        return id
    }

    /// A paragraph of one line such as `##When everyone is cold`: a heading without the space after its `#`s.
    private mutating func noteHeadingWithoutSpace(_ node: OpaquePointer, line: Int, lineOffset: Int) {
        let end = Int(cmark_node_get_end_line(node)) + lineOffset
        guard line >= 1, end == line, line <= sourceLines.count else { return }
        let source = sourceLines[line - 1].drop { $0 == " " }
        let hashes = source.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), let next = source.dropFirst(hashes).first, next.isLetter else { return }
        problems.append(MarkdownProblem(kind: .headingWithoutSpace(String(source)), line: line,
                                        column: sourceLines[line - 1].count - source.count + 1))
    }

    /// A heading underlined with dashes (`Text` then `---`): a writer who meant a rule under a paragraph gets a heading.
    /// Returns the line of the underline (of `=` too), for a heading written so.
    private mutating func noteDashesUnderText(text: String, line: Int) -> Int? {
        // An ATX heading starts with its #s (after a box's "> " perhaps); a setext one is its text, then its underline.
        guard line >= 1, line <= sourceLines.count, !sourceLines[line - 1].contains("#") else { return nil }
        var end = line
        while end < sourceLines.count {
            let trimmed = sourceLines[end].drop { $0 == " " || $0 == ">" }
            if let first = trimmed.first, first == "-" || first == "=",
               trimmed.allSatisfy({ $0 == first || $0 == " " || $0 == "\t" }) {
                if first == "-" { problems.append(MarkdownProblem(kind: .dashesUnderText(text), line: end + 1, column: 1)) }
                return end + 1
            }
            end += 1
        }
        return nil
    }

    /// Other tools' words for a box, a diagram or math (Quarto's `{mermaid}` too), which a code block never means:
    /// `math` is GitLab's and Pandoc's math block, not a language of code.
    private static let otherToolsBlocks: [String: MarkdownProblem.OtherToolsBlock] = [
        "note": .callout, "notes": .callout, "tip": .callout, "tips": .callout, "hint": .callout, "info": .callout,
        "aside": .callout, "callout": .callout, "admonition": .callout, "sidebar": .callout,
        "mermaid": .diagram, "plantuml": .diagram, "math": .math, "katex": .math,
    ]

    /// A fence whose name is one of the site's blocks in other letters (```` ```Careful ````, ```` ```CHART ````), a
    /// word other tools use for a caveat box (```` ```caution ````, ```` ```warning ````), or another tool's box,
    /// diagram or math block (```` ```note ````, ```` ```mermaid ````, ```` ```math ````): the page would show a code block.
    private mutating func noteBlockNameMistake(_ name: String, line: Int) {
        guard !options.interceptedFences.contains(name), options.containerFences[name] == nil else { return }
        let blocks = options.interceptedFences.union(options.containerFences.keys)
        guard !blocks.isEmpty, line >= 1, line <= sourceLines.count else { return }
        let lower = name.lowercased()
        let column = sourceLines[line - 1].prefix { $0 == " " || $0 == ">" }.count + 1
        let meant = blocks.first { $0 == lower || $0 + "s" == lower || $0 + ":" == lower }
            ?? (["caution", "warning", "caveat", "attention", "important", "danger"].contains(lower) && blocks.contains("careful") ? "careful" : nil)
        if let meant {
            problems.append(MarkdownProblem(kind: .blockNameMistake(name, meant: meant), line: line, column: column))
            return
        }
        if let english = MarkdownProblem.otherLanguageBoxWords[lower] {
            problems.append(MarkdownProblem(kind: .otherLanguageBlockName(name, english: english), line: line, column: column))
            return
        }
        // Quarto writes `{mermaid}`, Pandoc `{.note}`.
        var bare = Substring(lower)
        if bare.hasPrefix("{"), bare.hasSuffix("}") { bare = bare.dropFirst().dropLast() }
        bare = bare.drop { $0 == "." || $0 == " " }
        guard let other = Self.otherToolsBlocks[String(bare)] ?? (bare.hasPrefix("callout") ? .callout : nil) else { return }
        problems.append(MarkdownProblem(kind: .otherToolsBlock(name, other), line: line, column: column))
    }

    /// A code block without an info string whose first line a writer did not mean as code: a fence (a fenced block
    /// indented four spaces, pasted under a list item, shown as code, fence and all), or prose (a paragraph pasted with
    /// four leading spaces). Prose: starts with a letter, at least 20 characters, nearly all of them letters, digits,
    /// spaces and sentence punctuation.
    private mutating func noteIndentedBlock(_ node: OpaquePointer, line: Int) {
        guard line >= 1, line <= sourceLines.count, let literal = cmark_node_get_literal(node) else { return }
        let first = String(String(cString: literal).prefix { $0 != "\n" }).trimmingCharacters()
        let source = sourceLines[line - 1]
        let column = source.prefix { $0 == " " || $0 == "\t" }.count + 1
        if first.hasPrefix("```") || first.hasPrefix("~~~") {
            if String(source).trimmingCharacters() == first {
                problems.append(MarkdownProblem(kind: .indentedFence(first), line: line, column: column))
            }
            return
        }
        // A fenced block without a language starts at its fence.
        let text = source.drop { $0 == " " || $0 == ">" }
        guard !text.hasPrefix("```"), !text.hasPrefix("~~~") else { return }
        // A paragraph's first line alone indented: the rest of the paragraph follows the "code" with no blank line
        // between, which code pasted on purpose does not do (`    [](#table-x) shows that …` lost its link).
        // (cmark may end the code block on the blank line after it: the line above the paragraph must hold text.)
        let runsOn = cmark_node_next(node).map { next in
            let above = line + Int(cmark_node_get_start_line(next) - cmark_node_get_start_line(node)) - 1
            return cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH && above >= 1 && above <= sourceLines.count
                && !sourceLines[above - 1].allSatisfy { $0 == " " || $0 == "\t" || $0 == ">" }
        } ?? false
        // A citation or a link in the prose (`[@ree-2023]`, `[RTE](https://…)`) is Markdown, not code: its brackets
        // do not count (trial 17 S3: a French paragraph with a citation passed as code without a word).
        let prose = first.replacing(/\[@[^\]\n]*\]|\[[^\]\n]*\]\([^)\s]*\)/, with: "")
        guard runsOn || (first.count >= 20 && first.first?.isLetter == true
                         && prose.filter({ "{}[]()<>=;$\\`|_#*/".contains($0) }).count <= 1) else { return }
        problems.append(MarkdownProblem(kind: .indentedProse(first), line: line, column: column))
    }

    /// Lists a writer seldom means: a numbered list starting at a year (`2024. That is the year …` at the start of a
    /// paragraph's line), and a one-item bullet list right under a paragraph that does not end with ':' (a wrapped
    /// line starting with "- 25 %" in the middle of a sentence).
    private mutating func noteListMeaningChange(_ node: OpaquePointer, line: Int, lineOffset: Int) {
        guard line >= 1, line <= sourceLines.count else { return }
        let column = sourceLines[line - 1].prefix { $0 == " " || $0 == ">" || $0 == "\t" }.count + 1
        if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
            // Any item, not only the first: "2023." right under a numbered list becomes its next item.
            var item = cmark_node_first_child(node)
            while let current = item {
                let itemLine = Int(cmark_node_get_start_line(current)) + lineOffset
                if itemLine >= 1, itemLine <= sourceLines.count {
                    let source = sourceLines[itemLine - 1].drop { $0 == " " || $0 == ">" || $0 == "\t" }
                    let number = source.prefix { $0.isASCII && $0.isNumber }
                    let itemColumn = sourceLines[itemLine - 1].count - source.count + 1
                    if let year = Int(number), (1000...2999).contains(year) {
                        problems.append(MarkdownProblem(kind: .yearStartsList(year), line: itemLine, column: itemColumn))
                    } else if let day = Int(number), (1...31).contains(day), source.dropFirst(number.count).hasPrefix(". "),
                              cmark_node_next(cmark_node_first_child(node)!) == nil {
                        // A list of one item only: several dated items ("1. Juli", "2. August") are a list on purpose.
                        // "19. Juli war der heißeste Tag.": a German date, not the 19th item of a list.
                        let word = source.dropFirst(number.count + 2).prefix { $0.isLetter || $0 == "." }
                        if germanMonths.contains(String(word)) {
                            problems.append(MarkdownProblem(kind: .dayStartsList("\(number). \(word)"), line: itemLine, column: itemColumn))
                        }
                    }
                }
                item = cmark_node_next(current)
            }
            return
        }
        // A list inside a list item is an outline's sub-list ("- Cons" then "  - fragile"), whose item text comes right
        // above it in a tight list (QA 17 S1: it was told to join the line above, which would break the outline).
        if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_ITEM { return }
        guard let item = cmark_node_first_child(node), cmark_node_next(item) == nil,
              let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH,
              Int(cmark_node_get_end_line(previous)) + lineOffset == line - 1 else { return }
        let before = String(sourceLines[line - 2]).trimmingCharacters()
        guard !before.hasSuffix(":"), !before.hasSuffix("："), let text = cmark_node_first_child(item) else { return }
        // As written: the item's marker ('-', '*' or '+') and text.
        let marker = sourceLines[line - 1].drop { $0 == " " || $0 == ">" || $0 == "\t" }.first.map(String.init) ?? "-"
        problems.append(MarkdownProblem(kind: .listInsideParagraph(marker + " " + Markdown.inlineText(text)), line: line, column: column))
    }

    /// Pandoc's and Quarto's fenced divs (`::: {.callout-note}` … `:::`, lines of a paragraph), GitHub's alerts
    /// (`> [!NOTE]`) and Hugo's shortcodes (`{{< figure … >}}`) in a paragraph's or heading's source lines: the page
    /// would show them as text. A `:::` that closes a div already reported is not reported again.
    private mutating func noteOtherToolsSyntax(_ node: OpaquePointer, line: Int, lineOffset: Int, paragraph: Bool) {
        guard let lines = blockSourceLines(node, line: line, lineOffset: lineOffset) else { return }
        let first = lines.startIndex
        if paragraph {
            // GitHub's and Obsidian's alerts: a quotation whose first line is `> [!NOTE]`.
            if let source = lines.first, leadingByte(source, after: false) == UInt8(ascii: ">"),
               source.prefix(while: { $0 == " " }).count < 4,
               let alert = alertMarker(source.drop(while: { $0 == " " || $0 == ">" })) {
                problems.append(MarkdownProblem(kind: .alert(alert), line: line,
                                                column: source.prefix { $0 == " " || $0 == ">" }.count + 1))
            }
            // Most paragraphs have no line starting with ':' (after spaces and '>'): those are passed over by bytes.
            for (index, source) in zip(lines.indices, lines) where leadingByte(source, after: true) == UInt8(ascii: ":") {
                let indent = source.prefix { $0 == " " || $0 == ">" }.count
                let rest = source.dropFirst(indent)
                guard rest.hasPrefix(":::") else { continue }
                let opens = !rest.drop(while: { $0 == ":" }).allSatisfy(\.isWhitespace)
                if !opens && openDivs > 0 {
                    openDivs -= 1
                    continue
                }
                if opens { openDivs += 1 }
                problems.append(MarkdownProblem(kind: .fencedDiv(String(rest).trimmingCharacters()), line: index + 1,
                                                column: indent + 1))
            }
        }
        guard lines.contains(where: { containsByte($0, UInt8(ascii: "{")) && $0.contains("{{") }) else { return }
        for span in shortcodeSpans(in: Array(lines)) {
            problems.append(MarkdownProblem(kind: .shortcode(span.text), line: first + span.line + 1, column: span.column + 1))
        }
    }

    /// TeX math in a paragraph's or heading's source lines (cmark has already split it into emphasis and text).
    private mutating func noteMath(_ node: OpaquePointer, line: Int, lineOffset: Int) {
        guard let lines = blockSourceLines(node, line: line, lineOffset: lineOffset),
              lines.contains(where: { containsByte($0, UInt8(ascii: "$")) }) else { return }
        for span in mathSpans(in: Array(lines)) {
            problems.append(MarkdownProblem(kind: .math(span.text), line: lines.startIndex + span.line + 1, column: span.column + 1))
        }
    }

    /// A paragraph's or heading's source lines, from its first (`line`, 1-based) to its last; their indices are the
    /// lines' 0-based numbers. Nil when cmark gives no place for it.
    private func blockSourceLines(_ node: OpaquePointer, line: Int, lineOffset: Int) -> ArraySlice<Substring>? {
        let rawEnd = Int(cmark_node_get_end_line(node))
        guard line > 0, rawEnd > 0 else { return nil }
        let first = line - 1, last = min(rawEnd + lineOffset, sourceLines.count) - 1
        guard first <= last else { return nil }
        return sourceLines[first...last]
    }

    /// Raw HTML, except comments (which hide text, as the writer meant).
    private mutating func noteRawHTML(_ node: OpaquePointer, block: Bool, line: Int, blockLine: Int) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let html = String(cString: literal)
        let firstLine = String(html.prefix { $0 != "\n" })
        if block, html.hasPrefix("<!--"), !html.contains("-->") {
            problems.append(MarkdownProblem(kind: .unclosedComment, line: line, column: Int(cmark_node_get_start_column(node))))
            return
        }
        guard !html.hasPrefix("<!--"), !(!block && html.hasPrefix("</")) else { return }
        if block {
            problems.append(MarkdownProblem(kind: .rawHTML(firstLine), line: line, column: Int(cmark_node_get_start_column(node))))
        } else {
            let (foundLine, column) = htmlCursor.locate(firstLine, from: blockLine, in: sourceLines)
            problems.append(MarkdownProblem(kind: .rawHTML(firstLine), line: foundLine, column: column))
        }
    }

    private mutating func noteMissingAlt(_ node: OpaquePointer, url: String, line: Int, column: Int) {
        guard inlineText(node).allSatisfy(\.isWhitespace) else { return }
        // The link cursor found the destination; the image starts at its `![`.
        let source = line >= 1 && line <= sourceLines.count ? Array(sourceLines[line - 1]) : []
        var start = min(column - 1, source.count)
        while start > 1, !(source[start - 2] == "!" && source[start - 1] == "[") { start -= 1 }
        problems.append(MarkdownProblem(kind: .imageWithoutAlt(url), line: line, column: start > 1 ? start - 1 : column))
    }

    mutating func apply() {
        for (node, url) in rewrittenImages { cmark_node_set_url(node, url) }
        for (paragraph, image) in titledImages { makeFigure(ofParagraph: paragraph, image: image, smart: options.smartPunctuation) }
        for (index, table) in captionedTables.enumerated() {
            numberTable(table.node, caption: table.caption, id: tables[index].id, index: index, label: tables[index].caption)
        }
        for (node, index) in replacedBlocks {
            let replacement = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(replacement, RenderedMarkdown.placeholder(forBlock: index))
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
        var places = blockCitationPlaces[...]
        for (position, (node, linkTerms, line, plainProse)) in textNodes.enumerated() {
            while let place = places.first, place.textsBefore == position {
                numberCitations(inBlock: place.block)
                places = places.dropFirst()
            }
            let joined = joinUnits(node)
            rewriteText(node, linkTerms: linkTerms, blockLine: line, plainProse: plainProse && !joined)
        }
        for place in places { numberCitations(inBlock: place.block) }
    }

    /// Numbers the citations in an intercepted block's body (located in the source from its fence line on).
    private mutating func numberCitations(inBlock index: Int) {
        for piece in scanner.scanCharacters(blocks[index].body, linkTerms: false) {
            guard case let .citation(keys, locators) = piece else { continue }
            let html = citationHTML(keys: keys, locators: locators, blockLine: blocks[index].line)
            blocks[index].citations.append(BlockCitation(keys: keys, locators: locators, html: html))
        }
    }

    /// "6.58 %", "$27 B", "10 GW" with a narrow no-break space (U+202F) between the number and its unit, as the
    /// figures write them, so the two never part at a line end (`joiningNumbersToUnits`). True if the text changed.
    private func joinUnits(_ node: OpaquePointer) -> Bool {
        guard let joined = joiningNumbersToUnits(literalBytes(node)) else { return false }
        cmark_node_set_literal(node, String(decoding: joined, as: UTF8.self))
        return true
    }

    private mutating func rewriteText(_ node: OpaquePointer, linkTerms: Bool, blockLine: Int, plainProse: Bool) {
        // The scan reads cmark's own bytes; Strings are made only for the pieces of a text that changes.
        guard let pieces = scanner.scan(literalBytes(node), linkTerms: linkTerms, plainProse: plainProse) else { return }
        // A citation at the start of a line keeps to the word that ended the line before: the line break goes.
        if case .citation = pieces.first, let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_SOFTBREAK {
            cmark_node_unlink(previous)
            cmark_node_free(previous)
        }
        for piece in pieces {
            let inserted: OpaquePointer
            switch piece {
            case let .text(text):
                inserted = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(inserted, text)
            case let .citation(keys, locators):
                inserted = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(inserted, citationHTML(keys: keys, locators: locators, blockLine: blockLine))
            case let .term(index, text):
                inserted = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(inserted, options.autolinks.openingTags[index])
                cmark_node_set_on_exit(inserted, "</a>")
                let child = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(child, text)
                cmark_node_append_child(inserted, child)
            }
            cmark_node_insert_before(node, inserted)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Numbers each key by first use; the first use of a number carries the back-reference anchor.
    /// A locator (`p. 403`) is kept with its use, for the note.
    private mutating func citationHTML(keys: [String], locators: [String?], blockLine: Int) -> String {
        var anchors: [String] = []
        for (key, locator) in zip(keys, locators) {
            let (line, column) = citationCursor.locate("@" + key, from: blockLine, in: sourceLines)
            if let existing = citations.first(where: { $0.key == key }) {
                citations.append(Citation(key: key, number: existing.number, line: line, column: column, locator: locator))
                anchors.append("<a href=\"#note-\(existing.number)\">\(existing.number)</a>")
            } else {
                let number = (citations.map(\.number).max() ?? 0) + 1
                citations.append(Citation(key: key, number: number, line: line, column: column, locator: locator))
                anchors.append("<a href=\"#note-\(number)\" id=\"cite-\(number)\">\(number)</a>")
            }
        }
        return "<sup class=\"cite\">" + anchors.joined(separator: ", ") + "</sup>"
    }
}

/// A path relative to the current document: no scheme, not root-absolute, not a bare fragment.
public func isRelativeReference(_ url: String) -> Bool {
    guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#") else { return false }
    let beforePath = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    return !beforePath.contains(":")
}

/// The words of UTF-8 text (`split(whereSeparator: \.isWhitespace).count`), counted on bytes when `isPlainProse`
/// accepts it (there the whitespace characters are the ASCII ones: tab, line feed, vertical tab, form feed and space,
/// and every other byte belongs to a word); other text is split by `Character`.
/// Words and CJK characters of text that is not plain ASCII prose: a space-separated token without CJK characters is
/// one word; in one with them, each CJK character counts on its own and each run of other letters or digits
/// between them is a word ("AI泡沫" is one word and two characters).
func countWordsAndCJK(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, cjk: Int) {
    var words = 0, cjk = 0
    for token in String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }) {
        guard token.unicodeScalars.contains(where: isCJKScalar) else { words += 1; continue }
        var inWord = false
        for scalar in token.unicodeScalars {
            if isCJKScalar(scalar) {
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { cjk += 1 }
                inWord = false
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
    }
    return (words, cjk)
}

/// Han, kana, hangul, CJK punctuation and full-width forms.
func isCJKScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (0x2E80...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
        || (0xFF00...0xFFEF).contains(value) || (0x20000...0x3134F).contains(value)
}

func countWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    plainProseWords(bytes) ?? String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).count
}

/// A text node's literal as cmark holds it (valid while the node is unchanged).
func literalBytes(_ node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
    guard let literal = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
}

extension String {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension Substring {
    /// A plain substring search (no Foundation).
    func range(of needle: String) -> Range<Substring.Index>? {
        guard !needle.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) { return start..<index(start, offsetBy: needle.count) }
            start = index(after: start)
        }
        return nil
    }
}

/// The outcome of searching one line's bytes.
private enum LineSearch {
    case found(column: Int)
    case absent
    /// The line is not all ASCII without "\r" (or not contiguous): search it by `Character`.
    case notASCII
}

/// The 0-based column of `needle` in `line` at or after `skip`, for a line of ASCII without "\r".
private func asciiSearch(_ needle: [UInt8], in line: Substring, from skip: Int) -> LineSearch {
    line.utf8.withContiguousStorageIfAvailable { bytes -> LineSearch in
        guard isASCIIWithoutCarriageReturn(bytes) else { return .notASCII }
        let from = min(skip, bytes.count)
        guard let base = bytes.baseAddress, bytes.count - from >= needle.count else { return .absent }
        // memchr to each candidate first byte, memcmp for the rest (memmem is a GNU extension Swift does not see).
        return needle.withUnsafeBufferPointer { needle -> LineSearch in
            var column = from
            let last = bytes.count - needle.count
            while column <= last,
                  let hit = memchr(base + column, Int32(needle[0]), last - column + 1) {
                column = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + column, needle.baseAddress!, needle.count) == 0 { return .found(column: column) }
                column += 1
            }
            return .absent
        }
    } ?? .notASCII
}

/// Finds successive occurrences of text in the source, so repeated needles map to later uses.
struct SourceCursor {
    private var line = 0, offset = 0

    /// The next occurrence of `needle` at or after `fromLine` (1-based) and after the previous match,
    /// as 1-based line and column; `(fromLine, 1)` if it is not found.
    mutating func locate(_ needle: String, from fromLine: Int, in lines: [Substring]) -> (Int, Int) {
        if fromLine - 1 > line { (line, offset) = (fromLine - 1, 0) }
        var index = line, skip = offset
        let asciiNeedle = Array(needle.utf8)
        let needleIsASCII = !asciiNeedle.isEmpty && asciiNeedle.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") }
        while index < lines.count {
            let text = lines[index]
            // ASCII without "\r": one byte per character, so search bytes; the same answer for far less work.
            if needleIsASCII {
                switch asciiSearch(asciiNeedle, in: text, from: skip) {
                case .found(let column):
                    (line, offset) = (index, column + asciiNeedle.count)
                    return (index + 1, column + 1)
                case .absent:
                    index += 1
                    skip = 0
                    continue
                case .notASCII:
                    break
                }
            }
            let start = text.index(text.startIndex, offsetBy: min(skip, text.count))
            if let range = text[start...].range(of: needle) {
                let column = text.distance(from: text.startIndex, to: range.lowerBound)
                (line, offset) = (index, column + needle.count)
                return (index + 1, column + 1)
            }
            index += 1
            skip = 0
        }
        return (max(fromLine, 1), 1)
    }
}

/// The first byte of `line` after its spaces (and, when `after` is true, its quotation marks '>'); nil for a blank line.
private func leadingByte(_ line: Substring, after quotes: Bool) -> UInt8? {
    line.utf8.first { $0 != UInt8(ascii: " ") && !(quotes && $0 == UInt8(ascii: ">")) }
}

/// An alert's marker at the start of a quotation's text, `[!NOTE]` (GitHub) or `[!tip]-` (Obsidian, folded): `[!`,
/// letters, `]`, and a `+` or `-` if one follows; nil if the text starts otherwise. Read by bytes: a regular expression
/// here was built anew for every quotation of every chapter.
func alertMarker(_ text: Substring) -> String? {
    let bytes = Array(text.utf8.prefix(64))
    guard bytes.starts(with: [UInt8(ascii: "["), UInt8(ascii: "!")]) else { return nil }
    var end = 2
    while end < bytes.count, (bytes[end] | 0x20) >= UInt8(ascii: "a"), (bytes[end] | 0x20) <= UInt8(ascii: "z") { end += 1 }
    guard end > 2, end < bytes.count, bytes[end] == UInt8(ascii: "]") else { return nil }
    end += 1
    if end < bytes.count, bytes[end] == UInt8(ascii: "+") || bytes[end] == UInt8(ascii: "-") { end += 1 }
    return String(decoding: bytes[..<end], as: UTF8.self)
}

/// German month names and their usual abbreviations, as a date is written after its day ("19. Juli", "3. Okt.").
private let germanMonths: Set<String> = ["Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                         "September", "Oktober", "November", "Dezember", "Jan.", "Feb.", "Mrz.", "Apr.",
                                         "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez."]
