import ComplyModel

/// Three-valued (Kleene) logic, and how blanks and unknowns flow through strict functions.
public enum Logic {
  public static func not(_ value: Value) -> Value {
    if case .bool(let b) = value { return .bool(!b) }
    return value
  }

  /// `false and x` is false whatever x is; `true and x` is x; unknown and true is unknown.
  public static func and(_ a: Value, _ b: () -> Value) -> Value {
    if case .bool(false) = a { return a }
    let y = b()
    if case .bool(false) = y { return y }
    if case .bool(true) = a { return y }
    return merge(a, y)
  }

  /// `true or x` is true whatever x is; `false or x` is x.
  public static func or(_ a: Value, _ b: () -> Value) -> Value {
    if case .bool(true) = a { return a }
    let y = b()
    if case .bool(true) = y { return y }
    if case .bool(false) = a { return y }
    return merge(a, y)
  }

  /// Two operands neither of which decides: unknown, naming the fields of both.
  static func merge(_ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    case let (.unknown(x), .unknown(y)): .unknown(x.union(y))
    case (.unknown, _): a
    case (_, .unknown): b
    default: .unknownValue
    }
  }

  /// A strict function's operand that stops it: unknown stays unknown; a blank becomes unknown naming the
  /// operand's fields.
  @inline(__always)
  static func blocking(_ value: Value, _ fields: FieldSet) -> Value? {
    switch value {
    case .unknown: value
    case .null: .unknown(fields)
    default: nil
    }
  }

  @inline(__always)
  static func blocking(_ x: Value, _ fx: FieldSet, _ y: Value, _ fy: FieldSet) -> Value? {
    switch (blocking(x, fx), blocking(y, fy)) {
    case (nil, nil): nil
    case let (a?, nil): a
    case let (nil, b?): b
    case let (a?, b?): merge(a, b)
    }
  }

  /// `blocking` over any number of operands: every blocked operand is named, as the two-operand form does.
  static func blocking(_ values: [Value], _ fields: [FieldSet]) -> Value? {
    var blocked: Value?
    for (value, valueFields) in zip(values, fields) {
      guard let b = blocking(value, valueFields) else { continue }
      blocked = blocked.map { merge($0, b) } ?? b
    }
    return blocked
  }

  /// A date field as rules see it: a date after `as_of` has not happened yet (not set); a month-only date that
  /// straddles `as_of` is unknown.
  @inline(__always)
  public static func visible(_ value: Value, field: Int, asOf: Day) -> Value {
    guard case .date(let span) = value, asOf < span.last else { return value }
    return asOf < span.first ? .null : .unknown(FieldSet(field))
  }

  /// An unknown result that names no field (an undecidable month-only comparison) names the call's fields.
  @inline(__always)
  static func attribute(_ value: Value, _ fields: FieldSet) -> Value {
    if case .unknown(let named) = value, named.isEmpty { return .unknown(fields) }
    return value
  }
}
