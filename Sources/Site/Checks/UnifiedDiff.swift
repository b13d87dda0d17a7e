/// The differences between two texts as a unified diff (`diff -u`), by lines, with `context` unchanged lines around
/// each change; empty when the texts are the same.
public func unifiedDiff(from old: String, to new: String, oldName: String, newName: String, context: Int = 3) -> String {
    let a = diffLines(old), b = diffLines(new)
    let script = editScript(a, b)
    guard script.contains(where: { $0 != .same }) else { return "" }
    // Positions in both texts before each step of the script.
    var positions: [(a: Int, b: Int)] = []
    var i = 0, j = 0
    for step in script {
        positions.append((i, j))
        switch step {
        case .same: i += 1; j += 1
        case .removed: i += 1
        case .added: j += 1
        }
    }
    // Group changed steps that are at most 2 × context apart into hunks.
    var hunks: [Range<Int>] = []
    var index = 0
    while index < script.count {
        guard script[index] != .same else { index += 1; continue }
        var end = index
        while end < script.count {
            if script[end] != .same { end += 1; continue }
            var next = end
            while next < script.count && script[next] == .same { next += 1 }
            if next < script.count && next - end <= 2 * context { end = next } else { break }
        }
        let start = max(0, index - context)
        hunks.append(start..<min(script.count, end + context))
        index = end
    }
    var out = "--- \(oldName)\n+++ \(newName)\n"
    for hunk in hunks {
        let steps = script[hunk]
        let oldCount = steps.filter { $0 != .added }.count, newCount = steps.filter { $0 != .removed }.count
        let first = positions[hunk.lowerBound]
        out += "@@ -\(oldCount == 0 ? first.a : first.a + 1),\(oldCount) +\(newCount == 0 ? first.b : first.b + 1),\(newCount) @@\n"
        for offset in hunk {
            let (x, y) = positions[offset]
            switch script[offset] {
            case .same: out += " " + a[x] + "\n"
            case .removed: out += "-" + a[x] + "\n"
            case .added: out += "+" + b[y] + "\n"
            }
        }
    }
    return out
}

private enum DiffStep: Equatable { case same, removed, added }

func diffLines(_ text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    return lines
}

/// The shortest way from `a` to `b` in kept, removed and added lines: a longest-common-subsequence table, which is
/// fine for templates (a few hundred lines each).
private func editScript(_ a: [Substring], _ b: [Substring]) -> [DiffStep] {
    let n = a.count, m = b.count
    var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
            table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
    }
    var steps: [DiffStep] = []
    var i = 0, j = 0
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            steps.append(.same); i += 1; j += 1
        } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
            // Removed lines before the added ones that take their place, as `diff -u` and git print them.
            steps.append(.removed); i += 1
        } else {
            steps.append(.added); j += 1
        }
    }
    return steps
}

/// For each line of `a`, the line of `b` it is kept as in the shortest edit script from `a` to `b` (nil when it is
/// removed); increasing, as the script keeps lines in order.
func lineMatches(_ a: [Substring], _ b: [Substring]) -> [Int?] {
    var matches = [Int?](repeating: nil, count: a.count)
    var i = 0, j = 0
    for step in editScript(a, b) {
        switch step {
        case .same: matches[i] = j; i += 1; j += 1
        case .removed: i += 1
        case .added: j += 1
        }
    }
    return matches
}
