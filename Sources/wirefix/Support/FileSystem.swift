import Foundation

/// Path and directory helpers for the command's output options.
enum FileSystem {
    /// The last path component: `c.txt` for `a/b/c.txt`; trailing slashes are ignored.
    static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/"), trimmed != "/" else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Creates a directory and its parents; succeeds when it already exists.
    ///
    /// - Throws: ``CLIError`` `<path>: cannot create directory: <reason>`, also when `path` is a
    ///   file.
    static func createDirectory(_ path: String) throws(CLIError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw CLIError("\(path): cannot create directory: a file of that name exists")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError("\(path): cannot create directory: \(error.localizedDescription)")
        }
    }
}
