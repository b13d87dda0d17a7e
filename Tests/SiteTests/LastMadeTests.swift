import Testing
@testable import Site

/// The single-entry memo of what a build makes from site-wide inputs.
@Suite struct LastMades {
    @Test func theValueIsKeptWhileTheInputsStayTheSame() {
        let memo = LastMade<[String], Int>()
        var made = 0
        #expect(memo.value(["a"]) { made += 1; return 10 } == 10)
        #expect(memo.value(["a"]) { made += 1; return 20 } == 10)
        #expect(made == 1)
    }

    @Test func otherInputsReplaceTheKeptValue() {
        let memo = LastMade<[String], Int>()
        #expect(memo.value(["a"]) { 1 } == 1)
        #expect(memo.value(["b"]) { 2 } == 2)
        // Only the last inputs are kept: going back makes the value again.
        #expect(memo.value(["a"]) { 3 } == 3)
    }

    @Test func theGivenComparisonDecidesWhatIsTheSame() {
        let memo = LastMade<String, Int>()
        let sameLength = { (one: String, other: String) in one.count == other.count }
        #expect(memo.value("ab", isSame: sameLength) { 1 } == 1)
        #expect(memo.value("cd", isSame: sameLength) { 2 } == 1)
        #expect(memo.value("abc", isSame: sameLength) { 3 } == 3)
    }

    @Test func aFailingMakeKeepsTheLastValue() {
        struct Failed: Error {}
        let memo = LastMade<Int, String>()
        #expect(memo.value(1) { "one" } == "one")
        #expect(throws: Failed.self) { try memo.value(2) { () throws(Failed) -> String in throw Failed() } }
        #expect(memo.value(1) { "again" } == "one")
    }
}
