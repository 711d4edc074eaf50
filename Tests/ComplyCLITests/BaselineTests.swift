import Foundation
import Testing

/// `--baseline`: the 2018 result against the 2019 register.
@Suite struct BaselineTests {
  func baseline2018() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("comply-baseline-\(UUID().uuidString).json")
    let result = try CLI.run([
      "check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "json", "--output", url.path,
      "--fail-on", "never",
    ])
    #expect(result.status == 0)
    return url
  }

  @Test func theTwentyFiveOverdueAcceptancesAreResolvedAndTheTenPersist() throws {
    let url = try baseline2018()
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try CLI.run([
      "check", "Samples/ngari-2019-register.csv", "--as-of", "2019-12-31", "--baseline", url.path, "--format", "json",
      "--fail-on", "never",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try CLI.json(result.stdout)
    let summary = try #require(report["summary"] as? [String: Any])
    let baseline = try #require(summary["baseline"] as? [String: Any])
    let resolved = (baseline["resolved_findings"] as? [[String: String]]) ?? []
    #expect(resolved.filter { $0["rule_id"] == "acceptance-overdue" }.count == 25)
    #expect(baseline["resolved"] as? Int == resolved.count)
    let findings = (report["findings"] as? [[String: Any]]) ?? []
    let cba = findings.filter { $0["rule_id"] as? String == "construction-before-approval" }
    #expect(cba.count == 10)
    #expect(cba.allSatisfy { $0["baseline"] as? String == "persisting" })
    let new = findings.filter { $0["baseline"] as? String == "new" }.count
    let persisting = findings.filter { $0["baseline"] as? String == "persisting" }.count
    #expect(baseline["new"] as? Int == new)
    #expect(baseline["persisting"] as? Int == persisting)
    #expect(new + persisting == findings.count)
  }

  @Test func sarifCarriesTheBaselineStateAndTextSaysIt() throws {
    let url = try baseline2018()
    defer { try? FileManager.default.removeItem(at: url) }
    let sarif = try CLI.run([
      "check", "Samples/ngari-2019-register.csv", "--as-of", "2019-12-31", "--baseline", url.path, "--format", "sarif",
      "--fail-on", "never",
    ])
    let run = try #require((try CLI.json(sarif.stdout)["runs"] as? [[String: Any]])?.first)
    let states = Set(((run["results"] as? [[String: Any]]) ?? []).compactMap { $0["baselineState"] as? String })
    #expect(states == ["new", "unchanged"])
    let text = try CLI.run([
      "check", "Samples/ngari-2019-register.csv", "--as-of", "2019-12-31", "--baseline", url.path, "--lang", "en",
      "--fail-on", "never",
    ])
    #expect(text.stdout.contains("Against the baseline: "))
    #expect(text.stdout.contains("[construction-before-approval] (persisting)"))
  }

  @Test func aBaselineThatIsNotAReportIsAUsageError() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("comply-notreport-\(UUID().uuidString).json")
    try "[1, 2]".write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try CLI.run(["check", "Samples/ngari-2019-register.csv", "--baseline", url.path])
    #expect(result.status == 64)
    #expect(result.stderr.contains("not a comply JSON report"))
    #expect(try CLI.run(["check", "Samples/ngari-2019-register.csv", "--baseline", "/no/such.json"]).status == 64)
  }
}
