/// A parsed tab-separated file: a header naming the columns, then one record per line.
///
/// `#` comment lines and blank lines are skipped; a CR before LF is tolerated. Fields are split on
/// tabs only: there is no quoting, so fields cannot contain tabs. A row may leave off trailing
/// optional columns (they read as empty); it may not leave off a required one.
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

    /// Calls `body` with the 1-based number and the byte range of every line of UTF-8 `bytes`, as
    /// ``lines(of:)`` splits them (LF; a trailing CR and a leading byte-order mark left out), for
    /// the large word lists, which this reads without making a `String` per line.
    static func forEachLine(in bytes: [UInt8], _ body: (Int, Range<Int>) throws(LexiconError) -> Void) throws(LexiconError) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            number += 1
            let contentEnd = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
            try body(number, start..<contentEnd)
            start = end + 1
        }
    }

    /// Parses `text`, checking that the header holds every required column and no unknown one,
    /// and that every row has as many fields as the header, or fewer when only optional columns
    /// at the end are left off.
    static func parse(_ text: String, file: String, required: [String], optional: [String]) throws(LexiconError) -> TSVTable {
        let (table, problems) = try parseCollecting(text, file: file, required: required, optional: optional)
        if !problems.isEmpty { throw LexiconError(problems: problems) }
        return table
    }

    /// Like ``parse(_:file:required:optional:)``, but returns the rows that have the right number
    /// of fields together with the problems of the others.
    ///
    /// - Throws: ``LexiconError`` when the header is missing or unusable.
    static func parseCollecting(_ text: String, file: String, required: [String], optional: [String]) throws(LexiconError) -> (TSVTable, [LexiconError.Problem]) {
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
            // Trailing optional columns may be left off a row, so that adding such a column to a
            // file's header does not touch its other rows.
            let omitsOnlyOptional = fields.count < columns.count && columns[fields.count...].allSatisfy { !required.contains($0) }
            guard fields.count == columns.count || omitsOnlyOptional else {
                problems.append(.init(file: file, line: lineNumber, message: "expected \(columns.count) tab-separated fields, found \(fields.count)"))
                continue
            }
            var record: [String: String] = [:]
            for (name, value) in zip(columns, fields) { record[name] = value }
            rows.append(Row(line: lineNumber, fields: record))
        }
        if header == nil {
            throw LexiconError(file: file, line: 0, message: "no header line (expected columns: \(required.joined(separator: ", ")))")
        }
        return (TSVTable(columns: header ?? [], rows: rows), problems)
    }
}
