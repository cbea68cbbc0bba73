import Wirefix

/// Generates the benchmark's corpus: the library's synthetic wire copy (``SyntheticWireCopy``)
/// damaged by ``DamageInjector`` at its default rates: the documents `wirefix synthesize` writes
/// for the same seed, without the ground truth. The same seed gives the same bytes.
struct CorpusGenerator {
    private var copy: SyntheticWireCopy
    private var injector: DamageInjector

    init(seed: UInt64, lexicon: Lexicon) {
        copy = SyntheticWireCopy(seed: seed, lexicon: lexicon)
        injector = DamageInjector(gazetteer: Gazetteer(lexicon: lexicon), seed: seed)
    }

    /// Generates about `bytes` bytes of text: damaged paragraphs separated by a blank line.
    mutating func generate(bytes target: Int) -> String {
        var output = ""
        output.reserveCapacity(target + 1024)
        while output.utf8.count < target {
            output += injector.damage(copy.paragraph()).damaged
            output += "\n\n"
        }
        return output
    }
}
