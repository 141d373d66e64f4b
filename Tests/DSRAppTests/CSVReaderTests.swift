import DSRApp
import Foundation
import Testing

@Suite("The CSV reader of dsr import")
struct CSVReaderTests {
    func records(_ text: String) throws -> [CSVReader.Record] {
        try CSVReader.records(Data(text.utf8))
    }

    @Test("quoted fields keep delimiters, doubled quotes and line breaks; records keep their first line")
    func quoted() throws {
        let parsed = try records("a,b,c\n\"x, y\",\"sie sagte \"\"ja\"\"\",\"zwei\nZeilen\"\nlast,,\n")
        #expect(
            parsed == [
                .init(line: 1, fields: ["a", "b", "c"]),
                .init(line: 2, fields: ["x, y", "sie sagte \"ja\"", "zwei\nZeilen"]),
                .init(line: 4, fields: ["last", "", ""]),
            ])
    }

    @Test("text after a closing quote joins the field, as spreadsheet programs read it")
    func textAfterQuote() throws {
        #expect(try records("\"abc\"def,g\n")[0].fields == ["abcdef", "g"])
    }

    @Test("the delimiter is sniffed from the header, ignoring separators inside quotes")
    func sniffing() throws {
        #expect(try records("name;\"a,b,c\";x\n1;2;3\n")[1].fields == ["1", "2", "3"])
        #expect(try records("\"a;b;c\",name\n1,2\n")[1].fields == ["1", "2"])
        #expect(try records("Eingang;Anliegen\r\n01.02.2026;Auskunft\r\n")[1].fields == ["01.02.2026", "Auskunft"])
    }

    @Test("blank lines are skipped and line numbers still count them; an open quote names its line")
    func lines() throws {
        let parsed = try records("h\n\nzwei\n\ndrei")
        #expect(parsed.map(\.line) == [1, 3, 5])
        #expect(throws: CSVReader.Failure.unterminatedQuote(line: 2)) { try records("h\n\"offen\nweiter\n") }
    }

    @Test("Windows-1252 bytes are read when the file is not UTF-8, and a UTF-8 BOM is dropped")
    func encodings() throws {
        let latin = Data([0x4E, 0x61, 0x6D, 0x65, 0x0A, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A])
        #expect(try CSVReader.records(latin)[1].fields == ["Müller"])
        #expect(try CSVReader.records(Data([0xEF, 0xBB, 0xBF]) + Data("Name\nA\n".utf8))[0].fields == ["Name"])
    }
}
