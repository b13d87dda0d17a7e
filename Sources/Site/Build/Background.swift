import Foundation
import Synchronization

/// A value computed on a thread of its own while the caller goes on with other work; `value()` waits for it.
///
/// For a stage that runs mostly on one core (the search index): beside it, the other stages keep the other cores busy.
/// Made `deferred`, the work waits until `start()`, or until its value is first asked for: the preview's rebuild
/// starts the search index once the pages are shown, so the index does not take a core from the pages meanwhile.
final class Background<Value: Sendable>: @unchecked Sendable {
    // Written once by the thread before it signals; read only after a wait, which orders the two.
    private var result: Value?
    private let finished = DispatchSemaphore(value: 0)
    private let gate: Handover<Void>?

    init(deferred: Bool = false, _ work: @escaping @Sendable () -> Value) {
        let gate = deferred ? Handover<Void>() : nil
        self.gate = gate
        let thread = Thread { [self] in
            gate?.value()
            result = work()
            finished.signal()
        }
        thread.stackSize = 8 << 20  // the main thread's; a secondary thread's default is smaller
        thread.start()
    }

    /// Lets deferred work begin (any number of times; nothing for work that was not deferred).
    func start() {
        gate?.give(())
    }

    /// The value, once the work is done (any number of times); deferred work is started first.
    func value() -> Value {
        start()
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
