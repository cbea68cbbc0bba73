import Foundation
import Wirefix
#if canImport(Glibc)
import Glibc
#endif

/// Cleans a batch of inputs and sends each result where it belongs, on one thread or several.
///
/// A file that cannot be read, is binary, is not UTF-8 or cannot be written is recorded in the
/// outcome's errors with its path and skipped; the others are still processed. Nothing is written
/// for a file that failed, so `-o` and `--in-place` never leave a partial file. Each error is
/// passed to ``reportError`` as it happens; the command decides whether it goes to standard error
/// or only into the report (see ``ReportRouting``).
///
/// With ``jobs`` above 1, inputs are read, cleaned and (for `-o` and `--in-place`) written on that
/// many threads (see ``OrderedWorkPool``); what goes to standard output, the errors and the
/// report's entries are still emitted in input order, so a parallel run's output and report are
/// byte-identical to a sequential one's.
struct CleanRunner {
    /// Where cleaned text goes.
    enum Destination: Equatable, Sendable {
        /// Standard output, one input after another, like `cat`.
        case standardOutput
        /// A copy in this directory (created if needed) under the input's ``BatchInput/outputName``:
        /// its base name, or its path below a directory argument (the tree is mirrored).
        case directory(String)
        /// Back into each file, atomically; unchanged files are not rewritten, read-only ones
        /// are refused (see ``OutputWriter/checkReplaceable(_:)``).
        case inPlace
        /// Nowhere (`check`).
        case discard
    }

    /// What a run produced.
    struct Outcome {
        /// The report's sections, one per input cleaned, in order, and their counts; `nil` when
        /// no report was asked for (``CleanRunner/reporter``).
        var report: ReportAssembler?
        /// Why the report could not be kept (its temporary file could not be written); it must
        /// then not be written.
        var reportFailure: ReportSpoolError?
        /// What failed, in order: one entry per input that failed, or one for an output directory
        /// that could not be created (then no input was cleaned).
        var errors: [ReportError] = []
        /// Counts for the summary line.
        var totals = BatchTotals()
        /// Whether any output differs from its input (see `FileReport.changed`).
        var changedAny = false

        /// Whether anything failed.
        var failed: Bool { !errors.isEmpty }
    }

    /// Cleans one text.
    var correct: CorrectText
    /// Reads and validates inputs.
    var reader: InputReader
    /// Streams for output.
    var environment: CommandEnvironment
    /// Called with each error as it happens, in input order (it is also kept in the outcome).
    var reportError: (ReportError) -> Void
    /// How many inputs are cleaned at once (`--jobs`).
    var jobs = 1
    /// The report to make, if any: each input's section is made on the worker that cleaned it,
    /// as soon as it is cleaned, and the input's texts are freed (see ``ReportAssembler``).
    var reporter: (any Reporter.Type)?
    /// The progress bar to advance, if one is shown.
    var progress: ProgressBar? = nil
    /// Whether files of at least `FileCleaner.streamingThreshold` bytes are cleaned as a stream,
    /// in bounded memory; off when a report needs each file's whole text (the diff report).
    var streamsLargeFiles = true

    /// Cleans `paths` (none means standard input) into `destination`, one after another; copies
    /// under `-o` take the base name of each path. A regular file's size is read, so that a large
    /// one is cleaned as a stream.
    func run(paths: [String], destination: Destination) -> Outcome {
        let entries = (paths.isEmpty ? ["-"] : paths).map { path in
            BatchEntry.input(BatchInput(path: path, outputName: FileSystem.baseName(path),
                                        size: path == "-" ? nil : FileSystem.regularFileSize(path)))
        }
        return run(entries, destination: destination)
    }

    /// What cleaning one entry gave, handed from a worker to the deliverer.
    struct EntryResult: Sendable {
        /// The input's path (for errors).
        var path: String
        /// The cleaned bytes, when they still have to go to standard output.
        var output: [UInt8]?
        /// The input's section of the report, when one is made.
        var section: ReportSection?
        /// Why the input's section could not be made (its temporary file could not be written);
        /// the report must then not be written.
        var sectionFailure: ReportSpoolError?
        /// The input's counts for the report.
        var reportTotals = ReportTotals()
        /// Whether the report counts the input as changed (``FileReport/changed``).
        var reportChanged = false
        /// Whether the output differs from the input.
        var changed = false
        /// The counts of this entry.
        var totals = BatchTotals()
        /// Why it failed.
        var error: CLIError?
        /// The bytes to count on the progress bar.
        var progressBytes = 0
        /// A temporary file holding the output of a file cleaned as a stream, for standard output
        /// (copied there in input order, then removed).
        var outputFile: String?
    }

    /// The most bytes of report sections held in memory before they go to a temporary file (see
    /// ``ReportAssembler``): 16 MiB, or `WIREFIX_REPORT_SPILL_BYTES` (tests set it to 0).
    static let reportSpillBytes: Int = {
        if let value = ProcessInfo.processInfo.environment["WIREFIX_REPORT_SPILL_BYTES"], let bytes = Int(value), bytes >= 0 {
            return bytes
        }
        return ReportSpool.defaultSpillThreshold
    }()

    /// Taken while standard input is read: named twice (`- -`) with several jobs, the first read
    /// takes all of it and the second finds it at its end, as with one job (two workers reading
    /// at once interleaved its blocks).
    static let standardInputLock = NSLock()

    /// Runs `body` holding ``standardInputLock``.
    static func readingStandardInput<T>(_ body: () throws(CLIError) -> T) throws(CLIError) -> T {
        standardInputLock.lock()
        defer { standardInputLock.unlock() }
        return try body()
    }

    /// The most bytes each spool of a streamed file's report section holds in memory before it
    /// goes to a temporary file: a quarter of ``reportSpillBytes`` (a JSON section has three
    /// spools, and ``jobs`` files may be in flight).
    static var sectionSpillBytes: Int { reportSpillBytes / 4 }

    /// Cleans `entries` into `destination`, ``jobs`` at a time, delivering results in order.
    func run(_ entries: [BatchEntry], destination: Destination) -> Outcome {
        var outcome = Outcome(report: reporter.map {
            ReportAssembler(reporter: $0, spillThreshold: Self.reportSpillBytes, temporaryDirectory: FileSystem.temporaryDirectory)
        })
        if case .directory(let directory) = destination {
            do throws(CLIError) { try FileSystem.createDirectory(directory) } catch {
                outcome.errors.append(ReportError(path: nil, message: error.message))
                // The summary counts it: "0 errors" would read as success.
                outcome.totals.errors += 1
                reportError(outcome.errors[0])
                return outcome
            }
        }
        var remaining = entries.makeIterator()
        // Once standard output fails (a full disk, a closed pipe with SIGPIPE ignored), nothing
        // more can be delivered: no further input is started, and the results in flight are
        // dropped, as `cat` stops at its first failed write.
        let outputFailed = StopFlag()
        OrderedWorkPool<BatchEntry, EntryResult>.run(
            jobs: max(1, min(jobs, entries.count)),
            produce: { outputFailed.isSet ? nil : remaining.next() },
            work: { clean($0, to: destination) },
            deliver: { result in
                var result = result
                if outputFailed.isSet {
                    if let file = result.outputFile {
                        unlink(file)
                        PendingFiles.remove(file)
                    }
                    return
                }
                if let output = result.output, result.error == nil {
                    do throws(CLIError) { try environment.writeStandardOutput(output) } catch {
                        result.error = error
                        outputFailed.set()
                    }
                }
                if let file = result.outputFile {
                    if result.error == nil {
                        do throws(CLIError) {
                            let reader = try BlockReader(path: file)
                            defer { reader.close() }
                            while let block = try reader.next() {
                                do throws(CLIError) { try environment.writeStandardOutput(block) } catch {
                                    outputFailed.set()
                                    throw error
                                }
                            }
                        } catch { result.error = error }
                    }
                    unlink(file)
                    PendingFiles.remove(file)
                }
                progress?.advance(bytes: result.progressBytes)
                if let error = result.error {
                    let failure = ReportError(path: result.path, message: error.message)
                    outcome.errors.append(failure)
                    outcome.totals.errors += 1
                    progress?.clear()
                    reportError(failure)
                    return
                }
                outcome.totals += result.totals
                outcome.changedAny = outcome.changedAny || result.changed
                if let failure = result.sectionFailure, outcome.reportFailure == nil {
                    outcome.reportFailure = failure
                }
                if let section = result.section, outcome.reportFailure == nil {
                    do throws(ReportSpoolError) {
                        try outcome.report?.append(section, changed: result.reportChanged, totals: result.reportTotals)
                    } catch {
                        outcome.reportFailure = error
                    }
                }
            })
        progress?.clear()
        return outcome
    }

    /// Reads, cleans and (for files) writes one entry; runs on a worker thread.
    func clean(_ entry: BatchEntry, to destination: Destination) -> EntryResult {
        let input: BatchInput
        switch entry {
        case .failure(let path, let message):
            return EntryResult(path: path, error: CLIError(message))
        case .input(let value):
            input = value
        }
        if streamsLargeFiles, let cleaner = correct.chunk, input.path != "-", let size = input.size,
           size >= FileCleaner.streamingThreshold {
            return stream(input, cleaner: cleaner, to: destination)
        }
        // Standard input as long as a large file is streamed too: read in place when it is a
        // regular file (`< big.txt`), else from a temporary copy. Either way it is read to its
        // end before anything is written, as a file is validated first.
        var standardInput: [UInt8]?
        if streamsLargeFiles, let cleaner = correct.chunk, input.path == "-", let descriptor = environment.standardInputDescriptor {
            let kept: StandardInputCopy.Kept
            do throws(CLIError) {
                kept = try Self.readingStandardInput { () throws(CLIError) -> StandardInputCopy.Kept in
                    if let file = StandardInputCopy.regularFile(descriptor, atLeast: FileCleaner.streamingThreshold) { return file }
                    return try StandardInputCopy.read(descriptor, keepingInMemoryBelow: FileCleaner.streamingThreshold)
                }
            } catch {
                return EntryResult(path: input.path, error: error)
            }
            switch kept {
            case .inMemory(let bytes):
                standardInput = bytes
            case .file(let source), .inPlace(let source):
                defer {
                    if case .file = kept {
                        unlink(source)
                        PendingFiles.remove(source)
                    }
                }
                var result = stream(input, readingFrom: source, cleaner: cleaner, to: destination)
                result.progressBytes = result.totals.bytes
                return result
            }
        }
        var result = EntryResult(path: input.path, progressBytes: input.size ?? 0)
        do throws(CLIError) {
            let text: InputText
            if let standardInput {
                text = try InputReader.decode(standardInput, path: input.path, lossy: reader.lossy)
            } else if input.path == "-" {
                text = try Self.readingStandardInput { () throws(CLIError) in try reader.read(input.path) }
            } else {
                text = try reader.read(input.path)
            }
            let (output, report) = FileCleaner.clean(text, with: correct)
            let bytes = report.rawOriginal?.count ?? report.result.originalUTF8.count
            if input.size == nil { result.progressBytes = bytes }
            // Bytes, not Strings, which Swift compares by canonical equivalence: a change that is
            // only NFC composition is a change.
            let changed = report.rawOriginal.map { $0 != output } ?? (report.result.originalUTF8 != output)
            try deliver(output, of: input, changed: changed, to: destination, result: &result)
            result.changed = changed
            result.totals = BatchTotals(files: 1, changedFiles: changed ? 1 : 0,
                                        corrections: report.result.corrections.count,
                                        suggestions: report.result.suggestions.count,
                                        findings: report.result.findings.count, bytes: bytes)
            if let reporter {
                result.section = ReportSection(bytes: reporter.sectionBytes(for: report))
                result.reportTotals = report.totals
                result.reportChanged = report.changed
            }
        } catch {
            result.error = error
        }
        return result
    }

    /// Writes one cleaned input to its destination; standard output is left to the deliverer,
    /// which writes in input order.
    /// Cleans a large file as a stream, in bounded memory (see `FileCleaner.stream`): straight
    /// into its atomic temporary file for `-o` and `--in-place`, into a temporary file that the
    /// delivery copies to standard output otherwise.
    ///
    /// `source`, when given, is the file read in place of `input.path` (standard input kept in a
    /// temporary file); messages and the report still name `input.path`.
    func stream(_ input: BatchInput, readingFrom source: String? = nil, cleaner: @escaping StreamingCorrector.UTF8ChunkCleaner,
                to destination: Destination) -> EntryResult {
        var result = EntryResult(path: input.path, progressBytes: input.size ?? 0)
        var outcome: FileCleaner.StreamOutcome?
        let lossy = reader.lossy
        let name = InputReader.displayPath(input.path)
        let temporaryDirectory = FileSystem.temporaryDirectory
        /// Cleans into `descriptor`, which writes `target` (a write error names it), or the copy
        /// for standard output in `$TMPDIR` when `target` is `nil`.
        func run(into descriptor: Int32?, target: String? = nil) throws(CLIError) {
            // The report's section is made as the chunks come, in bounded memory.
            let section = reporter?.sectionBuilder(path: input.path, spillThreshold: Self.sectionSpillBytes,
                                                   temporaryDirectory: temporaryDirectory)
            outcome = try FileCleaner.stream(path: input.path, source: source, lossy: lossy, keepsCorrections: false,
                                             section: section, cleaner: cleaner) { (bytes) throws(CLIError) in
                guard let descriptor else { return }
                if let target { return try OutputWriter.writeAll(descriptor, bytes, naming: target) }
                do throws(CLIError) { try POSIXFile.writeAll(descriptor, bytes) } catch {
                    throw CLIError("\(name): cannot write the cleaned text to a temporary file in \(temporaryDirectory): \(error.message)",
                                   systemError: error.systemError)
                }
            }
        }
        do throws(CLIError) {
            switch destination {
            case .standardOutput:
                // Listed until the delivery has copied and removed it.
                guard let (descriptor, temporary) = PendingFiles.createTemporary(template: "\(temporaryDirectory)/wirefix-stream-XXXXXX") else {
                    let reason = POSIXFile.errorText()
                    throw CLIError("\(name): cannot create a temporary file in \(temporaryDirectory): \(reason)")
                }
                defer { close(descriptor) }
                do throws(CLIError) { try run(into: descriptor) } catch {
                    unlink(temporary)
                    PendingFiles.remove(temporary)
                    throw error
                }
                result.outputFile = temporary
            case .directory(let directory):
                let path = FileSystem.join(directory, input.outputName)
                if input.outputName.contains("/") { try FileSystem.createDirectory(OutputWriter.split(path).directory) }
                try OutputWriter.writeAtomically(toPath: path) { (descriptor) throws(CLIError) in
                    try run(into: descriptor, target: path)
                    return true
                }
            case .inPlace:
                try OutputWriter.checkReplaceable(input.path)
                try OutputWriter.writeAtomically(toPath: input.path) { (descriptor) throws(CLIError) in
                    try run(into: descriptor, target: input.path)
                    return outcome?.changed ?? false
                }
            case .discard:
                try run(into: nil)
            }
            guard let outcome else { return result }
            result.changed = outcome.changed
            result.totals = outcome.counts
            if reporter != nil {
                result.section = outcome.section
                result.sectionFailure = outcome.sectionFailure
                result.reportTotals = ReportTotals(corrections: outcome.counts.corrections, suggestions: outcome.counts.suggestions,
                                                   findings: outcome.counts.findings,
                                                   replacedInvalidBytes: outcome.report.replacedInvalidBytes)
                result.reportChanged = outcome.report.changed
            }
        } catch {
            result.error = error
        }
        return result
    }

    func deliver(_ output: [UInt8], of input: BatchInput, changed: Bool, to destination: Destination,
                 result: inout EntryResult) throws(CLIError) {
        switch destination {
        case .standardOutput:
            result.output = output
        case .directory(let directory):
            let path = FileSystem.join(directory, input.outputName)
            if input.outputName.contains("/") {
                try FileSystem.createDirectory(OutputWriter.split(path).directory)
            }
            try OutputWriter.writeAtomically(output, toPath: path)
        case .inPlace:
            guard changed else { return }
            try OutputWriter.checkReplaceable(input.path)
            try OutputWriter.writeAtomically(output, toPath: input.path)
        case .discard:
            break
        }
    }
}

/// A flag one thread sets and others read: set once, never cleared.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Whether ``set()`` was called.
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    /// Sets the flag.
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
