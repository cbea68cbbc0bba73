import Foundation

/// The bundled English word and name lists, cached as images of their built tables.
///
/// Building the word list's hash table (82,837 words) cost more of a run's start than anything
/// else; its image opens in a fraction of that. An image (`english-words-<key>.wfx`,
/// `english-names-<key>.wfx`) is keyed by a hash of the list file's bytes, the image
/// ``ImageFormat/formatVersion`` and the running executable's identity, exactly as a compiled
/// lexicon is (``LexiconSourceKey``): any change to the file, or another build of Wirefix, builds
/// anew. An image that cannot be opened (truncated, corrupt, checksum mismatch, another version)
/// counts as a miss and is replaced; a cache that cannot be written is no error. The answers are
/// those of the list built from the file, always.
extension LexiconCache {
    /// The prefixes of the list images' names.
    static let listNames = ["english-words", "english-names"]

    /// Loads an English word list (`word<TAB>count`, as ``EnglishWordList/init(contentsOf:)``):
    /// from its cached image when the file's bytes match, else by parsing and building, then
    /// storing the image for next time. A disabled cache parses and builds.
    ///
    /// - Throws: ``LexiconError`` for a malformed or unreadable file, exactly as
    ///   ``EnglishWordList/init(contentsOf:)``.
    /// - Complexity: a hit reads and hashes the file (O(*n*) in its bytes, no parsing) and maps
    ///   and checks the image (O(*n*)); a miss adds parsing and building.
    public func englishWordList(contentsOf url: URL) throws(LexiconError) -> EnglishWordList {
        try cachedList(name: "english-words", url: url, sections: 1,
                       parse: { (bytes) throws(LexiconError) in try EnglishWordList(bytes: bytes, file: url.path) },
                       tables: { [$0.table] },
                       open: { EnglishWordList(words: $0[0]) })
    }

    /// Loads an English name list (`name<TAB>given|surname<TAB>rank`, as
    /// ``EnglishNameList/init(contentsOf:)``): from its cached image when the file's bytes
    /// match, else by parsing and building, then storing the image. A disabled cache parses and
    /// builds.
    ///
    /// - Throws: ``LexiconError`` for a malformed or unreadable file, exactly as
    ///   ``EnglishNameList/init(contentsOf:)``.
    public func englishNameList(contentsOf url: URL) throws(LexiconError) -> EnglishNameList {
        try cachedList(name: "english-names", url: url, sections: 2,
                       parse: { (bytes) throws(LexiconError) in try EnglishNameList(bytes: bytes, file: url.path) },
                       tables: { [$0.tables.given, $0.tables.surnames] },
                       open: { EnglishNameList(given: $0[0], surnames: $0[1]) })
    }

    /// The image path of the list `name` for a key.
    func listPath(name: String, key: LexiconSourceKey) -> URL? {
        directory?.appendingPathComponent("\(name)-\(key).wfx")
    }

    /// The key of a list image: the list's name, the format version, the executable and the
    /// file's contents (fed by `contents`, with ``hashFile(_:into:)`` or ``hashContents(_:into:)``,
    /// which agree).
    static func listKey(name: String, contents: (inout SourceHasher) throws(LexiconError) -> Void) throws(LexiconError) -> LexiconSourceKey {
        var hasher = SourceHasher()
        hasher.combine("wirefix list image")
        hasher.combine(name)
        hasher.combine(UInt64(ImageFormat.formatVersion))
        for value in executableIdentity { hasher.combine(value) }
        try contents(&hasher)
        return hasher.finalize()
    }

    /// A list opened from its image, or parsed from `url` (and its image stored).
    ///
    /// - Parameters:
    ///   - name: the prefix of the image's name, part of its key.
    ///   - sections: the number of tables a list has.
    ///   - parse: builds the list from the file's bytes (valid UTF-8).
    ///   - tables: the tables of a list to store, in section order.
    ///   - open: the list of tables read back from an image.
    private func cachedList<List, Value: FixedWidthInteger & BitwiseCopyable & Sendable>(
        name: String, url: URL, sections count: Int,
        parse: ([UInt8]) throws(LexiconError) -> List,
        tables: (List) -> [StringValueTable<Value>],
        open: ([StringValueTable<Value>]) -> List
    ) throws(LexiconError) -> List {
        // Read once, as the parser reads it (a file that cannot be read, or is not a regular file,
        // is an error in the loader's words): the key is of the bytes parsed, so a file changed
        // meanwhile is never stored under the key of its other contents, and a pipe or a device
        // is never read without end to hash it.
        let bytes = try LexiconLoader.readUTF8(url)
        guard directory != nil else { return try parse(bytes) }
        let key = try LexiconCache.listKey(name: name) { (hasher) throws(LexiconError) in
            bytes.withUnsafeBytes { LexiconCache.hashContents($0, into: &hasher) }
        }
        if let path = listPath(name: name, key: key), FileManager.default.fileExists(atPath: path.path),
           let opened = try? openList(path: path.path, key: key, count: count, as: Value.self) {
            return open(opened)
        }
        let list = try parse(bytes)
        let built = tables(list)
        if built.count == count, built.allSatisfy(\.isSerializable), let path = listPath(name: name, key: key) {
            let sections = built.enumerated().map { index, table -> (UInt32, ImageWriter) in
                var writer = ImageWriter()
                table.write(to: &writer)
                return (UInt32(index + 1), writer)
            }
            let image = LexiconImage.assemble(kind: .list(sections: built.count), sourceKey: key, sections: sections)
            try? store(image, at: path, prefix: name + "-")
        }
        return list
    }

    /// The `count` tables of the list image at `path`, checked: format, checksum, key and every
    /// table's shape.
    ///
    /// - Throws: ``LexiconError`` naming the file and what is wrong with it.
    func openList<Value: FixedWidthInteger & BitwiseCopyable & Sendable>(path: String, key: LexiconSourceKey, count: Int, as _: Value.Type) throws(LexiconError) -> [StringValueTable<Value>] {
        let image = try LexiconImage(storage: ImageStorage.mapping(path: path), file: path, kind: .list(sections: count))
        guard image.sourceKey == key else {
            throw LexiconError(file: path, line: 0, message: "invalid compiled word list: its key is \(image.sourceKey), not \(key)")
        }
        var tables: [StringValueTable<Value>] = []
        for tag in 1...UInt32(count) {
            var reader = image.reader(tag: tag)
            do { tables.append(try StringValueTable<Value>(&reader)) } catch {
                throw LexiconError(file: path, line: 0, message: "invalid compiled word list: \(error.description)")
            }
        }
        return tables
    }
}
