import Foundation
import Testing
@testable import WirefixLexicon

/// The images of the bundled word and name lists' built tables: a hit reads the image, a changed
/// list builds anew, a damaged image is refused and replaced, and the answers are always those of
/// the list built from its file.
@Suite struct ListCacheTests {
    static let bundledWords = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons/english/words.tsv")
    static let bundledNames = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons/english/names.tsv")

    /// Queries whose answers must not depend on where the table came from: listed and unlisted,
    /// capitalized (a `String` lookup is exact), non-ASCII, NFD ("cafe" + U+0301), the Kelvin sign
    /// (NFC "K"), empty.
    static let queries = ["the", "of", "news", "minister", "zygote", "The", "NEWS", "café", "cafe\u{301}", "e\u{301}",
                          "\u{212A}", "naïve", "qqqzx", "", "a", "i", "peña", "garcia", "james", "smith", "mary",
                          "rodriguez", "o'brien", "x"]

    func wordImages(_ cache: LexiconCache) -> [URL] { cache.images(prefix: "english-words-") }

    func expectSameWords(_ cached: EnglishWordList, _ built: EnglishWordList, sample: [String]) {
        #expect(cached.count == built.count)
        for word in sample {
            #expect(cached.rank(of: word) == built.rank(of: word), "rank of \(word)")
            #expect(cached.count(of: word) == built.count(of: word), "count of \(word)")
            var text = word
            text.withUTF8 { bytes in
                let isASCII = !bytes.contains { $0 >= 0x80 }
                #expect(cached.contains(token: 0..<bytes.count, in: bytes, isASCII: isASCII)
                        == built.contains(token: 0..<bytes.count, in: bytes, isASCII: isASCII), "token \(word)")
            }
        }
    }

    @Test func theBundledWordListOpensFromItsImageWithTheSameAnswers() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let cache = LexiconCache(directory: tree.url("cache"))
        let built = try EnglishWordList(contentsOf: Self.bundledWords)
        let first = try cache.englishWordList(contentsOf: Self.bundledWords)
        #expect(wordImages(cache).count == 1)
        let image = try #require(wordImages(cache).first)
        let stored = try Data(contentsOf: image)
        let second = try cache.englishWordList(contentsOf: Self.bundledWords)
        // Opened, not rewritten.
        #expect(try Data(contentsOf: image) == stored)
        // Every 97th word in rank order, capitalized too, and the odd queries.
        var sample = Self.queries
        for rank in stride(from: 0, to: built.count, by: 97) {
            let word = built.table.key(ofID: rank)
            sample.append(word)
            sample.append(word.capitalized)
        }
        #expect(built.rank(of: "the") == 1)
        #expect(built.rank(of: "café") == nil)
        expectSameWords(first, built, sample: sample)
        expectSameWords(second, built, sample: sample)
        #expect(second.rank(of: "\u{212A}") == built.rank(of: "k"))
    }

    @Test func theBundledNameListOpensFromItsImageWithTheSameAnswers() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let cache = LexiconCache(directory: tree.url("cache"))
        let built = try EnglishNameList(contentsOf: Self.bundledNames)
        _ = try cache.englishNameList(contentsOf: Self.bundledNames)
        #expect(cache.images(prefix: "english-names-").count == 1)
        let cached = try cache.englishNameList(contentsOf: Self.bundledNames)
        #expect(cached.count == built.count)
        #expect(built.givenNameRank("james") == 1)
        #expect(built.surnameRank("smith") == 1)
        for name in Self.queries + ["patricia", "johnson", "williams", "castle", "white", "mature", "JAMES"] {
            #expect(cached.givenNameRank(name) == built.givenNameRank(name), "given \(name)")
            #expect(cached.surnameRank(name) == built.surnameRank(name), "surname \(name)")
            #expect(cached.isName(name) == built.isName(name), "name \(name)")
        }
    }

    /// A hit reads the image and nothing else: an image holding another list's table, stored
    /// under this file's key (as no accident can), is what the load answers from.
    @Test func aHitReadsTheImage() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("words.tsv", "the\t100\nof\t50\n")
        let cache = LexiconCache(directory: tree.url("cache"))
        _ = try cache.englishWordList(contentsOf: file)
        let key = try LexiconCache.listKey(name: "english-words") { (hasher) throws(LexiconError) in try LexiconCache.hashFile(file.path, into: &hasher) }
        let path = try #require(cache.listPath(name: "english-words", key: key))
        #expect(wordImages(cache) == [path])
        let other = EnglishWordList(rankedWords: [("news", 7)])
        var writer = ImageWriter()
        other.table.write(to: &writer)
        try Data(LexiconImage.assemble(kind: .list(sections: 1), sourceKey: key, sections: [(1, writer)])).write(to: path)
        let opened = try cache.englishWordList(contentsOf: file)
        #expect(opened.rank(of: "news") == 1)
        #expect(opened.rank(of: "the") == nil)
    }

    @Test func aChangedListBuildsAnew() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("words.tsv", "the\t100\nof\t50\n")
        let cache = LexiconCache(directory: tree.url("cache"))
        #expect(try cache.englishWordList(contentsOf: file).rank(of: "of") == 2)
        // One byte: another key, another image, the new answer.
        try tree.write("words.tsv", "the\t100\nor\t50\n")
        let changed = try cache.englishWordList(contentsOf: file)
        #expect(changed.rank(of: "of") == nil)
        #expect(changed.rank(of: "or") == 2)
        #expect(wordImages(cache).count == 2)
        #expect(try cache.englishWordList(contentsOf: file).rank(of: "or") == 2)
        // Back to the first contents: the first image again.
        try tree.write("words.tsv", "the\t100\nof\t50\n")
        #expect(try cache.englishWordList(contentsOf: file).rank(of: "of") == 2)
        #expect(wordImages(cache).count == 2)
        #expect(try cache.clear() == 2)
        #expect(wordImages(cache).isEmpty)
    }

    @Test func aDamagedImageIsRefusedAndReplaced() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("words.tsv", "the\t100\nof\t50\nnews\t9\n")
        let cache = LexiconCache(directory: tree.url("cache"))
        _ = try cache.englishWordList(contentsOf: file)
        let path = try #require(wordImages(cache).first)
        let good = [UInt8](try Data(contentsOf: path))
        let key = try LexiconCache.listKey(name: "english-words") { (hasher) throws(LexiconError) in try LexiconCache.hashFile(file.path, into: &hasher) }
        // "news" → "nows" inside the keys: the checksum refuses it, with the file named.
        var flipped = good
        let news = Array("news".utf8)
        let at = try #require((0...(flipped.count - news.count)).first { flipped[$0..<($0 + news.count)].elementsEqual(news) })
        flipped[at + 1] = UInt8(ascii: "o")
        for damage in [flipped, Array(good.prefix(good.count / 2)), Array("not an image".utf8), Array(good.prefix(64))] {
            try Data(damage).write(to: path)
            #expect(throws: LexiconError.self) { _ = try cache.openList(path: path.path, key: key, count: 1, as: Int64.self) }
            let list = try cache.englishWordList(contentsOf: file)
            #expect(list.rank(of: "news") == 3)
            #expect(list.rank(of: "nows") == nil)
            #expect(try Data(contentsOf: path) == Data(good))
        }
        try Data(flipped).write(to: path)
        do {
            _ = try cache.openList(path: path.path, key: key, count: 1, as: Int64.self)
            Issue.record("a damaged image opened")
        } catch {
            #expect(error.problems.first?.file == path.path)
            #expect(error.problems.first?.message == "invalid compiled word list: its checksum does not match its contents (damaged)")
        }
        // A compiled lexicon is no list image, even under the list's key.
        try Data(LexiconCompiler.compile(Lexicon(), sourceKey: key)).write(to: path)
        do {
            _ = try cache.openList(path: path.path, key: key, count: 1, as: Int64.self)
            Issue.record("a lexicon image opened as a list")
        } catch {
            #expect(error.problems.first?.message == "invalid compiled word list: not a compiled Wirefix word list")
        }
        #expect(try cache.englishWordList(contentsOf: file).rank(of: "news") == 3)
        #expect(try Data(contentsOf: path) == Data(good))
    }

    @Test func aListWithANonASCIIWordIsBuiltAndNotStored() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("words.tsv", "the\t100\ncafé\t50\n")
        let cache = LexiconCache(directory: tree.url("cache"))
        for _ in 0..<2 {
            let list = try cache.englishWordList(contentsOf: file)
            #expect(list.rank(of: "café") == 2)
            #expect(list.rank(of: "cafe\u{301}") == 2)
        }
        #expect(wordImages(cache).isEmpty)
    }

    @Test func aMalformedListFailsAsWithoutACacheAndStoresNothing() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("words.tsv", "the\t100\nof fifty\n")
        let cache = LexiconCache(directory: tree.url("cache"))
        #expect(throws: LexiconError(file: file.path, line: 2, message: "expected 'word<TAB>count', found 'of fifty'")) {
            _ = try cache.englishWordList(contentsOf: file)
        }
        #expect(throws: LexiconError(file: tree.url("missing.tsv").path, line: 0, message: "cannot read file: no such file")) {
            _ = try cache.englishWordList(contentsOf: tree.url("missing.tsv"))
        }
        #expect(wordImages(cache).isEmpty)
        // The library default: no cache, the list built from the file.
        #expect(try LexiconCache.disabled.englishWordList(contentsOf: tree.write("ok.tsv", "the\t1\n")).rank(of: "the") == 1)
    }

    /// The key of a file read whole equals the key of the file hashed block by block, for sizes
    /// around the block size.
    @Test func theKeyOfBytesInMemoryIsTheKeyOfTheFile() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        for size in [0, 1, 31, 1 << 20, (1 << 20) + 9, 3 << 20] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
            let url = tree.url("f\(size)")
            try Data(bytes).write(to: url)
            let ofFile = try LexiconCache.listKey(name: "x") { (hasher) throws(LexiconError) in try LexiconCache.hashFile(url.path, into: &hasher) }
            let ofBytes = try LexiconCache.listKey(name: "x") { (hasher) throws(LexiconError) in bytes.withUnsafeBytes { LexiconCache.hashContents($0, into: &hasher) } }
            #expect(ofFile == ofBytes, "size \(size)")
        }
    }

    /// A pipe where a list file belongs is an error at once, not a run that waits on it (the
    /// cache hashed the file before reading it and blocked); a pipe where an image belongs is a
    /// miss; a directory named like an image is neither listed nor cleared.
    @Test func specialFilesAreRefusedNotWaitedOn() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let cache = LexiconCache(directory: tree.url("cache"))
        let pipe = tree.url("words.tsv")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        #expect(throws: LexiconError.self) { try cache.englishWordList(contentsOf: pipe) }
        do { _ = try cache.englishWordList(contentsOf: pipe) } catch {
            #expect(error.description.contains("not a regular file"), "\(error)")
        }
        // An image replaced by a pipe: opened without blocking, refused, rebuilt over.
        let built = try EnglishWordList(contentsOf: Self.bundledWords)
        _ = try cache.englishWordList(contentsOf: Self.bundledWords)
        let image = try #require(wordImages(cache).first)
        try FileManager.default.removeItem(at: image)
        #expect(mkfifo(image.path, 0o600) == 0)
        #expect(throws: LexiconError.self) { try ImageStorage.mapping(path: image.path) }
        expectSameWords(try cache.englishWordList(contentsOf: Self.bundledWords), built, sample: Self.queries)
        // A directory that bears an image's name, with something inside.
        let directory = tree.url("cache/english-names-kept.wfx")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("inner"), withIntermediateDirectories: true)
        #expect(!cache.images(prefix: "english-names-").contains(directory))
        _ = try cache.clear()
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("inner").path))
    }
}

