import Synchronization

/// The HTML bodies of a build's chapters and pages (`RenderedMarkdown.html`, most of what a parse result holds), taken
/// out of the parse results when each is needed by a known number of users (its page's layout, the search index):
/// each body is let go as soon as the last of them has taken it, instead of when the build ends.
///
/// Safe to use from several threads.
final class ChapterBodies: Sendable {
    private let slots: Mutex<[(html: String, users: Int)]>

    /// Takes the bodies of `chapters` out of them (each then has an empty `rendered.html`), in their order; each will
    /// be taken `users` times.
    init(taking chapters: inout [Chapter], users: Int) {
        var slots: [(html: String, users: Int)] = []
        slots.reserveCapacity(chapters.count)
        for index in chapters.indices {
            slots.append((chapters[index].rendered.html, users))
            chapters[index].rendered.html = ""
        }
        self.slots = Mutex(slots)
    }

    /// Body `slot`'s HTML, for one of its users; the last one to take it leaves it here no longer.
    func take(_ slot: Int) -> String {
        slots.withLock { slots in
            precondition(slots[slot].users > 0, "a chapter body taken more times than it has users")
            let html = slots[slot].html
            slots[slot].users -= 1
            if slots[slot].users == 0 { slots[slot].html = "" }
            return html
        }
    }

    /// `chapter` with its body (slot `slot`) put back, for one of its users.
    func restoring(_ chapter: Chapter, slot: Int) -> Chapter {
        var chapter = chapter
        chapter.rendered.html = take(slot)
        return chapter
    }
}
