import Foundation

/// The portable fallback: scans the folders' file stamps every interval.
struct PollingWatch: Sendable {
    let root: String
    let folders: [String]
    /// The stamps when watching started (taken before the thread starts, so no save is missed).
    let start: SourceSnapshot

    init(root: String, folders: [String]) {
        (self.root, self.folders) = (root, folders)
        start = SourceSnapshot.scan(root: root, folders: folders)
    }

    func run(core: WatcherCore, interval: Duration, quietPeriod: Duration) {
        var known = start
        while !core.isStopped {
            usleep(useconds_t(interval.wholeMilliseconds) * 1000)
            var latest = SourceSnapshot.scan(root: root, folders: folders)
            guard latest != known else { continue }
            // Editors save in bursts (temporary file, rename, chmod): wait until a scan sees nothing new.
            let deadline = ContinuousClock.now + .seconds(1)
            while ContinuousClock.now < deadline, !core.isStopped {
                usleep(useconds_t(quietPeriod.wholeMilliseconds) * 1000)
                let again = SourceSnapshot.scan(root: root, folders: folders)
                if again == latest { break }
                latest = again
            }
            // Against the stamps before the burst: a temporary file that came and went is not a change.
            let changed = latest.changedPaths(since: known)
            known = latest
            if !changed.isEmpty { core.publish(changed) }
        }
    }
}
