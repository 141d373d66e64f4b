import Foundation

/// Reads a calendar date typed as `YYYY-MM-DD` or German `TT.MM.JJJJ`.
public enum CivilDateInput {
    public static func parse(_ text: String) throws -> CivilDate {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let german = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let parts: [Int]
        if german.count == 3, german[2].count == 4 {
            parts = [german[2], german[1], german[0]].compactMap { Int($0) }
        } else if iso.count == 3, iso[0].count == 4 {
            parts = iso.compactMap { Int($0) }
        } else {
            parts = []
        }
        guard parts.count == 3 else {
            throw DSRCoreError.invalidTime("not a date: use YYYY-MM-DD or TT.MM.JJJJ")
        }
        guard let date = CivilDate(year: parts[0], month: parts[1], day: parts[2]) else {
            throw DSRCoreError.invalidTime("invalid date: \(parts[0])-\(parts[1])-\(parts[2]) does not exist")
        }
        return date
    }
}
