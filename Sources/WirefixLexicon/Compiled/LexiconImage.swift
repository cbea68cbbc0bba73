/// A compiled lexicon image, validated and open: the bytes (heap or memory-mapped) and where each
/// section lies. ``Gazetteer/init(image:)`` reads its tables from it without copying.
///
/// The layout is ``ImageFormat``'s.
public struct LexiconImage: Sendable {
    let storage: ImageStorage
    private let sections: [UInt32: (offset: Int, length: Int)]
    /// The hash of the lexicon sources the image was compiled from.
    public let sourceKey: LexiconSourceKey

    /// The image's size in bytes.
    public var byteCount: Int { storage.count }

    /// Opens an image held in memory (a copy is made).
    ///
    /// - Throws: ``LexiconError`` (file `<memory>`) when the bytes are not a valid image.
    public init(bytes: [UInt8]) throws(LexiconError) {
        try self.init(storage: ImageStorage(copying: bytes), file: "<memory>", kind: .lexicon)
    }

    /// Maps an image file read-only.
    ///
    /// - Throws: ``LexiconError`` naming the file when it cannot be read or is not a valid image
    ///   of this version of Wirefix.
    public init(contentsOfFile path: String) throws(LexiconError) {
        try self.init(storage: ImageStorage.mapping(path: path), file: path, kind: .lexicon)
    }

    /// Opens an image of `kind` (a compiled lexicon, or a word or name list's tables: see
    /// ``ImageFormat/Kind``), checking its magic, version, byte order, length, checksum and that
    /// every section the kind requires is there.
    init(storage: ImageStorage, file: String, kind: ImageFormat.Kind) throws(LexiconError) {
        self.storage = storage
        do throws(ImageFormatError) {
            var header = SectionReader(storage: storage, offset: 0, length: storage.count)
            guard storage.count >= ImageFormat.headerSize,
                  (0..<8).allSatisfy({ storage.base.load(fromByteOffset: $0, as: UInt8.self) == kind.magic[$0] }) else {
                throw ImageFormatError("not a \(kind == .lexicon ? "compiled Wirefix lexicon" : "compiled Wirefix word list")")
            }
            _ = try header.scalar(UInt64.self)
            let version = try header.scalar(UInt32.self)
            let mark = try header.scalar(UInt32.self)
            guard mark == ImageFormat.byteOrderMark else { throw ImageFormatError("compiled on a machine of the other byte order") }
            guard version == ImageFormat.formatVersion else {
                throw ImageFormatError("format version \(version), this Wirefix reads version \(ImageFormat.formatVersion)")
            }
            let sectionCount = Int(try header.scalar(UInt32.self))
            _ = try header.scalar(UInt32.self)
            sourceKey = LexiconSourceKey(high: try header.scalar(UInt64.self), low: try header.scalar(UInt64.self))
            let total = try header.scalar(UInt64.self)
            guard total == UInt64(storage.count) else { throw ImageFormatError("\(storage.count) bytes where the header says \(total) (truncated?)") }
            let stored = (try header.scalar(UInt64.self), try header.scalar(UInt64.self))
            let body = UnsafeRawBufferPointer(start: storage.base + ImageFormat.headerSize, count: storage.count - ImageFormat.headerSize)
            guard ImageChecksum.of(body) == stored else { throw ImageFormatError("its checksum does not match its contents (damaged)") }
            // The checksum read every page; keep resident only what the run goes on to read (a
            // list's tables are all read at once, when they are checked).
            if kind == .lexicon { storage.dropResidentPages() }
            var table = SectionReader(storage: storage, offset: ImageFormat.headerSize, length: storage.count - ImageFormat.headerSize)
            var sections: [UInt32: (offset: Int, length: Int)] = [:]
            for _ in 0..<sectionCount {
                let tag = try table.scalar(UInt32.self)
                _ = try table.scalar(UInt32.self)
                let offset = try table.scalar(UInt64.self), length = try table.scalar(UInt64.self)
                guard offset % 8 == 0, offset <= UInt64(storage.count), length <= UInt64(storage.count) - offset else {
                    throw ImageFormatError("section \(tag) lies outside the image")
                }
                sections[tag] = (Int(offset), Int(length))
            }
            for tag in kind.requiredSections where sections[tag] == nil {
                throw ImageFormatError(kind == .lexicon ? "section \(ImageFormat.Section(rawValue: tag).map { "\($0)" } ?? "\(tag)") is missing" : "section \(tag) is missing")
            }
            self.sections = sections
        } catch {
            throw LexiconError(file: file, line: 0, message: "invalid \(kind.name): \(error.description)")
        }
    }

    /// A reader over one section.
    func reader(_ section: ImageFormat.Section) -> SectionReader {
        reader(tag: section.rawValue)
    }

    /// A reader over the section tagged `tag`, which the image's kind requires.
    func reader(tag: UInt32) -> SectionReader {
        let (offset, length) = sections[tag]!
        return SectionReader(storage: storage, offset: offset, length: length)
    }

    /// Assembles a lexicon image from its sections.
    static func assemble(sourceKey: LexiconSourceKey, sections: [(ImageFormat.Section, ImageWriter)]) -> [UInt8] {
        assemble(kind: .lexicon, sourceKey: sourceKey, sections: sections.map { ($0.0.rawValue, $0.1) })
    }

    /// Assembles an image of `kind` from its sections, tagged.
    static func assemble(kind: ImageFormat.Kind, sourceKey: LexiconSourceKey, sections: [(UInt32, ImageWriter)]) -> [UInt8] {
        var image = ImageWriter()
        image.append(contentsOf: kind.magic)
        image.append(ImageFormat.formatVersion)
        image.append(ImageFormat.byteOrderMark)
        image.append(UInt32(sections.count))
        image.append(UInt32(0))
        image.append(sourceKey.high)
        image.append(sourceKey.low)
        let totalOffset = image.bytes.count
        image.append(UInt64(0))
        image.append(UInt64(0))
        image.append(UInt64(0))
        let tableOffset = image.bytes.count
        for _ in sections {
            image.append(UInt32(0)); image.append(UInt32(0)); image.append(UInt64(0)); image.append(UInt64(0))
        }
        for (index, (tag, writer)) in sections.enumerated() {
            image.align()
            let entry = tableOffset + index * ImageFormat.sectionEntrySize
            image.overwrite(tag, at: entry)
            image.overwrite(UInt64(image.bytes.count), at: entry + 8)
            image.overwrite(UInt64(writer.bytes.count), at: entry + 16)
            image.append(contentsOf: writer.bytes)
        }
        image.align()
        image.overwrite(UInt64(image.bytes.count), at: totalOffset)
        var bytes = image.bytes
        let checksum = bytes.withUnsafeBytes { ImageChecksum.of(UnsafeRawBufferPointer(rebasing: $0[ImageFormat.headerSize...])) }
        var writer = ImageWriter()
        writer.append(checksum.0)
        writer.append(checksum.1)
        bytes.replaceSubrange((totalOffset + 8)..<(totalOffset + 24), with: writer.bytes)
        return bytes
    }
}
