import DSRCore

/// Dates and office hours as a letter writes them: "Montag, 2. März 2026" / "Monday,
/// 2 March 2026"; "Mo–Do 8–17 Uhr, Fr 8–13 Uhr".
struct DateWords {
    let german: Bool

    /// A date with its weekday, in words.
    func date(_ date: CivilDate) -> String {
        let weekdays =
            german
            ? ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
            : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months =
            german
            ? [
                "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                "November", "Dezember",
            ]
            : [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
        let weekday = weekdays[date.weekday.rawValue - 1]
        let month = months[date.month - 1]
        return german
            ? "\(weekday), \(date.day). \(month) \(date.year)" : "\(weekday), \(date.day) \(month) \(date.year)"
    }

    /// The office hours of a week, weekdays with the same sessions joined into a range.
    func officeHours(_ hours: OfficeHours) -> String {
        let names =
            german ? ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        var groups: [(first: Weekday, last: Weekday, sessions: [OfficeSession])] = []
        for weekday in Weekday.allCases {
            let sessions = hours.sessions(on: weekday)
            guard !sessions.isEmpty else { continue }
            if let last = groups.last, last.sessions == sessions, last.last.rawValue == weekday.rawValue - 1 {
                groups[groups.count - 1].last = weekday
            } else {
                groups.append((weekday, weekday, sessions))
            }
        }
        return groups.map { group in
            let days =
                names[group.first.rawValue - 1]
                + (group.first == group.last ? "" : "–" + names[group.last.rawValue - 1])
            let times = group.sessions.map { "\(time($0.opens))–\(time($0.closes))" }.joined(
                separator: german ? " und " : " and ")
            return "\(days) \(times)" + (german ? " Uhr" : "")
        }.joined(separator: ", ")
    }

    /// `8` or `8:30` in German; `8:00` or `8:30` in English.
    private func time(_ time: TimeOfDay) -> String {
        let hour = time.minutes / 60
        let minute = time.minutes % 60
        if german && minute == 0 { return "\(hour)" }
        return "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
