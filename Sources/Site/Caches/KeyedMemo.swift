import Synchronization

/// Values kept by key between builds of the same site (the preview server's rebuilds), the shape every cache of
/// `Site` shares: a dictionary, the keys the build under way has used, and a count of hits. Safe to use from several
/// threads.
///
/// A build marks every key it looks up or stores as used; when it ends, `retainUsed()` drops every other entry, so
/// the memo never outgrows the site (or `retainOnly(_:)`, where the build names its keys itself, such as the files
/// it read). Either one starts the next build's set of used keys afresh.
final class KeyedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var values: [Key: Value] = [:]
        var used: Set<Key> = []
        var hits = 0
    }

    private let state = Mutex(State())

    init() {}

    /// How many lookups found their value (for tests and the server's log).
    var hits: Int { state.withLock { $0.hits } }

    /// How many values are kept.
    var count: Int { state.withLock { $0.values.count } }

    /// The value kept for `key`, if any; `key` counts as used either way.
    func value(_ key: Key) -> Value? {
        state.withLock { state in
            state.used.insert(key)
            guard let value = state.values[key] else { return nil }
            state.hits += 1
            return value
        }
    }

    /// The value kept for `key` when `isCurrent` accepts it (for values keyed by a name, such as a path, that hold
    /// what they were made from); `key` counts as used either way. `isCurrent` runs outside the lock.
    func value(_ key: Key, if isCurrent: (Value) -> Bool) -> Value? {
        let kept = state.withLock { state in
            state.used.insert(key)
            return state.values[key]
        }
        guard let kept, isCurrent(kept) else { return nil }
        state.withLock { $0.hits += 1 }
        return kept
    }

    /// The value kept for `key`, else the one `make` makes (then kept).
    func value<Failure: Error>(_ key: Key, make: () throws(Failure) -> Value) throws(Failure) -> Value {
        if let kept = value(key) { return kept }
        let made = try make()
        store(made, for: key)
        return made
    }

    /// The value kept for `key` when `isCurrent` accepts it, else the one `make` makes (then kept).
    func value(_ key: Key, if isCurrent: (Value) -> Bool, make: () -> Value) -> Value {
        if let kept = value(key, if: isCurrent) { return kept }
        let made = make()
        store(made, for: key)
        return made
    }

    /// Keeps `value` for `key`, which counts as used.
    func store(_ value: Value, for key: Key) {
        state.withLock { state in
            state.used.insert(key)
            state.values[key] = value
        }
    }

    /// Forgets the value of `key`.
    func removeValue(for key: Key) {
        state.withLock { _ = $0.values.removeValue(forKey: key) }
    }

    /// Keeps only the values the build that just ended used.
    func retainUsed() {
        state.withLock { state in
            let used = state.used
            state.values = state.values.filter { used.contains($0.key) }
            state.used = []
        }
    }

    /// Keeps only the values of `keys`.
    func retainOnly(_ keys: Set<Key>) {
        state.withLock { state in
            state.values = state.values.filter { keys.contains($0.key) }
            state.used = []
        }
    }
}
