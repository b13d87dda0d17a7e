import Foundation
import Synchronization

/// A value computed on a thread of its own while the caller goes on with other work; `value()` waits for it.
///
/// For a stage that runs mostly on one core (the search index): beside it, the other stages keep the other cores busy.
final class Background<Value: Sendable>: @unchecked Sendable {
    // Written once by the thread before it signals; read only after a wait, which orders the two.
    private var result: Value?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            finished.signal()
        }
        thread.stackSize = 8 << 20  // the main thread's; a secondary thread's default is smaller
        thread.start()
    }

    /// The value, once the work is done (any number of times).
    func value() -> Value {
        finished.wait()
        defer { finished.signal() }
        return result!
    }
}

/// A value one thread hands over to others once (`give`); `value()` waits until it has been given.
final class Handover<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)
    private let given = DispatchSemaphore(value: 0)

    /// Gives `value`, unless a value was given before (then this does nothing).
    func give(_ value: Value) {
        let first = stored.withLock { stored -> Bool in
            guard stored == nil else { return false }
            stored = value
            return true
        }
        if first { given.signal() }
    }

    /// The value given, once it has been (any number of times).
    func value() -> Value {
        given.wait()
        defer { given.signal() }
        return stored.withLock { $0! }
    }
}
