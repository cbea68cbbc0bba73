extension RandomAccessCollection {
    /// The index of the first element for which `isInSecondPart` holds, in a collection where it
    /// holds for a suffix (ascending offsets, for instance, and `{ $0 >= offset }`); `endIndex`
    /// when it holds for none. A binary search: O(log *n*) calls of `isInSecondPart`.
    @inlinable
    public func partitioningIndex(where isInSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try isInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
