import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A directory of compiled lexicon images (`lexicon-<key>.wfx`), each named by the
/// ``LexiconSourceKey`` of the lexicon directories it was compiled from, so that a change to any
/// source file compiles anew and an unchanged lexicon opens from its memory-mapped image in
/// milliseconds instead of being parsed and compiled again.
///
/// Writes are atomic (a temporary file renamed into place), so a reader never sees half an image
/// and several processes may share the directory; at most ``maximumImages`` images are kept
/// (the oldest are removed). Deleting the directory is always safe.
public struct LexiconCache: Sendable {
    /// The environment variable that sets the cache directory; empty, `off` or `none` turns the
    /// cache off.
    public static let environmentVariable = "WIREFIX_CACHE_DIR"
    /// Images kept in the directory at most.
    public static let maximumImages = 8

    /// The directory, or `nil` when the cache is off (every load parses and compiles).
    public let directory: URL?

    /// A cache in `directory`; `nil` turns it off.
    public init(directory: URL?) {
        self.directory = directory
    }

    /// No cache: every load parses and compiles.
    public static let disabled = LexiconCache(directory: nil)

    /// The user's cache: `$WIREFIX_CACHE_DIR` when set (off when it is empty, `off` or `none`),
    /// else `$XDG_CACHE_HOME/wirefix`, else `~/.cache/wirefix`; off when none can be named.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> LexiconCache {
        if let path = environment[environmentVariable] {
            let trimmed = path.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || ["off", "none"].contains(trimmed.lowercased()) { return .disabled }
            return LexiconCache(directory: URL(fileURLWithPath: trimmed))
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return LexiconCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("wirefix"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return LexiconCache(directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/wirefix"))
        }
        return .disabled
    }

    /// How a load went, with its timings in seconds (monotonic clock).
    public struct LoadReport: Sendable {
        /// Where the gazetteer came from.
        public enum Outcome: Sendable, Equatable {
            /// Opened from the cached image at this path.
            case opened(path: String)
            /// Parsed and compiled, then written to this path.
            case compiledAndStored(path: String)
            /// Parsed and compiled; not stored, for this reason (the cache is off, the directory
            /// is not writable, the sources changed while compiling, …).
            case compiled(notStored: String)
        }

        /// The key of the sources.
        public var sourceKey: LexiconSourceKey
        /// Where the gazetteer came from.
        public var outcome: Outcome
        /// Reading and hashing the source files.
        public var hashingSeconds: Double = 0
        /// Opening the image (mapping and validating), for a cache hit or after compiling.
        public var openingSeconds: Double = 0
        /// Parsing and validating the lexicon files (misses only).
        public var parsingSeconds: Double = 0
        /// Compiling the image (misses only).
        public var compilingSeconds: Double = 0
        /// Writing the image (misses only).
        public var writingSeconds: Double = 0
        /// The image's size in bytes.
        public var imageBytes: Int = 0
        /// Why the image found under the key was not opened, naming its file (another format
        /// version, a checksum that does not match, a truncated file, other sources); `nil` when
        /// there was none or it opened. Such an image is compiled anew and replaced when the
        /// cache can be written.
        public var rejectedImage: String?
        /// Why the cache, though on, could not keep the compiled image (a directory that cannot be
        /// created or written, a full disk), naming the path: then every load compiles again, in
        /// about ``parsingSeconds`` + ``compilingSeconds`` instead of milliseconds. `nil` on a hit,
        /// after a store, when the cache is off, and when a lexicon file cannot be read or changed
        /// while it was compiled (the next load tries again).
        public var cacheProblem: String?

        /// The whole load.
        public var totalSeconds: Double { hashingSeconds + openingSeconds + parsingSeconds + compilingSeconds + writingSeconds }

        /// One sentence for standard error when the cache is on but could not keep the image
        /// (``cacheProblem``): what went wrong, what it costs each run, and how to fix or silence
        /// it; `nil` otherwise. A read-only or misnamed cache directory would else make every run
        /// of a large lexicon take seconds instead of milliseconds without a word.
        public var warning: String? {
            guard let cacheProblem else { return nil }
            var text = "the compiled lexicon cannot be cached (\(cacheProblem))"
            if let rejectedImage { text += ", and the cached image was not used (\(rejectedImage))" }
            text += String(format: ", so every run parses and compiles it again (%.0f ms this time);", (parsingSeconds + compilingSeconds) * 1000)
            text += " set \(LexiconCache.environmentVariable) to a writable directory, or to 'off' to compile without caching"
            return text
        }
    }

    /// The image path for a key.
    public func path(for key: LexiconSourceKey) -> URL? {
        directory?.appendingPathComponent("lexicon-\(key).wfx")
    }

    /// Loads the gazetteer of lexicon directories (layered in order, as
    /// ``LexiconLoader/load(directories:)`` does): from the cached image when its key matches the
    /// sources, else by parsing and compiling, then storing the image for next time.
    ///
    /// A cached image that cannot be opened (another format version, truncated, corrupt) counts
    /// as a miss and is replaced; the report's ``LoadReport/rejectedImage`` says why it was not
    /// opened. A cache that cannot be written is no error: the gazetteer is compiled in memory
    /// and the report says why it was not stored (``LoadReport/cacheProblem``,
    /// ``LoadReport/warning``).
    ///
    /// - Throws: ``LexiconError`` for a malformed or unreadable lexicon (file and line named),
    ///   exactly as ``LexiconLoader/load(directories:)``.
    /// - Complexity: a hit reads and hashes the source files (O(*n*) in their bytes, no parsing)
    ///   and maps the image; a miss adds parsing and compiling (see ``LexiconCompiler``).
    public func gazetteer(directories: [URL]) throws(LexiconError) -> (Gazetteer, LoadReport) {
        var clock = Stopwatch()
        // A file that cannot be read is the loader's to report, in its words: no key, no cache.
        let hashed = try? LexiconCache.sourceKey(directories: directories)
        let key = hashed ?? LexiconSourceKey(high: 0, low: 0)
        var report = LoadReport(sourceKey: key, outcome: .compiled(notStored: hashed == nil ? "a lexicon file cannot be read" : "the lexicon cache is off"))
        report.hashingSeconds = clock.lap()
        if hashed != nil, let path = path(for: key), FileManager.default.fileExists(atPath: path.path) {
            do {
                let image = try LexiconImage(contentsOfFile: path.path)
                if image.sourceKey == key {
                    let gazetteer = try Gazetteer(image: image)
                    report.outcome = .opened(path: path.path)
                    report.openingSeconds = clock.lap()
                    report.imageBytes = image.byteCount
                    return (gazetteer, report)
                }
                report.rejectedImage = "\(path.path): compiled from other sources (key \(image.sourceKey), not \(key))"
            } catch {
                report.rejectedImage = error.description
            }
            _ = clock.lap()
        }
        let lexicon = try LexiconLoader.load(directories: directories)
        report.parsingSeconds = clock.lap()
        let bytes = LexiconCompiler.compile(lexicon, sourceKey: key)
        report.compilingSeconds = clock.lap()
        report.imageBytes = bytes.count
        if hashed != nil, let path = path(for: key) {
            if (try? LexiconCache.sourceKey(directories: directories)) != key {
                report.outcome = .compiled(notStored: "the lexicon files changed while they were compiled")
            } else {
                do {
                    try store(bytes, at: path)
                    report.outcome = .compiledAndStored(path: path.path)
                } catch {
                    report.outcome = .compiled(notStored: "cannot write \(path.path): \(Self.reason(error))")
                    report.cacheProblem = "cannot write \(path.path): \(Self.reason(error))"
                }
            }
            report.writingSeconds = clock.lap()
        }
        let gazetteer: Gazetteer
        do { gazetteer = try Gazetteer(image: LexiconImage(bytes: bytes)) } catch {
            preconditionFailure("a freshly compiled lexicon failed validation: \(error)")
        }
        report.openingSeconds = clock.lap()
        return (gazetteer, report)
    }

    /// An error's text for a report: a ``CacheWriteError``'s system text ("Not a directory"),
    /// else the error's localized description.
    static func reason(_ error: any Error) -> String {
        (error as? CacheWriteError)?.errorDescription ?? error.localizedDescription
    }

    /// The cached lexicon images, newest first.
    public func images() -> [URL] { images(prefix: "lexicon-") }

    /// The cached images whose names start with `prefix`, newest first: regular files only (a
    /// directory or anything else that happens to bear such a name is not Wirefix's to list,
    /// prune or clear).
    func images(prefix: String) -> [URL] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        let images = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".wfx") }.compactMap { name -> (URL, Date)? in
            let url = directory.appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
            return (url, attributes[.modificationDate] as? Date ?? .distantPast)
        }
        return images.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.path < $1.0.path }.map(\.0)
    }

    /// Removes every cached image (compiled lexicons and the bundled lists' tables); returns how
    /// many.
    @discardableResult
    public func clear() throws -> Int {
        removeAbandonedTemporaryFiles()
        var images = images()
        for name in LexiconCache.listNames { images += self.images(prefix: name + "-") }
        var removed = 0
        for image in images {
            do {
                try FileManager.default.removeItem(at: image)
                removed += 1
            } catch where !FileManager.default.fileExists(atPath: image.path) {
                // Gone meanwhile (another `--clear`, or a run pruning old images): nothing to do.
            }
        }
        return removed
    }

    /// Writes an image atomically, then removes the oldest images of the same `prefix` beyond
    /// ``maximumImages`` and the temporary files of writes whose process is gone (see
    /// ``writeAtomically(_:to:)``).
    func store(_ bytes: [UInt8], at path: URL, prefix: String = "lexicon-") throws {
        try Self.createDirectories(path.deletingLastPathComponent().path)
        // First, so that the space they hold is free for this image (a full cache directory).
        removeAbandonedTemporaryFiles()
        try Self.writeAtomically(bytes, to: path)
        for stale in images(prefix: prefix).dropFirst(LexiconCache.maximumImages) where stale != path {
            try? FileManager.default.removeItem(at: stale)
        }
    }

    /// Creates the directory `path` and any missing parents (mode 0777 less the umask), like
    /// `mkdir -p`; a directory already there is no error.
    ///
    /// - Throws: ``CacheWriteError`` with the failing call's `errno`: `ENOTDIR` when a file stands
    ///   where a directory should, `EACCES` for a parent that cannot be written. (Foundation's
    ///   `createDirectory` reports both as "the operation could not be completed".)
    public static func createDirectories(_ path: String) throws(CacheWriteError) {
        if mkdir(path, 0o777) == 0 { return }
        var code = errno
        if code == ENOENT {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty && parent != path {
                try createDirectories(parent)
                if mkdir(path, 0o777) == 0 { return }
                code = errno
            }
        }
        if code == EEXIST {
            var status = stat()
            // Another process may have made it meanwhile; only a directory will do.
            guard stat(path, &status) == 0 else { throw CacheWriteError(code: errno) }
            if status.st_mode & S_IFMT == S_IFDIR { return }
            throw CacheWriteError(code: ENOTDIR)
        }
        throw CacheWriteError(code: code)
    }

    /// The name prefix of the temporary file of an image being written: `.partial-<pid>-<random>`
    /// in the cache directory, the writer's process id in its name.
    static let temporaryPrefix = ".partial-"

    /// Writes `bytes` to a temporary file beside `path` (``temporaryPrefix``; created with
    /// `O_EXCL` and mode 0666, so the umask gives it the mode of any new file), then renames it
    /// into place. A process killed while writing (a signal, `kill -9`, a crash) leaves its
    /// temporary file behind; the next store in the directory removes it, its process being gone
    /// (``removeAbandonedTemporaryFiles()``), so an interrupted compile of a large lexicon does
    /// not leave tens of megabytes in the cache for good.
    ///
    /// - Throws: ``CacheWriteError`` naming the reason (a full disk, a read-only directory).
    static func writeAtomically(_ bytes: [UInt8], to path: URL) throws {
        let directory = path.deletingLastPathComponent().path
        var descriptor: Int32 = -1
        var temporary = ""
        repeat {
            temporary = "\(directory)/\(temporaryPrefix)\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        } while descriptor < 0 && errno == EEXIST
        guard descriptor >= 0 else { throw CacheWriteError(code: errno) }
        var failure: Int32?
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { failure = count < 0 ? errno : ENOSPC; break }
            written += count
        }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if failure == nil && rename(temporary, path.path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw CacheWriteError(code: failure)
        }
    }

    /// Removes the temporary files (``temporaryPrefix``) of writes whose process no longer
    /// exists; returns how many. Those of running processes, this one's included, are left.
    @discardableResult
    func removeAbandonedTemporaryFiles() -> Int {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(Self.temporaryPrefix) {
            let fields = name.dropFirst(Self.temporaryPrefix.count).split(separator: "-", maxSplits: 1)
            guard let pid = fields.first.flatMap({ pid_t($0) }), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink(directory.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }

    /// The key of lexicon directories in load order: what ``LexiconSourceKey`` describes.
    ///
    /// - Throws: ``LexiconError`` naming a directory or file that cannot be read.
    public static func sourceKey(directories: [URL]) throws(LexiconError) -> LexiconSourceKey {
        var hasher = SourceHasher()
        hasher.combine(UInt64(ImageFormat.formatVersion))
        for value in executableIdentity { hasher.combine(value) }
        hasher.combine(UInt64(directories.count))
        for directory in directories {
            hasher.combine(directory.standardizedFileURL.path)
            for folder in ["entities", "glosses", "overrides"] {
                let url = directory.appendingPathComponent(folder)
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !LexiconLoader.isHidden($0) }.sorted()
                hasher.combine(folder)
                hasher.combine(UInt64(names.count))
                for name in names {
                    hasher.combine(name)
                    guard name.hasSuffix(".tsv") else { continue }
                    let file = url.appendingPathComponent(name).path
                    if LexiconLoader.isDirectory(URL(fileURLWithPath: file)) || LexiconLoader.isSpecialFile(file) { hasher.combine(UInt64.max); continue }
                    try hashFile(file, into: &hasher)
                }
            }
        }
        return hasher.finalize()
    }

    /// The running executable's size, modification time, inode and device: a rebuilt or upgraded
    /// Wirefix (whose loader may validate differently or whose compiler may generate other
    /// variants) never opens an image an older build compiled. Empty when the executable cannot
    /// be found (the format version still guards the layout).
    static let executableIdentity: [UInt64] = {
        var candidates = ["/proc/self/exe"]
        if let path = Bundle.main.executablePath { candidates.append(path) }
        for path in candidates {
            var status = stat()
            if stat(path, &status) == 0 {
                return [UInt64(status.st_size), UInt64(bitPattern: Int64(status.st_mtim.tv_sec)),
                        UInt64(bitPattern: Int64(status.st_mtim.tv_nsec)), UInt64(status.st_ino), UInt64(status.st_dev)]
            }
        }
        return []
    }()

    /// Feeds the contents of a file read whole, exactly as ``hashFile(_:into:)`` feeds the file.
    static func hashContents(_ bytes: UnsafeRawBufferPointer, into hasher: inout SourceHasher) {
        var start = 0
        while start < bytes.count {
            let end = min(start + hashBlockSize, bytes.count)
            let block = ImageChecksum.of(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            hasher.combine(block.0)
            hasher.combine(block.1)
            start = end
        }
        hasher.combine(UInt64(bytes.count))
    }

    /// The block size of ``hashFile(_:into:)``: part of every key.
    private static let hashBlockSize = 1 << 20

    static func hashFile(_ path: String, into hasher: inout SourceHasher) throws(LexiconError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LexiconError(file: path, line: 0, message: "cannot read file: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: hashBlockSize, alignment: 16)
        defer { buffer.deallocate() }
        var total: UInt64 = 0
        var filled = 0
        var finished = false
        // Whole blocks only, however read(2) splits the file, so the key never depends on it.
        while !finished {
            let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw LexiconError(file: path, line: 0, message: "cannot read file: \(String(cString: strerror(errno)))")
            }
            filled += count
            finished = count == 0
            if filled == buffer.count || (finished && filled > 0) {
                // Four lanes at a time (``ImageChecksum``), then into the key: the sources of a
                // 100,000-entity lexicon hash in a few milliseconds.
                let block = ImageChecksum.of(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
                hasher.combine(block.0)
                hasher.combine(block.1)
                total += UInt64(filled)
                filled = 0
            }
        }
        hasher.combine(total)
    }
}

/// Laps of a monotonic clock, in seconds.
struct Stopwatch {
    private var last = Stopwatch.now()

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The seconds since the last lap (or the start).
    mutating func lap() -> Double {
        let current = Stopwatch.now()
        defer { last = current }
        return current - last
    }
}

/// An image could not be written to the cache directory.
public struct CacheWriteError: Error, LocalizedError, Sendable, Hashable {
    /// The `errno` of the failed call.
    public var code: Int32

    /// The system's text for ``code``, e.g. `No space left on device`.
    public var errorDescription: String? { String(cString: strerror(code)) }
}
