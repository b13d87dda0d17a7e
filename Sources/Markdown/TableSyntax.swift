/// How a table column's cells are aligned, from the colons of its delimiter cell (`:--`, `:-:`, `--:`).
public enum TableAlignment: Sendable, Equatable {
    case none, left, center, right
}

/// A GFM table found in the lines of one paragraph (GFM spec 0.29 §4.10, as cmark-gfm's table extension reads it).
struct TableSource: Equatable {
    /// How many of the paragraph's lines come before the header row; they stay a paragraph.
    var leadingLines: Int
    var header: [String]
    var alignments: [TableAlignment]
    /// Body rows, each padded with empty cells or cut to the header's width.
    var rows: [[String]]
    /// Body rows written with more cells than the header (their extra cells are dropped): row index → cells written.
    var overlong: [Int: Int] = [:]

    /// The first table in `lines` (a paragraph's lines without container prefixes): a header row directly followed by
    /// a delimiter row with as many cells; every later line is a body row.
    static func find(in lines: [Substring]) -> TableSource? {
        guard lines.count >= 2 else { return nil }
        for index in 1..<lines.count {
            guard let alignments = TableSyntax.delimiterRow(lines[index]),
                  let header = TableSyntax.row(lines[index - 1]), header.count == alignments.count else { continue }
            let written = lines[(index + 1)...].compactMap(TableSyntax.row)
            let rows = written.map { cells in
                Array(cells.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - cells.count))
            }
            var table = TableSource(leadingLines: index - 1, header: header, alignments: alignments, rows: rows)
            for (row, cells) in written.enumerated() where cells.count > header.count && !cells[header.count...].allSatisfy(\.isEmpty) {
                table.overlong[row] = cells.count
            }
            return table
        }
        return nil
    }
}

/// The rows of a GFM table, read the way cmark-gfm reads them.
enum TableSyntax {
    /// The cells of a row: an optional leading pipe, cells separated by pipes that are not escaped, an optional
    /// trailing pipe. Cells are trimmed, and `\|` becomes `|` in them (also inside code spans, as in GFM). Nil for a
    /// line without cells.
    static func row(_ line: Substring) -> [String]? {
        let bytes = Array(trimmingSpace(line).utf8)
        guard !bytes.isEmpty else { return nil }
        var cells: [String] = []
        var index = 0
        if bytes[0] == UInt8(ascii: "|") { index = 1 }
        while index < bytes.count {
            var cell: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "|") {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count, isASCIIPunctuation(bytes[index + 1]) {
                    // An escaped pipe loses its backslash; other escapes are left for the inline parser.
                    if bytes[index + 1] != UInt8(ascii: "|") { cell.append(bytes[index]) }
                    cell.append(bytes[index + 1])
                    index += 2
                } else {
                    cell.append(bytes[index])
                    index += 1
                }
            }
            cells.append(String(trimmingSpace(Substring(decoding: cell, as: UTF8.self))))
            index += 1   // past the pipe that ended the cell, if any
        }
        return cells.isEmpty ? nil : cells
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or nil if the line is not one. Every cell is
    /// dashes with optional colons at either end and spaces around.
    static func delimiterRow(_ line: Substring) -> [TableAlignment]? {
        var text = Substring(line)
        while let last = text.last, last == "\r" || last == "\n" { text.removeLast() }
        guard text.prefix(while: { $0 == " " }).count < 4 else { return nil }
        text = trimmingSpace(text)
        guard !text.isEmpty else { return nil }
        if text.first == "|" { text.removeFirst() }
        if text.last == "|" { text.removeLast() }
        var alignments: [TableAlignment] = []
        for cell in text.split(separator: "|", omittingEmptySubsequences: false) {
            var marker = trimmingSpace(cell)
            let left = marker.first == ":", right = marker.count > 1 && marker.last == ":"
            if left { marker.removeFirst() }
            if right { marker.removeLast() }
            guard !marker.isEmpty, marker.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    static func trimmingSpace(_ text: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{0B}" || $0 == "\u{0C}" || $0 == "\r" || $0 == "\n" }
        var text = text
        while let first = text.first, isSpace(first) { text.removeFirst() }
        while let last = text.last, isSpace(last) { text.removeLast() }
        return text
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}
