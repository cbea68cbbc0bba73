import Dispatch
import Foundation
import Wirefix

/// Removes the library's half-written temporary files (``PendingFiles``) when SIGINT, SIGTERM or
/// SIGHUP stops the command, then exits with status 128 + the signal number, as a shell reports
/// a process that a signal ended.
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
    static func install() {
        guard sources.isEmpty else { return }
        signal(SIGXFSZ, SIG_IGN)
        for number in signals {
            // A signal the caller set to be ignored stays ignored (`nohup`, a script's background
            // job, `trap '' TERM`): catching it would stop a command that was meant to go on.
            var current = sigaction()
            if sigaction(number, nil, &current) == 0,
               unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
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
}
