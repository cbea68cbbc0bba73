#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Wirefix

/// Writes files so that a crash or a full disk leaves either the old file or the new one.
///
/// ``writeAtomically(_:toPath:mode:)`` writes a temporary file in the target's directory, flushes
/// it to disk (`fsync`), gives it the target's permission bits (and, when allowed, its owner and
/// group), renames it over the target (`rename(2)` is atomic within one file system) and flushes
/// the directory. On any failure the temporary file is removed and the target is untouched.
///
/// Because the file is replaced, not overwritten, it gets a new inode: a hard link to the old
/// file keeps the old contents. A symbolic link is followed and its target replaced, the link
/// itself stays. A target that is no regular file (a device such as `/dev/null`, a pipe such as
/// `/dev/stdout`, a named pipe, a socket) is written in place: there is no file to replace, and
/// renaming over it would put a regular file where the device was.
enum OutputWriter {
    /// Replaces (or creates) the file at `path` with `bytes`, atomically.
    ///
    /// - Parameters:
    ///   - bytes: the new contents.
    ///   - path: the file to write; a symbolic link is followed and its target replaced.
    ///   - mode: permission bits for a new file; an existing file keeps its own.
    /// - Throws: ``CLIError`` `<path>: cannot write: <reason>` (e.g. `No space left on device`,
    ///   `Permission denied`).
    static func writeAtomically(_ bytes: [UInt8], toPath path: String, mode: mode_t? = nil) throws(CLIError) {
        try writeAtomically(toPath: path, mode: mode) { (descriptor) throws(CLIError) in
            try writeAll(descriptor, bytes, naming: path)
            return true
        }
    }

    /// Writes `bytes` to `descriptor`, which writes the file at `path`.
    ///
    /// - Throws: ``CLIError`` `<path>: cannot write: <reason>`.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], naming path: String) throws(CLIError) {
        do throws(CLIError) { try POSIXFile.writeAll(descriptor, bytes) } catch {
            throw CLIError("\(path): cannot write: \(error.message)", systemError: error.systemError)
        }
    }

    /// Writes a file atomically from a producer that writes to a descriptor, piece by piece (a
    /// file cleaned as a stream): the same temporary file, permissions, `fsync` and rename as
    /// ``writeAtomically(_:toPath:mode:)``. When `write` returns `false` (nothing changed), the
    /// temporary file is removed and the target left untouched.
    ///
    /// - Throws: ``CLIError`` naming the path when the temporary file cannot be made, flushed or
    ///   renamed; what `write` throws, as it is (it names what failed: the input it read, or the
    ///   target, see ``writeAll(_:_:naming:)``). The target is then untouched.
    static func writeAtomically(toPath path: String, mode: mode_t? = nil,
                                write: (Int32) throws(CLIError) -> Bool) throws(CLIError) {
        // "/dev/stdout", "/dev/fd/3", a link to "/proc/self/fd/1": an open stream of this
        // process, written where it stands. Replacing it by a rename would replace the file
        // the stream was redirected to (review 17: "--report-file /dev/stdout > cleaned.txt"
        // lost the cleaned text), or the link itself.
        if let descriptor = openStreamDescriptor(for: path) {
            _ = try write(descriptor)
            return
        }
        var info = stat()
        let kind = stat(path, &info) == 0 ? info.st_mode & S_IFMT : S_IFREG
        if kind != S_IFREG && kind != S_IFDIR {
            // A device, a pipe or a socket: written in place, nothing to replace.
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CLIError("\(path): cannot write: \(POSIXFile.errorText())") }
            defer { close(descriptor) }
            _ = try write(descriptor)
            return
        }
        let target = resolvedPath(path)
        let existing = POSIXFile.attributes(atPath: target)
        let (directory, name) = split(target)
        func failure(_ reason: String) -> CLIError { CLIError("\(path): cannot write: \(reason)") }
        // Created and listed in one step: removed by ``SignalCleanup`` if a signal stops the
        // command before the rename.
        guard let (descriptor, temporary) = PendingFiles.createTemporary(template: "\(directory)/.\(name).wirefix-XXXXXX") else {
            throw failure(POSIXFile.errorText())
        }
        defer { PendingFiles.remove(temporary) }
        var isOpen = true
        do throws(CLIError) {
            let commit: Bool
            commit = try write(descriptor)
            if !commit {
                close(descriptor)
                unlink(temporary)
                return
            }
            if let existing {
                // Keep the owner where we may (root, or a file we own); the mode either way.
                _ = fchown(descriptor, existing.owner, existing.group)
                copyExtendedAttributes(from: target, to: descriptor)
            }
            if fchmod(descriptor, existing?.mode ?? mode ?? POSIXFile.defaultFileMode()) != 0 { throw failure(POSIXFile.errorText()) }
            if fsync(descriptor) != 0 { throw failure(POSIXFile.errorText()) }
            isOpen = false
            if close(descriptor) != 0 { throw failure(POSIXFile.errorText()) }
            if rename(temporary, target) != 0 { throw failure(POSIXFile.errorText()) }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
        syncDirectory(directory)
    }

    /// Refuses to rewrite a file in place that the user cannot or did not mean to have written.
    ///
    /// `--in-place` replaces the file by renaming a new one over it, which the directory's
    /// permissions allow even for a file without write permission; a newsroom expects a read-only
    /// file to stay as it is, so such a file is refused. A symbolic link is followed: the target's
    /// permissions decide.
    ///
    /// - Throws: ``CLIError`` `<path>: not rewritten in place: the file is read-only` when no
    ///   write permission bit is set (for anyone, root included), or
    ///   `<path>: not rewritten in place: <reason>` (e.g. `Permission denied`) when the user may
    ///   not write the file (`access(2)` with `W_OK`).
    static func checkReplaceable(_ path: String) throws(CLIError) {
        let target = resolvedPath(path)
        guard let attributes = POSIXFile.attributes(atPath: target) else { return }
        if attributes.mode & 0o222 == 0 {
            throw CLIError("\(path): not rewritten in place: the file is read-only")
        }
        if access(target, W_OK) != 0 {
            throw CLIError("\(path): not rewritten in place: \(POSIXFile.errorText())")
        }
    }

    /// The path with symbolic links resolved when it names an existing file; else unchanged.
    static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The descriptor of this process that `path` names: 0, 1 or 2 for `/dev/stdin`,
    /// `/dev/stdout` and `/dev/stderr`, *n* for `/dev/fd/n` and `/proc/self/fd/n`, through up to
    /// eight symbolic links; `nil` for any other path.
    static func openStreamDescriptor(for path: String) -> Int32? {
        var current = path
        for _ in 0..<8 {
            switch current {
            case "/dev/stdin": return 0
            case "/dev/stdout": return 1
            case "/dev/stderr": return 2
            default: break
            }
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where current.hasPrefix(prefix) {
                if let number = Int32(current.dropFirst(prefix.count)), fcntl(number, F_GETFD) != -1 { return number }
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return nil }
            let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : FileSystem.join(split(current).directory, target)
        }
        return nil
    }

    /// Copies the extended attributes of the file at `source` (user attributes such as a wire
    /// service's tags, and POSIX ACLs, which Linux keeps as `system.posix_acl_*` attributes) to
    /// the file open as `descriptor`. Best effort, as `cp --preserve=xattr` is: an attribute the
    /// file system or the user's rights refuse (`security.*`, `trusted.*`) is left out.
    static func copyExtendedAttributes(from source: String, to descriptor: Int32) {
        #if os(Linux)
        guard let calls = ExtendedAttributeCalls.shared else { return }
        let size = calls.list(source, nil, 0)
        guard size > 0 else { return }
        var names = [CChar](repeating: 0, count: size)
        let listed = calls.list(source, &names, size)
        guard listed > 0 else { return }
        var start = 0
        while start < listed {
            var end = start
            while end < listed && names[end] != 0 { end += 1 }
            let name = Array(names[start..<end]) + [0]
            start = end + 1
            let length = calls.get(source, name, nil, 0)
            guard length >= 0 else { continue }
            var value = [UInt8](repeating: 0, count: max(length, 1))
            let read = calls.get(source, name, &value, length)
            guard read >= 0 else { continue }
            _ = calls.set(descriptor, name, value, read, 0)
        }
        #endif
    }

    /// The directory (`.` when the path has none) and the last component of a path.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// Flushes a directory's entries to disk, so that a rename in it survives a crash. Best effort:
    /// some file systems refuse to open or sync a directory.
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

#if os(Linux)
/// glibc's `listxattr`, `getxattr` and `fsetxattr` (`<sys/xattr.h>`, which Swift's Glibc module
/// does not bring in), looked up once with `dlsym`.
struct ExtendedAttributeCalls: @unchecked Sendable {
    typealias List = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias Get = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    typealias Set = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeRawPointer, Int, Int32) -> Int32
    let list: List
    let get: Get
    let set: Set

    /// The calls, or `nil` where the C library lacks one.
    static let shared: ExtendedAttributeCalls? = {
        let library = dlopen(nil, RTLD_NOW)
        guard let list = dlsym(library, "listxattr"), let get = dlsym(library, "getxattr"),
              let set = dlsym(library, "fsetxattr") else { return nil }
        return ExtendedAttributeCalls(list: unsafeBitCast(list, to: List.self), get: unsafeBitCast(get, to: Get.self),
                                      set: unsafeBitCast(set, to: Set.self))
    }()
}
#endif
