import ComplyModel

/// What an expression is evaluated against: one record's values, by schema field index, and the audit date.
///
/// Values are as read. Date fields are seen through `Logic.visible`: a date after `as_of` is not set, and a
/// month-only date that straddles `as_of` is unknown.
public struct Bindings: Sendable {
  public var values: [Value]
  public var asOf: Day

  public init(values: [Value], asOf: Day) {
    self.values = values
    self.asOf = asOf
  }
}
