import Testing
@testable import WirefixLexicon

/// The offset-delimited tables of a compiled image (string pool, record tables, list tables,
/// token keys) share one reader and one check of their offsets.
@Suite struct PackedBytesTests {
    /// A section of `count`, `byteCount`, the offsets and the bytes, as ``PackedBytesBuilder``
    /// writes it, but with offsets chosen by the test.
    static func section(offsets: [UInt32], bytes: [UInt8]) -> ImageStorage {
        var writer = ImageWriter()
        writer.append(UInt64(offsets.count - 1))
        writer.append(UInt64(bytes.count))
        writer.append(array: offsets)
        writer.append(array: bytes)
        return ImageStorage(copying: writer.bytes)
    }

    static func open(_ storage: ImageStorage) throws(ImageFormatError) -> PackedBytes {
        var reader = SectionReader(storage: storage, offset: 0, length: storage.count)
        return try PackedBytes(&reader, of: "a test table")
    }

    @Test func stringsComeBackInOrderAndRepeatsShareAnIndex() throws {
        var builder = StringPoolBuilder()
        #expect(builder.index(of: "VE") == 0)
        #expect(builder.index(of: "Peña") == 1)
        #expect(builder.index(of: "") == 2)
        #expect(builder.index(of: "VE") == 0)
        var writer = ImageWriter()
        builder.write(to: &writer)
        let storage = ImageStorage(copying: writer.bytes)
        var reader = SectionReader(storage: storage, offset: 0, length: storage.count)
        let pool = try StringPool(&reader)
        #expect(pool.count == 3)
        #expect((0..<3).map { pool.string($0) } == ["VE", "Peña", ""])
    }

    @Test func wellFormedOffsetsDelimitTheItems() throws {
        let table = try Self.open(Self.section(offsets: [0, 2, 2, 5], bytes: Array("abcde".utf8)))
        #expect(table.count == 3)
        #expect(table.range(0) == 0..<2)
        #expect(table.range(1) == 2..<2)
        #expect(table.range(2) == 2..<5)
    }

    @Test func offsetsThatFallOrMissTheBytesAreRefused() {
        let cases: [([UInt32], String)] = [
            ([0, 3, 2, 5], "a test table's offsets go backwards"),
            ([1, 2, 3, 5], "a test table's offsets do not cover its values"),
            ([0, 2, 3, 4], "a test table's offsets do not cover its values"),
            ([0, 2, 3, 6], "a test table's offsets do not cover its values"),
        ]
        for (offsets, message) in cases {
            #expect(throws: ImageFormatError.self) { _ = try Self.open(Self.section(offsets: offsets, bytes: Array("abcde".utf8))) }
            do {
                _ = try Self.open(Self.section(offsets: offsets, bytes: Array("abcde".utf8)))
            } catch {
                #expect(error.description == message, "offsets \(offsets)")
            }
        }
    }

    @Test func listOffsetsMustStepByWholeItems() throws {
        func reader(_ offsets: [UInt32]) -> SectionReader {
            var writer = ImageWriter()
            writer.append(array: offsets)
            let storage = ImageStorage(copying: writer.bytes)
            return SectionReader(storage: storage, offset: 0, length: storage.count)
        }
        // Items of two values each: 2, 0 and 2 values are whole items, 1 is not.
        var whole = reader([0, 2, 2, 4])
        let offsets = try whole.offsets(count: 3, covering: 4, stride: 2, of: "a list table")
        #expect(Array(offsets) == [0, 2, 2, 4])
        var split = reader([0, 2, 3, 4])
        #expect(throws: ImageFormatError.self) { _ = try split.offsets(count: 3, covering: 4, stride: 2, of: "a list table") }
        var single = reader([0, 2, 3, 4])
        #expect(try single.offsets(count: 3, covering: 4, stride: 1, of: "a list table").count == 4)
    }
}
