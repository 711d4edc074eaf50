import Foundation
import Testing

/// `comply check` end to end on the bundled Ngari samples: the counts the samples were built to show.
@Suite struct CheckSampleTests {
  static let sample2018 = "Samples/ngari-2018-register.csv"

  func findings(_ report: [String: Any], rule: String) -> [[String: Any]] {
    ((report["findings"] as? [[String: Any]]) ?? []).filter { $0["rule_id"] as? String == rule }
  }

  @Test func the2018RegisterShowsTenConstructionBeforeApprovalAndTwentyFiveOverdue() throws {
    let result = try CLI.run(["check", Self.sample2018, "--as-of", "2018-11-05", "--format", "json"])
    #expect(result.status == 1, "findings at error level exit 1: \(result.stderr)")
    let report = try CLI.json(result.stdout)
    let cba = findings(report, rule: "construction-before-approval")
    #expect(cba.count == 10)
    let sectors = Set(cba.compactMap { ($0["groups"] as? [String: String])?["sector"] })
    #expect(sectors.isSubset(of: ["水利", "交通", "扶贫"]), "\(sectors)")
    #expect(findings(report, rule: "acceptance-overdue").count == 25)
    let summary = try #require(report["summary"] as? [String: Any])
    let read = summary["records_read"] as? Int ?? -1
    let judged = summary["records_judged"] as? Int ?? -1
    let rejected = summary["records_rejected"] as? Int ?? -1
    #expect(read == judged + rejected)
    #expect(read > 0)
  }

  @Test func theJSONSampleGivesTheSameFindingsAsTheCSV() throws {
    let csv = try CLI.json(CLI.run(["check", Self.sample2018, "--as-of", "2018-11-05", "--format", "json"]).stdout)
    let json = try CLI.json(
      CLI.run(["check", "Samples/ngari-2018-register.json", "--as-of", "2018-11-05", "--format", "json"]).stdout)
    func keys(_ report: [String: Any]) -> [String] {
      ((report["findings"] as? [[String: Any]]) ?? []).map { "\($0["rule_id"] ?? "")/\($0["record_id"] ?? "")" }.sorted()
    }
    #expect(!keys(csv).isEmpty)
    #expect(keys(csv) == keys(json))
  }

  @Test func the2019RegisterHasNoOverdueAcceptanceAmongTheTwentyFive() throws {
    let result = try CLI.run(["check", "Samples/ngari-2019-register.csv", "--as-of", "2019-12-31", "--format", "json"])
    let report = try CLI.json(result.stdout)
    #expect(findings(report, rule: "acceptance-overdue").isEmpty)
    #expect(findings(report, rule: "construction-before-approval").count == 10)
  }

  @Test func textReportIsChineseByDefaultAndEnglishOnRequest() throws {
    let zh = try CLI.run(["check", Self.sample2018, "--as-of", "2018-11-05", "--rule", "construction-before-approval"])
    #expect(zh.stdout.contains("未批先建 [construction-before-approval]"))
    #expect(zh.stdout.contains("判定：开工日期"))
    #expect(zh.stdout.contains("违法发现 10 项"))
    let en = try CLI.run(["check", Self.sample2018, "--as-of", "2018-11-05", "--rule", "construction-before-approval", "--lang", "en"])
    #expect(en.stdout.contains("Construction before EIA approval [construction-before-approval]"))
    #expect(en.stdout.contains("10 finding(s)"))
  }

  @Test func failOnNeverExitsZeroAndWarningGateCountsWarnings() throws {
    let never = try CLI.run(["check", Self.sample2018, "--as-of", "2018-11-05", "--fail-on", "never", "--format", "json"])
    #expect(never.status == 0)
    let onlyWarnings = try CLI.run([
      "check", Self.sample2018, "--as-of", "2018-11-05", "--rule", "date-order", "--fail-on", "warning", "--format", "json",
    ])
    #expect(onlyWarnings.status == 1)
    let errorLevel = try CLI.run([
      "check", Self.sample2018, "--as-of", "2018-11-05", "--rule", "date-order", "--format", "json",
    ])
    #expect(errorLevel.status == 0, "date-order findings are warnings, below the default --fail-on error")
  }

  @Test func undeterminedGateAndStandardInput() throws {
    let gate = try CLI.run([
      "check", Self.sample2018, "--as-of", "2018-11-05", "--fail-on", "never", "--fail-on-undetermined", "--format", "json",
    ])
    #expect(gate.status == 1)
    let csv = "项目编号,环评类别,环评批复日期,开工日期\nX1,报告表,2018-04-10,2018-03-01\n"
    let piped = try CLI.run(["check", "-", "--as-of", "2018-11-05", "--rule", "construction-before-approval", "--format", "json"], stdin: csv)
    #expect(piped.status == 1)
    #expect(findings(try CLI.json(piped.stdout), rule: "construction-before-approval").count == 1)
  }
}
