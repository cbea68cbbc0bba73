import Foundation
import Wirefix

/// Shared test data: the bundled lexicon, loaded once, and the paths tests read from.
public enum Fixtures {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository (read-only material: the example article, the cases).
    public static let sharedDirectory: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The bundled lexicon.
    public static let lexicon: Lexicon = {
        do { return try LexiconLoader.load(directories: [try BundledData.lexiconDirectory()]) } catch {
            preconditionFailure("bundled lexicon failed to load: \(error)")
        }
    }()

    /// The bundled English word list.
    public static let words: EnglishWordList = {
        do { return try BundledData.englishWordList() } catch {
            preconditionFailure("bundled word list failed to load: \(error)")
        }
    }()

    /// The bundled English name list.
    public static let names: EnglishNameList = {
        do { return try BundledData.englishNameList() } catch {
            preconditionFailure("bundled name list failed to load: \(error)")
        }
    }()

    /// The bundled country table.
    public static let countries: CountryTable = {
        do { return try BundledData.countryTable() } catch {
            preconditionFailure("bundled country table failed to load: \(error)")
        }
    }()

    /// The bundled Spanish and Portuguese name list.
    public static let spanishNames: SpanishNameList = {
        do { return try BundledData.spanishNameList() } catch {
            preconditionFailure("bundled Spanish name list failed to load: \(error)")
        }
    }()

    /// The bundled gazetteer, compiled once.
    public static let gazetteer = Gazetteer(lexicon: lexicon)

    /// A rule context over the bundled data with the given options.
    public static func context(options: RuleOptions = .default) -> RuleContext {
        RuleContext(gazetteer: gazetteer, words: words, names: names, countries: countries,
                    spanishNames: spanishNames, options: options)
    }

    /// A corrector with the bundled data and default options.
    public static let corrector: Corrector = {
        do { return try Corrector(lexicon: lexicon, words: words, names: names, countries: countries, spanishNames: spanishNames) } catch {
            preconditionFailure("corrector failed to build: \(error)")
        }
    }()

    /// Reads a file under `../shared` as UTF-8.
    public static func sharedText(_ relativePath: String) throws -> String {
        let data = try Data(contentsOf: sharedDirectory.appendingPathComponent(relativePath))
        return String(decoding: data, as: UTF8.self)
    }
}
