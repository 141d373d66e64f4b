/// Renders rows as a plain-text table with aligned columns.
enum TextTable {
    static func render(headers: [String], rows: [[String]]) -> String {
        let counts = rows.map { $0.map(\.count) }
        var widths = headers.map(\.count)
        for row in counts {
            for (index, count) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], count)
            }
        }
        func line(_ cells: [String], _ counts: [Int]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                text += cell
                if index < cells.count - 1 {
                    text += String(repeating: " ", count: widths[index] - counts[index] + 2)
                }
            }
            return text
        }
        var text =
            line(headers, headers.map(\.count)) + "\n"
            + line(widths.map { String(repeating: "-", count: $0) }, widths) + "\n"
        for (row, rowCounts) in zip(rows, counts) { text += line(row, rowCounts) + "\n" }
        return text
    }
}
