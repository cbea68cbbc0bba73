#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a compiled lexicon image, owned for as long as any table reads them: either a
/// private heap copy or a read-only memory mapping of a cache file.
///
/// Immutable once created, so it is safe to share across threads. The base address is aligned to
/// at least 16 bytes (a page, when mapped), so that sections aligned within the image are aligned
/// in memory.
final class ImageStorage: @unchecked Sendable {
    /// The first byte.
    let base: UnsafeRawPointer
    /// The number of bytes.
    let count: Int
    /// Whether the bytes are a read-only mapping of a file (not a heap copy).
    let isMapped: Bool
    private let release: (UnsafeRawPointer, Int) -> Void

    private init(base: UnsafeRawPointer, count: Int, isMapped: Bool = false, release: @escaping (UnsafeRawPointer, Int) -> Void) {
        self.base = base
        self.count = count
        self.isMapped = isMapped
        self.release = release
    }

    /// Gives back the pages of a mapping that have been read so far (`madvise(MADV_DONTNEED)`);
    /// no effect on a heap copy.
    ///
    /// Opening an image reads every byte once, for its checksum, which made the whole file
    /// resident (37 MB for a 100,000-entity lexicon) though a run reads only the tables and
    /// records its input needs. The mapping is private, read-only and never written, so a dropped
    /// page reads the same bytes again from the file (from the page cache, without copying) when
    /// next touched.
    func dropResidentPages() {
        guard isMapped else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), count, MADV_DONTNEED)
    }

    deinit { release(base, count) }

    /// A heap copy of `bytes`.
    convenience init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let address = source.baseAddress { memory.copyMemory(from: address, byteCount: bytes.count) }
        }
        self.init(base: UnsafeRawPointer(memory), count: bytes.count) { pointer, _ in
            UnsafeMutableRawPointer(mutating: pointer).deallocate()
        }
    }

    /// Maps a whole file read-only (`mmap`, `MAP_PRIVATE`). Pages are read on first touch, so
    /// opening costs no reading and untouched tables cost no memory.
    ///
    /// The file must not be truncated while mapped (the cache replaces files by renaming, which
    /// leaves a mapped file intact).
    ///
    /// - Throws: ``LexiconError`` naming the file when it cannot be opened, is empty or cannot be
    ///   mapped.
    static func mapping(path: String) throws(LexiconError) -> ImageStorage {
        // Non-blocking: a pipe put where an image belongs must not stall the run (only a regular
        // file is mapped, below).
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw LexiconError(file: path, line: 0, message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LexiconError(file: path, line: 0, message: "cannot stat: \(String(cString: strerror(errno)))") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw LexiconError(file: path, line: 0, message: "not a regular file") }
        let size = Int(status.st_size)
        guard size > 0 else { throw LexiconError(file: path, line: 0, message: "empty compiled lexicon") }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw LexiconError(file: path, line: 0, message: "cannot map: \(String(cString: strerror(errno)))")
        }
        return ImageStorage(base: UnsafeRawPointer(address), count: size, isMapped: true) { pointer, count in
            munmap(UnsafeMutableRawPointer(mutating: pointer), count)
        }
    }
}

/// A typed, read-only array inside an ``ImageStorage``: what a compiled table reads instead of a
/// Swift `Array`, so that opening an image allocates nothing per element.
struct ImageArray<Element: BitwiseCopyable>: @unchecked Sendable, RandomAccessCollection {
    private let storage: ImageStorage?
    private let base: UnsafePointer<Element>?
    /// The number of elements.
    let count: Int

    /// An empty array.
    init() {
        storage = nil
        base = nil
        count = 0
    }

    /// The `count` elements at `byteOffset` of `storage`, which must be in bounds and aligned for
    /// `Element` (``ImageReader`` checks both).
    init(storage: ImageStorage, byteOffset: Int, count: Int) {
        self.storage = storage
        self.base = (storage.base + byteOffset).assumingMemoryBound(to: Element.self)
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "index \(index) out of a compiled table of \(count)")
        return base.unsafelyUnwrapped[index]
    }

    /// The raw bytes of elements `range` (for `UInt8` arrays: key and string bytes).
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}
