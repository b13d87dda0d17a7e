import Simulation

/// `closestMatch`, or else the one known name that starts like `name` (`foot` → `footer`, `filtering` → `filtration`):
/// the longest common beginning, of at least four characters and half the shorter name, and no other name's as long.
func closestName(to name: String, among known: [String]) -> String? {
    if let match = closestMatch(to: name, among: known) { return match }
    let lowered = Array(name.lowercased())
    var best: [(name: String, length: Int)] = []
    for candidate in known {
        let other = Array(candidate.lowercased())
        var common = 0
        while common < min(lowered.count, other.count), lowered[common] == other[common] { common += 1 }
        guard common >= max(4, min(lowered.count, other.count) / 2) else { continue }
        if best.isEmpty || common > best[0].length { best = [(candidate, common)] } else if common == best[0].length { best.append((candidate, common)) }
    }
    return best.count == 1 ? best[0].name : nil
}
