import Foundation
import Testing

/// The second bundled pack, a rectification plan: the engine knows nothing of EIA law.
@Suite struct RectificationPackTests {
  func byRule(asOf: String) throws -> [String: Int] {
    let result = try CLI.run([
      "check", "Samples/ngari-rectification-plan.csv", "--rules", "Rules/rectification", "--as-of", asOf,
      "--format", "json", "--fail-on", "never",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try CLI.json(result.stdout)
    let summary = try #require(report["summary"] as? [String: Any])
    #expect(summary["records_read"] as? Int == 78)
    #expect(summary["undetermined"] as? Int == 0)
    #expect((report["diagnostics"] as? [Any])?.isEmpty == true)
    return (summary["findings_by_rule"] as? [String: Int]) ?? [:]
  }

  @Test func atTheReportDateOnlySixLaggingMeasuresWithPlansAreNoted() throws {
    #expect(try byRule(asOf: "2019-12-31") == ["lagging-with-plan": 6])
  }

  @Test func aYearLaterTheTenUnfinishedMeasuresAreOverdue() throws {
    #expect(try byRule(asOf: "2021-01-01") == ["lagging-with-plan": 6, "measure-overdue": 10])
  }

  @Test func validateAndTestCoverEveryBundledPack() throws {
    let validate = try CLI.run(["validate"])
    #expect(validate.status == 0, "\(validate.stdout)")
    #expect(validate.stdout.contains("16 rule(s) valid"), "\(validate.stdout)")
    let test = try CLI.run(["test"])
    #expect(test.status == 0)
    #expect(test.stdout.contains("coverage (rectification)"))
  }
}
