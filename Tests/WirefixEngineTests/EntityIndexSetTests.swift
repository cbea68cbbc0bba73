import Testing
import WirefixEngine

@Suite struct EntityIndexSetTests {
    @Test func holdsIndicesAndListsThemInOrder() {
        var set: EntityIndexSet = [130, 3]
        set.insert(64)
        set.formUnion([3, 0, 200])
        #expect(Array(set) == [0, 3, 64, 130, 200])
        #expect(set.count == 5)
        #expect(set.contains(64) && !set.contains(65) && !set.contains(100_000) && !set.contains(-1))
        #expect(!set.isEmpty && EntityIndexSet().isEmpty)
        #expect(set.description == "[0, 3, 64, 130, 200]")
    }

    /// The bits as a lookup below the engine reads them: index i is bit i & 63 of word i >> 6.
    @Test func wordsHoldOneBitPerIndex() {
        let set: EntityIndexSet = [0, 3, 64, 130]
        #expect(set.withUnsafeWords { Array($0) } == [0b1001, 0b1, 0b100])
        #expect(EntityIndexSet().withUnsafeWords { $0.count } == 0)
    }

    @Test func equalSetsCompareAndHashEqual() {
        var grown = EntityIndexSet([5])
        grown.insert(1000)
        var other = EntityIndexSet([5])
        other.insert(999)
        #expect(grown != other)
        #expect(EntityIndexSet([5, 7]) == EntityIndexSet([7, 5]))
        #expect(TextHistory(peopleNamedInFull: [5]) == TextHistory(peopleNamedInFull: EntityIndexSet([5])))
        #expect(Set([EntityIndexSet([1, 2]), EntityIndexSet([2, 1])]).count == 1)
    }

    /// A collection is added in one pass after growing once; a one-pass sequence word by word:
    /// both give the same set, and adding smaller indices to a larger set keeps what it held.
    @Test func unionOfACollectionEqualsUnionOfASequence() {
        let indices = [100_000, 7, 64, 63, 0, 7]
        var fromCollection: EntityIndexSet = [70_000]
        fromCollection.formUnion(indices)
        var fromSequence: EntityIndexSet = [70_000]
        fromSequence.formUnion(indices.lazy.map { $0 })
        #expect(fromCollection == fromSequence)
        #expect(Array(fromCollection) == [0, 7, 63, 64, 70_000, 100_000])
        var large: EntityIndexSet = [100_000]
        large.formUnion(Set([1, 2]))
        #expect(Array(large) == [1, 2, 100_000])
        large.formUnion([Int]())
        #expect(large.count == 3)
    }
}
