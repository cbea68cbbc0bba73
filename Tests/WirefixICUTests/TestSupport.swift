/// Unicode scalar values of `text`, for comparisons that must not be canonical-equivalence based
/// (Swift's `==` treats "e\u{301}" and "é" as equal).
func scalars(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}
