import DSRCore
import DSRLedger
import Foundation

/// The report for the data protection officer: one self-contained HTML5 file (inline CSS and
/// SVG, no script, no external request), German by default, printable on A4. Two passes over
/// the cases: the first gathers the figures, the second streams the table.
public enum HTMLReport {
    static let kindColors: [RequestKind: String] = [
        .access: "#1f6f8b", .rectification: "#99a8b2", .erasure: "#e6a157", .restriction: "#a0522d",
        .portability: "#6b8e23", .objection: "#8b1e3f", .automatedDecision: "#555555",
        .consentWithdrawal: "#3c6e71", .injunction: "#d1495b", .removal: "#edae49",
    ]
    static let channelColor = "#1f6f8b"

    public static func write(
        _ input: ReportInput, to path: String, verification awaitVerification: () throws -> VerificationReport
    ) throws {
        var figures = ReportFigures()
        try input.forEachCase { figures.add($0, at: input.now) }
        let sink = try OutputSink(path: path)
        let zone = input.currentEngine.zone
        let format = DateText(german: input.german, zone: zone)
        let controller = input.policy.controller
        let title = input.pick("Bericht über Betroffenenanfragen", "Report on data-subject requests")
        let period = "\(format.date(input.from)) – \(format.date(input.to))"

        try sink.write(
            """
            <!DOCTYPE html>
            <html lang="\(input.german ? "de" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title)) \(HTMLText.escape(period))</title>
            <style>\(css)</style>
            </head>
            <body>
            <header>
            <h1>\(HTMLText.escape(title))</h1>
            <p>\(HTMLText.escape(input.pick("Zeitraum", "Period"))): \(HTMLText.escape(period)) · \(HTMLText.escape(controller.name)), \(HTMLText.escape(controller.unit)), \(HTMLText.escape(controller.street)), \(HTMLText.escape(controller.postalCode)) \(HTMLText.escape(controller.city))</p>
            <p>\(HTMLText.escape(input.pick(input.includePersonalData ? "Mit personenbezogenen Daten (vom Datenschutzbeauftragten angefordert; im Protokoll vermerkt)." : "Pseudonymisiert: ohne Namen, Kontaktdaten und Freitext.", input.includePersonalData ? "With personal data (requested by the data protection officer; recorded in the log)." : "Pseudonymous: no names, contacts or free text.")))</p>
            </header>

            """)
        try sink.write(keyFigures(figures, input: input))
        try sink.write(charts(figures, input: input))

        try sink.write(
            """
            <section id="cases">
            <h2>\(HTMLText.escape(input.pick("Alle Fälle", "All cases")))</h2>
            <table>
            <thead><tr>
            """)
        var headers =
            input.german
            ? [
                "Fall", "Eingang", "Anliegen", "Kanal", "Frist", "Intern fällig", "Verlängerung", "Beantwortet",
                "Ergebnis", "Status",
            ]
            : [
                "Case", "Received", "Requests", "Channel", "Deadline", "Internal due", "Extension", "Answered",
                "Outcome", "Status",
            ]
        if input.includePersonalData { headers.insert(input.pick("Person", "Subject"), at: 1) }
        try sink.write(
            headers.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n")
        try input.forEachCase { item in
            let state = item.state
            let schedule = item.schedule
            var cells = [
                state.id.rawValue, format.instant(state.receivedAt),
                state.kinds.map { input.pick($0.germanName, $0.englishName) }.joined(separator: ", "),
                input.pick(state.channel.germanName, state.channel.rawValue), format.date(schedule.dueDate),
                format.instant(schedule.internalDue), schedule.extensionState.label(input.language),
                state.answeredAt.map(format.instant) ?? "–",
                state.kinds.compactMap { kind in
                    state.answers[kind].map { answer in
                        input.pick(answer.outcome.germanName, answer.outcome.rawValue)
                            + (answer.basis.map { " (\($0))" } ?? "")
                    }
                }.joined(separator: "; "),
                input.pick(item.status.germanName, item.status.englishName),
            ].map(HTMLText.escape)
            if input.includePersonalData {
                cells.insert(
                    item.personalField(.subject, erased: input.pick("[gelöscht]", "[purged]")).map(HTMLText.personal)
                        ?? "–", at: 1)
            }
            let flagged = item.status == .overdue || item.status == .answeredLate ? " class=\"flag\"" : ""
            try sink.write("<tr\(flagged)>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n")
        }
        try sink.write("</tbody>\n</table>\n</section>\n")
        try sink.write(try duties(input, format: format))

        let verification = try awaitVerification()
        try sink.write(
            """
            <section id="integrity">
            <h2>\(HTMLText.escape(input.pick("Integrität", "Integrity")))</h2>
            <dl>
            <dt>\(HTMLText.escape(input.pick("Prüfung der Hash-Kette", "Hash chain verification")))</dt><dd>\(HTMLText.escape(verification.isIntact ? input.pick("intakt", "intact") : input.pick("VERLETZT: ", "BROKEN: ") + (verification.problem?.description ?? "")))</dd>
            <dt>\(HTMLText.escape(input.pick("Ereignisse in der Kette", "Events in the chain")))</dt><dd>\(verification.events)</dd>
            <dt>\(HTMLText.escape(input.pick("Kopf der Kette (SHA-256)", "Chain head (SHA-256)")))</dt><dd><code>\(HTMLText.escape(verification.head))</code></dd>
            <dt>\(HTMLText.escape(input.pick("Erstellt", "Generated")))</dt><dd>\(HTMLText.escape(format.instant(input.now)))</dd>
            <dt>\(HTMLText.escape(input.pick("Erstellt von", "Generated by")))</dt><dd>\(HTMLText.escape(input.actor))</dd>
            </dl>
            </section>
            </body>
            </html>

            """)
        try sink.finish()
    }

    /// The policy's recurring duties on each channel: next due date, overdue or not, when
    /// last done (none when the policy names no duties).
    private static func duties(_ input: ReportInput, format: DateText) throws -> String {
        let statuses = try input.records.dutyStatuses(
            input.policy.duties, at: input.now, zone: input.currentEngine.zone)
        guard !statuses.isEmpty else { return "" }
        let headers =
            input.german
            ? ["Pflicht", "Kanal", "Fällig", "Status", "Zuletzt erledigt"]
            : ["Duty", "Channel", "Due", "Status", "Last done"]
        var html =
            "<section id=\"duties\">\n<h2>\(HTMLText.escape(input.pick("Wiederkehrende Pflichten", "Recurring duties")))</h2>\n<table>\n<thead><tr>"
        html += headers.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for status in statuses {
            let cells = [
                status.duty.name, status.channel, format.date(status.nextDue),
                status.isOverdue ? input.pick("überfällig", "overdue") : input.pick("offen", "open"),
                status.lastDone.map { format.instant($0.at) } ?? "–",
            ].map(HTMLText.escape)
            html +=
                "<tr\(status.isOverdue ? " class=\"flag\"" : "")>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    private static func keyFigures(_ figures: ReportFigures, input: ReportInput) -> String {
        func days(_ seconds: Int64?) -> String {
            guard let seconds else { return "–" }
            return String(format: input.german ? "%.1f Tage" : "%.1f days", Double(seconds) / 86_400)
                .replacingOccurrences(of: ".", with: input.german ? "," : ".")
        }
        func hours(_ seconds: Int64?) -> String {
            guard let seconds else { return "–" }
            return String(format: input.german ? "%.1f Bürostunden" : "%.1f office hours", Double(seconds) / 3600)
                .replacingOccurrences(of: ".", with: input.german ? "," : ".")
        }
        let answered = figures.answeredOnTime + figures.answeredLate
        let share = answered == 0 ? "–" : "\(figures.answeredOnTime * 100 / answered) %"
        let rows: [(String, String)] = [
            (input.pick("Eingegangen", "Received"), String(figures.cases)),
            (input.pick("Fristgerecht beantwortet", "Answered on time"), "\(figures.answeredOnTime) (\(share))"),
            (input.pick("Verspätet beantwortet", "Answered late"), String(figures.answeredLate)),
            (input.pick("Offen", "Open"), String(figures.open)),
            (input.pick("Jetzt überfällig", "Overdue now"), String(figures.overdue)),
            (input.pick("Zurückgezogen", "Withdrawn"), String(figures.withdrawn)),
            (
                input.pick("Eingangsbestätigung verspätet oder überfällig", "Acknowledgement late or overdue"),
                String(figures.acknowledgedLate)
            ),
            (
                input.pick("Verlängert (davon nicht wirksam)", "Extended (of which not effective)"),
                "\(figures.extended) (\(figures.extendedNonCompliant))"
            ),
            (input.pick("Mit (Teil-)Ablehnung", "With (partial) refusal"), String(figures.refused)),
            (
                input.pick("Zeit bis zur Antwort, Median", "Time to answer, median"),
                days(ReportFigures.percentile(figures.secondsToAnswer, 0.5)) + " · "
                    + hours(ReportFigures.percentile(figures.officeSecondsToAnswer, 0.5))
            ),
            (
                input.pick("Zeit bis zur Antwort, 90. Perzentil", "Time to answer, 90th percentile"),
                days(ReportFigures.percentile(figures.secondsToAnswer, 0.9)) + " · "
                    + hours(ReportFigures.percentile(figures.officeSecondsToAnswer, 0.9))
            ),
        ]
        var html =
            "<section id=\"figures\">\n<h2>\(HTMLText.escape(input.pick("Kennzahlen", "Key figures")))</h2>\n<table class=\"figures\">\n<tbody>\n"
        for (label, value) in rows {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(label))</th><td>\(HTMLText.escape(value))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if !figures.refusalsByBasis.isEmpty {
            html +=
                "<h3>\(HTMLText.escape(input.pick("Ablehnungen nach Rechtsgrundlage", "Refusals by legal basis")))</h3>\n<ul>\n"
            for (basis, count) in figures.refusalsByBasis.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                let name = basis.isEmpty ? input.pick("ohne Angabe der Rechtsgrundlage", "no legal basis given") : basis
                html += "<li>\(HTMLText.escape(name)): \(count)</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    private static func charts(_ figures: ReportFigures, input: ReportInput) -> String {
        let months = figures.requestsByMonthAndKind.keys.sorted()
        let kinds = RequestKind.allCases.filter { kind in
            figures.requestsByMonthAndKind.values.contains { $0[kind] != nil }
        }
        let byMonth = SVGChart.stackedBars(
            title: input.pick("Anfragen pro Monat nach Art", "Requests per month by kind"),
            bars: months.map { month in
                SVGChart.Bar(
                    label: month,
                    parts: kinds.map { (figures.requestsByMonthAndKind[month]?[$0] ?? 0, kindColors[$0] ?? "#777") })
            },
            legend: kinds.map { (input.pick($0.germanName, $0.englishName), kindColors[$0] ?? "#777") })
        let byChannel = SVGChart.stackedBars(
            title: input.pick("Anfragen nach Kanal", "Requests by channel"),
            bars: Channel.allCases.filter { figures.requestsByChannel[$0] != nil }.map { channel in
                SVGChart.Bar(
                    label: input.pick(channel.germanName, channel.rawValue),
                    parts: [(figures.requestsByChannel[channel] ?? 0, channelColor)])
            },
            legend: [])
        let onTime = SVGChart.stackedBars(
            title: input.pick(
                "Anteil fristgerecht beantworteter Anfragen pro Monat", "Share answered on time per month"),
            bars: figures.answeredByMonth.keys.sorted().map { month in
                let counts = figures.answeredByMonth[month]!
                let total = max(counts.onTime + counts.late, 1)
                let share = counts.onTime * 100 / total
                return SVGChart.Bar(label: month, parts: [(share, "#2e7d32"), (100 - share, "#c62828")])
            },
            legend: [(input.pick("fristgerecht", "on time"), "#2e7d32"), (input.pick("verspätet", "late"), "#c62828")],
            percent: true)
        var html = "<section id=\"charts\">\n<h2>\(HTMLText.escape(input.pick("Diagramme", "Charts")))</h2>\n"
        for (chart, caption) in [
            (byMonth, input.pick("Anfragen pro Monat nach Art", "Requests per month by kind")),
            (byChannel, input.pick("Anfragen nach Kanal", "Requests by channel")),
            (
                onTime,
                input.pick("Anteil fristgerecht beantworteter Anfragen pro Monat", "Share answered on time per month")
            ),
        ] {
            html += "<figure>\(chart)<figcaption>\(HTMLText.escape(caption))</figcaption></figure>\n"
        }
        return html + "</section>\n"
    }

    static let css = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10pt;color:#222;margin:2em;line-height:1.4}
        h1{font-size:18pt;margin:0 0 .3em}h2{font-size:14pt;border-bottom:1px solid #999;margin-top:1.5em}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:2px 4px;text-align:left;vertical-align:top}
        thead th{background:#eee}table.figures{width:auto}table.figures th{font-weight:normal;background:#f6f6f6}
        tr.flag td{background:#fdecea}figure{margin:1em 0;break-inside:avoid}svg{width:100%;max-width:720px;height:auto}
        .axis{font-size:9px;fill:#333}code{font-size:9pt;word-break:break-all}
        @page{size:A4;margin:15mm}
        @media print{body{margin:0;font-size:9pt}section{break-before:page}section#figures{break-before:auto}thead{display:table-header-group}tr{break-inside:avoid}}
        """
}

/// Dates and instants as the report shows them, in the policy's zone.
struct DateText {
    let german: Bool
    let zone: ZoneRules

    func date(_ date: CivilDate) -> String {
        german ? "\(Self.two(date.day)).\(Self.two(date.month)).\(date.year)" : date.description
    }

    func instant(_ instant: Instant) -> String {
        let day = zone.localDayNumber(at: instant)
        let seconds = Int(instant.secondsSinceEpoch + zone.offset(at: instant) - Int64(day) * 86_400)
        return date(CivilDate(dayNumber: day)) + " \(Self.two(seconds / 3600)):\(Self.two(seconds / 60 % 60))"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
