#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, byte-exact wrappers over the POSIX calls the tool reads and writes files with.
///
/// Foundation's convenience readers decode text (and may drop a byte-order mark); these keep
/// every byte and turn `errno` into a message.
enum POSIXFile {
    /// The message for the current `errno`, e.g. `No such file or directory`.
    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Reads a file descriptor to its end.
    ///
    /// - Throws: the `errno` message when a read fails.
    static func readAll(_ descriptor: Int32) throws(CLIError) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                result += buffer[..<count]
            } else if count == 0 {
                return result
            } else if errno != EINTR {
                throw CLIError(errorText())
            }
        }
    }

    /// Reads the whole file at `path`.
    ///
    /// - Throws: the `errno` message (`No such file or directory`, `Permission denied`,
    ///   `Is a directory`) when the file cannot be opened or read.
    static func readFile(atPath path: String) throws(CLIError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { throw CLIError(errorText()) }
        defer { close(descriptor) }
        return try readAll(descriptor)
    }

    /// Writes all of `bytes` to a file descriptor, retrying short writes and interruptions.
    ///
    /// - Throws: the `errno` message, e.g. `No space left on device`.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws(CLIError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written >= 0 {
                offset += written
            } else if errno != EINTR {
                let code = errno
                throw CLIError(errorText(code), systemError: code)
            }
        }
    }

    /// The permission bits (`st_mode & 0o7777`), owner and group of the file at `path`, or `nil`
    /// when it cannot be examined.
    static func attributes(atPath path: String) -> (mode: mode_t, owner: uid_t, group: gid_t)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, info.st_uid, info.st_gid)
    }

    /// The mode a new file gets: `0o666` less the process's umask.
    static func defaultFileMode() -> mode_t { defaultMode }

    /// Read once per process: `umask(2)` can only be read by setting it, so two threads reading it
    /// at once could leave it at 0 for the rest of the run, and every later file world-writable
    /// (found by a review under `strace` with `--jobs 2`). A `static let` is initialized once,
    /// under the runtime's lock.
    private static let defaultMode: mode_t = {
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }()
}
