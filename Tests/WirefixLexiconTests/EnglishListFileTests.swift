import Foundation
import Testing
@testable import WirefixLexicon

/// The English word and name list files, read byte by byte: the same entries as the format says,
/// and a malformed line named by file and line.
@Suite struct EnglishListFileTests {
    @Test func aWordListReadsRanksAndCounts() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let url = try tree.write("words.tsv", "\u{FEFF}# comment\nthe\t23135851162\r\nof\t13151942776\n\ncafé\t12\n")
        let list = try EnglishWordList(contentsOf: url)
        #expect(list.count == 3)
        #expect(list.rank(of: "the") == 1)
        #expect(list.rank(of: "of") == 2)
        #expect(list.count(of: "of") == 13151942776)
        #expect(list.rank(of: "café") == 3)
        #expect(!list.contains("comment"))
    }

    @Test func aMalformedWordLineIsNamed() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        for bad in ["the 5", "the\t", "\t5", "the\t5x", "the\t5\t6", "the\t99999999999999999999"] {
            let url = try tree.write("words.tsv", "of\t7\n\(bad)\n")
            #expect {
                _ = try EnglishWordList(contentsOf: url)
            } throws: { error in
                (error as? LexiconError)?.description == "\(url.path):2: expected 'word<TAB>count', found '\(bad)'"
            }
        }
    }

    @Test func aNameListReadsGivenNamesAndSurnames() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let url = try tree.write("names.tsv", "# name kind rank\nmary\tgiven\t1\r\nsmith\tsurname\t1\njordan\tgiven\t40\njordan\tsurname\t300\n")
        let list = try EnglishNameList(contentsOf: url)
        #expect(list.count == 4)
        #expect(list.isGivenName("mary") && !list.isSurname("mary"))
        #expect(list.isSurname("smith") && list.isName("jordan"))
        let bad = try tree.write("bad.tsv", "mary\tgiven\t1\nsmith\tlast\t2\n")
        #expect {
            _ = try EnglishNameList(contentsOf: bad)
        } throws: { error in
            (error as? LexiconError)?.description == "\(bad.path):2: expected 'name<TAB>given|surname<TAB>rank', found 'smith\tlast\t2'"
        }
    }

    // The lists answer by bytes (StringValueTable) but keep String's answers.

    @Test func aRepeatedWordKeepsItsFirstRankAndARepeatedNameItsLastRank() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let words = try EnglishWordList(contentsOf: try tree.write("words.tsv", "the\t9\nof\t8\nthe\t7\nand\t6\n"))
        #expect(words.count == 3)
        #expect(words.rank(of: "the") == 1 && words.count(of: "the") == 9)
        #expect(words.rank(of: "and") == 3 && words.count(of: "and") == 6)
        let names = try EnglishNameList(contentsOf: try tree.write("names.tsv", "jordan\tgiven\t40\nmary\tgiven\t1\njordan\tgiven\t41\n"))
        #expect(names.count == 2)
        #expect(names.givenNameRank("jordan") == 41)
        #expect(names.givenNameRank("mary") == 1)
    }

    @Test func aQueryEqualOnlyUnderCanonicalEquivalenceIsFound() throws {
        // U+212A KELVIN SIGN is canonically "K"; "cafe\u{301}" is "café".
        #expect("\u{212A}" == "K")
        let ascii = EnglishWordList(rankedWords: [("K", 5), ("of", 4)])
        #expect(ascii.rank(of: "\u{212A}") == 1)
        #expect(ascii.rank(of: "K") == 1)
        #expect(ascii.rank(of: "k") == nil)
        #expect(ascii.rank(of: "\u{212A}\u{301}") == nil)
        let accented = EnglishWordList(rankedWords: [("café", 5), ("cafe\u{301}", 4), ("of", 3)])
        #expect(accented.count == 2)
        #expect(accented.rank(of: "cafe\u{301}") == 1 && accented.count(of: "café") == 5)
        #expect(accented.rank(of: "of") == 2)
        let names = EnglishNameList(givenNames: ["K": 3, "josé": 7], surnames: [:])
        #expect(names.givenNameRank("\u{212A}") == 3)
        #expect(names.givenNameRank("jose\u{301}") == 7)
        #expect(!names.isGivenName("jose"))
    }

    @Test func aTokenTableBuilderFindsRepeatsByBytes() {
        var builder = FoldedTokenTable.Builder(maximumCount: 4)
        #expect(builder.insert("the") == (0, true))
        #expect(builder.insert("of") == (1, true))
        #expect(builder.insert("the") == (0, false))
        #expect(builder.insert("café") == (2, true))
        #expect(builder.insert("cafe\u{301}") == (3, true))
        let table = builder.build()
        #expect(table.count == 4)
        #expect(table.id(ofFolded: Array("of".utf8)) == 1)
        #expect(table.key(ofID: 3) == "cafe\u{301}")
    }

    @Test func aTokenTableSlotNamingAKeyBeyondTheKeysIsRefused() throws {
        var builder = FoldedTokenTable.Builder(maximumCount: 3)
        for word in ["the", "of", "and"] { _ = builder.insert(word) }
        var writer = ImageWriter()
        builder.write(to: &writer)
        let good = writer.bytes
        func open(_ bytes: [UInt8]) throws -> FoldedTokenTable {
            let storage = ImageStorage(copying: bytes)
            var reader = SectionReader(storage: storage, offset: 0, length: storage.count)
            return try FoldedTokenTable(&reader)
        }
        #expect(try open(good).id(ofFolded: Array("and".utf8)) == 2)
        // Header: capacity, key count, byte count (3 × 8 bytes), then one 8-byte slot each; a slot's
        // low 4 bytes are its id + 1.
        var bad = good
        let slot = try #require((0..<16).first { bad[24 + 8 * $0] != 0 })
        bad[24 + 8 * slot] = 4
        #expect {
            _ = try open(bad)
        } throws: { error in
            (error as? ImageFormatError)?.description == "a token table's slot names key 3 of 3"
        }
    }
}
