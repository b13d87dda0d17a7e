/// A set of byte strings (UTF-8 terms or words), each numbered in the order it was first added, with an `Int32` value
/// per entry: the index build looks up every word of the site here, so it hashes the bytes as they are, without
/// making a `String` of each.
struct SearchTermTable {
    /// The keys, one after the other; entry `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]
    var values: [Int32] = []
    private var hashes: [UInt64] = []
    /// Open addressing: an entry number + 1, or 0 for an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 1 << 10)

    var count: Int { values.count }

    /// Entry `entry`'s key as text.
    func string(_ entry: Int) -> String {
        String(decoding: bytes[starts[entry]..<starts[entry + 1]], as: UTF8.self)
    }

    /// Entry `entry`'s key, as bytes, and its hash: another table finds the same key with them (`SearchIndex.init`
    /// merges its chunks' tables so, without making a `String` of each key).
    func withKey<Result>(_ entry: Int, _ body: (UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[entry]..<starts[entry + 1]]), hashes[entry]) }
    }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }

    /// The entry of `key`, if it has one.
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = Int(slots[slot])
            if found == 0 { return nil }
            let entry = found - 1
            if hashes[entry] == hash && equal(entry, key) { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `key` (not yet in the table) with `value`; returns its entry number.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int32) -> Int {
        if (values.count + 1) * 2 > slots.count { grow() }
        let entry = values.count
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        values.append(value)
        hashes.append(hash)
        place(entry)
        return entry
    }

    private func equal(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry], end = starts[entry + 1]
        guard end - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var index = 0
            while index < key.count {
                if stored[start + index] != key[index] { return false }
                index += 1
            }
            return true
        }
    }

    private mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in 0..<values.count { place(entry) }
    }
}
