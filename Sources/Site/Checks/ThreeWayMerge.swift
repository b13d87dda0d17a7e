/// Two texts that both started from `base`, merged by lines as `git merge-file` does: a part only one side changed
/// takes that side's lines, a part both changed alike takes them once, and a part both changed differently is a
/// conflict, written between markers with both versions (and the base's) for the writer to choose.
public struct ThreeWayMerge: Sendable, Equatable {
    /// The merged text, with conflict markers where there are conflicts.
    public var text: String
    /// The line (from 1) of each conflict's first marker in `text`.
    public var conflicts: [Int]

    /// The markers' first line names `yours`, the base's section `base` and the last line `theirs`.
    public init(base: String, yours: String, theirs: String,
                names: (yours: String, base: String, theirs: String) = ("yours", "base", "theirs")) {
        let o = diffLines(base), a = diffLines(yours), b = diffLines(theirs)
        let inYours = lineMatches(o, a), inTheirs = lineMatches(o, b)
        var lines: [Substring] = []
        var conflicts: [Int] = []
        var i = 0, j = 0, k = 0
        while i < o.count || j < a.count || k < b.count {
            // A base line both sides kept where they are now: unchanged.
            if i < o.count, inYours[i] == j, inTheirs[i] == k {
                lines.append(o[i])
                i += 1; j += 1; k += 1
                continue
            }
            // The next base line both sides kept ends the changed part (or the texts' ends do).
            var next = i
            while next < o.count && (inYours[next] == nil || inTheirs[next] == nil) { next += 1 }
            let yoursEnd = next < o.count ? inYours[next]! : a.count
            let theirsEnd = next < o.count ? inTheirs[next]! : b.count
            let original = o[i..<next], mine = a[j..<yoursEnd], other = b[k..<theirsEnd]
            if mine.elementsEqual(original) {
                lines += other
            } else if other.elementsEqual(original) || mine.elementsEqual(other) {
                lines += mine
            } else {
                conflicts.append(lines.count + 1)
                lines.append("<<<<<<< " + names.yours)
                lines += mine
                lines.append("||||||| " + names.base)
                lines += original
                lines.append("=======")
                lines += other
                lines.append(">>>>>>> " + names.theirs)
            }
            i = next; j = yoursEnd; k = theirsEnd
        }
        // The final newline is a change like any other: theirs unless only yours changed it.
        let baseEnds = base.hasSuffix("\n"), yoursEnds = yours.hasSuffix("\n")
        let endsWithNewline = yoursEnds != baseEnds ? yoursEnds : theirs.hasSuffix("\n")
        text = lines.joined(separator: "\n") + (endsWithNewline && !lines.isEmpty ? "\n" : "")
        self.conflicts = conflicts
    }
}

/// Lines a merge left unresolved in a file (`<<<<<<< `, `=======`, `>>>>>>> ` at the start of a line, as
/// `ThreeWayMerge` and git write them): the line (from 1) of each conflict's first marker.
public func conflictMarkerLines(in bytes: [UInt8]) -> [Int] {
    let opening = Array("<<<<<<< ".utf8), closing = Array(">>>>>>> ".utf8)
    var found: [Int] = []
    var line = 1, start = 0, open: Int?
    while start < bytes.count {
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let text = bytes[start..<end]
        if text.starts(with: opening) {
            open = line
        } else if text.starts(with: closing), let first = open {
            found.append(first)
            open = nil
        }
        line += 1
        start = end + 1
    }
    return found
}
