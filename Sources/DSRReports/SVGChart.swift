/// Small inline SVG bar charts: no script, no external request, printable.
enum SVGChart {
    /// One bar: its label and its stacked parts (value and CSS colour).
    struct Bar {
        let label: String
        let parts: [(value: Int, color: String)]
        var total: Int { parts.reduce(0) { $0 + $1.value } }
    }

    /// A vertical stacked bar chart with a legend.
    static func stackedBars(title: String, bars: [Bar], legend: [(String, String)], percent: Bool = false) -> String {
        let width = 720
        let height = 260
        let top = 20
        let bottom = 50
        let left = 40
        let plotHeight = height - top - bottom
        // Rounded up to a multiple of 4, so the four axis steps are whole numbers.
        let maximum = percent ? 100 : (max(bars.map(\.total).max() ?? 0, 1) + 3) / 4 * 4
        let slot = bars.isEmpty ? 0 : Double(width - left - 10) / Double(bars.count)
        let barWidth = max(slot * 0.7, 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height + 20 * ((legend.count + 3) / 4))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg +=
            "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 10)\" y2=\"\(top + plotHeight)\" stroke=\"#555\"/>"
        for step in 0...4 {
            let value = maximum * step / 4
            let y = top + plotHeight - plotHeight * step / 4
            svg +=
                "<text x=\"\(left - 4)\" y=\"\(y + 4)\" text-anchor=\"end\" class=\"axis\">\(value)\(percent ? "%" : "")</text>"
        }
        for (index, bar) in bars.enumerated() {
            let x = Double(left) + slot * Double(index) + (slot - barWidth) / 2
            var y = Double(top + plotHeight)
            for part in bar.parts where part.value > 0 {
                let barHeight = Double(plotHeight) * Double(part.value) / Double(maximum)
                y -= barHeight
                svg +=
                    "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(barWidth))\" height=\"\(format(barHeight))\" fill=\"\(part.color)\"><title>\(HTMLText.escape(bar.label)): \(part.value)</title></rect>"
            }
            if bars.count <= 36 || index % max(bars.count / 24, 1) == 0 {
                svg +=
                    "<text x=\"\(format(x + barWidth / 2))\" y=\"\(top + plotHeight + 14)\" text-anchor=\"end\" transform=\"rotate(-45 \(format(x + barWidth / 2)) \(top + plotHeight + 14))\" class=\"axis\">\(HTMLText.escape(bar.label))</text>"
            }
        }
        for (index, entry) in legend.enumerated() {
            let x = left + (index % 4) * 170
            let y = height + 20 * (index / 4)
            svg +=
                "<rect x=\"\(x)\" y=\"\(y - 10)\" width=\"10\" height=\"10\" fill=\"\(entry.1)\"/><text x=\"\(x + 14)\" y=\"\(y)\" class=\"axis\">\(HTMLText.escape(entry.0))</text>"
        }
        return svg + "</svg>"
    }

    private static func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
