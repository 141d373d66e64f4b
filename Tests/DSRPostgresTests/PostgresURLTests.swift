import DSRPostgres
import Testing

@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test func readsHostPortDatabaseAndTLSMode() throws {
        let url = try PostgresURL("postgres://dsr_app:s%40cret@db.example.org:6432/tracker?sslmode=verify-full")
        #expect(url.endpoint == .tcp(host: "db.example.org", port: 6432))
        #expect(url.user == "dsr_app")
        #expect(url.password == "s@cret")
        #expect(url.database == "tracker")
        #expect(url.tlsMode == .verifyFull)
        #expect(url.redacted == "postgres://dsr_app@db.example.org:6432/tracker?sslmode=verify-full")
    }

    @Test func defaultsAsLibpqDoes() throws {
        let url = try PostgresURL("postgresql://pg.local/dsr")
        #expect(url.endpoint == .tcp(host: "pg.local", port: 5432))
        #expect(url.user == "dsr")
        #expect(url.password == nil)
        #expect(url.tlsMode == .prefer)
        #expect(url.connectTimeout == 10)
        #expect(url.applicationName == "dsr")
    }

    @Test func readsTheConnectTimeoutAndApplicationName() throws {
        let url = try PostgresURL("postgres://h/d?connect_timeout=3&application_name=dsr-web-2")
        #expect(url.connectTimeout == 3)
        #expect(url.applicationName == "dsr-web-2")
    }

    @Test func readsAUnixSocketFolder() throws {
        let url = try PostgresURL("postgres://dsr@/dsr?host=/var/run/postgresql&port=5433")
        #expect(url.endpoint == .unixSocket(folder: "/var/run/postgresql", port: 5433))
        #expect(url.tlsMode == .disable)
        #expect(url.redacted == "postgres://dsr@/dsr?host=/var/run/postgresql&port=5433&sslmode=disable")
    }

    @Test(
        "bad URLs are refused in one line that never shows the password",
        arguments: [
            ("postgres://u:hunter2@host", "no database name"),
            ("postgres://u:hunter2@host:99999/db", "port"),
            ("postgres://u:hunter2@host/db?sslmode=maybe", "sslmode must be one of"),
            ("postgres://u:hunter2@host/db?options=-c", "unknown parameter 'options'"),
            ("postgres://u:hunter2@/db", "no host"),
            ("postgres://u:hunter2@host/db?connect_timeout=0", "connect_timeout"),
            ("mysql://u:hunter2@host/db", "expected postgres://"),
        ])
    func refusesBadURLs(text: String, says: String) {
        let error = #expect(throws: PostgresURL.Invalid.self) { try PostgresURL(text) }
        #expect(error?.description.contains(says) == true, "\(String(describing: error))")
        #expect(error?.description.contains("hunter2") == false)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func tellsPostgresFromSQLite() {
        #expect(PostgresURL.isPostgres("postgres://h/d"))
        #expect(PostgresURL.isPostgres("postgresql://h/d"))
        #expect(!PostgresURL.isPostgres("sqlite:/var/lib/dsr/dsr.sqlite"))
        #expect(!PostgresURL.isPostgres("/var/lib/dsr/dsr.sqlite"))
    }
}
