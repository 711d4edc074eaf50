import ComplyModel
import Foundation
import Testing

@testable import ComplyEngine

/// A ledger entry's status at `as_of`, and how a ledger marks findings.
@Suite struct LedgerTests {
  static let asOf = Day(year: 2019, month: 12, day: 31) ?? Day(number: 0)
  static func day(_ text: String) -> Day? { DateParsing.parseISO(text)?.first }

  static func entry(
    _ status: LedgerEntry.Status, deadline: String? = nil, done: String? = nil, evidence: String? = nil,
    expires: String? = nil, rule: String = "construction-before-approval", key: String = "P-1", file: String? = nil
  ) -> LedgerEntry {
    var entry = LedgerEntry(ruleID: rule, recordKey: key, status: status, location: Location(file: "l.yaml", line: 3, column: 0))
    entry.deadline = deadline.flatMap(day)
    entry.done = done.flatMap(day)
    entry.evidence = evidence
    entry.file = file
    if let expires = expires.flatMap(day) { entry.waiver = LedgerMark.Waiver(reason: "r", document: "d", expires: expires) }
    return entry
  }

  @Test(arguments: [
    // (entry, expected status, whether a note explains it)
    (entry(.rectified, evidence: "阿环罚〔2019〕3号"), LedgerMark.Status.closed, false),
    (entry(.rectified, done: "2019-12-31", evidence: "x"), .closed, false),
    (entry(.rectified), .open, true),
    (entry(.rectified, deadline: "2019-06-30"), .overdue, true),
    (entry(.rectified, deadline: "2020-03-31", done: "2020-01-02", evidence: "x"), .inProgress, true),
    (entry(.inProgress, deadline: "2019-12-31"), .inProgress, false),
    (entry(.inProgress, deadline: "2019-12-30"), .overdue, false),
    (entry(.open), .open, false),
    (entry(.open, deadline: "2020-01-31"), .open, false),
    (entry(.open, deadline: "2019-11-30"), .overdue, false),
    (entry(.waived, expires: "2019-12-31"), .waived, false),
    (entry(.waived, expires: "2019-12-30"), .open, true),
  ])
  func statusAtAsOf(_ entry: LedgerEntry, _ status: LedgerMark.Status, _ noted: Bool) {
    let mark = entry.mark(asOf: LedgerTests.asOf)
    #expect(mark.status == status)
    #expect((mark.note != nil) == noted)
    #expect(mark.entry == entry.location)
  }

  static func finding(_ rule: String, _ key: String, path: String = "counties/gar.csv", severity: Severity = .warning) -> Finding {
    let text = LocalizedText(zh: "", en: "")
    return Finding(
      ruleID: rule, title: text, severity: severity, confidence: .confirmed, recordKey: key, label: "",
      source: RecordSource(path: path, row: 1, line: 2), groups: [:], message: text, evidence: [], decidedBy: [],
      basis: [], penalty: nil, remedy: text, annotations: [])
  }

  @Test func anOverdueFindingIsRaisedToAnErrorAndCounted() {
    let ledger = Ledger(path: "l.yaml", entries: [LedgerTests.entry(.inProgress, deadline: "2019-10-01", rule: "r", key: "A")])
    let judgement = Judgement(source: RecordSource(path: "counties/gar.csv", row: 1, line: 2), recordKey: "A", verdicts: [], findings: [LedgerTests.finding("r", "A"), LedgerTests.finding("s", "A")], undetermined: [])
    let marked = ledger.mark(judgement, asOf: LedgerTests.asOf)
    #expect(marked.findings[0].ledger?.status == .overdue)
    #expect(marked.findings[0].severity == .error)
    #expect(marked.findings[0].ledger?.escalatedFrom == .warning)
    #expect(marked.findings[1].ledger?.status == .open)
    #expect(marked.findings[1].ledger?.entry == nil)
    #expect(marked.findings[1].severity == .warning)
    var summary = Summary()
    summary.inputs = [Summary.Input(path: "counties/gar.csv")]
    summary.ledger = Summary.LedgerCounts(path: "l.yaml")
    summary.add(marked)
    #expect(summary.openBySeverity == [.error: 1, .warning: 1])
    #expect(summary.ledger?.matched == [0])
  }

  @Test func closedAndWaivedFindingsDoNotCountAsOpen() {
    let ledger = Ledger(path: "l.yaml", entries: [
      LedgerTests.entry(.rectified, evidence: "e", rule: "r", key: "A"),
      LedgerTests.entry(.waived, expires: "2020-06-30", rule: "s", key: "A"),
      LedgerTests.entry(.inProgress, deadline: "2020-01-15", rule: "t", key: "A"),
    ])
    let judgement = Judgement(source: RecordSource(path: "counties/gar.csv", row: 1, line: 2), recordKey: "A", verdicts: [], findings: ["r", "s", "t"].map { LedgerTests.finding($0, "A") }, undetermined: [])
    var summary = Summary()
    summary.inputs = [Summary.Input(path: "counties/gar.csv")]
    summary.groupField = "county"
    summary.add(ledger.mark(judgement, asOf: LedgerTests.asOf))
    #expect(summary.findings == 3)
    #expect(summary.openBySeverity.isEmpty)
    #expect(summary.findingsByGroup.isEmpty)
  }

  @Test func anEntryNamingTheFileWinsAndOnlyMatchesThatFile() {
    let ledger = Ledger(path: "l.yaml", entries: [
      LedgerTests.entry(.open, rule: "r", key: "A"),
      LedgerTests.entry(.rectified, evidence: "e", rule: "r", key: "A", file: "gar.csv"),
    ])
    #expect(ledger.entryIndex(for: LedgerTests.finding("r", "A", path: "counties/gar.csv")) == 1)
    #expect(ledger.entryIndex(for: LedgerTests.finding("r", "A", path: "counties/purang.csv")) == 0)
    #expect(ledger.entryIndex(for: LedgerTests.finding("r", "B")) == nil)
  }

  @Test func staleEntriesAreThoseOfJudgedRulesThatNoFindingMatched() {
    let ledger = Ledger(path: "l.yaml", entries: [
      LedgerTests.entry(.rectified, evidence: "e", rule: "r", key: "A"),
      LedgerTests.entry(.rectified, evidence: "e", rule: "r", key: "B"),
      LedgerTests.entry(.open, rule: "not-judged", key: "C"),
    ])
    #expect(ledger.stale(matched: [0], judgedRules: ["r"]).map(\.recordKey) == ["B"])
  }
}
