import ComplyModel
import Testing

@testable import ComplyEngine

/// The summary's finding counts: by rule and severity, open or not, and the county matrix, against counts worked
/// out by hand.
@Suite struct SummaryTests {
  static func finding(_ rule: String, _ severity: Severity, county: String, status: LedgerMark.Status? = nil) -> Finding {
    Finding(
      ruleID: rule, title: LocalizedText(zh: rule, en: rule), severity: severity, confidence: .confirmed,
      recordKey: "P-1", label: "", source: RecordSource(path: "a.csv", row: 2, line: 2), groups: ["county": county],
      message: LocalizedText(zh: "", en: ""), evidence: [], decidedBy: [], basis: [], penalty: nil,
      remedy: LocalizedText(zh: "", en: ""), annotations: [], ledger: status.map { LedgerMark(status: $0) })
  }

  static func judgement(_ findings: [Finding]) -> Judgement {
    Judgement(
      source: RecordSource(path: "a.csv", row: 2, line: 2), recordKey: "P-1", verdicts: [], findings: findings,
      undetermined: [])
  }

  @Test func findingsAreCountedByRuleSeverityAndCounty() {
    let (composed, decomposed) = ("Caf\u{E9}县", "Cafe\u{301}县")
    var summary = Summary()
    summary.inputs = [Summary.Input(path: "a.csv")]
    summary.groupField = "county"
    // Rules first seen in an order other than their ids'; rule "c" has no open finding.
    summary.add(SummaryTests.judgement([
      SummaryTests.finding("b", .error, county: composed),
      SummaryTests.finding("a", .warning, county: decomposed),
    ]))
    summary.add(SummaryTests.judgement([
      SummaryTests.finding("b", .error, county: "噶尔县", status: .closed),
      SummaryTests.finding("c", .notice, county: composed, status: .waived),
      SummaryTests.finding("b", .error, county: "噶尔县", status: .overdue),
    ]))
    #expect(summary.findingsByRule == ["a": 1, "b": 3, "c": 1])
    #expect(summary.openByRule == ["a": 1, "b": 2])
    #expect(summary.findingsBySeverity == [.error: 3, .warning: 1, .notice: 1])
    #expect(summary.openBySeverity == [.error: 2, .warning: 1])
    #expect(summary.findings == 5)
    #expect(summary.openFindings == 3)
    #expect(summary.records == 2)
    // The two forms of one name are one county, named as first seen.
    #expect(summary.findingsByGroup == [composed: ["a": 1, "b": 1], "噶尔县": ["b": 1]])
    #expect(summary.findingsByGroup.keys.contains { Array($0.utf8) == Array(composed.utf8) })
  }

  @Test func withoutAGroupingFieldThereIsNoMatrix() {
    var summary = Summary()
    summary.inputs = [Summary.Input(path: "a.csv")]
    summary.add(SummaryTests.judgement([SummaryTests.finding("a", .error, county: "噶尔县")]))
    #expect(summary.findingsByRule == ["a": 1])
    #expect(summary.findingsByGroup.isEmpty)
  }
}
