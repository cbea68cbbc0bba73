/// A parsed tab-separated file: a header naming the columns, then one record per line.
///
/// `#` comment lines and blank lines are skipped; a CR before LF is tolerated. Fields are split on
/// tabs only: there is no quoting, so fields cannot contain tabs.
struct TSVTable {
    struct Row {
        let line: Int
        let fields: [String: String]
    }

    let columns: [String]
    let rows: [Row]

    /// The lines of a text: split on LF by scalar (Swift's `Character` would see CR LF as one
    /// character and never split it), without a trailing CR, and without a leading byte-order mark.
    static func lines(of text: String) -> [Substring] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        return scalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = line
            if line.last == "\r" { line = line.dropLast() }
            return Substring(line)
        }
    }

    /// Parses `text`, checking that the header holds every required column and no unknown one,
    /// and that every row has exactly as many fields as the header.
    static func parse(_ text: String, file: String, required: [String], optional: [String]) throws(LexiconError) -> TSVTable {
        var problems: [LexiconError.Problem] = []
        var header: [String]?
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in lines(of: text) {
            lineNumber += 1
            let line = rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                let known = Set(required + optional)
                for name in fields where !known.contains(name) {
                    problems.append(.init(file: file, line: lineNumber, message: "unknown column '\(name)' in header (expected: \((required + optional).joined(separator: ", ")))"))
                }
                for name in required where !fields.contains(name) {
                    problems.append(.init(file: file, line: lineNumber, message: "header lacks required column '\(name)'"))
                }
                if Set(fields).count != fields.count {
                    problems.append(.init(file: file, line: lineNumber, message: "header names a column twice"))
                }
                if !problems.isEmpty { throw LexiconError(problems: problems) }
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                problems.append(.init(file: file, line: lineNumber, message: "expected \(columns.count) tab-separated fields, found \(fields.count)"))
                continue
            }
            var record: [String: String] = [:]
            for (name, value) in zip(columns, fields) { record[name] = value }
            rows.append(Row(line: lineNumber, fields: record))
        }
        if header == nil {
            problems.append(.init(file: file, line: 0, message: "no header line (expected columns: \(required.joined(separator: ", ")))"))
        }
        if !problems.isEmpty { throw LexiconError(problems: problems) }
        return TSVTable(columns: header ?? [], rows: rows)
    }
}
