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
