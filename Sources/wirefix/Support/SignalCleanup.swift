import Dispatch
import Foundation
import Wirefix

/// Removes the library's half-written temporary files (``PendingFiles``) when SIGINT, SIGTERM or
/// SIGHUP stops the command, then exits with status 128 + the signal number, as a shell reports
/// a process that a signal ended; and when standard output's reader goes away (SIGPIPE, see
/// ``endForBrokenPipe()``).
///
/// The signals are ignored at the process level and delivered to dispatch sources instead, so
/// the clean-up runs on an ordinary thread (``PendingFiles/closeAndRemoveAll()`` is not
/// async-signal-safe) while the command goes on working until it exits. SIGKILL cannot be caught:
/// after `kill -9` the temporary files stay.
enum SignalCleanup {
    /// The installed sources, kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// The signals handled.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers, except for signals already ignored when the command starts; call
    /// once, before the first temporary file is created. Also
    /// ignores SIGXFSZ, so that a write beyond the file-size limit (`ulimit -f`) fails with
    /// `EFBIG` and is reported like a full disk instead of killing the command mid-batch.
    ///
    /// With `brokenPipe`, also takes SIGPIPE over: a write to a pipe nobody reads then fails with
    /// EPIPE instead of killing the command on the spot, and the command's writes to standard
    /// output and error call ``endForBrokenPipe()`` (`clean` and `check`, which write through
    /// `CommandEnvironment`; a command writing through `FileHandle` or `print` must not ask for
    /// it, as those trap on EPIPE).
    static func install(brokenPipe: Bool = false) {
        guard sources.isEmpty else { return }
        signal(SIGXFSZ, SIG_IGN)
        if brokenPipe && !isIgnored(SIGPIPE) {
            signal(SIGPIPE, SIG_IGN)
            handlesBrokenPipe = true
        }
        for number in signals {
            // A signal the caller set to be ignored stays ignored (`nohup`, a script's background
            // job, `trap '' TERM`): catching it would stop a command that was meant to go on.
            if isIgnored(number) { continue }
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                PendingFiles.closeAndRemoveAll()
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether ``install()`` took SIGPIPE over (it was not ignored when the command started).
    nonisolated(unsafe) private static var handlesBrokenPipe = false

    /// Standard output or standard error is a pipe whose reader has gone (`wirefix clean big.txt |
    /// head`): removes the temporary files (a large file's cleaned copy waiting for standard
    /// output, a long standard input's copy) and ends the process by SIGPIPE, as it ended before
    /// the clean-up was installed (the shell reports 141; nothing is printed). Returns, doing
    /// nothing, when SIGPIPE was ignored when the command started: the failed write is then
    /// reported like any other.
    static func endForBrokenPipe() {
        guard handlesBrokenPipe else { return }
        PendingFiles.closeAndRemoveAll()
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }

    /// Whether `number`'s disposition is to be ignored.
    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        return sigaction(number, nil, &current) == 0
            && unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
