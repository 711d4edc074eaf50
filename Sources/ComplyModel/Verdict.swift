/// The outcome of one rule for one record.
public enum Verdict: String, Sendable, Hashable, CaseIterable, Codable {
  /// The rule's scope holds and its violation condition is true.
  case violation
  /// The scope holds and the violation condition is false.
  case compliant
  /// The scope is false.
  case notApplicable = "not_applicable"
  /// The scope, or the condition where the scope holds, is unknown.
  case undetermined
}
