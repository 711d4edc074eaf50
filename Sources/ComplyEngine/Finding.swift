import ComplyModel
import ComplyRules

/// One violation of one rule by one record, with everything an inspector needs to act on it.
public struct Finding: Sendable {
  public var ruleID: String
  public var title: LocalizedText
  public var severity: Severity
  public var confidence: Rule.Confidence
  public var recordKey: String
  /// The record's name for people (the pack's `label` field), empty when the pack has none.
  public var label: String
  public var source: RecordSource
  /// The pack's grouping fields (county, sector) as the register wrote them, in field-name order.
  public var groups: Groups
  public var message: LocalizedText
  public var evidence: [Evidence]
  /// The comparisons and values that decided the violation.
  public var decidedBy: [LocalizedText]
  public var basis: [LawReference]
  public var penalty: PenaltyAssessment?
  public var remedy: LocalizedText
  public var annotations: [LocalizedText]
  /// A reminder's due date (the rule's `due:`); such findings head reports in a due-soon section.
  public var due: Day? = nil
  /// Against an earlier result (`--baseline`): new, or persisting from it. Nil without a baseline.
  public var baseline: BaselineState? = nil
  /// Against a rectification ledger (`--ledger`): its entry's status for this finding. Nil without a ledger.
  public var ledger: LedgerMark? = nil

  /// Whether the finding still calls for action: no ledger, no entry for it, or an open or overdue entry.
  /// Exit statuses, `--fail-on` and the county matrix count only these.
  public var isOpen: Bool { ledger?.status.isOpen ?? true }
}

/// Whether a finding was already in an earlier result.
public enum BaselineState: String, Sendable, Hashable {
  case new
  case persisting
}

/// A value shown with a finding, traced to the register: its header, the raw cell and the parsed value.
public struct Evidence: Sendable, Hashable {
  /// The item's name and title, one object shared by its rule's findings: copying and destroying a finding's
  /// evidence counted a reference on each of three strings per item.
  var label: EvidenceLabel
  public var name: String {
    get { label.name }
    set { label = EvidenceLabel(name: newValue, title: label.title) }
  }
  public var title: LocalizedText {
    get { label.title }
    set { label = EvidenceLabel(name: label.name, title: newValue) }
  }
  /// The register's own header for the column, when the evidence is a field the register has.
  public var header: String?
  /// The cell as written.
  public var raw: String?
  /// The value as comply read it (`2018-03-01`), empty when not set.
  public var value: String
  /// Why a value is not used: after `as_of`, unreadable, or the column is missing.
  public var note: LocalizedText?
}

/// An evidence item's name and title.
final class EvidenceLabel: Sendable, Hashable {
  let name: String
  let title: LocalizedText

  init(name: String, title: LocalizedText) {
    (self.name, self.title) = (name, title)
  }

  static func == (a: EvidenceLabel, b: EvidenceLabel) -> Bool { a === b || (a.name == b.name && a.title == b.title) }

  func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(title)
  }
}

/// A penalty range in yuan, as the case of the rule that applied decides it.
public struct PenaltyAssessment: Sendable, Hashable {
  public struct Range: Sendable, Hashable {
    public var label: LocalizedText?
    public var minYuan: Int64
    public var maxYuan: Int64
  }

  public var basis: [LawReference]
  /// Nil when a value it needs is not set or unreadable; `undeterminedFields` then names them.
  public var range: Range?
  public var tiers: [Range]
  public var note: LocalizedText?
  public var undeterminedFields: [String]
}

/// A rule that could not decide for a record, with the fields that made it so.
public struct Undetermined: Sendable, Hashable {
  public var ruleID: String
  public var recordKey: String
  public var source: RecordSource
  public var fields: [String]
  /// True when every field named is a column the register lacks: reports count these once per file and rule.
  public var onlyMissingColumns: Bool
}
