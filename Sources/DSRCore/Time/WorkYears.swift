import Synchronization

/// The years of a ``WorkCalendar``, each built when first asked for and then kept: a command
/// touches a year or two, a server the years of its cases, so no process pays for all of
/// 1995–2102 at start. Safe to share between threads; reading a built year is one atomic load.
final class WorkYears: Sendable {
    /// The years covered.
    let years: ClosedRange<Int>
    /// The day number of 1 January of each year, and of the year after the last one.
    private let yearStarts: [Int]
    private let slots: [Slot]
    private let zone: ZoneRules
    private let holidays: HolidayCalendar
    private let officeHours: OfficeHours
    private let closures: [Closure]

    /// The place of one year: the address of its table once built, else 0. (An `Atomic<Int>`
    /// loads in one instruction; `AtomicLazyReference.load` cost hundreds on this hot path.)
    private final class Slot: Sendable {
        let address = Atomic<Int>(0)

        /// The table, if built.
        @inline(__always)
        var table: WorkYear? {
            let address = address.load(ordering: .acquiring)
            guard address != 0, let pointer = UnsafeRawPointer(bitPattern: address) else { return nil }
            return Unmanaged<WorkYear>.fromOpaque(pointer).takeUnretainedValue()
        }

        /// Keeps `table` unless another thread kept one first; returns the one kept.
        func keep(_ table: WorkYear) -> WorkYear {
            let retained = Unmanaged.passRetained(table)
            let address = Int(bitPattern: retained.toOpaque())
            let (exchanged, original) = self.address.compareExchange(
                expected: 0, desired: address, ordering: .acquiringAndReleasing)
            if exchanged { return table }
            retained.release()
            return Unmanaged<WorkYear>.fromOpaque(UnsafeRawPointer(bitPattern: original)!).takeUnretainedValue()
        }

        deinit {
            if let pointer = UnsafeRawPointer(bitPattern: address.load(ordering: .acquiring)) {
                Unmanaged<WorkYear>.fromOpaque(pointer).release()
            }
        }
    }

    init(
        years: ClosedRange<Int>, zone: ZoneRules, holidays: HolidayCalendar,
        officeHours: OfficeHours, closures: [Closure]
    ) {
        self.years = years
        yearStarts = (years.lowerBound...years.upperBound + 1).map { CivilDate(unchecked: $0, 1, 1).dayNumber }
        slots = years.map { _ in Slot() }
        self.zone = zone
        self.holidays = holidays
        self.officeHours = officeHours
        self.closures = closures
    }

    /// The first day covered.
    var firstDay: Int { yearStarts[0] }
    /// One past the last day covered.
    var endDay: Int { yearStarts[yearStarts.count - 1] }

    /// The year that contains `day`, which must be covered.
    @inline(__always)
    func year(containing day: Int) -> WorkYear {
        // 146,097 days make 400 Gregorian years: the estimate is off by at most one.
        var index = min((day - firstDay) * 400 / 146_097, slots.count - 1)
        if yearStarts[index] > day {
            index -= 1
        } else if yearStarts[index + 1] <= day {
            index += 1
        }
        let slot = slots[index]
        if let built = slot.table { return built }
        return slot.keep(
            WorkYear(
                year: years.lowerBound + index, zone: zone, holidays: holidays,
                officeHours: officeHours, closures: closures))
    }
}
