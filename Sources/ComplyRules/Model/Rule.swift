import ComplyExpression
import ComplyModel

/// A compiled rule: conditions, message templates, evidence and penalties ready to evaluate for every record.
public struct Rule: Sendable {
  public enum Confidence: String, Sendable, Hashable, CaseIterable { case confirmed, unconfirmed }

  public var id: String
  public var title: LocalizedText
  public var severity: Severity
  public var confidence: Confidence
  /// The rule applies only when `as_of` lies in this window (the dates its legal basis is in force).
  public var effectiveFrom: Day?
  public var effectiveUntil: Day?
  public var basis: [LawReference]
  public var scope: Program
  public var violation: Program
  public var message: MessageTemplate
  public var evidence: [EvidenceItem]
  public var remedy: LocalizedText
  public var penalty: [PenaltyCase]
  public var annotations: [Annotation]
  /// A reminder's due date (`due:`): reports list the rule's findings in their due-soon section, by this date.
  public var due: Program?
  public var examples: [RuleExample]
  /// The rule file, at the `id:` line.
  public var location: Location
  /// Every field the rule's conditions, messages, evidence and penalties read.
  public var fields: FieldSet

  public func isInForce(on day: Day) -> Bool {
    if let from = effectiveFrom, day < from { return false }
    if let until = effectiveUntil, until < day { return false }
    return true
  }
}

/// A value shown as evidence with a finding: a field or a pack definition.
public struct EvidenceItem: Sendable {
  public var name: String
  public var title: LocalizedText
  /// The schema field, when the item is one (its header and raw cell are shown too).
  public var field: Int?
  public var program: Program
}

/// One case of a penalty: the first whose `when` holds decides the range.
public struct PenaltyCase: Sendable {
  public var when: Program?
  /// Overrides the rule's basis for this case (an older law in force on the event date).
  public var basis: [LawReference]?
  public var min: Program
  public var max: Program
  public var note: LocalizedText?
  public var tiers: [PenaltyTier]
}

/// A further penalty range, such as "if not corrected in time".
public struct PenaltyTier: Sendable {
  public var label: LocalizedText
  public var min: Program
  public var max: Program
}

/// A remark attached to a finding when its condition holds ("may be time-barred"), or its `uncertain` text when
/// the condition is unknown.
public struct Annotation: Sendable {
  public var when: Program
  public var text: LocalizedText
  public var uncertain: LocalizedText?
}
