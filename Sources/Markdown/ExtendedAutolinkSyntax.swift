/// A bare URL, `www.` address or e-mail address found in text: its place and where it links to.
struct ExtendedAutolink: Equatable {
    /// Range in the text's Unicode scalars.
    var range: Range<Int>
    var destination: String
    /// The text shown: the address as written, with any typographic punctuation put back as ASCII.
    var text: String
}

/// GFM's extended autolinks (GFM spec 0.29 §6.9), as cmark-gfm's autolink extension finds them: `www.` addresses,
/// `http://`, `https://` and `ftp://` URLs, then e-mail addresses in the text between those.
///
/// The text is what cmark left in a text node, where smart punctuation may have turned `'`, `"`, `--`, `---` and `...`
/// into typographic characters; they are read back as ASCII, so a URL's quotes and dashes are its own.
func findExtendedAutolinks(in text: String) -> [ExtendedAutolink] {
    let original = Array(text.unicodeScalars)
    // ASCII form of the text, and for each of its scalars the original scalar it came from.
    var scalars: [Unicode.Scalar] = []
    var origin: [Int] = []
    for (index, scalar) in original.enumerated() {
        let ascii: String
        switch scalar {
        case "\u{2018}", "\u{2019}": ascii = "'"
        case "\u{201C}", "\u{201D}": ascii = "\""
        case "\u{2013}": ascii = "--"
        case "\u{2014}": ascii = "---"
        case "\u{2026}": ascii = "..."
        default: scalars.append(scalar); origin.append(index); continue
        }
        for character in ascii.unicodeScalars { scalars.append(character); origin.append(index) }
    }
    var scanner = AutolinkScanner(scalars: scalars)
    return scanner.scan().map { match in
        let start = origin[match.range.lowerBound], end = origin[match.range.upperBound - 1] + 1
        let shown = String(String.UnicodeScalarView(scalars[match.range]))
        return ExtendedAutolink(range: start..<end, destination: match.prefix + shown, text: shown)
    }
}

private struct AutolinkScanner {
    let scalars: [Unicode.Scalar]

    struct Match { var range: Range<Int>; var prefix: String }

    mutating func scan() -> [Match] {
        var links: [Match] = []
        var index = 0, lastEnd = 0
        while index < scalars.count {
            let found: Match?
            if scalars[index] == "w" { found = www(at: index) }
            else if scalars[index] == ":" { found = url(at: index, notBefore: lastEnd) }
            else { found = nil }
            if let found {
                links.append(found)
                index = found.range.upperBound
                lastEnd = index
            } else {
                index += 1
            }
        }
        // E-mail addresses are looked for afterwards, in the text the other links leave.
        var all: [Match] = []
        var start = 0
        for link in links + [Match(range: scalars.count..<scalars.count, prefix: "")] {
            all += emails(in: start..<link.range.lowerBound)
            if !link.range.isEmpty { all.append(link) }
            start = link.range.upperBound
        }
        return all
    }

    /// `www.` at the start of the text, after whitespace or after one of `*_~(`.
    private func www(at start: Int) -> Match? {
        if start > 0 {
            let before = scalars[start - 1]
            guard "*_~(".unicodeScalars.contains(before) || isSpace(before) else { return nil }
        }
        guard start + 4 <= scalars.count, String(String.UnicodeScalarView(scalars[start..<(start + 4)])) == "www." else { return nil }
        let domain = domainLength(from: start, allowShort: false)
        guard domain > 0 else { return nil }
        var end = start + domain
        while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
        end = trimmedEnd(start, end)
        guard end > start else { return nil }
        return Match(range: start..<end, prefix: "http://")
    }

    /// A URL whose `://` starts at `colon`, with its scheme (letters before the colon) http, https or ftp.
    private func url(at colon: Int, notBefore floor: Int) -> Match? {
        guard colon + 3 < scalars.count, scalars[colon + 1] == "/", scalars[colon + 2] == "/" else { return nil }
        var start = colon
        while start > floor, isASCIILetter(scalars[start - 1]) { start -= 1 }
        let scheme = String(String.UnicodeScalarView(scalars[start..<colon])).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), isHostCharacter(scalars[colon + 3]) else { return nil }
        let domain = domainLength(from: colon + 3, allowShort: true)
        guard domain > 0 else { return nil }
        var end = colon + 3 + domain
        while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
        end = trimmedEnd(start, end)
        guard end > start else { return nil }
        return Match(range: start..<end, prefix: "")
    }

    /// cmark-gfm's `check_domain`: the length of the domain at `start` (its last character is not examined, as
    /// there), or 0 if an underscore is in its last two labels, or if it has no period and must have one.
    private func domainLength(from start: Int, allowShort: Bool) -> Int {
        let size = scalars.count - start
        var index = 1, periods = 0, underscoresBefore = 0, underscores = 0
        while index < size - 1 {
            let scalar = scalars[start + index]
            if scalar == "_" { underscores += 1 }
            else if scalar == "." { underscoresBefore = underscores; underscores = 0; periods += 1 }
            else if !isHostCharacter(scalar), scalar != "-" { break }
            index += 1
        }
        if underscoresBefore > 0 || underscores > 0 { return 0 }
        return allowShort || periods > 0 ? index : 0
    }

    /// cmark-gfm's `autolink_delim`: the end after cutting at `<` and trimming trailing punctuation, an unmatched
    /// closing parenthesis and an entity-like `&name;`.
    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        if let angle = scalars[start..<end].firstIndex(of: "<") { end = angle }
        while end > start {
            let last = scalars[end - 1]
            if "?!.,:*_~'\"".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ";" {
                var probe = end - 2
                while probe > start, isASCIILetter(scalars[probe]) { probe -= 1 }
                end = probe < end - 2 && probe >= start && scalars[probe] == "&" ? probe : end - 1
            } else if last == ")" {
                let opening = scalars[start..<end].filter { $0 == "(" }.count
                let closing = scalars[start..<end].filter { $0 == ")" }.count
                if closing <= opening { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// cmark-gfm's e-mail search (`postprocess_text`) over `range`.
    private func emails(in range: Range<Int>) -> [Match] {
        var found: [Match] = []
        var offset = range.lowerBound
        while offset < range.upperBound, let at = scalars[offset..<range.upperBound].firstIndex(of: "@") {
            var start = at, slash = false
            while start > offset {
                let scalar = scalars[start - 1]
                if isASCIIAlphanumeric(scalar) || ".+-_".unicodeScalars.contains(scalar) { start -= 1; continue }
                if scalar == "/" { slash = true }
                break
            }
            var end = at, ats = 0, periods = 0
            while end < range.upperBound {
                let scalar = scalars[end]
                if isASCIIAlphanumeric(scalar) { end += 1; continue }
                if scalar == "@" { ats += 1 }
                else if scalar == ".", end + 1 < range.upperBound, isASCIIAlphanumeric(scalars[end + 1]) { periods += 1 }
                else if scalar != "-", scalar != "_" { break }
                end += 1
            }
            let last = end > at ? scalars[end - 1] : "@"
            if start < at, !slash, end - at >= 2, ats == 1, periods > 0, isASCIILetter(last) || last == "." {
                let trimmed = trimmedEnd(at, end)
                if trimmed > at {
                    found.append(Match(range: start..<trimmed, prefix: "mailto:"))
                    offset = trimmed
                    continue
                }
            }
            offset = at + 1
        }
        return found
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{0B}" || scalar == "\u{0C}" || scalar == "\r"
    }

    /// Neither whitespace nor punctuation (cmark's: ASCII punctuation and symbols, Unicode punctuation).
    private func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return !isSpace(scalar) && !(0x21...0x2F).contains(scalar.value) && !(0x3A...0x40).contains(scalar.value)
                && !(0x5B...0x60).contains(scalar.value) && !(0x7B...0x7E).contains(scalar.value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    private func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || (0x30...0x39).contains(scalar.value)
    }
}
