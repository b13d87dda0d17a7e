import Synchronization

/// The HTML bodies of a build's chapters and pages (`RenderedMarkdown.html` and `footnotes`, most of what a parse
/// result holds), taken
/// out of the parse results when each is needed by a known number of users (its page's layout, the search index):
/// each body is let go as soon as the last of them has taken it, instead of when the build ends.
///
/// Safe to use from several threads.
final class ChapterBodies: Sendable {
    private let slots: Mutex<[(html: String, footnotes: String, users: Int)]>

    /// Takes the bodies of `chapters` out of them (each then has an empty `rendered.html` and `rendered.footnotes`),
    /// in their order; each will be taken `users` times.
    init(taking chapters: inout [Chapter], users: Int) {
        var slots: [(html: String, footnotes: String, users: Int)] = []
        slots.reserveCapacity(chapters.count)
        for index in chapters.indices {
            slots.append((chapters[index].rendered.html, chapters[index].rendered.footnotes, users))
            chapters[index].rendered.html = ""
            chapters[index].rendered.footnotes = ""
        }
        self.slots = Mutex(slots)
    }

    /// Body `slot`'s HTML and footnotes, for one of its users; the last one to take them leaves them here no longer.
    func take(_ slot: Int) -> (html: String, footnotes: String) {
        slots.withLock { slots in
            precondition(slots[slot].users > 0, "a chapter body taken more times than it has users")
            let body = (slots[slot].html, slots[slot].footnotes)
            slots[slot].users -= 1
            if slots[slot].users == 0 { (slots[slot].html, slots[slot].footnotes) = ("", "") }
            return body
        }
    }

    /// `chapter` with its body (slot `slot`) put back, for one of its users.
    func restoring(_ chapter: Chapter, slot: Int) -> Chapter {
        var chapter = chapter
        (chapter.rendered.html, chapter.rendered.footnotes) = take(slot)
        return chapter
    }
}
