import Synchronization

/// The value made from the last inputs seen, kept while the inputs stay the same: a single-entry memo for what a
/// build makes once from site-wide inputs (the preview server's rebuilds hand the same inputs back after most edits).
/// Safe to use from several threads.
final class LastMade<Inputs: Sendable, Value: Sendable>: Sendable {
    private let kept = Mutex<(inputs: Inputs, value: Value)?>(nil)

    init() {}

    /// The value kept when `isSame(kept inputs, inputs)`, else the one `make` makes (then kept with `inputs`).
    func value<Failure: Error>(_ inputs: Inputs, isSame: (Inputs, Inputs) -> Bool,
                               make: () throws(Failure) -> Value) throws(Failure) -> Value {
        if let last = kept.withLock({ $0 }), isSame(last.inputs, inputs) { return last.value }
        let value = try make()
        kept.withLock { $0 = (inputs, value) }
        return value
    }
}

extension LastMade where Inputs: Equatable {
    /// The value kept when the inputs equal the kept ones, else the one `make` makes (then kept).
    func value<Failure: Error>(_ inputs: Inputs, make: () throws(Failure) -> Value) throws(Failure) -> Value {
        try value(inputs, isSame: ==, make: make)
    }
}
