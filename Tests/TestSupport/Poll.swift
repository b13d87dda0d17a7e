/// Asks `probe` every `interval` until it gives a value or `timeout` has passed; nil if it never did.
///
/// The probe is asked once more after the deadline. On a busy machine (the whole suite on two cores) the waiting task
/// can be woken only long after its sleep ended, by when the awaited thing has happened: a wait that gave up on waking
/// past the deadline, without looking, failed a test whose process had in fact exited cleanly.
public func poll<Value>(
    timeout: Duration, every interval: Duration = .milliseconds(10), _ probe: () -> Value?
) async -> Value? {
    let deadline = ContinuousClock.now + timeout
    while true {
        let late = ContinuousClock.now >= deadline  // read before probing, so a late wake still gets one look
        if let value = probe() { return value }
        if late { return nil }
        try? await Task.sleep(for: interval)
    }
}
