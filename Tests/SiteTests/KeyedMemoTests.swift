import Testing
@testable import Site

/// The keyed memo behind the preview rebuilds' caches: values by key, the keys a build used, hits.
@Suite struct KeyedMemos {
    @Test func aStoredValueIsFoundAndCountsAHit() {
        let memo = KeyedMemo<String, Int>()
        #expect(memo.value("a") == nil)
        #expect(memo.hits == 0)
        memo.store(1, for: "a")
        #expect(memo.value("a") == 1)
        #expect(memo.value("a") == 1)
        #expect(memo.hits == 2)
        #expect(memo.count == 1)
    }

    @Test func makeRunsOnlyWhenNothingIsKept() {
        let memo = KeyedMemo<Int, String>()
        var made = 0
        let first = memo.value(7) { made += 1; return "seven" }
        let second = memo.value(7) { made += 1; return "other" }
        #expect(first == "seven" && second == "seven")
        #expect(made == 1)
        #expect(memo.hits == 1)
    }

    @Test func aValueThatIsNoLongerCurrentIsMadeAgainAndKept() {
        let memo = KeyedMemo<String, (source: Int, made: Int)>()
        var made = 0
        let make = { (source: Int) in { () -> (source: Int, made: Int) in made += 1; return (source, made) } }
        #expect(memo.value("page", if: { $0.source == 1 }, make: make(1)).made == 1)
        #expect(memo.value("page", if: { $0.source == 1 }, make: make(1)).made == 1)
        #expect(memo.value("page", if: { $0.source == 2 }, make: make(2)).made == 2)
        #expect(memo.value("page", if: { $0.source == 2 }, make: make(2)).made == 2)
        #expect(made == 2)
        #expect(memo.hits == 2)
    }

    @Test func aFailingMakeKeepsNothing() {
        struct Failed: Error {}
        let memo = KeyedMemo<Int, String>()
        #expect(throws: Failed.self) { try memo.value(1) { () throws(Failed) -> String in throw Failed() } }
        #expect(memo.count == 0)
        #expect(memo.value(1) { "made" } == "made")
    }

    @Test func aValueThatIsNoLongerCurrentIsNotAHit() {
        let memo = KeyedMemo<String, (source: String, result: Int)>()
        memo.store(("old text", 1), for: "file.md")
        #expect(memo.value("file.md", if: { $0.source == "new text" }) == nil)
        #expect(memo.hits == 0)
        #expect(memo.value("file.md", if: { $0.source == "old text" })?.result == 1)
        #expect(memo.hits == 1)
    }

    @Test func retainUsedKeepsWhatTheLastBuildLookedUpOrStored() {
        let memo = KeyedMemo<String, Int>()
        for (index, key) in ["a", "b", "c", "d"].enumerated() { memo.store(index, for: key) }
        memo.retainUsed()
        #expect(memo.count == 4)
        // The next build looks up a (found), misses e and stores it, and checks c against a value it rejects.
        _ = memo.value("a")
        _ = memo.value("e")
        memo.store(9, for: "e")
        _ = memo.value("c", if: { _ in false })
        memo.retainUsed()
        #expect(memo.count == 3)
        #expect(memo.value("b") == nil && memo.value("d") == nil)
        #expect(memo.value("a") == 0 && memo.value("c") == 2 && memo.value("e") == 9)
    }

    @Test func retainUsedStartsTheNextBuildAfresh() {
        let memo = KeyedMemo<String, Int>()
        memo.store(1, for: "a")
        memo.retainUsed()
        memo.retainUsed()
        #expect(memo.count == 0)
    }

    @Test func retainOnlyKeepsTheNamedKeysAndStartsAfresh() {
        let memo = KeyedMemo<String, Int>()
        memo.store(1, for: "a")
        memo.store(2, for: "b")
        memo.retainOnly(["b", "z"])
        #expect(memo.count == 1)
        memo.retainUsed()
        #expect(memo.count == 0)
    }

    @Test func removeValueForgetsOneKey() {
        let memo = KeyedMemo<String, Int>()
        memo.store(1, for: "a")
        memo.store(2, for: "b")
        memo.removeValue(for: "a")
        #expect(memo.value("a") == nil && memo.value("b") == 2)
    }

    @Test func manyThreadsStoreAndFindEveryValue() async {
        let memo = KeyedMemo<Int, Int>()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for key in 0..<500 { _ = memo.value(key) { key * 2 } }
                }
            }
        }
        #expect(memo.count == 500)
        #expect((0..<500).allSatisfy { memo.value($0) == $0 * 2 })
        // 4,000 lookups made each key at least once (so at most 3,500 hits), then 500 hits just now.
        #expect(memo.hits >= 500 && memo.hits <= 4_000)
    }
}
