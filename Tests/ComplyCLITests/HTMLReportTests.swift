import Foundation
import Testing

/// `comply check --format html` end to end, and the report opened in headless Chromium by
/// Tests/scripts/render_html.sh (`.ci/run` installs Chromium when it is missing).
@Suite struct HTMLReportTests {
  static let script = CLI.path("Tests/scripts/render_html.sh")
  static let chromiumInstalled = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"]
    .contains { FileManager.default.isExecutableFile(atPath: $0) }

  func temporary(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("comply-\(UUID().uuidString)-\(name)").path
  }

  /// Runs the render script; its status and what it printed.
  static func render(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func theSampleReportCountsEveryFindingAndListsTheLimit() throws {
    let full = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "html"])
    #expect(full.status == 1, "\(full.stderr)")
    #expect(full.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
    #expect(full.stdout.components(separatedBy: "<tr data-i=").count - 1 == 61)
    let limited = try CLI.run([
      "check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "html", "--html-limit", "10",
      "--lang", "en",
    ])
    #expect(limited.stdout.components(separatedBy: "<tr data-i=").count - 1 == 10)
    #expect(limited.stdout.contains("<div class=\"card\"><b>61</b><span>Findings</span></div>"))
    #expect(limited.stdout.contains("The table lists the 10 most serious findings; 51 more are in the JSON or CSV report."))
    let negative = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--format", "html", "--html-limit", "-1"])
    #expect(negative.status == 64)
  }

  /// A register whose project name is markup: it appears escaped, and in the browser no script from it runs.
  @Test func markupInTheRegisterIsEscaped() throws {
    let name = "<script>console.error('xss')</script><img src=x onerror=\"console.error(1)\">"
    let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    let register = "项目编号,项目名称,环评类别,环评批复日期,开工日期\nX1,\(quoted),报告表,2018-04-10,2018-03-01\n"
    let file = temporary("xss.html")
    defer { try? FileManager.default.removeItem(atPath: file) }
    let result = try CLI.run(
      ["check", "-", "--as-of", "2018-11-05", "--format", "html", "--output", file], stdin: register)
    #expect(result.status == 1, "\(result.stderr)")
    let html = try String(contentsOfFile: file, encoding: .utf8)
    #expect(html.contains("&lt;script&gt;console.error(&#39;xss&#39;)&lt;/script&gt;&lt;img src=x onerror=&quot;"))
    #expect(!html.contains("<script>console"))
    #expect(!html.contains("<img"))
    guard Self.chromiumInstalled else { return }
    let check = try Self.render([file])
    #expect(check.status == 0, "\(check.output)")
  }

  @Test(.enabled(if: chromiumInstalled, "needs chromium (apt-get install chromium); .ci/run installs it"))
  func theSampleReportRendersInChromium() throws {
    let (html, png) = (temporary("report.html"), temporary("report.png"))
    defer { for path in [html, png] { try? FileManager.default.removeItem(atPath: path) } }
    let result = try CLI.run(
      ["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "html", "--output", html])
    #expect(result.status == 1, "\(result.stderr)")
    let check = try Self.render([html, png])
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("ok: 61 finding rows"), "\(check.output)")
    let size = (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
    #expect(size > 10_000, "a screenshot of the page")
  }

  @Test(.enabled(if: chromiumInstalled, "needs chromium (apt-get install chromium); .ci/run installs it"))
  func theBrowserCheckFailsOnAScriptError() throws {
    let html = temporary("broken.html")
    defer { try? FileManager.default.removeItem(atPath: html) }
    try "<!DOCTYPE html><body><table><tr data-i=\"0\" data-rule=\"x\"><td>x</td></tr></table><script>nope();</script>"
      .write(toFile: html, atomically: true, encoding: .utf8)
    let check = try Self.render([html])
    #expect(check.status == 1)
    #expect(check.output.contains("Uncaught ReferenceError"), "\(check.output)")
  }
}
