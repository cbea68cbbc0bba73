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
}
