/// A runtime failure of the command-line tool: a message that names the file and, where it
/// applies, the byte offset or line. Commands print it to standard error and exit with 2.
struct CLIError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, e.g. `notes.txt: invalid UTF-8 at byte offset 17 (use --lossy to replace invalid bytes)`.
    var message: String

    /// Creates an error.
    init(_ message: String) { self.message = message }

    /// The message.
    var description: String { message }
}
