/// Where each line of a chapter's body stands with respect to fenced code, as the full-width and the note checks read
/// it: a line of three or more backticks or tildes (after any spaces) opens a fence, and a line of the same sign, at
/// least as long, closes it.
enum FenceState: Equatable {
    /// Outside any fence.
    case text
    /// An opening or closing fence line.
    case fence
    /// Inside a fence.
    case code
}

/// The `FenceState` of each of `lines`.
func fenceStates(_ lines: [Substring]) -> [FenceState] {
    var fence: Substring? = nil
    return lines.map { line in
        let marker = line.drop { $0 == " " }.prefix { $0 == "`" || $0 == "~" }
        if marker.count >= 3 {
            if let open = fence {
                if marker.first == open.first, marker.count >= open.count { fence = nil }
            } else {
                fence = marker
            }
            return .fence
        }
        return fence == nil ? .text : .code
    }
}
