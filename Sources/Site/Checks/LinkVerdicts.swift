import Synchronization

/// What the link check of the last build of the same site (the preview server's rebuilds) found, so that a rebuild
/// checks only the pages an edit can have broken: each page's scan (its ids) kept with its bytes, the site's paths,
/// and the pages that had no problem.
///
/// A page's verdict depends on its own links, on which paths exist and on the ids of the pages its links point into.
/// So while the paths are the same and no page's ids changed, a page whose bytes are those of the last build and that
/// had no problem then has none now: only the pages whose bytes changed are checked. Otherwise every page is. (A page
/// with problems is always checked again: its diagnostics are placed in the chapter's Markdown, which may have moved.)
///
/// Safe to use from several threads; one check at a time.
final class LinkVerdicts: Sendable {
    private struct Kept: Sendable {
        var bytes: [UInt8]
        var scan: PageScan
    }

    private struct Last: Sendable {
        var paths: Set<String> = []
        var clean: Set<String> = []
    }

    private let scans = KeyedMemo<String, Kept>()
    private let last = Mutex(Last())

    /// Each page's scan (made again only for pages whose bytes changed), in the order of `pages`, and the pages that
    /// need no check.
    func prepare(_ pages: [String], output: OutputTree) -> (scans: [PageScan], skipped: Set<String>) {
        let results = concurrentMap(pages) { page -> (scan: PageScan, same: Bool, sameIDs: Bool) in
            let bytes = output[page]!
            let kept = scans.value(page)
            if let kept, kept.bytes == bytes { return (kept.scan, true, true) }
            let scan = PageScan(bytes)
            scans.store(Kept(bytes: bytes, scan: scan), for: page)
            return (scan, false, kept?.scan.ids == scan.ids)
        }
        scans.retainUsed()
        let paths = Set(output.allPaths)
        let last = last.withLock { $0 }
        var skipped: Set<String> = []
        if paths == last.paths && results.allSatisfy(\.sameIDs) {
            for (page, result) in zip(pages, results) where result.same && last.clean.contains(page) { skipped.insert(page) }
        }
        self.last.withLock { $0.paths = paths }
        return (results.map(\.scan), skipped)
    }

    /// The pages found without problems by the check that just ended (those it skipped included).
    func record(clean: Set<String>) {
        last.withLock { $0.clean = clean }
    }
}
