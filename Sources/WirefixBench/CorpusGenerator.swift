import Foundation
import Wirefix

/// Generates the benchmark's corpus: the library's synthetic wire copy (``SyntheticWireCopy``)
/// damaged by ``DamageInjector`` at its default rates: the documents `wirefix synthesize` writes
/// for the same seed, without the ground truth. The same seed gives the same bytes.
struct CorpusGenerator {
    private var copy: SyntheticWireCopy
    private var injector: DamageInjector

    /// The damage injected so far, edit by edit.
    private(set) var injectedEdits = 0

    /// A generator of damaged copy at `rates` (default: ``DamageRates``' defaults, the figures
    /// the benchmark's main corpus is made with); `DamageRates.none` gives the same copy
    /// undamaged.
    init(seed: UInt64, lexicon: Lexicon, rates: DamageRates = DamageRates()) {
        copy = SyntheticWireCopy(seed: seed, lexicon: lexicon)
        injector = DamageInjector(gazetteer: Gazetteer(lexicon: lexicon), rates: rates, seed: seed)
    }

    /// Generates about `bytes` bytes of text: damaged paragraphs separated by a blank line.
    mutating func generate(bytes target: Int) -> String {
        var output = ""
        output.reserveCapacity(target + 1024)
        while output.utf8.count < target {
            let (damaged, truth) = injector.damage(copy.paragraph())
            injectedEdits += truth.count
            output += damaged
            output += "\n\n"
        }
        return output
    }

    /// Writes about `bytes` bytes of ``generate(bytes:)``'s text to a new file at `path`, in
    /// pieces of at most 4 MB (the corpus is never whole in memory); `each` sees every piece.
    /// Returns the bytes written.
    mutating func write(bytes target: Int, toFile path: String, each: (String) -> Void = { _ in }) throws -> Int {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var written = 0
        while written < target {
            let piece = generate(bytes: min(4_000_000, target - written))
            each(piece)
            try handle.write(contentsOf: Data(piece.utf8))
            written += piece.utf8.count
        }
        try handle.close()
        return written
    }
}

extension DamageRates {
    /// Every rate zero: copy as a careful desk would file it.
    static var none: DamageRates {
        var rates = DamageRates()
        for name in DamageRates.names { _ = rates.set(name, to: 0) }
        return rates
    }
}
