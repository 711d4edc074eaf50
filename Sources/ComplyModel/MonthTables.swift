/// The calendar of the years registers use (`DateParsing.years`), by `(year - firstYear) * 12 + month - 1`: the
/// day number of each month's first day, and the month's length, made once for the process from
/// `Day.number(year:month:day:)`. `Day` finds a day's month here instead of dividing its way back to the civil
/// date, and the CSV reader's C date kernel reads the same tables. Behind pointers, never changed: an array read
/// on every row is retained and released on every row.
public final class MonthTables: @unchecked Sendable {
  public static let shared = MonthTables()

  public let firstYear = DateParsing.years.lowerBound
  public let years = DateParsing.years.count
  public let starts: UnsafeMutablePointer<Int32>
  public let lengths: UnsafeMutablePointer<UInt8>
  /// The first day number before the table, and the first after it.
  let first: Int
  let end: Int
  var months: Int { years * 12 }

  private init() {
    let count = DateParsing.years.count * 12
    starts = .allocate(capacity: count)
    lengths = .allocate(capacity: count)
    for (y, year) in DateParsing.years.enumerated() {
      for month in 1...12 {
        starts[y * 12 + month - 1] = Int32(Day.number(year: year, month: month, day: 1))
        lengths[y * 12 + month - 1] = UInt8(Day.daysIn(year: year, month: month))
      }
    }
    first = Int(starts[0])
    end = Int(starts[count - 1]) + Int(lengths[count - 1])
  }

  /// The index of the month holding day `number`, or nil outside the table: a guess from the mean month
  /// (146,097 days in 4,800 months), then a step or two to the month whose first day is not after the day.
  @inline(__always)
  func month(of number: Int) -> Int? {
    guard number >= first, number < end else { return nil }
    var i = min((number - first) * 4800 / 146_097, months - 1)
    while Int(starts[i]) > number { i -= 1 }
    while i + 1 < months, Int(starts[i + 1]) <= number { i += 1 }
    return i
  }
}
