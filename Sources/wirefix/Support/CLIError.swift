/// A runtime failure of the command-line tool: a message that names the file and, where it
/// applies, the byte offset or line. Commands print it to standard error and exit with 2.
struct CLIError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, e.g. `notes.txt: invalid UTF-8 at byte offset 17 (use --lossy to replace invalid bytes)`.
    var message: String
    /// The `errno` of the system call that failed, when one did (`EPIPE` for a write to a pipe
    /// nobody reads any more).
    var systemError: Int32?

    /// Creates an error.
    init(_ message: String, systemError: Int32? = nil) {
        self.message = message
        self.systemError = systemError
    }

    /// The message.
    var description: String { message }
}
