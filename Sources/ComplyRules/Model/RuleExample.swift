import ComplyModel

/// A record written in a rule file with the outcome the rule must give it. Examples are the rule's tests and
/// its documentation.
public struct RuleExample: Sendable, Hashable, CustomStringConvertible {
  public var ruleID: String
  public var name: String
  public var expect: Verdict
  public var asOf: Day
  /// Field name → cell text as a register would hold it. Fields not given are blank.
  public var cells: [String: String]
  /// Where the example starts in the rule file.
  public var location: Location
  /// A text the message must contain (in either language).
  public var expectedMessage: String?
  /// Evidence values as rendered, by evidence name.
  public var expectedEvidence: [String: String]
  /// For an undetermined outcome: the fields it must name.
  public var expectedFields: [String]?

  public var description: String { "\(ruleID) — \(name)" }
}
