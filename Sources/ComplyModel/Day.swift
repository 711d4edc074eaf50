/// A calendar day, stored as the number of days since 1970-01-01 (proleptic Gregorian). Dates become day numbers
/// once, when a cell is read; every comparison and addition after that is integer arithmetic.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var number: Int

  public init(number: Int) { self.number = number }

  /// The day for a civil date, or nil when the date does not exist (2019-02-30, month 13).
  @inline(__always)
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
    number = Day.number(year: year, month: month, day: day)
  }

  /// Howard Hinnant's days_from_civil, for a date known to exist.
  @inline(__always)
  static func number(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

  /// The civil date: from the month tables for the years registers use, else by `civil(number)`.
  public var components: (year: Int, month: Int, day: Int) {
    let table = MonthTables.shared
    guard let i = table.month(of: number) else { return Day.civil(number) }
    return (table.firstYear + i / 12, i % 12 + 1, number - Int(table.starts[i]) + 1)
  }

  /// Howard Hinnant's civil_from_days: any day, and the reference the tables are tested against.
  static func civil(_ number: Int) -> (year: Int, month: Int, day: Int) {
    let z = number + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  @inline(__always)
  public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  @inline(__always)
  public static func daysIn(year: Int, month: Int) -> Int {
    if month == 2 { return isLeap(year) ? 29 : 28 }
    // 30 for April, June, September and November: bits 4, 6, 9 and 11.
    return (0b1010_0101_0000 >> month) & 1 == 1 ? 30 : 31
  }

  public func adding(days: Int) -> Day { Day(number: number + days) }

  /// Calendar-month addition clamped to the month's end: 2019-11-30 + 3 months = 2020-02-29.
  public func adding(months: Int) -> Day {
    // Within the tables: the target month's first day and length, looked up.
    let table = MonthTables.shared
    if let i = table.month(of: number), months > -table.months, months < table.months {
      let j = i + months
      if j >= 0, j < table.months {
        let day = number - Int(table.starts[i]) + 1
        return Day(number: Int(table.starts[j]) + min(day, Int(table.lengths[j])) - 1)
      }
    }
    return addingByCivil(months: months)
  }

  /// `adding(months:)` through the civil date, for any day: the reference for the tables' path.
  func addingByCivil(months: Int) -> Day {
    let (y, m, d) = Day.civil(number)
    let total = y * 12 + (m - 1) + months
    let year = total >= 0 ? total / 12 : (total - 11) / 12
    let month = total - year * 12 + 1
    return Day(number: Day.number(year: year, month: month, day: min(d, Day.daysIn(year: year, month: month))))
  }

  /// ISO 8601, `2019-03-01`.
  public var description: String {
    let (y, m, d) = components
    guard (0...9999).contains(y) else { return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))" }
    // Ten ASCII digits and dashes, written as bytes on the stack: string interpolation costs ten times as much, and
    // an array a heap allocation, per date shown.
    let digit = { (n: Int) in UInt8(truncatingIfNeeded: 0x30 + n) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { b in
      (b[0], b[1], b[2], b[3], b[4]) = (digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), 0x2D)
      (b[5], b[6], b[7], b[8], b[9]) = (digit(m / 10), digit(m % 10), 0x2D, digit(d / 10), digit(d % 10))
      return String(decoding: UnsafeBufferPointer(b), as: UTF8.self)
    }
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}

/// A date as a register gives it: one day, or a whole month when only the month is known (`2019-03`).
///
/// A month-only date is the interval of its days. Comparisons between spans are three-valued: see
/// `DateSpan.isBefore(_:)`.
public struct DateSpan: Hashable, Sendable, CustomStringConvertible {
  public var first: Day
  public var last: Day

  public init(_ day: Day) {
    first = day
    last = day
  }

  public init(first: Day, last: Day) {
    self.first = first
    self.last = last
  }

  /// The whole month, or nil for an impossible month.
  public init?(year: Int, month: Int) {
    guard let first = Day(year: year, month: month, day: 1),
      let last = Day(year: year, month: month, day: Day.daysIn(year: year, month: month))
    else { return nil }
    self.first = first
    self.last = last
  }

  public var isFullDate: Bool { first == last }

  /// `a < b`: true when a's last day is before b's first day, false when a's first day is on or after b's last
  /// day, nil (unknown) otherwise.
  public func isBefore(_ other: DateSpan) -> Bool? {
    if last < other.first { return true }
    if first >= other.last { return false }
    return nil
  }

  /// `a = b`: true only for two equal full dates, false when the intervals do not overlap, nil otherwise.
  public func isSameDay(as other: DateSpan) -> Bool? {
    if isFullDate && other.isFullDate { return first == other.first }
    if last < other.first || other.last < first { return false }
    return nil
  }

  public func adding(days: Int) -> DateSpan {
    DateSpan(first: first.adding(days: days), last: last.adding(days: days))
  }

  /// Moves both ends, each clamped to its month's end.
  public func adding(months: Int) -> DateSpan {
    DateSpan(first: first.adding(months: months), last: last.adding(months: months))
  }

  /// `2019-03-01` for a day, `2019-03` for a whole month, `2019-03-01..2019-05-31` for any other span.
  public var description: String {
    if isFullDate { return first.description }
    let (y, m, d) = first.components
    let (y2, m2, d2) = last.components
    if y == y2 && m == m2 && d == 1 && d2 == Day.daysIn(year: y, month: m) {
      return "\(Day.pad(y, 4))-\(Day.pad(m, 2))"
    }
    return "\(first)..\(last)"
  }
}
