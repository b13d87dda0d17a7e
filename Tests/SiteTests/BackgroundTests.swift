import Foundation
import Synchronization
import Testing
@testable import Site

/// `Background`: work on a thread of its own, begun at once or, deferred, when started or first asked for.
@Suite struct BackgroundWork {
    @Test func workBeginsAtOnceUnlessDeferred() {
        let ran = Atomic<Bool>(false)
        let work = Background { ran.store(true, ordering: .sequentiallyConsistent); return 1 }
        #expect(work.value() == 1)
        let done = ran.load(ordering: .sequentiallyConsistent)
        #expect(done)
    }

    @Test func deferredWorkWaitsForStart() {
        let ran = Atomic<Bool>(false)
        let work = Background(deferred: true) { ran.store(true, ordering: .sequentiallyConsistent); return 2 }
        Thread.sleep(forTimeInterval: 0.05)
        let early = ran.load(ordering: .sequentiallyConsistent)
        #expect(!early)
        work.start()
        work.start()  // any number of times
        #expect(work.value() == 2)
        #expect(work.value() == 2)
        let done = ran.load(ordering: .sequentiallyConsistent)
        #expect(done)
    }

    @Test func askingForDeferredWorkBeginsIt() {
        // Never started: the first `value()` starts it rather than waiting for ever.
        let work = Background(deferred: true) { 3 }
        #expect(work.value() == 3)
    }
}
