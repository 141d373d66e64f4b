/// Renders rows as a plain-text table with aligned columns.
enum TextTable {
    static func render(headers: [String], rows: [[String]]) -> String {
        let counts = rows.map { $0.map(width) }
        var widths = headers.map(width)
        for row in counts {
            for (index, count) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], count)
            }
        }
        // Built as bytes: a listing of thousands of rows is tens of thousands of cells.
        var text: [UInt8] = []
        text.reserveCapacity((widths.reduce(0, +) + 2 * widths.count) * (rows.count + 2))
        func line(_ cells: [String], _ counts: [Int]) {
            for (index, cell) in cells.enumerated() {
                text.append(contentsOf: cell.utf8)
                if index < cells.count - 1 {
                    text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[index] - counts[index] + 2))
                }
            }
            text.append(UInt8(ascii: "\n"))
        }
        line(headers, headers.map(width))
        line(widths.map { String(repeating: "-", count: $0) }, widths)
        for (row, rowCounts) in zip(rows, counts) { line(row, rowCounts) }
        return String(decoding: text, as: UTF8.self)
    }

    /// The characters of a cell: its bytes when it is ASCII (ids, times, logins), else its
    /// grapheme clusters (counting those is slow enough to show in a listing of thousands).
    private static func width(_ cell: String) -> Int {
        cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
    }
}
