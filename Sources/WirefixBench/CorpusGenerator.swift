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
}

extension DamageRates {
    /// Every rate zero: copy as a careful desk would file it.
    static var none: DamageRates {
        var rates = DamageRates()
        for name in DamageRates.names { _ = rates.set(name, to: 0) }
        return rates
    }
}
