import Foundation
import Testing

/// A folder of registers: every register in it is checked, and the summary sums findings by county and rule.
@Suite struct BatchTests {
  @Test func aFolderIsCheckedFileByFileWithACountyByRuleMatrix() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("comply-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, sample) in [("1-2018.csv", "ngari-2018-register.csv"), ("2-2019.csv", "ngari-2019-register.csv")] {
      try FileManager.default.copyItem(atPath: CLI.path("Samples/\(sample)"), toPath: dir.appendingPathComponent(name).path)
    }
    try "notes".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["check", dir.path, "--as-of", "2018-11-05", "--format", "json", "--fail-on", "never"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try CLI.json(result.stdout)
    let inputs = ((report["inputs"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
    #expect(inputs.map { URL(fileURLWithPath: $0).lastPathComponent } == ["1-2018.csv", "2-2019.csv"])
    let summary = try #require(report["summary"] as? [String: Any])
    let matrix = try #require(summary["matrix"] as? [String: Any])
    #expect(matrix["field"] as? String == "county")
    let rows = (matrix["rows"] as? [[String: Any]]) ?? []
    #expect(rows.count == 7, "the seven Ngari counties")
    let total = rows.compactMap { $0["total"] as? Int }.reduce(0, +)
    #expect(total == summary["findings"] as? Int)
    #expect(matrix["total"] as? Int == total)
    let totals = (matrix["totals"] as? [String: Int]) ?? [:]
    #expect(totals.values.reduce(0, +) == total)
    #expect(totals == summary["findings_by_rule"] as? [String: Int])
    let diagnostics = (report["diagnostics"] as? [[String: Any]]) ?? []
    let shared = diagnostics.filter { $0["code"] as? String == "input.key-in-several-files" }
    #expect(shared.count == 84, "the 2019 register repeats all 84 project ids of 2018")
    #expect((shared.first?["message"] as? String)?.hasSuffix("is also in \(dir.path)/1-2018.csv") == true)
    let text = try CLI.run(["check", dir.path, "--as-of", "2018-11-05", "--fail-on", "never"])
    #expect(text.stdout.contains("按县区汇总："))
    #expect(text.stdout.contains("    合计：\(total) 项\n"))
    let markdown = try CLI.run(["check", dir.path, "--as-of", "2018-11-05", "--fail-on", "never", "--format", "markdown"])
    #expect(markdown.stdout.contains("## 按县区汇总"))
    #expect(markdown.stdout.contains("| 噶尔县 | "))
    #expect(markdown.stdout.contains("| **合计** | "))
    let html = try CLI.run(["check", dir.path, "--as-of", "2018-11-05", "--fail-on", "never", "--format", "html"])
    #expect(html.stdout.contains("<table class=\"matrix\">"))
    #expect(html.stdout.contains("<td class=\"n\"><b>\(total)</b></td></tr>"))
  }
}
