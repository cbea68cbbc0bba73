import Foundation
import Testing
@testable import wirefix

#if canImport(Glibc)
import Glibc
#endif

/// The pool under `--jobs`: every item delivered once, in order, with a bounded window.
@Suite struct OrderedWorkPoolTests {
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var inFlight = 0
        var maximum = 0
        func change(_ delta: Int) {
            lock.lock()
            inFlight += delta
            maximum = max(maximum, inFlight)
            lock.unlock()
        }
    }

    @Test func resultsComeInProductionOrder() {
        let counter = Counter()
        var next = 0
        var delivered: [Int] = []
        OrderedWorkPool<Int, Int>.run(jobs: 4, window: 6, produce: {
            guard next < 300 else { return nil }
            next += 1
            counter.change(1)
            return next - 1
        }, work: { item in
            // Later items often finish first.
            usleep(useconds_t((item * 7919) % 5 * 200))
            return item * 2
        }, deliver: { output in
            counter.change(-1)
            delivered.append(output)
        })
        #expect(delivered == (0..<300).map { $0 * 2 })
        // Produced but not yet delivered: never more than the window (plus the one being made).
        #expect(counter.maximum <= 7)
    }

    @Test func oneJobRunsOnTheCallingThread() {
        var order: [String] = []
        var next = 0
        OrderedWorkPool<Int, Int>.run(jobs: 1, produce: {
            guard next < 3 else { return nil }
            next += 1
            order.append("produce \(next - 1)")
            return next - 1
        }, work: { $0 }, deliver: { order.append("deliver \($0)") })
        #expect(order == ["produce 0", "deliver 0", "produce 1", "deliver 1", "produce 2", "deliver 2"])
    }

    @Test func nothingToDo() {
        var delivered = 0
        OrderedWorkPool<Int, Int>.run(jobs: 3, produce: { nil }, work: { $0 }, deliver: { _ in delivered += 1 })
        #expect(delivered == 0)
    }
}
