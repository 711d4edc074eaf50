import ComplyModel

/// What a built-in does, named so that `CellProgram` can run it over unboxed cells. Each built-in declares its
/// operation next to its implementation over values (`Functions/<Family>.swift`); the two must agree, and the
/// expression tests evaluate every expression both ways.
public enum CellOperation: Sendable {
  case less, greater, lessOrEqual, greaterOrEqual, equal, notEqual
  /// `x in [...]` with a constant list.
  case member
  case add, subtract, multiply, divide, negate
  case isSet, isEmpty, isKnown, coalesce
  /// `if(condition, then, else)`.
  case choose
  case addDays, addMonths, addYears, daysBetween

  /// Whether the operation is strict: a null or unknown operand makes it unknown before it runs.
  var isStrict: Bool {
    switch self {
    case .isSet, .isEmpty, .isKnown, .coalesce, .choose: false
    default: true
    }
  }
}

/// The operations over cells, with the semantics of `Operators`, `DateFunctions` and `PresenceFunctions`.
enum CellKernels {
  /// A date field as rules see it (`Logic.visible`): after `as_of` it is not set; a month-only date that
  /// straddles `as_of` is unknown.
  @inline(__always)
  static func visible(_ cell: Cell, asOf: Int) -> Cell {
    guard cell.state == .value, asOf < cell.last else { return cell }
    return asOf < cell.first ? .null : .unknown
  }

  /// `DateSpan.isBefore`: `x < y` for spans, nil when undecidable.
  @inline(__always)
  static func dateLess(_ x: Cell, _ y: Cell) -> Bool? {
    if x.last < y.first { return true }
    if x.first >= y.last { return false }
    return nil
  }

  /// `DateSpan.isSameDay`.
  @inline(__always)
  static func dateEqual(_ x: Cell, _ y: Cell) -> Bool? {
    if x.first == x.last && y.first == y.last { return x.first == y.first }
    if x.last < y.first || y.last < x.first { return false }
    return nil
  }

  /// An enum value's entry in a table over its field's canonical values (`in`, `=` with a constant text); unknown
  /// for an index the table does not have.
  @inline(__always)
  static func lookup(_ table: [Bool], _ code: Int) -> Cell {
    code >= 0 && code < table.count ? .bool(table[code]) : .unknown
  }

  @inline(__always)
  static func not(_ x: Cell) -> Cell { x.state == .value ? .bool(x.first == 0) : x }

  /// Kleene `and`, as `Logic.and`: `true and x` is x (even null); two undecided operands are unknown.
  @inline(__always)
  static func and(_ x: Cell, _ b: () -> Cell) -> Cell {
    if x.isFalse { return x }
    let y = b()
    if y.isFalse { return y }
    if x.isTrue { return y }
    return .unknown
  }

  /// Kleene `or`, as `Logic.or`.
  @inline(__always)
  static func or(_ x: Cell, _ b: () -> Cell) -> Cell {
    if x.isTrue { return x }
    let y = b()
    if y.isTrue { return y }
    if x.isFalse { return y }
    return .unknown
  }

  /// `add_days`, `add_months`, `add_years`: the count must be a whole number below a million.
  @inline(__always)
  static func count(_ n: Cell) -> Int? {
    let x = n.number
    guard x == x.rounded(), abs(x) < 1_000_000 else { return nil }
    return Int(x)
  }

  static func addMonths(_ date: Cell, _ months: Int) -> Cell {
    let first = Day(number: date.first).adding(months: months).number
    // A full date (the common case) is one day: one calendar sum, not two.
    return .date(first, date.last == date.first ? first : Day(number: date.last).adding(months: months).number)
  }

  @inline(__always)
  static func presence(_ operation: CellOperation, _ x: Cell) -> Cell {
    switch (operation, x.state) {
    case (.isSet, .null), (.isKnown, .null), (.isKnown, .unknown): .false
    case (.isEmpty, .null): .true
    case (_, .unknown): .unknown
    case (.isEmpty, .value): .false
    default: .true
    }
  }
}

extension Cell {
  /// A three-valued truth as a cell: nil is unknown.
  @inline(__always)
  static func truth(_ b: Bool?) -> Cell {
    guard let b else { return .unknown }
    return b ? .true : .false
  }
}
