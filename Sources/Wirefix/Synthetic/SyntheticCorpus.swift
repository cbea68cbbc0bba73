import Foundation
import WirefixLexicon

/// A synthetic corpus: damaged wire copy with the ground truth of every injected change, written
/// by ``write(to:options:gazetteer:lexicon:)`` and scored by `wirefix eval`.
///
/// **Files.** `NAME.txt` holds the damaged text: documents (paragraphs) separated by a blank line
/// (`"\n\n"`), UTF-8, LF. `NAME.truth.tsv` beside it holds the ground truth: `#` comment lines
/// (the seed, the rates, the source), a header line `start end kind damaged clean`, then one line
/// per injected change, in text order: the UTF-8 byte span `start..<end` of the change in
/// `NAME.txt`, its kind (one of ``DamageKind/all``), the damaged text at that span and the clean
/// text that repairs it. In the two text fields a backslash, tab, line feed and carriage return
/// are written `\\`, `\t`, `\n` and `\r`.
///
/// **Evaluation.** Each document is one case of kind ``EvaluationCase/syntheticKind`` whose
/// expected text is the clean one; each expected edit takes the kind of the injected change it
/// overlaps (``Evaluator``).
public enum SyntheticCorpus {
    /// The suffix of a ground-truth file: `NAME.truth.tsv` beside `NAME.txt`.
    public static let truthSuffix = ".truth.tsv"

    /// The columns of a ground-truth file.
    public static let columns = ["start", "end", "kind", "damaged", "clean"]

    /// The largest corpus ``write(to:options:gazetteer:lexicon:)`` writes: 10^10 bytes (10 GB,
    /// a hundred times the benchmark's corpus). A larger request is almost surely a typo ("1e12"
    /// megabytes), and would fill the disk before it finished.
    public static let maximumBytes = 10_000_000_000

    /// The ground-truth path of a text path: `NAME.txt` → `NAME.truth.tsv`.
    public static func truthPath(forText path: String) -> String {
        (path.hasSuffix(".txt") ? String(path.dropLast(4)) : path) + truthSuffix
    }

    /// What to generate.
    public struct Options: Sendable {
        /// The seed; the same seed, lexicon and options give the same files, byte for byte.
        public var seed: UInt64 = 42
        /// The size to reach, in bytes of damaged text (the last document may pass it); at most
        /// ``SyntheticCorpus/maximumBytes``.
        public var bytes = 1_000_000
        /// How often each kind of damage is injected.
        public var rates = DamageRates()
        /// Clean text to damage instead of generated wire copy: its paragraphs (separated by a
        /// blank line) are damaged in turn, over and over until ``bytes`` is reached.
        public var cleanText: String?
        /// Where ``cleanText`` comes from, for the ground truth's comment.
        public var cleanSource = ""

        /// Default options: seed 42, 1 MB, default rates, generated wire copy.
        public init() {}
    }

    /// What a generation wrote.
    public struct Summary: Sendable, Hashable {
        /// Bytes of damaged text written.
        public var bytes = 0
        /// Documents written.
        public var documents = 0
        /// Injected changes per kind.
        public var changes: [String: Int] = [:]
    }

    /// Generates a corpus and writes `path` (`NAME.txt`) and its ground truth beside it,
    /// streaming: memory stays constant whatever the size. Each file is written to a temporary
    /// file in the same directory and renamed into place, so a reader never sees half a file;
    /// while it is written, ``PendingFiles`` lists it, so that a program stopped by a signal can
    /// remove it.
    ///
    /// - Parameters:
    ///   - path: the damaged text's path; must end in `.txt`.
    ///   - options: seed, size, rates and the clean text.
    ///   - gazetteer: finds name mentions and supplies calques.
    ///   - lexicon: the entities generated wire copy is about.
    /// - Throws: ``EvaluationError`` naming the file that could not be written, or when
    ///   `options.bytes` exceeds ``maximumBytes``. Nothing is left behind then: the temporary files
    ///   are removed.
    /// - Complexity: linear in `options.bytes`.
    @discardableResult
    public static func write(to path: String, options: Options, gazetteer: Gazetteer, lexicon: Lexicon) throws(EvaluationError) -> Summary {
        guard path.hasSuffix(".txt") else { throw EvaluationError(file: path, "a synthetic corpus must be written to a .txt file") }
        guard options.bytes <= maximumBytes else {
            throw EvaluationError(file: path, "a synthetic corpus may have at most \(maximumBytes) bytes (\(maximumBytes / 1_000_000) MB); \(options.bytes) were asked for")
        }
        let truthPath = truthPath(forText: path)
        let text = try OutputFile(path: path)
        let truth: OutputFile
        do throws(EvaluationError) {
            truth = try OutputFile(path: truthPath)
        } catch {
            text.discard()
            throw error
        }
        var summary = Summary()
        do throws(EvaluationError) {
            try truth.write("# wirefix synthetic corpus: ground truth of \((path as NSString).lastPathComponent)\n")
            try truth.write("# seed \(options.seed); rates \(options.rates.summary)\n")
            try truth.write("# clean text: \(options.cleanText == nil ? "generated wire copy (SyntheticWireCopy)" : options.cleanSource)\n")
            try truth.write("# spans are UTF-8 byte offsets into the .txt file; damaged and clean escape \\\\ \\t \\n \\r\n")
            try truth.write(columns.joined(separator: "\t") + "\n")
            var wireCopy = SyntheticWireCopy(seed: options.seed, lexicon: lexicon)
            var injector = DamageInjector(gazetteer: gazetteer, rates: options.rates, seed: options.seed)
            let paragraphs = options.cleanText.map(Self.paragraphs(of:)) ?? []
            if options.cleanText != nil && paragraphs.isEmpty {
                throw EvaluationError(file: options.cleanSource, "the clean text has no paragraph")
            }
            var next = 0
            while summary.bytes < options.bytes {
                let clean: String
                if paragraphs.isEmpty {
                    clean = wireCopy.paragraph()
                } else {
                    clean = paragraphs[next % paragraphs.count]
                    next += 1
                }
                let (damaged, changes) = injector.damage(clean)
                if summary.documents > 0 {
                    try text.write("\n\n")
                    summary.bytes += 2
                }
                for change in changes {
                    let start = summary.bytes + change.edit.range.start
                    let end = summary.bytes + change.edit.range.end
                    try truth.write("\(start)\t\(end)\t\(change.kind)\t\(escape(change.edit.original))\t\(escape(change.edit.replacement))\n")
                    summary.changes[change.kind, default: 0] += 1
                }
                try text.write(damaged)
                summary.bytes += damaged.utf8.count
                summary.documents += 1
            }
            try text.write("\n")
            summary.bytes += 1
            try text.commit()
            try truth.commit()
        } catch {
            text.discard()
            truth.discard()
            throw error
        }
        return summary
    }

    /// The paragraphs of a clean text: runs of non-blank lines, each kept as written.
    static func paragraphs(of text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Loads a synthetic corpus as cases, one per document.
    ///
    /// - Parameter textPath: `NAME.txt`; its ground truth is `NAME.truth.tsv`.
    /// - Throws: ``EvaluationError`` with every problem of the ground truth, each with its line: a
    ///   malformed line, an unknown kind, a span outside the text or across a document boundary,
    ///   overlapping changes, or a damaged field that differs from the text at its span.
    public static func load(textPath: String) throws(EvaluationError) -> [EvaluationCase] {
        let truthPath = truthPath(forText: textPath)
        let text = try EvaluationCorpus.readText(textPath)
        let truthText = try EvaluationCorpus.readText(truthPath)
        let bytes = Array(text.utf8)
        // Documents: runs between "\n\n" separators.
        var documents: [Range<Int>] = []
        var start = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A && bytes[index + 1] == 0x0A {
                documents.append(start..<index)
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        documents.append(start..<bytes.count)
        var labels = [[LabeledEdit]](repeating: [], count: documents.count)
        var problems: [EvaluationError.Problem] = []
        var headerSeen = false
        var document = 0
        var previousEnd = 0
        let kinds = Set(DamageKind.all).subtracting([DamageKind.negative])
        for (offset, line) in truthText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !headerSeen {
                if fields != columns {
                    problems.append(.init(file: truthPath, line: lineNumber, message: "expected the header '\(columns.joined(separator: "<TAB>"))'"))
                    break
                }
                headerSeen = true
                continue
            }
            guard fields.count == columns.count else {
                problems.append(.init(file: truthPath, line: lineNumber, message: "expected \(columns.count) tab-separated fields, found \(fields.count)"))
                continue
            }
            guard let spanStart = Int(fields[0]), let spanEnd = Int(fields[1]), spanStart >= 0, spanStart <= spanEnd, spanEnd <= bytes.count else {
                problems.append(.init(file: truthPath, line: lineNumber, message: "span '\(fields[0])..<\(fields[1])' is not within the \(bytes.count) bytes of \(textPath)"))
                continue
            }
            guard kinds.contains(fields[2]) else {
                problems.append(.init(file: truthPath, line: lineNumber, message: "unknown kind '\(fields[2])' (known: \(DamageKind.all.filter { $0 != DamageKind.negative }.joined(separator: ", ")))"))
                continue
            }
            guard spanStart >= previousEnd else {
                problems.append(.init(file: truthPath, line: lineNumber, message: "change at \(spanStart) overlaps or precedes the one before (ending at \(previousEnd))"))
                continue
            }
            previousEnd = spanEnd
            let damaged = unescape(fields[3])
            guard bytes[spanStart..<spanEnd].elementsEqual(damaged.utf8) else {
                let found = String(decoding: bytes[spanStart..<spanEnd], as: UTF8.self)
                problems.append(.init(file: truthPath, line: lineNumber, message: "the text at \(spanStart)..<\(spanEnd) is '\(escape(found))', not '\(fields[3])'"))
                continue
            }
            while document < documents.count && documents[document].upperBound < spanEnd { document += 1 }
            guard document < documents.count, documents[document].lowerBound <= spanStart else {
                problems.append(.init(file: truthPath, line: lineNumber, message: "change at \(spanStart)..<\(spanEnd) crosses a document boundary"))
                continue
            }
            let base = documents[document].lowerBound
            labels[document].append(LabeledEdit(
                edit: TextEdit(range: TextRange(start: spanStart - base, end: spanEnd - base), original: damaged,
                               replacement: unescape(fields[4])),
                kind: fields[2]))
        }
        if !headerSeen && problems.isEmpty {
            problems.append(.init(file: truthPath, line: 0, message: "no header line (expected columns: \(columns.joined(separator: ", ")))"))
        }
        if !problems.isEmpty { throw EvaluationError(problems: problems) }
        let name = ((textPath as NSString).lastPathComponent as NSString).deletingPathExtension
        var cases: [EvaluationCase] = []
        cases.reserveCapacity(documents.count)
        for (number, range) in documents.enumerated() where !range.isEmpty {
            let input = String(decoding: bytes[range], as: UTF8.self)
            let truth = labels[number]
            let expected = truth.isEmpty ? input : TextEdit.apply(truth.map(\.edit), to: Array(bytes[range]), in: TextRange(start: 0, end: range.count))
            cases.append(EvaluationCase(id: "\(name)-\(number + 1)", kind: EvaluationCase.syntheticKind, input: input,
                                        expected: expected, note: "", source: "\(textPath)@\(range.lowerBound)", truth: truth))
        }
        return cases
    }

    /// Escapes a text field of the ground truth.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Undoes ``escape(_:)``.
    public static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        var result = ""
        var escaping = false
        for character in text.unicodeScalars {
            if escaping {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// A file written through a buffer into a temporary file beside its path, renamed into place by
/// ``commit()``. The temporary file is listed in ``PendingFiles`` from its creation until
/// ``commit()`` renames it or ``discard()`` removes it.
final class OutputFile {
    let path: String
    let temporary: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws(EvaluationError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw EvaluationError(file: path, "cannot create the file")
        }
        PendingFiles.add(temporary)
        guard let handle = FileHandle(forWritingAtPath: temporary) else {
            unlink(temporary)
            PendingFiles.remove(temporary)
            throw EvaluationError(file: path, "cannot create the file")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends text; writes the buffer out once it holds 1 MiB.
    ///
    /// - Throws: ``EvaluationError`` when the write fails (a full disk, a file-size limit).
    func write(_ text: String) throws(EvaluationError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(EvaluationError) {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw EvaluationError(file: path, "cannot write the file: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func commit() throws(EvaluationError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw EvaluationError(file: path, "cannot write the file: \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            throw EvaluationError(file: path, "cannot move the written file into place")
        }
        PendingFiles.remove(temporary)
    }

    /// Closes and removes the temporary file (after an error).
    func discard() {
        try? handle.close()
        unlink(temporary)
        PendingFiles.remove(temporary)
    }
}
