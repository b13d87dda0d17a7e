/// A verdict about each output file of the last build, kept with the file's bytes: a file whose bytes are those of
/// the last build keeps its verdict without being read again. Preview rebuilds hand back the same storage for a
/// page that did not change (`PageCache.bytes(of:at:)`), so the comparison costs nothing for most files.
///
/// Safe to use from several threads; the verdict must depend on the bytes alone.
final class FileVerdicts<Verdict: Sendable>: Sendable {
    private struct Kept: Sendable {
        var bytes: [UInt8]
        var verdict: Verdict
    }

    private let kept = KeyedMemo<String, Kept>()

    /// The verdict on `bytes` at `path`: the kept one when the bytes are the same, else `judge(bytes)` (then kept).
    func verdict(_ path: String, _ bytes: [UInt8], judge: ([UInt8]) -> Verdict) -> Verdict {
        kept.value(path, if: { $0.bytes == bytes }) { Kept(bytes: bytes, verdict: judge(bytes)) }.verdict
    }

    /// Forgets every file but `paths` (those of the build that just ended).
    func retainOnly(_ paths: Set<String>) {
        kept.retainOnly(paths)
    }
}
