import Testing
@testable import Site

/// The digests the preview rebuilds' caches are keyed by: equal for the same values, apart for any other.
@Suite struct ContentDigests {
    private func digest(_ feed: (inout ContentDigester) -> Void) -> ContentDigest {
        var digester = ContentDigester()
        feed(&digester)
        return digester.digest
    }

    @Test func theSameValuesGiveTheSameDigest() {
        let one = digest { $0.add("chapter"); $0.add(3); $0.add([1, 2, 3] as [UInt8]) }
        let again = digest { $0.add("chapter"); $0.add(3); $0.add([1, 2, 3] as [UInt8]) }
        #expect(one == again)
    }

    @Test func howTextIsCutIntoValuesCounts() {
        #expect(digest { $0.add("ab"); $0.add("c") } != digest { $0.add("a"); $0.add("bc") })
        #expect(digest { $0.add("") } != digest { _ in })
        #expect(digest { $0.add("\0") } != digest { $0.add("") })
    }

    @Test func textIsDigestedByItsBytes() {
        // The same text to a String comparison, other bytes: other pages.
        #expect("\u{E9}" == "e\u{301}")
        #expect(digest { $0.add("\u{E9}") } != digest { $0.add("e\u{301}") })
    }

    @Test func everyByteOfALongTextCounts() {
        let text = Array(repeating: UInt8(ascii: "a"), count: 1_000)
        let base = digest { $0.add(text) }
        var seen: Set<ContentDigest> = [base]
        for position in [0, 7, 8, 9, 500, 991, 992, 999] {
            var changed = text
            changed[position] = UInt8(ascii: "b")
            #expect(seen.insert(digest { $0.add(changed) }).inserted, "a change at byte \(position) went unseen")
        }
    }

    @Test func manyShortValuesHaveDistinctDigests() {
        var seen: Set<Int> = [], seenSecond: Set<Int> = []
        for number in 0..<20_000 {
            let value = digest { $0.add(number) }
            seen.insert(value.first)
            seenSecond.insert(value.second)
        }
        #expect(seen.count == 20_000 && seenSecond.count == 20_000)
    }
}
