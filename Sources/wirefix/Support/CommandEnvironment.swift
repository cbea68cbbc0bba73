import Wirefix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cleans one text: a ``Corrector``'s `correct(_:)`, or a test pipeline; and, for a file too large
/// to hold, one chunk after the chunks before it (see `StreamingCorrector`). `Sendable` because
/// `clean --jobs N` calls it from several threads at once (both are immutable and `Sendable`).
struct CorrectText: Sendable {
    /// Cleans a whole text.
    let whole: @Sendable (String) -> CorrectionResult
    /// Cleans one chunk of a longer input; `nil` when the corrector cannot stream.
    let chunk: StreamingCorrector.UTF8ChunkCleaner?
    /// What building the corrector found worth a warning on standard error, without the
    /// `wirefix: warning: ` prefix (a lexicon cache that cannot be written; see
    /// `LexiconCache.LoadReport.warning`).
    let warnings: [String]

    init(_ whole: @escaping @Sendable (String) -> CorrectionResult, chunk: StreamingCorrector.UTF8ChunkCleaner? = nil,
         warnings: [String] = []) {
        self.whole = whole
        self.chunk = chunk
        self.warnings = warnings
    }

    /// Cleans a whole text.
    func callAsFunction(_ text: String) -> CorrectionResult { whole(text) }
}

/// What a command reads from and writes to outside its arguments: the standard streams and the
/// corrector. ``process`` is the real one; tests inject buffers and a pipeline of test rules.
struct CommandEnvironment {
    /// Reads standard input to its end.
    var readStandardInput: () throws(CLIError) -> [UInt8]
    /// Writes bytes to standard output.
    var writeStandardOutput: ([UInt8]) throws(CLIError) -> Void
    /// Writes text to standard error.
    ///
    /// - Throws: ``CLIError`` `standard error: cannot write: <reason>` (e.g. `2>/dev/full`).
    var writeStandardError: ([UInt8]) throws(CLIError) -> Void
    /// Builds the corrector for the given options (throws `LexiconError` or `ConfigurationError`).
    var makeCorrector: (Corrector.Options) throws -> CorrectText
    /// The file descriptor of standard input, for readers that stream it (`clean --jsonl`); `nil`
    /// in tests, which then stream ``readStandardInput``'s bytes.
    var standardInputDescriptor: Int32? = nil
    /// Whether a file descriptor is a terminal (`isatty(3)`); decides whether `clean` draws a
    /// progress bar. Tests answer `false`, or `true` to see the bar.
    var isTerminal: (Int32) -> Bool = { _ in false }

    /// The process's standard streams and a ``Corrector`` over the bundled lexicons.
    static var process: CommandEnvironment {
        CommandEnvironment(
            readStandardInput: { () throws(CLIError) in try POSIXFile.readAll(STDIN_FILENO) },
            writeStandardOutput: { (bytes) throws(CLIError) in
                do throws(CLIError) { try POSIXFile.writeAll(STDOUT_FILENO, bytes) } catch {
                    // `wirefix clean big.txt | head`: end as the pipe's SIGPIPE would, without
                    // the temporary files.
                    if error.systemError == EPIPE { SignalCleanup.endForBrokenPipe() }
                    throw CLIError("standard output: cannot write: \(error.message)", systemError: error.systemError)
                }
            },
            writeStandardError: { (bytes) throws(CLIError) in
                do throws(CLIError) { try POSIXFile.writeAll(STDERR_FILENO, bytes) } catch {
                    if error.systemError == EPIPE { SignalCleanup.endForBrokenPipe() }
                    throw CLIError("standard error: cannot write: \(error.message)", systemError: error.systemError)
                }
            },
            makeCorrector: { options in
                let corrector = try Corrector(options: options)
                return CorrectText({ corrector.correct($0) }, chunk: { corrector.pipeline.run(utf8: $0, after: $1) },
                                   warnings: corrector.lexiconLoad?.warning.map { [$0] } ?? [])
            },
            standardInputDescriptor: STDIN_FILENO,
            isTerminal: { isatty($0) == 1 })
    }

    /// Writes `wirefix: <message>` and a line feed to standard error; when standard error cannot
    /// be written, there is nowhere to say so, and the message is lost (the exit status still
    /// tells).
    func reportError(_ message: String) {
        try? writeStandardError(Array("wirefix: \(message)\n".utf8))
    }
}
