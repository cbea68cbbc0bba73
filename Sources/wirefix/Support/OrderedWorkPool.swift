import Foundation

/// Runs work items on several threads and hands their results back **in the order the items
/// were produced**, so that a parallel batch writes exactly what a sequential one writes.
///
/// Three parts, each with its own thread discipline:
/// - `produce` makes the next item, or `nil` when there are no more. Calls are serialized (one at a
///   time, in order), on whichever worker thread asks; it may block (reading a pipe) without
///   holding up delivery.
/// - `work` turns an item into a result. It runs on up to `jobs` threads at once, so it must be
///   thread-safe: `clean` passes it only `Sendable` values (the corrector, paths, options).
/// - `deliver` receives the results one at a time, in production order, on the thread that called
///   ``run(jobs:window:produce:work:deliver:)``: it writes standard output and standard error.
///
/// Memory stays bounded: at most `window` items are produced ahead of the last one delivered, so a
/// slow first file holds back at most `window` finished results.
///
/// With `jobs == 1` no thread is started: each item is produced, worked and delivered in turn on
/// the calling thread, exactly as a plain loop would.
final class OrderedWorkPool<Item, Output>: @unchecked Sendable {
    // @unchecked: every mutable property below is guarded by `condition`, except `produce`, which is
    // called only while holding `producerLock`; `work` is documented to be thread-safe.
    private let condition = NSCondition()
    private let producerLock = NSLock()
    private let produce: () -> Item?
    private let work: (Item) -> Output
    private let window: Int
    /// The index the next produced item gets.
    private var produced = 0
    /// How many results have been taken by the deliverer.
    private var delivered = 0
    /// Set once `produce` returned `nil`.
    private var exhausted = false
    /// Finished results waiting for their turn.
    private var ready: [Int: Output] = [:]
    /// Worker threads still running.
    private var liveWorkers = 0

    private init(window: Int, produce: @escaping () -> Item?, work: @escaping (Item) -> Output) {
        self.window = window
        self.produce = produce
        self.work = work
    }

    /// Produces, works and delivers every item.
    ///
    /// - Parameters:
    ///   - jobs: how many threads work at once (at least 1).
    ///   - window: how many items may be produced ahead of delivery; at least `jobs`.
    /// - Returns: when every produced item has been delivered and every worker has ended.
    static func run(jobs: Int, window: Int? = nil, produce: @escaping () -> Item?,
                    work: @escaping (Item) -> Output, deliver: (Output) -> Void) {
        if jobs <= 1 {
            while let item = produce() { deliver(work(item)) }
            return
        }
        let pool = OrderedWorkPool(window: max(jobs, window ?? 2 * jobs), produce: produce, work: work)
        pool.liveWorkers = jobs
        for _ in 0..<jobs {
            let thread = Thread { pool.workLoop() }
            // The rules run on these threads; give them the stack size of a main thread.
            thread.stackSize = 8 << 20
            thread.start()
        }
        pool.deliverLoop(deliver)
    }

    /// One worker: takes the next item, works it, files the result; ends when items run out.
    private func workLoop() {
        while let (index, item) = nextItem() {
            let output = work(item)
            condition.lock()
            ready[index] = output
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        liveWorkers -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next item and its index, waiting while the window is full; `nil` when there are no more.
    private func nextItem() -> (Int, Item)? {
        producerLock.lock()
        defer { producerLock.unlock() }
        condition.lock()
        while !exhausted && produced - delivered >= window { condition.wait() }
        if exhausted { condition.unlock(); return nil }
        condition.unlock()
        // Produced without holding `condition`, so that delivery goes on while this blocks.
        let item = produce()
        condition.lock()
        defer { condition.unlock() }
        guard let item else {
            exhausted = true
            condition.broadcast()
            return nil
        }
        produced += 1
        return (produced - 1, item)
    }

    /// Hands each result to `deliver` in order, then waits for the workers to end.
    private func deliverLoop(_ deliver: (Output) -> Void) {
        var index = 0
        while true {
            condition.lock()
            while ready[index] == nil && !(exhausted && index >= produced) { condition.wait() }
            guard let output = ready.removeValue(forKey: index) else {
                while liveWorkers > 0 { condition.wait() }
                condition.unlock()
                return
            }
            delivered = index + 1
            condition.broadcast()
            condition.unlock()
            deliver(output)
            index += 1
        }
    }
}
