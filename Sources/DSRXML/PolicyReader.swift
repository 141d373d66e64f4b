import DSRCore
import Foundation

/// Turns schema-valid policy and holiday documents into domain values, making the checks a
/// schema cannot: sessions close after they open and do not overlap, each request kind has at
/// most one deadline rule, joint controllers named by channels exist, validity years are in
/// order, dates exist.
struct PolicyReader {
    /// The file name used in messages.
    let file: String

    func policy(from root: XMLElement) throws -> Policy {
        let controller = try required(root, "controller")
        let land = try required(root, "land")
        guard let landValue = Land(code: land.text) else { throw invalid(land, "unknown Land '\(land.text)'") }
        let timeZone = try required(root, "timeZone")
        guard TimeZone(identifier: timeZone.text) != nil else {
            throw invalid(timeZone, "unknown time zone '\(timeZone.text)'")
        }
        let localHolidays = try (root.child("localHolidays")?.children("holiday") ?? []).map {
            HolidayRule(
                name: try attribute($0, "name"), englishName: try attribute($0, "name"),
                date: try dateRule(of: $0), lands: [landValue],
                source: "local holiday of the policy")
        }
        let closures = try (root.child("closures")?.children("closure") ?? []).map {
            Closure(name: try attribute($0, "name"), date: try dateRule(of: $0))
        }
        let jointControllers = try (root.child("jointControllers")?.children("jointController") ?? []).map {
            JointController(
                id: try attribute($0, "id"), name: try attribute($0, "name"),
                scope: try attribute($0, "scope"), forwardWithin: try period($0, "forwardWithin"))
        }
        let channels = try required(root, "channels").children("channel").map { element in
            let joint = element.attribute("jointController")
            if let joint, !jointControllers.contains(where: { $0.id == joint }) {
                throw invalid(
                    element, "channel names joint controller '\(joint)', which <jointControllers> does not define")
            }
            return ChannelInfo(
                id: try attribute(element, "id"), name: try attribute(element, "name"),
                account: element.attribute("account"), jointController: joint)
        }
        return Policy(
            controller: Controller(
                name: try required(controller, "name").text,
                unit: try required(controller, "unit").text,
                building: try required(controller, "building").text,
                street: try required(controller, "street").text,
                postalCode: try required(controller, "postalCode").text,
                city: try required(controller, "city").text,
                email: try required(controller, "email").text,
                phone: try required(controller, "phone").text),
            timeZone: timeZone.text,
            land: landValue,
            localHolidays: localHolidays,
            officeHours: try officeHours(try required(root, "officeHours")),
            closures: closures,
            receiptRule: try enumValue(try required(root, "receiptRule")),
            clockStop: try enumValue(try required(root, "clockStop")),
            deadlineRules: try deadlineRules(try required(root, "deadlines")),
            escalationOfficeHours: try integer(try required(root, "escalation"), "officeHoursLeft"),
            acknowledgementOfficeDays: try integer(try required(root, "acknowledgement"), "officeDays"),
            retention: try period(try required(root, "retention"), "period"),
            channels: channels,
            jointControllers: jointControllers,
            users: try users(root.child("users")),
            duties: try duties(from: root),
            mailIntake: try mailIntake(root.child("mailIntake")))
    }

    /// `<mailIntake inboxRetention="P30D"><host>mx1.example.org</host>…</mailIntake>`.
    private func mailIntake(_ element: XMLElement?) throws -> MailIntake {
        guard let element else { return MailIntake() }
        let hosts = element.children("host").map { $0.text.lowercased() }
        guard element.attribute("inboxRetention") != nil else { return MailIntake(ownHosts: hosts) }
        return MailIntake(ownHosts: hosts, inboxRetention: try period(element, "inboxRetention"))
    }

    func holidayRules(from root: XMLElement) throws -> [HolidayRule] {
        try root.children("holiday").map { element in
            let codes = try attribute(element, "lands").split(separator: " ").map(String.init)
            let lands: Set<Land> =
                codes.contains("all")
                ? Set(Land.allCases)
                : Set(
                    try codes.map { code in
                        guard let land = Land(code: code) else { throw invalid(element, "unknown Land '\(code)'") }
                        return land
                    })
            let validFrom = try element.attribute("from").map { try year($0, element) }
            let validTo = try element.attribute("to").map { try year($0, element) }
            if let validFrom, let validTo, validTo < validFrom {
                throw invalid(element, "'to' (\(validTo)) is before 'from' (\(validFrom))")
            }
            return HolidayRule(
                name: try attribute(element, "name"), englishName: try attribute(element, "en"),
                date: try dateRule(of: element), lands: lands, validFrom: validFrom,
                validTo: validTo, source: try attribute(element, "source"))
        }
    }

    // MARK: - Parts

    private func officeHours(_ element: XMLElement) throws -> OfficeHours {
        var sessions: [Weekday: [OfficeSession]] = [:]
        for day in element.children("day") {
            guard let weekday = Weekday(key: try attribute(day, "weekday")) else {
                throw invalid(day, "unknown weekday")
            }
            var daySessions: [OfficeSession] = []
            for session in day.children("session") {
                guard let opens = TimeOfDay(try attribute(session, "opens")),
                    let closes = TimeOfDay(try attribute(session, "closes"))
                else { throw invalid(session, "times must be HH:MM") }
                guard opens < closes else {
                    throw invalid(session, "office session closes (\(closes)) before it opens (\(opens))")
                }
                daySessions.append(OfficeSession(opens: opens, closes: closes))
            }
            daySessions.sort { $0.opens < $1.opens }
            for (earlier, later) in zip(daySessions, daySessions.dropFirst()) where later.opens < earlier.closes {
                throw invalid(day, "office sessions on \(weekday.key) overlap")
            }
            sessions[weekday] = daySessions
        }
        let hours = OfficeHours(sessions)
        guard hours.weeklyMinutes > 0 else { throw invalid(element, "the office is never open") }
        return hours
    }

    private func deadlineRules(_ element: XMLElement) throws -> [RequestKind: DeadlineRule] {
        var rules: [RequestKind: DeadlineRule] = [:]
        for ruleElement in element.children {
            let rule: DeadlineRule
            if ruleElement.name == "claimantSet" {
                rule = .claimantSet
            } else {
                let length = try period(ruleElement, "length")
                guard !length.isZero else { throw invalid(ruleElement, "a deadline period must not be zero") }
                let extensionText = ruleElement.attribute("maxExtension") ?? "P0D"
                guard let maxExtension = LegalPeriod(iso8601: extensionText) else {
                    throw invalid(ruleElement, "maxExtension '\(extensionText)' is not a period like P2M")
                }
                rule = .period(length, maxExtension: maxExtension)
            }
            for key in try attribute(ruleElement, "kinds").split(separator: " ") {
                guard let kind = RequestKind(rawValue: String(key)) else {
                    throw invalid(ruleElement, "unknown request kind '\(key)'")
                }
                guard rules[kind] == nil else {
                    throw invalid(ruleElement, "request kind '\(key)' has more than one deadline rule")
                }
                rules[kind] = rule
            }
        }
        return rules
    }

    private func dateRule(of element: XMLElement) throws -> DateRule {
        guard let rule = element.children.first else { throw invalid(element, "no date rule") }
        switch rule.name {
        case "fixed":
            let month = try integer(rule, "month")
            let day = try integer(rule, "day")
            guard day <= CivilDate.daysInMonth(year: 2000, month: month) else {
                throw invalid(rule, "day \(day) does not exist in month \(month)")
            }
            return .fixed(month: month, day: day)
        case "easter":
            return .easter(offset: try integer(rule, "offset"))
        case "weekdayBefore":
            guard let weekday = Weekday(key: try attribute(rule, "weekday")) else {
                throw invalid(rule, "unknown weekday")
            }
            return .weekdayBefore(weekday, month: try integer(rule, "month"), day: try integer(rule, "day"))
        case "once":
            let text = try attribute(rule, "date")
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, let date = CivilDate(year: parts[0], month: parts[1], day: parts[2])
            else { throw invalid(rule, "date '\(text)' does not exist") }
            return .once(date)
        default:
            throw invalid(rule, "unknown date rule <\(rule.name)>")
        }
    }

    /// The staff list (`<users>`); empty when the policy has none (single-user mode).
    private func users(_ element: XMLElement?) throws -> [StaffUser] {
        try (element?.children("user") ?? []).map { user in
            let roleName = try attribute(user, "role")
            guard let role = Role(rawValue: roleName) else { throw invalid(user, "unknown role '\(roleName)'") }
            return StaffUser(login: try attribute(user, "login"), role: role)
        }
    }

    // MARK: - Values

    private func required(_ element: XMLElement, _ name: String) throws -> XMLElement {
        guard let child = element.child(name) else { throw invalid(element, "<\(name)> is missing") }
        return child
    }

    func attribute(_ element: XMLElement, _ name: String) throws -> String {
        guard let value = element.attribute(name) else {
            throw invalid(element, "attribute '\(name)' is missing on <\(element.name)>")
        }
        return value
    }

    private func integer(_ element: XMLElement, _ name: String) throws -> Int {
        let text = try attribute(element, name)
        guard let value = Int(text) else { throw invalid(element, "'\(name)' must be a whole number") }
        return value
    }

    private func year(_ text: String, _ element: XMLElement) throws -> Int {
        guard let value = Int(text) else { throw invalid(element, "'\(text)' is not a year") }
        return value
    }

    func period(_ element: XMLElement, _ name: String) throws -> LegalPeriod {
        let text = try attribute(element, name)
        guard let value = LegalPeriod(iso8601: text) else {
            throw invalid(element, "'\(name)' must be a period like P1M or P7D, not '\(text)'")
        }
        return value
    }

    private func enumValue<Value: RawRepresentable>(_ element: XMLElement) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: element.text) else {
            throw invalid(element, "unknown value '\(element.text)' in <\(element.name)>")
        }
        return value
    }

    func invalid(_ element: XMLElement, _ message: String) -> DSRXMLError {
        .invalid(file: file, line: element.line, message: message)
    }
}
