import ComplyModel
import ComplySIMD

/// A row's date cells written `YYYY-MM-DD`, read together before the general reader (`comply_iso_days`): the form
/// registers write most, ten cells a row in the bundled schema, and through `Schema.readCell` each cost a call and
/// a dispatch on its field's type. The cells it does not read (blank, another form) go to `Schema.readCell`.
///
/// Used only where `Schema.readsISODatesFirst` holds, so it reads exactly what `Schema.readCell` would. The kernel
/// finds each month in tables made from `Day` over `DateParsing.years` (`MonthTables`), so a date's day number is
/// `Day`'s.
final class ISODateColumns {
  /// The date columns, at most 64.
  private let columns: UnsafeMutablePointer<Int32>
  let count: Int
  /// The day numbers of the cells the last `read` read.
  let days: UnsafeMutablePointer<Int64>
  private let months = MonthTables.shared

  init(_ columns: [Int]) {
    count = min(columns.count, 64)
    self.columns = .allocate(capacity: max(count, 1))
    for i in 0..<count { self.columns[i] = Int32(columns[i]) }
    days = .allocate(capacity: max(count, 1))
  }

  deinit {
    columns.deallocate()
    days.deallocate()
  }

  /// Reads the row's date cells from `bytes`, their bounds in `ranges`; bit i of the result is set when column i
  /// was read, as `days[i]`.
  @inline(__always)
  func read(_ bytes: UnsafePointer<UInt8>, _ ranges: CellRanges) -> UInt64 {
    guard count > 0 else { return 0 }
    return ranges.withBounds { read(bytes, bounds: $0) }
  }

  /// `read` for bounds as `CellRanges` stores them, two a cell.
  func read(_ bytes: UnsafePointer<UInt8>, bounds: UnsafePointer<Int>) -> UInt64 {
    comply_iso_days(
      bytes, bounds, columns, Int32(count), Int32(months.firstYear), Int32(months.years), months.starts, months.lengths,
      days)
  }
}

/// The kernel's calendar, by `(year - firstYear) * 12 + month - 1`: the day number of each month's first day, and
/// the month's length, from `Day` over `DateParsing.years`. Made once for the process (it depends on nothing else)
/// and never changed; behind pointers, as an array read on every row is retained and released on every row.
private final class MonthTables: @unchecked Sendable {
  static let shared = MonthTables()

  let firstYear = DateParsing.years.lowerBound
  let years = DateParsing.years.count
  let starts: UnsafeMutablePointer<Int32>
  let lengths: UnsafeMutablePointer<UInt8>

  private init() {
    starts = .allocate(capacity: years * 12)
    lengths = .allocate(capacity: years * 12)
    for (y, year) in DateParsing.years.enumerated() {
      for month in 1...12 {
        starts[y * 12 + month - 1] = Int32(Day(year: year, month: month, day: 1)?.number ?? 0)
        lengths[y * 12 + month - 1] = UInt8(Day.daysIn(year: year, month: month))
      }
    }
  }
}
