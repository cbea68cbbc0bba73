import Foundation

/// Reads evaluation cases from case files, article files and directories.
///
/// **Case files** (`*.tsv`): UTF-8, tab-separated, one case per line, no quoting. The first line
/// that is neither blank nor a `#` comment is the header; it must name the columns `id`, `kind`,
/// `input` and `expected`, and may name `note`. A trailing CR is dropped. Ids are unique across
/// everything loaded; kinds are those of ``DamageKind/all``; a `negative` must have its expected
/// text equal to its input. A comment line `# set: NAME` before the header (`NAME` of lowercase
/// letters, digits and hyphens, not `articles`, `synthetic` or `clean-copy`) puts the file's
/// cases in the set `NAME` instead of `cases`, so that the report scores them apart.
///
/// **Articles**: a file `NAME.txt` whose hand-corrected version is `NAME.expected.txt` beside it.
/// Its id is `article-NAME` and its kind ``EvaluationCase/articleKind``.
///
/// **Synthetic corpora**: a file `NAME.txt` with its ground truth `NAME.truth.tsv` beside it
/// (see ``SyntheticCorpus``): one case per document.
///
/// **Directories**: every `*.tsv` case file in it and every article or synthetic corpus in it or
/// in its `articles/` subdirectory, in name order.
public enum EvaluationCorpus {
    /// The columns a case file must have.
    public static let requiredColumns = ["id", "kind", "input", "expected"]

    /// Loads every case from the given paths, in the order given.
    ///
    /// - Parameter paths: files (`.tsv` case files, `.txt` articles) and directories.
    /// - Throws: ``EvaluationError`` with every problem found: an unreadable or non-UTF-8 file, a
    ///   missing column, a line with the wrong number of fields, an unknown kind, a duplicate id, a
    ///   negative whose expected text differs from its input, an article without its expected file.
    public static func load(paths: [String]) throws(EvaluationError) -> [EvaluationCase] {
        var cases: [EvaluationCase] = []
        var problems: [EvaluationError.Problem] = []
        for path in paths {
            do throws(EvaluationError) {
                cases += try load(path: path)
            } catch {
                problems += error.problems
            }
        }
        var seen: [String: String] = [:]
        for item in cases {
            if let first = seen[item.id] {
                problems.append(.init(file: item.source, line: 0, message: "duplicate id '\(item.id)' (first in \(first))"))
            } else {
                seen[item.id] = item.source
            }
        }
        if !problems.isEmpty { throw EvaluationError(problems: problems) }
        return cases
    }

    /// Loads one path: a case file, an article or a directory.
    static func load(path: String) throws(EvaluationError) -> [EvaluationCase] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EvaluationError(file: path, "no such file or directory")
        }
        if isDirectory.boolValue { return try loadDirectory(path) }
        if path.hasSuffix(SyntheticCorpus.truthSuffix) {
            return try SyntheticCorpus.load(textPath: String(path.dropLast(SyntheticCorpus.truthSuffix.count)) + ".txt")
        }
        if path.hasSuffix(".tsv") { return try parseCases(try readText(path), file: path) }
        if path.hasSuffix(".txt") && !path.hasSuffix(".expected.txt") {
            if FileManager.default.fileExists(atPath: SyntheticCorpus.truthPath(forText: path)) {
                return try SyntheticCorpus.load(textPath: path)
            }
            return [try loadArticle(path)]
        }
        throw EvaluationError(file: path, "not a case file (.tsv), an article (.txt) or a directory")
    }

    /// Loads the case files and articles of a directory (see ``EvaluationCorpus``).
    static func loadDirectory(_ path: String) throws(EvaluationError) -> [EvaluationCase] {
        var cases: [EvaluationCase] = []
        var problems: [EvaluationError.Problem] = []
        let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? []
        var articleFiles = names.filter { $0.hasSuffix(".txt") && !$0.hasSuffix(".expected.txt") }.map { "\(directory)/\($0)" }
        let articles = "\(directory)/articles"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: articles, isDirectory: &isDirectory), isDirectory.boolValue {
            let inner = (try? FileManager.default.contentsOfDirectory(atPath: articles))?.sorted() ?? []
            articleFiles += inner.filter { $0.hasSuffix(".txt") && !$0.hasSuffix(".expected.txt") }.map { "\(articles)/\($0)" }
        }
        for name in names where name.hasSuffix(".tsv") && !name.hasSuffix(SyntheticCorpus.truthSuffix) {
            do throws(EvaluationError) { cases += try parseCases(try readText("\(directory)/\(name)"), file: "\(directory)/\(name)") } catch {
                problems += error.problems
            }
        }
        for file in articleFiles {
            do throws(EvaluationError) {
                if FileManager.default.fileExists(atPath: SyntheticCorpus.truthPath(forText: file)) {
                    cases += try SyntheticCorpus.load(textPath: file)
                } else {
                    cases.append(try loadArticle(file))
                }
            } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw EvaluationError(problems: problems) }
        if cases.isEmpty { throw EvaluationError(file: path, "no case files (*.tsv) or articles (*.txt) in the directory") }
        return cases
    }

    /// Loads clean copy: every `.txt` file given, and every `.txt` file directly in a directory
    /// given, in name order, each as one case of kind ``EvaluationCase/cleanCopyKind`` (id
    /// `clean-NAME`) that must come out unchanged.
    ///
    /// - Throws: ``EvaluationError`` naming each path that is missing, unreadable, not UTF-8 or
    ///   not a `.txt` file, and each directory without one.
    public static func loadCleanCopy(paths: [String]) throws(EvaluationError) -> [EvaluationCase] {
        var cases: [EvaluationCase] = []
        var problems: [EvaluationError.Problem] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(.init(file: path, line: 0, message: "no such file or directory"))
                continue
            }
            var files: [String] = []
            if isDirectory.boolValue {
                let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
                let names = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? []
                files = names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix("LICENSE") }.map { "\(directory)/\($0)" }
                if files.isEmpty { problems.append(.init(file: path, line: 0, message: "no clean copy (*.txt) in the directory")) }
            } else if path.hasSuffix(".txt") {
                files = [path]
            } else {
                problems.append(.init(file: path, line: 0, message: "clean copy must be a .txt file or a directory"))
            }
            for file in files {
                do throws(EvaluationError) {
                    let text = try readText(file)
                    let name = String((file.split(separator: "/").last ?? "").dropLast(".txt".count))
                    cases.append(EvaluationCase(id: "clean-\(name)", kind: EvaluationCase.cleanCopyKind, input: text,
                                                expected: text, note: "clean copy", source: file))
                } catch { problems += error.problems }
            }
        }
        if !problems.isEmpty { throw EvaluationError(problems: problems) }
        return cases
    }

    /// Loads an article `NAME.txt` and its `NAME.expected.txt`.
    static func loadArticle(_ path: String) throws(EvaluationError) -> EvaluationCase {
        let stem = String(path.dropLast(".txt".count))
        let expectedPath = stem + ".expected.txt"
        guard FileManager.default.fileExists(atPath: expectedPath) else {
            throw EvaluationError(file: path, "article has no expected version \(expectedPath)")
        }
        let name = stem.split(separator: "/").last.map(String.init) ?? stem
        return EvaluationCase(id: "article-\(name)", kind: EvaluationCase.articleKind,
                              input: try readText(path), expected: try readText(expectedPath),
                              note: "", source: path)
    }

    /// The comment that names a case file's set: `# set: NAME`.
    public static let setDirective = "# set:"

    /// Parses the text of a case file (see ``EvaluationCorpus``).
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the path, for sources and messages.
    /// - Throws: ``EvaluationError`` with every problem in the file.
    public static func parseCases(_ text: String, file: String) throws(EvaluationError) -> [EvaluationCase] {
        var problems: [EvaluationError.Problem] = []
        var header: [String]?
        var cases: [EvaluationCase] = []
        let knownKinds = Set(DamageKind.all)
        var setName: String?
        // "\r\n" is one Character: split on both forms of line end.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            if header == nil, line.hasPrefix(setDirective) {
                let name = line.dropFirst(setDirective.count).trimmingCharacters(in: .whitespaces)
                if name.isEmpty || !name.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
                    || ["articles", "synthetic", "clean-copy"].contains(name) {
                    problems.append(.init(file: file, line: lineNumber, message: "'# set:' needs a set name of lowercase letters, digits and hyphens other than articles, synthetic and clean-copy, found '\(name)'"))
                } else {
                    setName = name
                }
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                for name in requiredColumns where !fields.contains(name) {
                    problems.append(.init(file: file, line: lineNumber, message: "header lacks the column '\(name)'"))
                }
                for name in fields where !(requiredColumns + ["note"]).contains(name) {
                    problems.append(.init(file: file, line: lineNumber, message: "unknown column '\(name)' (expected: id, kind, input, expected, note)"))
                }
                if !problems.isEmpty { throw EvaluationError(problems: problems) }
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                problems.append(.init(file: file, line: lineNumber, message: "expected \(columns.count) tab-separated fields, found \(fields.count)"))
                continue
            }
            var record: [String: String] = [:]
            for (name, value) in zip(columns, fields) { record[name] = value }
            let item = EvaluationCase(id: record["id"] ?? "", kind: record["kind"] ?? "", input: record["input"] ?? "",
                                      expected: record["expected"] ?? "", note: record["note"] ?? "",
                                      source: "\(file):\(lineNumber)", setName: setName)
            if item.id.isEmpty { problems.append(.init(file: file, line: lineNumber, message: "empty id")) }
            if !knownKinds.contains(item.kind) {
                problems.append(.init(file: file, line: lineNumber, message: "unknown kind '\(item.kind)' (known: \(DamageKind.all.joined(separator: ", ")))"))
            }
            if item.isNegative && !item.expectsNoChange {
                problems.append(.init(file: file, line: lineNumber, message: "negative case '\(item.id)' expects a change"))
            }
            cases.append(item)
        }
        if header == nil { problems.append(.init(file: file, line: 0, message: "no header line (expected columns: id, kind, input, expected, note)")) }
        if !problems.isEmpty { throw EvaluationError(problems: problems) }
        return cases
    }

    /// Reads a file as strict UTF-8.
    ///
    /// - Throws: ``EvaluationError`` naming the file when it cannot be read or is not UTF-8.
    public static func readText(_ path: String) throws(EvaluationError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError(file: path, "cannot read the file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw EvaluationError(file: path, "not valid UTF-8")
        }
        return text
    }
}
