import Foundation
import WirefixLexicon

/// Finds and loads the data that ships with Wirefix: the `Lexicons/` directory.
public enum BundledData {
    /// The environment variable that points Wirefix at another bundled lexicon directory.
    public static let environmentVariable = "WIREFIX_BUNDLED_LEXICONS"

    /// The bundled `Lexicons/` directory.
    ///
    /// Looked up, in order: the directory named by `WIREFIX_BUNDLED_LEXICONS` (an error when it is
    /// set but holds no lexicon); an installed copy
    /// beside the executable (`../share/wirefix/Lexicons` or `Lexicons` next to it, as
    /// `Scripts/install.sh` lays it out); the source checkout this library was built from.
    ///
    /// - Throws: ``ConfigurationError`` when none of these exists.
    public static func lexiconDirectory() throws(ConfigurationError) -> URL {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            // Set on purpose: use it or say why not, never fall back silently.
            let url = URL(fileURLWithPath: path)
            var flag: ObjCBool = false
            guard fileManager.fileExists(atPath: url.appendingPathComponent("entities").path, isDirectory: &flag), flag.boolValue else {
                throw ConfigurationError("\(environmentVariable)=\(path): not a lexicon directory (no 'entities' folder)")
            }
            return url
        }
        var executableDirectories: [URL] = []
        if let executable = Bundle.main.executableURL { executableDirectories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent()) }
        executableDirectories.append(Bundle.main.bundleURL)
        executableDirectories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for directory in executableDirectories {
            candidates.append(directory.appendingPathComponent("../share/wirefix/Lexicons").standardized)
            candidates.append(directory.appendingPathComponent("Lexicons"))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lexicons"))
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("entities").path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        throw ConfigurationError("cannot find the bundled lexicons (looked in: \(candidates.map(\.path).joined(separator: ", "))); set \(environmentVariable)")
    }

    /// Loads the bundled English word list, `english/words.tsv`.
    ///
    /// - Throws: ``ConfigurationError`` when the directory is missing, ``LexiconError`` when the
    ///   file is malformed.
    public static func englishWordList() throws -> EnglishWordList {
        try englishWordList(cache: .disabled)
    }

    /// Loads the bundled English word list, `english/words.tsv`, from the image of its built
    /// table in `cache` when the file is unchanged (see ``LexiconCache/englishWordList(contentsOf:)``);
    /// the same list as ``englishWordList()``.
    ///
    /// - Throws: ``ConfigurationError`` when the directory is missing, ``LexiconError`` when the
    ///   file is malformed.
    public static func englishWordList(cache: LexiconCache) throws -> EnglishWordList {
        try cache.englishWordList(contentsOf: lexiconDirectory().appendingPathComponent("english/words.tsv"))
    }

    /// Loads the bundled English name list, `english/names.tsv`.
    ///
    /// - Throws: ``ConfigurationError`` when the directory is missing, ``LexiconError`` when the
    ///   file is malformed.
    public static func englishNameList() throws -> EnglishNameList {
        try englishNameList(cache: .disabled)
    }

    /// Loads the bundled English name list, `english/names.tsv`, from the image of its built
    /// tables in `cache` when the file is unchanged (see ``LexiconCache/englishNameList(contentsOf:)``);
    /// the same list as ``englishNameList()``.
    ///
    /// - Throws: ``ConfigurationError`` when the directory is missing, ``LexiconError`` when the
    ///   file is malformed.
    public static func englishNameList(cache: LexiconCache) throws -> EnglishNameList {
        try cache.englishNameList(contentsOf: lexiconDirectory().appendingPathComponent("english/names.tsv"))
    }

    /// Loads the bundled country table, `geography/countries.tsv`.
    ///
    /// - Throws: ``ConfigurationError`` when the directory is missing, ``LexiconError`` when the
    ///   file is malformed.
    public static func countryTable() throws -> CountryTable {
        try CountryTable(contentsOf: lexiconDirectory().appendingPathComponent("geography/countries.tsv"))
    }

    /// Loads the bundled Spanish and Portuguese name list, `spanish/names.tsv`.
    ///
    /// - Throws: ``ConfigurationError`` when the directory is missing, ``LexiconError`` when the
    ///   file is malformed.
    public static func spanishNameList() throws -> SpanishNameList {
        try SpanishNameList(contentsOf: lexiconDirectory().appendingPathComponent("spanish/names.tsv"))
    }
}
