#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import Wirefix

/// Runs `clean --jsonl`: streams each input in blocks of lines through ``JSONLinesCleaner`` to
/// standard output, in input order, ``jobs`` blocks at a time.
///
/// Memory holds about `2 × jobs` blocks of 256 KiB (or of one line, when a line is longer), whatever
/// the size of the input. Each block's output is written as soon as the blocks before it are, so
/// the tool works as a filter in a pipe (GNU parallel `--pipe`, Spark's `RDD.pipe`, Hadoop
/// Streaming) and answers a line as soon as it has read it.
///
/// An input that cannot be opened or read is reported and skipped (what was already read of it has
/// been written); a file whose first block holds a NUL byte is refused as binary and nothing of it
/// is written.
struct JSONLinesRunner {
    /// Cleans the lines.
    var cleaner: JSONLinesCleaner
    /// Streams for output and standard input.
    var environment: CommandEnvironment
    /// Called with each error, in input order.
    var reportError: (ReportError) -> Void
    /// How many blocks are cleaned at once (`--jobs`).
    var jobs = 1
    /// The progress bar to advance, if one is shown.
    var progress: ProgressBar? = nil
    /// The read size (tests make it small, to cut lines across reads).
    var chunkSize = LineBlockReader.defaultChunkSize

    /// What the producer hands to the workers.
    enum Item: Sendable {
        /// Lines of `path`, the first being line `firstLine`.
        case block(path: String, bytes: [UInt8], firstLine: Int, startsFile: Bool)
        /// The end of an input.
        case endOfInput
        /// An input that failed.
        case failure(path: String, message: String)
    }

    /// What a worker hands to the deliverer.
    enum Output: Sendable {
        case cleaned(JSONLinesCleaner.BlockResult, path: String, bytes: Int)
        case endOfInput
        case failure(path: String, message: String)
    }

    /// What a run produced.
    struct Outcome {
        /// Every error, in order.
        var errors: [ReportError] = []
        /// Counts for the summary line.
        var totals = BatchTotals()
    }

    /// Cleans every entry into standard output.
    func run(_ entries: [BatchEntry]) -> Outcome {
        let producer = Producer(entries: entries, environment: environment, chunkSize: chunkSize)
        var outcome = Outcome()
        var stopped = false
        func fail(_ error: ReportError) {
            outcome.errors.append(error)
            outcome.totals.errors += 1
            progress?.clear()
            reportError(error)
        }
        OrderedWorkPool<Item, Output>.run(
            jobs: max(1, jobs),
            produce: { producer.next() },
            work: { item in
                switch item {
                case .block(let path, let bytes, let firstLine, let startsFile):
                    .cleaned(cleaner.clean(block: bytes, path: path, firstLine: firstLine, startsFile: startsFile),
                             path: path, bytes: bytes.count)
                case .endOfInput: .endOfInput
                case .failure(let path, let message): .failure(path: path, message: message)
                }
            },
            deliver: { output in
                guard !stopped else { return }
                switch output {
                case .cleaned(let result, let path, let bytes):
                    do throws(CLIError) { try environment.writeStandardOutput(result.output) } catch {
                        // Standard output is gone: nothing more can be delivered.
                        fail(ReportError(path: nil, message: error.message))
                        stopped = true
                        producer.stop()
                        return
                    }
                    outcome.totals += result.totals
                    outcome.totals.bytes += bytes
                    progress?.advance(bytes: bytes, files: 0)
                    for message in result.errors { fail(ReportError(path: path, message: message)) }
                case .endOfInput:
                    outcome.totals.files += 1
                    progress?.advance(bytes: 0)
                case .failure(let path, let message):
                    fail(ReportError(path: path, message: message))
                    progress?.advance(bytes: 0)
                }
            })
        progress?.clear()
        return outcome
    }

    /// Turns the entries into blocks, one input after another; called by one thread at a time.
    final class Producer: @unchecked Sendable {
        // @unchecked: used only under OrderedWorkPool's producer lock, except `stop()`, which sets
        // an atomic flag.
        private var entries: IndexingIterator<[BatchEntry]>
        private let environment: CommandEnvironment
        private let chunkSize: Int
        private var current: (path: String, reader: LineBlockReader, descriptor: Int32?, nextLine: Int, started: Bool)?
        private let stopped = Atomic<Bool>(false)

        init(entries: [BatchEntry], environment: CommandEnvironment, chunkSize: Int) {
            self.entries = entries.makeIterator()
            self.environment = environment
            self.chunkSize = chunkSize
        }

        /// Makes the producer return `nil` from now on.
        func stop() { stopped.store(true, ordering: .relaxed) }

        /// The next item, or `nil` when all inputs are done.
        func next() -> Item? {
            while !stopped.load(ordering: .relaxed) {
                guard var input = current else {
                    guard let entry = entries.next() else { return nil }
                    switch entry {
                    case .failure(let path, let message): return .failure(path: path, message: message)
                    case .input(let input):
                        do throws(CLIError) { try openInput(input.path) } catch {
                            return .failure(path: input.path, message: "\(InputReader.displayPath(input.path)): cannot read: \(error.message)")
                        }
                    }
                    continue
                }
                let block: [UInt8]?
                do throws(CLIError) { block = try input.reader.nextBlock() } catch {
                    closeInput()
                    return .failure(path: input.path, message: "\(InputReader.displayPath(input.path)): cannot read: \(error.message)")
                }
                guard let block else {
                    closeInput()
                    return .endOfInput
                }
                if !input.started, let nul = block.firstIndex(of: 0) {
                    closeInput()
                    return .failure(path: input.path, message: "\(InputReader.displayPath(input.path)): binary file (NUL byte at offset \(nul))")
                }
                let item = Item.block(path: input.path, bytes: block, firstLine: input.nextLine, startsFile: !input.started)
                input.nextLine += block.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                input.started = true
                current = input
                return item
            }
            closeInput()
            return nil
        }

        /// Opens an input for reading.
        private func openInput(_ path: String) throws(CLIError) {
            if path == "-" {
                let reader: LineBlockReader
                if let descriptor = environment.standardInputDescriptor {
                    reader = LineBlockReader(.descriptor(descriptor), chunkSize: chunkSize)
                } else {
                    reader = LineBlockReader(.bytes(try environment.readStandardInput()), chunkSize: chunkSize)
                }
                current = (path, reader, nil, 1, false)
                return
            }
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 { throw CLIError(POSIXFile.errorText()) }
            current = (path, LineBlockReader(.descriptor(descriptor), chunkSize: chunkSize), descriptor, 1, false)
        }

        /// Closes the current input.
        private func closeInput() {
            if let descriptor = current?.descriptor { _ = close(descriptor) }
            current = nil
        }
    }
}
