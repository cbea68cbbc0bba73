#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One input of a batch: a file named on the command line, a file found in a directory, or
/// standard input.
struct BatchInput: Equatable, Sendable {
    /// The path to read (`-` for standard input), as given or as found: `dir/sub/a.txt`.
    var path: String
    /// Where its copy goes under `-o DIR`: the base name of a file named on the command line, the
    /// path below the directory for a file found in one (`sub/a.txt`).
    var outputName: String
    /// Its size in bytes when known (for the progress bar), `nil` for standard input.
    var size: Int?
}

/// An entry of a batch, in processing order: an input, or a directory that could not be read.
enum BatchEntry: Equatable, Sendable {
    case input(BatchInput)
    case failure(path: String, message: String)
}

/// A shell pattern as `fnmatch(3)` reads it: `*`, `?`, `[...]`, `\` to quote.
///
/// A pattern without a slash is matched against the base name (`*.txt`); a pattern with a slash is
/// matched against the path below the directory argument, with `FNM_PATHNAME` so that `*` does not
/// match a slash (`2024/*.txt` matches `2024/a.txt`, not `2024/05/a.txt`).
struct GlobPattern: Equatable, Sendable {
    var pattern: String

    /// Whether the pattern matches an entry with this base name and this path below the
    /// directory argument.
    func matches(name: String, relativePath: String) -> Bool {
        if pattern.contains("/") { return fnmatch(pattern, relativePath, FNM_PATHNAME) == 0 }
        return fnmatch(pattern, name, 0) == 0
    }
}

/// Expands the command line's arguments into the inputs of a batch.
///
/// - A file (or anything that is not a directory, including a name that does not exist) is taken as
///   it is, whatever the filters say: it was named. Reading it reports any problem.
/// - `-` is standard input.
/// - A directory is walked recursively, entries in byte order of their names at each level (the same
///   on every machine and locale). A file found in it is taken when it is a regular file, its name
///   matches one of ``include`` and none of ``exclude``; a directory found in it is entered unless
///   it matches ``exclude``.
/// - Hidden entries (names starting with `.`) found in a walk are skipped: `.git`, editors' swap
///   files, the temporary files of an atomic write. A hidden file or directory named on the command
///   line is taken.
/// - Symbolic links found in a walk are skipped, whether to files or directories (as `grep -r`
///   does): a link cannot lead an `--in-place` rewrite out of the tree, and no walk can loop. A
///   link named on the command line is followed. A directory that is one of its own ancestors
///   (a bind mount of a parent) is skipped too: its device and inode were seen on the way down.
/// - ``skippedDirectory`` (the `-o` directory, when it exists inside a tree) is not walked, so that
///   a second run does not clean the first run's copies.
///
/// - Complexity: one `lstat` per entry, one `opendir` per directory.
struct InputCollector {
    /// A file found in a directory is taken only when it matches one of these.
    var include: [GlobPattern]
    /// A file or directory found in a directory is skipped when it matches one of these.
    var exclude: [GlobPattern]
    /// A directory (device, inode) not to walk into.
    var skippedDirectory: FileIdentity?

    /// The device and inode of a file.
    struct FileIdentity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64

        /// The identity of the file at `path` (following symbolic links), or `nil` when it cannot
        /// be examined.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// What the arguments expand to.
    struct Expansion: Equatable {
        /// The inputs and failures, in order.
        var entries: [BatchEntry]
        /// Whether some argument was a directory.
        var namedDirectory: Bool
        /// Where a walk met ``InputCollector/skippedDirectory`` (the `-o` directory inside a
        /// tree), or `nil`.
        var skippedDirectoryPath: String?
        /// The entries a walk passed over that are neither files nor directories to enter:
        /// symbolic links, pipes, sockets, devices, and directories that are their own ancestors.
        var skippedEntries = 0

        /// The inputs alone.
        var inputs: [BatchInput] {
            entries.compactMap { if case .input(let input) = $0 { input } else { nil } }
        }

        /// The first two inputs whose copies would have the same name under `-o`, or `nil`.
        var outputCollision: (first: BatchInput, second: BatchInput)? {
            var seen: [String: BatchInput] = [:]
            for input in inputs {
                if let first = seen[input.outputName] { return (first, input) }
                seen[input.outputName] = input
            }
            return nil
        }
    }

    /// Expands `arguments` (none means standard input).
    func expand(_ arguments: [String]) -> Expansion {
        var expansion = Expansion(entries: [], namedDirectory: false, skippedDirectoryPath: nil, skippedEntries: 0)
        for argument in arguments.isEmpty ? ["-"] : arguments {
            if argument == "-" {
                expansion.entries.append(.input(BatchInput(path: "-", outputName: "-", size: nil)))
                continue
            }
            var info = stat()
            if stat(argument, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                expansion.namedDirectory = true
                var ancestors: Set<FileIdentity> = [FileIdentity(info)]
                walk(directory: argument, relative: "", ancestors: &ancestors, into: &expansion)
            } else {
                expansion.entries.append(.input(BatchInput(path: argument, outputName: FileSystem.baseName(argument),
                                                           size: FileSystem.regularFileSize(argument))))
            }
        }
        return expansion
    }

    /// Appends the entries of one directory, recursively.
    private func walk(directory: String, relative: String, ancestors: inout Set<FileIdentity>, into expansion: inout Expansion) {
        let names: [[UInt8]]
        do throws(CLIError) { names = try Self.entryNames(directory) } catch {
            expansion.entries.append(.failure(path: directory, message: "\(directory): cannot read directory: \(error.message)"))
            return
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for bytes in names where bytes.first != UInt8(ascii: ".") {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = prefix + String(decoding: bytes, as: UTF8.self)
                expansion.entries.append(.failure(path: shown, message: "\(shown): skipped: the file name is not valid UTF-8"))
                continue
            }
            let path = prefix + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else {
                expansion.entries.append(.failure(path: path, message: "\(path): cannot read: \(POSIXFile.errorText())"))
                continue
            }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                if exclude.contains(where: { $0.matches(name: name, relativePath: relativePath) }) { continue }
                let identity = FileIdentity(info)
                if identity == skippedDirectory {
                    if expansion.skippedDirectoryPath == nil { expansion.skippedDirectoryPath = path }
                    continue
                }
                if ancestors.contains(identity) {
                    expansion.skippedEntries += 1
                    continue
                }
                ancestors.insert(identity)
                walk(directory: path, relative: relativePath, ancestors: &ancestors, into: &expansion)
                ancestors.remove(identity)
            } else if kind == S_IFREG {
                guard include.contains(where: { $0.matches(name: name, relativePath: relativePath) }),
                      !exclude.contains(where: { $0.matches(name: name, relativePath: relativePath) }) else { continue }
                expansion.entries.append(.input(BatchInput(path: path, outputName: relativePath, size: Int(info.st_size))))
            } else {
                // Symbolic links, FIFOs, sockets and devices found in a walk are skipped, and
                // counted for the summary.
                expansion.skippedEntries += 1
            }
        }
    }

    /// The names in a directory (without `.` and `..`) as bytes, sorted bytewise.
    ///
    /// - Throws: ``CLIError`` with the `errno` message (`Permission denied`).
    static func entryNames(_ directory: String) throws(CLIError) -> [[UInt8]] {
        guard let stream = opendir(directory) else { throw CLIError(POSIXFile.errorText()) }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
