#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes appended in pieces and read back in the same order: in memory up to a spill threshold,
/// then in a temporary file that has no name (`O_TMPFILE`, or where the file system cannot make
/// one, unlinked as soon as it is created), so nothing is left behind whatever happens to the
/// process; it is closed when the spool is freed.
///
/// Holds a report's file sections while a run goes on (see ``ReportAssembler``), and the parts of
/// a section made as a file is cleaned as a stream (see ``ReportSectionBuilder``).
///
/// Not safe for use from two threads at once; it may be handed from one thread to another (the
/// one that cleaned a file to the one that assembles the report), hence `@unchecked Sendable`.
public final class ReportSpool: @unchecked Sendable {
    /// The default most bytes held in memory: 16 MiB.
    public static let defaultSpillThreshold = 16 << 20
    /// `$TMPDIR`, or `/tmp` when it is not set.
    public static var defaultTemporaryDirectory: String {
        if let directory = getenv("TMPDIR").map({ String(cString: $0) }), !directory.isEmpty { return directory }
        return "/tmp"
    }

    private let spillThreshold: Int
    private let temporaryDirectory: String
    private var pieces: [[UInt8]] = []
    private var memoryBytes = 0
    private var descriptor: Int32 = -1
    private var fileBytes = 0
    /// Bytes appended after the spill, not yet written to the file.
    private var pending: [UInt8] = []

    /// An empty spool that keeps up to `spillThreshold` bytes in memory, then moves everything to
    /// a temporary file in `temporaryDirectory`.
    public init(spillThreshold: Int = defaultSpillThreshold, temporaryDirectory: String = defaultTemporaryDirectory) {
        self.spillThreshold = spillThreshold
        self.temporaryDirectory = temporaryDirectory
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether the bytes are in a temporary file rather than in memory.
    public var isSpilled: Bool { descriptor >= 0 }

    /// How many bytes have been appended.
    public var count: Int { memoryBytes + fileBytes + pending.count }

    /// Appends `bytes`.
    ///
    /// - Throws: ``ReportSpoolError`` when the temporary file cannot be created or written (a full
    ///   disk); the spool is then unusable.
    public func append(_ bytes: [UInt8]) throws(ReportSpoolError) {
        if bytes.isEmpty { return }
        if descriptor < 0 {
            if memoryBytes + bytes.count <= spillThreshold {
                // Small pieces (a diff's lines) are gathered, not kept one array each.
                if let last = pieces.indices.last, pieces[last].count + bytes.count <= Self.pieceBytes {
                    pieces[last] += bytes
                } else {
                    pieces.append(bytes)
                }
                memoryBytes += bytes.count
                return
            }
            try spill()
        }
        // Written a buffer at a time, not a system call per piece; a large piece as it is.
        if bytes.count >= Self.pieceBytes {
            try flush()
            try writeToFile(bytes)
            return
        }
        pending += bytes
        if pending.count >= Self.pieceBytes { try flush() }
    }

    /// Appends the bytes of `source`, read back piece by piece.
    ///
    /// - Throws: ``ReportSpoolError`` when this spool's temporary file cannot be written or
    ///   `source`'s read.
    public func append(contentsOf source: ReportSpool) throws(ReportSpoolError) {
        do {
            try source.forEachPiece { try append($0) }
        } catch let error as ReportSpoolError {
            throw error
        } catch {
            preconditionFailure("only a report spool's own error can stop copying it: \(error)")
        }
    }

    /// The size of a gathered piece in memory and of a write to the temporary file: 64 KiB.
    static let pieceBytes = 1 << 16

    /// Writes the bytes waiting in ``pending`` to the temporary file.
    private func flush() throws(ReportSpoolError) {
        if pending.isEmpty { return }
        let bytes = pending
        pending = []
        try writeToFile(bytes)
    }

    /// Calls `body` with the bytes appended, in order, in one or more pieces (of at most 1 MiB
    /// once spilled).
    ///
    /// - Throws: what `body` throws, which stops the reading; ``ReportSpoolError`` when the
    ///   temporary file cannot be read, or the last bytes appended (which are written a buffer
    ///   at a time) cannot be written to it.
    public func forEachPiece(_ body: ([UInt8]) throws -> Void) throws {
        for piece in pieces { try body(piece) }
        guard descriptor >= 0 else { return }
        try flush()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while offset < fileBytes {
            let wanted = min(buffer.count, fileBytes - offset)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else {
                throw ReportSpoolError(message: "cannot read the report's temporary file: \(read < 0 ? String(cString: strerror(errno)) : "it is shorter than written")")
            }
            try body(Array(buffer[0..<read]))
            offset += read
        }
    }

    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import: a file
    /// with no name in the directory, gone when closed.
    private static let openTemporaryFile: Int32 = 0o20_000_000 | O_DIRECTORY

    /// Creates the temporary file and moves the bytes held in memory into it. The file has no
    /// name (`O_TMPFILE`), so nothing is left whatever happens to the process; where the file
    /// system cannot make one, it is made with `mkstemp` and unlinked at once.
    private func spill() throws(ReportSpoolError) {
        var made = open(temporaryDirectory, Self.openTemporaryFile | O_RDWR | O_CLOEXEC, 0o600)
        if made < 0 && [EISDIR, EOPNOTSUPP, EINVAL].contains(errno) {
            var template = Array("\(temporaryDirectory)/wirefix-report-XXXXXX".utf8CString)
            made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if made >= 0 { template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) } }
        }
        guard made >= 0 else {
            throw ReportSpoolError(message: "cannot create a temporary file for the report in \(temporaryDirectory): \(String(cString: strerror(errno)))")
        }
        descriptor = made
        let held = pieces
        pieces = []
        memoryBytes = 0
        for piece in held { try writeToFile(piece) }
    }

    private func writeToFile(_ bytes: [UInt8]) throws(ReportSpoolError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                throw ReportSpoolError(message: "cannot write the report's temporary file in \(temporaryDirectory): \(String(cString: strerror(errno)))")
            }
            written += result
            fileBytes += result
        }
    }
}

/// A report's temporary file could not be created, written or read back.
public struct ReportSpoolError: Error, Sendable, Hashable {
    /// What failed and why, e.g. `cannot write the report's temporary file: No space left on device`.
    public var message: String

    /// An error with `message`.
    public init(message: String) {
        self.message = message
    }
}
