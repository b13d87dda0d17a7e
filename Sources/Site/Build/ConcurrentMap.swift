import Dispatch
import Foundation

/// Cores this process may use (for splitting work into chunks).
let activeProcessorCount = ProcessInfo.processInfo.activeProcessorCount

/// `items.map(transform)` on all cores: fork–join, so every call has finished when it returns, and the results are
/// in the order of `items` whatever the scheduling. `transform` must not touch shared mutable state.
func concurrentMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result)
    -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    let slots = Slots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.set(index, transform(items[index]))
    }
    return slots.values()
}

/// `concurrentMap` that hands each item over to `transform` and lets it go as soon as that call returns, rather than when
/// every call has: for large items each needed once (a run of search documents).
func concurrentMap<Item: Sendable, Result: Sendable>(handingOver items: consuming [Item], _ transform: @Sendable (Item) -> Result)
    -> [Result] {
    let count = items.count
    let inputs = Slots<Item>(count: count)
    for index in 0..<count { inputs.set(index, items[index]) }
    items = []
    let slots = Slots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.set(index, transform(inputs.take(index)))
    }
    return slots.values()
}

/// `concurrentMap` over contiguous chunks, for work too small per item to schedule one at a time; `transform` gets
/// a chunk and returns one result per item, and the results come back flattened in the order of `items`.
func concurrentChunkedMap<Item: Sendable, Result: Sendable>(_ items: [Item], chunks: Int,
                                                             _ transform: @Sendable (ArraySlice<Item>) -> [Result])
    -> [Result] {
    guard !items.isEmpty else { return [] }
    let size = (items.count + max(chunks, 1) - 1) / max(chunks, 1)
    let ranges = stride(from: 0, to: items.count, by: size).map { $0..<min($0 + size, items.count) }
    return concurrentMap(ranges) { transform(items[$0]) }.flatMap { $0 }
}

/// One result slot per iteration of a `concurrentPerform`: each iteration writes only its own slot, so writes never
/// overlap, and all of them happen before `values()` is read (the perform returns only when every one is done).
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    /// The value set at `index`, which the slot then no longer holds.
    func take(_ index: Int) -> Value { storage[index].take()! }

    func values() -> [Value] { storage.map { $0! } }
}
