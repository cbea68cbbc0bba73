import Testing
import WirefixEngine

/// The binary search the line and token indexes share.
@Suite struct PartitioningIndexTests {
    @Test func findsTheFirstElementOfTheSecondPart() {
        let values = [2, 5, 5, 9, 14]
        #expect(values.partitioningIndex { $0 >= 5 } == 1)
        #expect(values.partitioningIndex { $0 > 5 } == 3)
        #expect(values.partitioningIndex { $0 >= 0 } == 0)
        #expect(values.partitioningIndex { $0 > 14 } == 5)
        #expect([Int]().partitioningIndex { $0 > 0 } == 0)
        // Every threshold over a longer array agrees with a linear scan.
        let long = (0..<200).map { $0 * 3 / 2 }
        for threshold in -1...302 {
            #expect(long.partitioningIndex { $0 >= threshold } == (long.firstIndex { $0 >= threshold } ?? long.count))
        }
        // A slice answers with the slice's own indices.
        #expect(long[10..<20].partitioningIndex { $0 >= 20 } == 14)
    }
}
