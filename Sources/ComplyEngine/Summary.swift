import ComplyModel
import ComplyRules

/// Counts kept over a run: never records, only totals per input, rule and severity.
public struct Summary: Sendable {
  public struct Input: Sendable, Hashable {
    public var path: String
    public var records = 0
    public var rejected = 0
    /// Why the input could not be read (to the end), if it could not.
    public var failure: String?
    public var sha256: String?
    public init(path: String) { self.path = path }
  }

  /// Undetermined outcomes caused only by a column the register lacks, counted once per file and rule.
  public struct MissingColumn: Sendable, Hashable {
    public var path: String
    public var ruleID: String
    public var fields: [String]
    public var rows: Int
  }

  public var inputs: [Input] = []
  /// Findings by rule id. This and the other finding counts are made from `add`'s counts when read, with only the
  /// counts above zero: read them once rather than in a loop.
  public var findingsByRule: [String: Int] { counts.byRule(counts.found) }
  public var findingsBySeverity: [Severity: Int] { counts.bySeverity(counts.foundBySeverity) }
  public var undeterminedByRule: [String: Int] = [:]
  public var missingColumns: [MissingColumn] = []
  public var warnings = 0
  /// The pack's first grouping field (the county), and the open findings per value of it and rule: the matrix a
  /// batch of registers is summed up in.
  public var groupField: String?
  public var findingsByGroup: [String: [String: Int]] { counts.byGroupAndRule() }
  /// Findings that still call for action (see `Finding.isOpen`), by severity: what `--fail-on` counts.
  public var openBySeverity: [Severity: Int] { counts.bySeverity(counts.openBySeverity) }
  /// Open findings by rule: the totals row of the county matrix.
  public var openByRule: [String: Int] { counts.byRule(counts.open) }
  private var counts = FindingCounts()
  /// Counts against a rectification ledger, when one was given.
  public var ledger: LedgerCounts?
  /// Counts against an earlier result, when one was given.
  public var baseline: BaselineCounts?

  /// New and persisting findings, and the earlier findings no longer found (resolved).
  public struct BaselineCounts: Sendable {
    public var new = 0
    public var persisting = 0
    /// `(rule id, record key)` of each resolved finding, sorted.
    public var resolved: [(ruleID: String, recordKey: String)] = []
    /// Fingerprints of the persisting findings, to work out the resolved ones at the end.
    public var seen: Set<String> = []
    public init() {}
  }

  /// Findings by ledger status, the entries they matched, and the entries that matched none.
  public struct LedgerCounts: Sendable {
    public var path: String
    public var byStatus: [LedgerMark.Status: Int] = [:]
    public var matched: Set<Int> = []
    /// Entries of the rules judged that matched no finding, in ledger order.
    public var stale: [LedgerEntry] = []
    public init(path: String) { self.path = path }
  }

  public init() {}

  public var records: Int { inputs.reduce(0) { $0 + $1.records } }
  public var rejected: Int { inputs.reduce(0) { $0 + $1.rejected } }
  /// Every record read is judged or rejected: read = judged + rejected.
  public var read: Int { records + rejected }
  public var findings: Int { findingsByRule.values.reduce(0, +) }
  public var undetermined: Int { undeterminedByRule.values.reduce(0, +) }
  /// Findings that still call for action: all of them without a ledger.
  public var openFindings: Int { openBySeverity.values.reduce(0, +) }

  public mutating func add(_ judgement: Judgement) {
    inputs[inputs.count - 1].records += 1
    // Each finding read in place: `for finding in` copied every finding, a retain and a release per member, on
    // the thread that passes every judgement on.
    let findings = judgement.findings
    for i in findings.indices {
      if let mark = findings[i].ledger {
        ledger?.byStatus[mark.status, default: 0] += 1
        if let entry = mark.entryIndex { ledger?.matched.insert(entry) }
      }
      switch findings[i].baseline {
      case .new?: baseline?.new += 1
      case .persisting?: baseline?.persisting += 1
      case nil: break
      }
      counts.count(
        findings[i].ruleID, findings[i].severity, isOpen: findings[i].isOpen,
        group: groupField.map { findings[i].groups[$0] ?? "" })
    }
    for u in judgement.undetermined {
      undeterminedByRule[u.ruleID, default: 0] += 1
      guard u.onlyMissingColumns else { continue }
      if let i = missingColumns.lastIndex(where: { $0.path == u.source.path && $0.ruleID == u.ruleID && $0.fields == u.fields }) {
        missingColumns[i].rows += 1
      } else {
        missingColumns.append(MissingColumn(path: u.source.path, ruleID: u.ruleID, fields: u.fields, rows: 1))
      }
    }
  }
}
