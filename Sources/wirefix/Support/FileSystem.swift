import Foundation
import Wirefix

/// Path and directory helpers for the command's output options.
enum FileSystem {
    /// The size in bytes of the regular file at `path` (a symbolic link is followed), or `nil`
    /// when it names no regular file (a pipe, a device, a directory, nothing).
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    }

    /// The last path component: `c.txt` for `a/b/c.txt`; trailing slashes are ignored.
    static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/"), trimmed != "/" else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Whether `path` names a directory (following symbolic links).
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Where temporary files go: `$TMPDIR`, else `/tmp`.
    static var temporaryDirectory: String {
        let value = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        return value.isEmpty ? "/tmp" : (value.hasSuffix("/") && value.count > 1 ? String(value.dropLast()) : value)
    }

    /// `directory/name`, without doubling a trailing slash of `directory`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Creates a directory and its parents; succeeds when it already exists, also when another
    /// thread creates it at the same moment (`clean --jobs` mirroring a tree under `-o`).
    ///
    /// - Throws: ``CLIError`` `<path>: cannot create directory: <reason>`, also when `path` is a
    ///   file.
    static func createDirectory(_ path: String) throws(CLIError) {
        func isDirectory() throws(CLIError) -> Bool {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
            if isDirectory.boolValue { return true }
            throw CLIError("\(path): cannot create directory: a file of that name exists")
        }
        if try isDirectory() { return }
        // As `mkdir -p` does, with the system's reason ("Permission denied", "Not a directory"),
        // not Foundation's "The operation could not be completed" (review 16).
        do throws(CacheWriteError) { try LexiconCache.createDirectories(path) } catch {
            if try isDirectory() { return }
            throw CLIError("\(path): cannot create directory: \(error.errorDescription ?? "error \(error.code)")")
        }
    }
}
