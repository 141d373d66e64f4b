import DSRTestSupport
import Foundation
import Testing

/// The pages in a real browser: `Tests/browser/web_e2e.py` drives headless Chromium through
/// Selenium and runs axe-core 4.12 on every page. Skipped where Chromium or the Python packages
/// are missing, unless DSR_REQUIRE_VALIDATORS=1 (CI installs them and requires this test).
@Suite("Browser")
struct BrowserTests {
    static let available =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && (try? OutsideTool.run([
            "python3", "-c", "import importlib.util as u, selenium; assert u.find_spec('axe_playwright_python')",
        ]).0) == 0

    @Test(
        "a clerk's day, a supervisor assigning, the DPO's report: every page passes axe",
        .enabled(
            if: OutsideTool.required || available, "needs chromium, chromium-driver, selenium and axe-playwright-python"
        ))
    func browserDay() throws {
        let script = DSRProcess.repository.appendingPathComponent("Tests/browser/web_e2e.py").path
        let (status, output) = try OutsideTool.run(["python3", script, DSRProcess.binary.path])
        DSRProcess.keep(stderr: Data(output.utf8))
        #expect(status == 0, "\(output)")
    }
}
