import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of tildes that may open or close a strikethrough.
struct TildeRun: Equatable {
    var length: Int
    var canOpen: Bool
    var canClose: Bool
}

/// Which runs of a sequence of tilde runs pair up into strikethroughs (GFM spec 0.29 §6.5, as cmark-gfm's delimiter
/// stack pairs them): each closer takes the nearest opener of the same length before it; the runs between a pair
/// are spent. Returns (opener, closer) index pairs in the order they close.
func pairTildeRuns(_ runs: [TildeRun]) -> [(Int, Int)] {
    var active = Array(repeating: true, count: runs.count)
    var bottom = -1   // openers are looked for above this index only
    var pairs: [(Int, Int)] = []
    for closer in runs.indices where active[closer] && runs[closer].canClose {
        var found: Int?
        var opener = closer - 1
        while opener > bottom {
            let (open, close) = (runs[opener], runs[closer])
            if active[opener], open.canOpen,
               !(close.canOpen || open.canClose) || close.length == open.length || (open.length + close.length) % 3 != 0 {
                found = opener
                break
            }
            opener -= 1
        }
        if let found {
            // cmark-gfm leaves runs of different lengths in place: neither is text-struck, both stay available.
            guard runs[found].length == runs[closer].length else { continue }
            pairs.append((found, closer))
            for index in found...closer { active[index] = false }
        } else {
            bottom = closer - 1
            if !runs[closer].canOpen { active[closer] = false }
        }
    }
    return pairs
}

/// Turns `~text~` and `~~text~~` into `<del>` in place in cmark's tree: in each run of inline siblings, runs of one or
/// two tildes that can open or close (by the emphasis flanking rules) are paired by `pairTildeRuns`.
func strikeThrough(in root: OpaquePointer) {
    var parents: [OpaquePointer] = []
    let iterator = cmark_iter_new(root)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        let node = cmark_iter_get_node(iterator)!
        guard event == CMARK_EVENT_ENTER, let child = cmark_node_first_child(node),
              cmark_node_get_type(child).rawValue >= CMARK_NODE_FIRST_INLINE.rawValue,
              cmark_node_get_type(node) != CMARK_NODE_IMAGE else { continue }
        parents.append(node)
    }
    cmark_iter_free(iterator)
    for parent in parents { strikeThrough(children: parent) }
}

private func strikeThrough(children parent: OpaquePointer) {
    var runs: [TildeRun] = []
    var runNodes: [OpaquePointer] = []
    var child = cmark_node_first_child(parent)
    while let node = child {
        child = cmark_node_next(node)
        // A tilde looked for in cmark's own bytes, before a String is made of the text.
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let bytes = cmark_node_get_literal(node),
              strchr(bytes, Int32(UInt8(ascii: "~"))) != nil else { continue }
        let literal = String(cString: bytes)
        let scalars = Array(literal.unicodeScalars)
        let before = edgeScalar(cmark_node_previous(node), parent: parent, last: true)
        let after = edgeScalar(cmark_node_next(node), parent: parent, last: false)
        var pieces: [(text: String, run: TildeRun?)] = []
        var plainStart = 0, index = 0
        while index < scalars.count {
            guard scalars[index] == "~" else { index += 1; continue }
            var end = index
            while end < scalars.count, scalars[end] == "~" { end += 1 }
            let previous = index > 0 ? scalars[index - 1] : before
            let next = end < scalars.count ? scalars[end] : after
            let left = !isFlankingSpace(next) && (!isFlankingPunctuation(next) || isFlankingSpace(previous) || isFlankingPunctuation(previous))
            let right = !isFlankingSpace(previous) && (!isFlankingPunctuation(previous) || isFlankingSpace(next) || isFlankingPunctuation(next))
            if end - index <= 2, left || right {
                if plainStart < index { pieces.append((String(String.UnicodeScalarView(scalars[plainStart..<index])), nil)) }
                pieces.append((String(repeating: "~", count: end - index), TildeRun(length: end - index, canOpen: left, canClose: right)))
                plainStart = end
            }
            index = end
        }
        guard pieces.contains(where: { $0.run != nil }) else { continue }
        if plainStart < scalars.count { pieces.append((String(String.UnicodeScalarView(scalars[plainStart...])), nil)) }
        for piece in pieces {
            let inserted = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(inserted, piece.text)
            cmark_node_insert_before(node, inserted)
            if let run = piece.run { runs.append(run); runNodes.append(inserted) }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
    for (opener, closer) in pairTildeRuns(runs) {
        let struck = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(struck, "<del>")
        cmark_node_set_on_exit(struck, "</del>")
        cmark_node_insert_before(runNodes[opener], struck)
        while let inside = cmark_node_next(runNodes[opener]), inside != runNodes[closer] {
            cmark_node_unlink(inside)
            cmark_node_append_child(struck, inside)
        }
        for spent in [runNodes[opener], runNodes[closer]] {
            cmark_node_unlink(spent)
            cmark_node_free(spent)
        }
    }
}

/// The character next to a text node on one side, as far as flanking goes: a neighbouring text's own character, a
/// line break's newline, the punctuation that delimits code, emphasis and links in the source; at the edge of a
/// paragraph or heading a line's start or end (whitespace), at the edge of emphasis or a link its delimiter.
private func edgeScalar(_ sibling: OpaquePointer?, parent: OpaquePointer, last: Bool) -> Unicode.Scalar {
    guard let sibling else {
        switch cmark_node_get_type(parent) {
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK: return "*"
        default: return " "
        }
    }
    switch cmark_node_get_type(sibling) {
    case CMARK_NODE_TEXT:
        let scalars = String(cString: cmark_node_get_literal(sibling)).unicodeScalars
        return (last ? scalars.last : scalars.first) ?? " "
    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return "\n"
    default: return "*"
    }
}

/// Whitespace for the flanking rules: Unicode Zs, tab, line feed, form feed, carriage return.
private func isFlankingSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\r" || scalar.properties.generalCategory == .spaceSeparator
}

/// Punctuation for the flanking rules: ASCII punctuation and symbols, Unicode punctuation.
private func isFlankingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == escapedTilde { return true }   // an escaped `~` is still punctuation beside a run
    if scalar.isASCII { return (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
        || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value) }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
         .finalPunctuation, .otherPunctuation:
        return true
    default:
        return false
    }
}
