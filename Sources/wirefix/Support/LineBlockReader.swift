#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a stream in blocks of whole lines, for `clean --jsonl`: memory holds one block (about
/// ``chunkSize`` bytes, or one line when a line is longer), never the whole stream.
///
/// Each ``nextBlock()`` makes at least one `read(2)` and returns the complete lines read so far,
/// each with its line feed; the last block of a stream that does not end in a line feed is its
/// last, unterminated line. A read returns what a pipe holds, so a program that writes one line and
/// waits for the answer gets it: the reader does not wait to fill a chunk.
final class LineBlockReader {
    /// Where the bytes come from.
    enum Source {
        /// A file descriptor (standard input, or a file the caller opened and closes).
        case descriptor(Int32)
        /// Bytes in memory, handed out ``chunkSize`` at a time as if read (tests, and standard input
        /// in tests).
        case bytes([UInt8])
    }

    private let source: Source
    private let chunkSize: Int
    /// Bytes read and not yet returned (an incomplete last line).
    private var pending: [UInt8] = []
    /// How far `pending` has been searched for a line feed.
    private var searched = 0
    private var offset = 0
    private var atEnd = false

    /// The default chunk: 256 KiB.
    static let defaultChunkSize = 1 << 18

    init(_ source: Source, chunkSize: Int = LineBlockReader.defaultChunkSize) {
        self.source = source
        self.chunkSize = max(1, chunkSize)
    }

    /// The next block of complete lines, or `nil` at the end of the stream.
    ///
    /// - Throws: ``CLIError`` with the `errno` message when a read fails.
    func nextBlock() throws(CLIError) -> [UInt8]? {
        while true {
            if let lastFeed = pending[searched...].lastIndex(of: 0x0A) {
                let block = Array(pending[...lastFeed])
                pending.removeSubrange(...lastFeed)
                searched = 0
                return block
            }
            searched = pending.count
            if atEnd {
                guard !pending.isEmpty else { return nil }
                defer { pending = []; searched = 0 }
                return pending
            }
            try readChunk()
        }
    }

    /// Appends one read's bytes to `pending`; sets `atEnd` at the end of the stream.
    private func readChunk() throws(CLIError) {
        switch source {
        case .bytes(let bytes):
            let end = min(bytes.count, offset + chunkSize)
            pending += bytes[offset..<end]
            offset = end
            if offset == bytes.count { atEnd = true }
        case .descriptor(let descriptor):
            let start = pending.count
            pending += repeatElement(0, count: chunkSize)
            while true {
                let count = pending.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + start, chunkSize) }
                if count >= 0 {
                    pending.removeLast(chunkSize - count)
                    if count == 0 { atEnd = true }
                    return
                }
                if errno != EINTR {
                    let message = POSIXFile.errorText()
                    pending.removeLast(chunkSize)
                    throw CLIError(message)
                }
            }
        }
    }
}
