import Foundation
import Wirefix
#if canImport(Glibc)
import Glibc
#endif

/// Standard input read to its end in bounded memory: kept in memory when it is short, copied into
/// a temporary file when it is not, so that a long input can be validated whole and then cleaned
/// as a stream, as a large file is (`sort` keeps a long input in temporary files the same way).
enum StandardInputCopy {
    /// Where the input was kept.
    enum Kept: Equatable {
        /// The whole input, shorter than the limit.
        case inMemory([UInt8])
        /// The path of a temporary file holding the whole input, listed in ``PendingFiles``: the
        /// caller removes it (`unlink`, then `PendingFiles.remove`) when done.
        case file(String)
        /// A path that opens the regular file standard input reads (`< big.txt`), to be read
        /// from its start; nothing to remove.
        case inPlace(String)
    }

    /// When `descriptor` reads a regular file of at least `limit` bytes from its start (`wirefix
    /// clean < big.txt`): a path that opens it anew (`/dev/fd/N`), so that it is read in place
    /// instead of copied. The descriptor is moved to the file's end, so that standard input named
    /// again (`- -`) is found empty, as a pipe would be. `nil` otherwise (a pipe, a terminal, a
    /// short file, a file partly read already, a file opened for writing only).
    static func regularFile(_ descriptor: Int32, atLeast limit: Int) -> Kept? {
        var info = stat()
        // Opened for reading (`0>>file` opens it for writing only: reading it fails as a short one does).
        let access = fcntl(descriptor, F_GETFL) & O_ACCMODE
        guard access == O_RDONLY || access == O_RDWR,
              fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= limit,
              lseek(descriptor, 0, SEEK_CUR) == 0 else { return nil }
        let path = "/dev/fd/\(descriptor)"
        // Opening it must work (a file opened by another user and passed down may not reopen).
        let probe = open(path, O_RDONLY | O_CLOEXEC)
        guard probe >= 0 else { return nil }
        close(probe)
        lseek(descriptor, 0, SEEK_END)
        return .inPlace(path)
    }

    /// Reads `descriptor` to its end, in blocks of `FileCleaner.blockBytes`.
    ///
    /// - Parameters:
    ///   - limit: an input of fewer bytes is returned in memory; at `limit` bytes, what was read
    ///     and the rest are written to a temporary file in `FileSystem.temporaryDirectory`.
    /// - Throws: ``CLIError`` `<stdin>: cannot read: <reason>`, or `<stdin>: cannot keep standard
    ///   input in a temporary file in <directory>: <reason>` (the directory cannot be written, a
    ///   full disk); no temporary file is left then.
    /// - Complexity: O(*n*) time; at most `limit` plus one block of memory.
    static func read(_ descriptor: Int32, keepingInMemoryBelow limit: Int) throws(CLIError) -> Kept {
        let input = BlockReader(descriptor: descriptor, name: "-")
        var kept: [UInt8] = []
        while kept.count < limit {
            guard let block = try input.next() else { return .inMemory(kept) }
            kept += block
        }
        guard let (copy, path) = PendingFiles.createTemporary(template: "\(FileSystem.temporaryDirectory)/wirefix-stdin-XXXXXX") else {
            let reason = POSIXFile.errorText()
            throw CLIError("<stdin>: cannot keep standard input in a temporary file in \(FileSystem.temporaryDirectory): \(reason)")
        }
        defer { close(copy) }
        do throws(CLIError) {
            try write(kept, to: copy)
            kept = []
            while let block = try input.next() { try write(block, to: copy) }
        } catch {
            unlink(path)
            PendingFiles.remove(path)
            throw error
        }
        return .file(path)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) throws(CLIError) {
        do throws(CLIError) { try POSIXFile.writeAll(descriptor, bytes) } catch {
            throw CLIError("<stdin>: cannot keep standard input in a temporary file in \(FileSystem.temporaryDirectory): \(error.message)")
        }
    }
}
