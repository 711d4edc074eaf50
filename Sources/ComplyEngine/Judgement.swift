import ComplyModel

/// What the rules decided for one record: a verdict per rule, the findings, and the undetermined outcomes.
public struct Judgement: Sendable {
  public var source: RecordSource
  public var recordKey: String
  /// One verdict per engine rule, in the engine's rule order.
  public var verdicts: [Verdict]
  public var findings: [Finding]
  public var undetermined: [Undetermined]
}
